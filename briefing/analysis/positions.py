"""Stated positions of one block, from the dependency parse (GUIDELINES 2).

``block_positions`` finds cue words (``lexicons/cues.toml``: reporting, stance, mental-state verbs, light
verb + noun such as "expressed gratitude", phrasal verbs such as "ruled out", "according to", possessed
stance nouns), the source of each (subject, passive agent, antecedent of a relative clause, the subject a
participle or infinitive inherits), and the content (the complement clause, quote or object). Sources are
kept as *references* (a mention of the block, a pronoun, a role phrase, an unnamed description) that
``extract.assemble`` resolves across blocks. Rules:

* a cue inside another cue's content is the inner speaker's view, not a position of its own
  ("Peskov stated that Moscow is concerned", "an official confirmed that Turkey supports ...");
* a news outlet is a channel ("as reported by HotNews.ro", "Reuters reported", "according to Reuters"):
  never a source;
* a sentence inside a direct quote with no attribution of its own is a position of the quote's speaker
  when the paragraph (or the paragraph just before) attributes the quote;
* documents are no sources ("the report said"), unless they name who issued them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from briefing.analysis import lexicons
from briefing.analysis.models import loaded_pipeline
from briefing.analysis.actors import (
    MentionF,
    main_clause,
    agent_like,
    company_noun,
    base_form,
    dateline,
    furniture,
    np_span,
    outlet_name,
    span_text,
    strip_quantifiers,
)

CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis"}
# a bare prepositional phrase is no complement ("declined slightly from 58 percent", "did not respond to
# messages"); governed prepositions are phrasal cues ("object to", "call for")
OBJECT_DEPS = CLAUSE_DEPS | {"dobj", "attr", "oprd", "dative", "acomp"}
CONTENT_LINKS = {"ccomp", "xcomp", "dobj", "pobj", "pcomp", "acl", "relcl", "csubj", "attr", "oprd", "appos", "prep",
                 "acomp", "advcl_content"}
QUOTE_CHARS = "\"“”«»„"
# a curly quote closed by a straight one and the other way round ('“Immunity deals ...," he said'): typed text
# mixes them, and a quote that never closes would run to the end of the block
_QUOTE_RE = re.compile(r"“[^”\"]*(?:[”\"]|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)|\"[^\"”]*(?:[\"”]|$)")


@dataclass(slots=True)
class SourceRef:
    """Who holds a position, as far as one block can tell; resolved to an actor by ``assemble``."""

    kind: str  # mention | pronoun | role | body | speaker
    mention: int = -1  # block mention index (kind mention; fallback description for role/body)
    cls: str = ""  # pronoun class (person | plural | neuter | speaker) or role word
    surface: str = ""  # the source as written ("he", "Turkish officials")
    offset: int = 0  # absolute offset of the source in the text (for "nearest earlier" lookups)
    ahead: bool = False  # a headline's bare noun ("Club says ..."): the club the article names after it
    noun: str = ""  # the noun of an unnamed source ("official" of "a senior official at the ministry"): a later
    # "the official" is the same source
    pair: str = ""  # "the two companies", "both countries": "kind:noun" of the two actors named last


@dataclass(slots=True)
class PositionF:
    sentence: int
    cue_start: int
    cue_end: int
    cue: str
    content_start: int
    content_end: int
    source: SourceRef
    depth: int = 0  # distance of the cue from its sentence root (main-clause cues win a tie)
    quoted: bool = False  # the sentence carries a direct quote
    signs: tuple[int, int] | None = None  # a signature line ("― Name"): names the speaker of this quote span only


@dataclass(slots=True)
class QuoteF:
    """A sentence of a direct quote with no attribution of its own."""

    sentence: int
    cue_start: int
    cue_end: int
    cue: str
    content_start: int
    content_end: int
    speaker: int = -1  # index of a PositionF of the same block that attributes the quote, -1: ask the block before


@dataclass(slots=True)
class BlockQuoteInfo:
    continuations: list[QuoteF]
    last_speaker: int = -1  # PositionF index of the block's last quote attribution (for the next paragraph)
    opens_with_quote: bool = False  # the block starts with a quote mark
    ends_open: bool = False  # the block ends with an attribution colon or an unclosed quote
    antecedents: list[int] = field(default_factory=list)  # description mentions a later "they" may refer to


# ----------------------------------------------------------------------------------------- lexicon views
@cache
def _cues() -> dict:
    lx = lexicons.load("cues")
    needs: dict[str, str] = {}
    order = {"any": 0, "object": 1, "clause": 2}
    for table in lx.values():  # every class with verbs and what they need; the least demanding wins
        if not isinstance(table, dict) or "needs" not in table:
            continue
        for verb in table["verbs"]:
            need = table["needs"]
            if verb not in needs or order[need] < order[needs[verb]]:
                needs[verb] = need
    phrasal: dict[str, set[str]] = {}
    for pair in lx["phrasal"]["pairs"]:
        verb, part = pair.split(" ", 1)
        phrasal.setdefault(verb, set()).add(part)
    return {
        "needs": needs,
        "light": frozenset(lx["light_verbs"]["verbs"]),
        "light_nouns": frozenset(lx["light_verbs"]["nouns"]),
        "holding": frozenset(lx["holding"]["verbs"]),
        "held": frozenset(lx["holding"]["nouns"]),
        "phrasal": phrasal,
        "stance_nouns": frozenset(lx["stance_nouns"]["nouns"]),
        "channels": frozenset(lx["channels"]["verbs"]),
        "aspect": frozenset(lx["aspect"]["verbs"]),
        "unsaid": frozenset(lx["unsaid"]["verbs"]),
        "refusals": frozenset(lx["unsaid"]["refusals"]),
        "past_aims": frozenset(lx["past_aims"]["verbs"]),
        "manner": frozenset(lx["manner"]["words"]),
        "frames": tuple(lx["prepositional"]["frames"]),
        "view_frames": frozenset(lx["view_frames"]["nouns"]),
        "stance_adj": frozenset(lx["stance_adjectives"]["words"]),
        "stance_adj_comp": frozenset(lx["stance_adjectives"]["need_complement"]),
        "copulas": frozenset(lx["stance_adjectives"]["copulas"]),
        "document_only": frozenset(lx["findings"]["verbs"]),
        "dismissals": frozenset(lx["phrasal"]["dismissals"]),
        "dismissed": frozenset(lx["phrasal"]["dismissed"]),
        "persuaded": frozenset(lx["persuaded"]["verbs"]),
        "not_yet": frozenset(lx["not_yet"]["heads"]),
        "took_time": frozenset(lx["took_time"]["verbs"]),
        "proposals": frozenset(lx["proposals"]["verbs"]),
        "revisions": frozenset(lx["revisions"]["verbs"]),
        "revised": frozenset(lx["revisions"]["nouns"]),
        "decisions": frozenset(lx["decisions"]["verbs"]),
        "to_someone": frozenset(lx["decisions"]["to_someone"]),
        "adjudicators": frozenset(lx["decisions"]["adjudicators"]),
        "proposed_nothing": frozenset(lx["proposals"]["nothing"]),
        "proposed_acts": frozenset(lx["proposals"]["acts"]),
        "time_units": frozenset(lx["took_time"]["units"]),
    }


@cache
def _nouns() -> dict:
    r = lexicons.load("roles")
    p = r["pronouns"]
    return {
        "agent": lexicons.words("roles", "official", "people", "role", "body", "state_collective"),
        "role": lexicons.words("roles", "role"),
        "people": lexicons.words("roles", "people"),
        "official": lexicons.words("roles", "official"),
        "body": lexicons.words("roles", "body"),
        "government": lexicons.words("roles", "government_words"),
        "document": lexicons.words("roles", "document"),
        "pron": {**{w: "person" for w in p["person"]}, **{w: "plural" for w in p["plural"]},
                 **{w: "neuter" for w in p["neuter"]}, **{w: "speaker" for w in p["speaker"]}},
        "relative": frozenset(p["relative"]),
    }


# ----------------------------------------------------------------------------------------- quotes
def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of direct quotes in a block (an unclosed quote runs to the end of the block)."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text) if m.end() - m.start() > 2]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s < pos < e for s, e in spans)


# ----------------------------------------------------------------------------------------- cue finding
# lemmatiser slips of the small English model on cue words ("hopes" -> "hop"), keyed by lemma, with the
# word prefix that proves the slip ("hopped" stays "hop")
_LEMMA_SLIPS = {"hop": ("hope", ("hope", "hoping"))}


def _misread_verb(tok) -> str:
    """The verb lemma of a cue verb the tagger took for a plural noun ("But Trump claims that ...", "X charges
    that ..."): a sentence root with a subject before it and a clause after it; "" otherwise."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.dep_ != "ROOT" or not tok.lower_.endswith("s"):
        return ""
    if not any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children):
        return ""
    if not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return ""
    for lemma in (tok.lower_[:-1], tok.lower_[:-2]):  # "claims" -> claim, "pushes" -> push
        if lemma in _cues()["needs"]:
            return lemma
    return ""


def lemma_of(tok) -> str:
    """The lower-case lemma of ``tok``, with the model's known slips on cue words corrected."""
    misread = _misread_verb(tok)
    if misread:
        return misread
    lemma = tok.lemma_.lower()
    slip = _LEMMA_SLIPS.get(lemma)
    if slip is not None and tok.lower_.startswith(slip[1]):
        return slip[0]
    return lemma


# verbs that name a view through a predicate ("called X a liar", "branded X an outlaw nation")
_NAMING = {"call", "brand", "label", "dub", "term"}


def _cue_of(tok, cues) -> tuple[int, int] | None:
    """If ``tok`` is a cue verb with what it needs, the token range [start, end) of the cue phrase."""
    lemma = lemma_of(tok)
    children = list(tok.children)
    deps = {c.dep_ for c in children}
    if _misattached_clause(tok) is not None:
        deps.add("ccomp")
    start, end = tok.i, tok.i + 1
    # light verb + noun: "expressed gratitude", "voiced concern", "made clear"
    if lemma in cues["light"]:
        for c in children:
            if c.dep_ in ("dobj", "acomp", "oprd", "ccomp", "xcomp") and c.lower_ in cues["light_nouns"]:
                return start, c.i + 1 if c.i > tok.i else end
    if lemma in cues["revisions"]:  # "cut its revenue forecast", "raises outlook"
        for c in children:
            if c.dep_ == "dobj" and c.i > tok.i and c.lower_ in cues["revised"] and all(
                    d.dep_ != "poss" or d.lower_ in ("its", "their") for d in c.children) and not any(
                    d.dep_ == "det" and d.lower_ not in ("its", "their") for d in c.children):
                return start, c.i + 1
    if lemma in cues["holding"]:  # "have doubts about", "harbour reservations"
        for c in children:
            if c.dep_ == "dobj" and c.lower_ in cues["held"] and c.i > tok.i:
                return start, c.i + 1
    if lemma in cues["decisions"] and _decision(tok, children, cues):
        return start, end
    parts = cues["phrasal"].get(lemma)
    if parts and not (lemma in cues["dismissals"] and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in cues["dismissed"] for c in children)):
        for c in children:
            if c.dep_ in ("prt", "prep") and c.lower_ in parts and c.i > tok.i:
                return start, c.i + 1
            if lemma in cues["dismissals"] and c.dep_ == "advmod" and c.lower_ in parts and c.i > tok.i:
                # "brushed the objection aside": the parser makes "aside" an adverb
                return start, c.i + 1
        for c in children:  # "called for the strongholds to be hit": the particle marks a clause
            if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > tok.i:
                mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in parts), None)
                if mark is not None and mark.i == tok.i + 1:
                    return start, mark.i + 1
    need = cues["needs"].get(lemma)
    if need is None:
        return None
    if lemma in _NAMING:  # "called the deal a disaster" names a view; "called a meeting" does not
        objs = [c for c in children if c.dep_ == "dobj"]
        if "oprd" in deps or objs and (deps & {"xcomp", "attr"} or len(objs) >= 2 or
                     any(c.dep_ == "dobj" for o in objs for c in o.children)):
            return start, end
        if not deps & CLAUSE_DEPS and not _colon_or_quote_after(tok):
            return None
    if lemma == "tell" and not deps & CLAUSE_DEPS and not _colon_or_quote_after(tok) and not _colon_after(tok) and not any(
            c.dep_ == "dative" or c.dep_ == "dobj" and (c.pos_ in ("PROPN", "PRON") or lemma_of(c) in _nouns()["agent"]
                                                        or agent_like(lemma_of(c)) or _partitive_of(c) is not None)
            for c in children):
        return None  # "tell the truth", "tell more jokes" say nothing to anyone
    if lemma in cues["proposals"] and not _proposal(tok, children, cues):
        return None
    if lemma == "continue" and not _colon_or_quote_after(tok):  # "continued:" introduces more of a quote
        return None
    if lemma in ("rule", "point", "find", "figure") and not deps & CLAUSE_DEPS:
        return None
    if need == "clause" and not deps & CLAUSE_DEPS and not _colon_or_quote_after(tok) and tok.dep_ != "parataxis" \
            and not _trailing(tok):
        return None  # (a parenthetical "..., he added, ..." reports the clause it interrupts)
    if need == "object" and not deps & OBJECT_DEPS and not _colon_or_quote_after(tok):
        return None
    return start, end


def _decision(tok, children, cues) -> bool:
    """A court's, tribunal's or arbitrator's decision: "the tribunal awarded Ghana two thirds of the zone", "Tribunal
    gives Ghana most of ...", "the Court of Appeal overturned the ruling"; what is decided as object, the body as
    subject (of this verb or of the verb it is joined to)."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MAYBE for c in children):
        return False
    if not any(c.dep_ == "dobj" and c.i > tok.i for c in children):
        return False
    lemma = lemma_of(tok)
    if lemma in cues["to_someone"] and not (any(c.dep_ == "dative" for c in children) or sum(
            1 for c in children if c.dep_ == "dobj") >= 2):
        return False  # ("gives Ghana most of the zone": the parser often takes the receiver for a second object)
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in children):
        return False  # "... after the district court upheld the law": the time of something else, background
    t = tok
    while t.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in t.children):
        t = t.head
    # (any subject: the parser takes a dateline for a second one, "GENEVA (WAM) - An arbitral tribunal awarded")
    return any(c.dep_ == "nsubj" and ({c.lemma_.lower(), c.lower_} | {d.lower_ for d in c.children
                                                                     if d.dep_ == "compound"}) & cues["adjudicators"]
               for c in t.children)


_MAYBE = {"could", "might", "may", "can"}


def _proposal(tok, children, cues) -> bool:
    """Does "offer" put a proposal forward: what is offered ("offered Togo joint patrols"), or an infinitive
    ("offered to mediate"); not nothing ("offered no details"), an act ("offered his resignation") or a negated
    offer ("did not offer")?"""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in _MAYBE for c in children):
        return False  # ("could offer a retort" says what something might do)
    if tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children):
        return False  # "obligates countries to offer protection": the object would offer, not the subject
    if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in children):
        return True
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return False
    words = {obj.lower_} | {c.lower_ for c in obj.children if c.dep_ in ("det", "amod", "nummod")}
    return not words & cues["proposed_nothing"] and obj.lemma_.lower() not in cues["proposed_acts"] \
        and obj.lower_ not in cues["proposed_acts"]


def _left_of(tok) -> int:
    """The first token of ``tok``'s phrase without the punctuation the parser hung at its left."""
    return min([c.left_edge.i for c in tok.children if not c.is_punct and c.i < tok.i] + [tok.i])


def _trailing(tok) -> bool:
    """A report after what it reports that the parser hung under it ("A model predicted the drought in June,
    researchers at the institute reported on Tuesday."): a subject of its own, after a comma, nothing else said."""
    doc = tok.doc
    left = _left_of(tok)
    return tok.dep_ == "ccomp" and tok.head.i < left and left > 0 and doc[left - 1].text == "," and any(
        c.dep_ == "nsubj" and c.i < tok.i for c in tok.children) and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)


def _misattached_clause(tok):
    """A "that" clause the parser hung on the verb's object as a relative clause ("told a meeting of island
    leaders that few people understood ...": "that" is its complementiser, not its subject or object); None
    when there is none."""
    for c in tok.children:
        if c.dep_ not in ("dobj", "dative") or c.i < tok.i:
            continue
        for g in c.subtree:
            if g.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < g.i
                                                  for m in g.children):
                return g
    return None


def _colon_after(tok) -> bool:
    """Does the verb's phrase end in a colon that introduces what follows ("told the assembly:")?"""
    edge = tok.right_edge
    nxt = edge.i + 1
    return edge.text == ":" or nxt < len(tok.doc) and tok.doc[nxt].text == ":"


def _colon_or_quote_after(tok) -> bool:
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.text == ":" or nxt.text in QUOTE_CHARS):
        return True
    if nxt is not None and nxt.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 2].text in QUOTE_CHARS:
        return True  # 'He continued, "..."'
    prev = doc[tok.i - 1] if tok.i > 0 else None
    # '"...," he said' / '"...," said Smith': a quote closes just before the subject or verb
    for t in (prev, doc[tok.i - 2] if tok.i > 1 else None, doc[tok.i - 3] if tok.i > 2 else None):
        if t is not None and t.text in QUOTE_CHARS:
            return True
    # '"...," Ambassador Lena Ortiz recalled': the quote closes just before a longer subject
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    return subj is not None and subj.left_edge.i > 0 and doc[subj.left_edge.i - 1].text in QUOTE_CHARS


def _widen(tok, start: int, end: int, cues) -> tuple[int, int]:
    """Add manner adverbs ("firmly opposing") and aspect verbs ("continues to resist") to a cue."""
    doc = tok.doc
    if start > 0 and doc[start - 1].dep_ == "advmod" and doc[start - 1].lower_ in cues["manner"]:
        start -= 1
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues["aspect"] and tok.head.i < tok.i:
        start = min(start, tok.head.i)
    return start, end


def _subject(tok, skip: int = -1):
    """The token that holds the position expressed by verb ``tok`` (None when it has no agent).

    ``skip``: tokens before this index are a dateline ("LISBON - The ministry said"), never the subject.
    """
    t = tok
    for step in range(5):
        subj = None
        passive = None
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj") and c.i < skip:
                # the parser took the dateline for the subject: the real one is its apposition, if any
                c = next((a for a in c.children if a.dep_ == "appos" and a.i >= skip), None)
                if c is None:
                    continue
            if c.dep_ in ("nsubj", "csubj", "appos") and (subj is None or (
                    c.dep_ != "appos" and abs(c.i - t.i) < abs(subj.i - t.i))):
                # two subjects: the parser took the quote's own subject for the verb's too ("'My reaction, that
                # was outrageous,' the strategist said", "'Full panic mode,' said Leslie Wimes"): the nearest
                subj = c
            elif c.dep_ == "nsubjpass":
                passive = c
            elif c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        if subj is not None:
            if subj.lower_ in _nouns()["relative"] and t.dep_ == "relcl":
                return _antecedent(t.head)
            return subj
        if passive is not None and step > 0:  # "X was quoted as saying"
            return passive
        if t.dep_ == "relcl":
            return _antecedent(t.head)
        if t.dep_ == "acl" and step == 0 and (t.tag_ in ("VBG", "VBD", "VBZ") or any(
                c.dep_ == "ccomp" for c in t.children)):
            # "officials speaking on condition ..."; a finite verb is no modifier: the parser hung the
            # predicate on its subject ("A University poll found last week that ...")
            if t.head.lemma_.lower() in _nouns()["document"] and t.head.dep_ == "dobj" and t.head.head.pos_ == "VERB":
                t = t.head.head  # "X issued a statement welcoming ...", "filed papers opposing ...": X's
                continue
            if t.head.lemma_.lower() in _nouns()["document"] and t.head.dep_ == "pobj" and t.head.head.lower_ in (
                    "with", "in") and t.head.head.head.pos_ == "VERB":
                t = t.head.head.head  # "X responded with a statement calling the report a smear": X's
                continue
            return t.head
        if t.dep_ == "pcomp" and t.head.lower_ == "without":  # "it goes without saying"
            return None
        if t.dep_ == "pcomp" and t.head.lower_ in ("for", "over") and t.head.dep_ == "prep" and any(
                c.dep_ in ("dobj", "dative") for c in t.head.head.children):
            # "fined the company for announcing a profit warning late", "praised the firm for saying ...": the
            # object did it, and what the object said is reported inside the verb's own act or stance
            return None
        if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp") and t.head.i != t.i:
            t = t.head
            continue
        return None
    return None


def _antecedent(head):
    """What a relative pronoun stands for: its head noun, or, when that noun is a predicate of the subject
    ("X is a critic, economist and author who has argued ..."), the subject itself."""
    t = head
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "attr" and t.head.lemma_.lower() in ("be", "become", "remain"):
        subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return head


def _content(tok, cue_start: int, cue_end: int, sent) -> tuple[int, int]:
    """Token range of what is claimed: the complement clause, quote or object; else the rest of the sentence."""
    doc = tok.doc
    pick = None
    last = doc[cue_end - 1]
    if last.i != tok.i and last.pos_ in ("NOUN", "ADJ"):  # light verb: the noun and what follows it
        s, e = last.i, last.right_edge.i + 1
        for c in tok.children:
            if c.i > last.i and c.dep_ in ("advcl", "ccomp", "xcomp", "prep"):
                e = max(e, c.right_edge.i + 1)
        return _trim(doc, s, e)
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "parataxis") and (pick is None or pick.dep_ not in ("ccomp",)):
            pick = c
    if pick is None:
        pick = _misattached_clause(tok)
    if pick is None and _trailing(tok):
        return _trim(doc, sent.start, _left_of(tok))
    if pick is None:
        for c in tok.children:
            if c.dep_ in ("dobj", "attr", "oprd", "dative") or (c.dep_ in ("prep", "prt") and c.i >= cue_end - 1):
                if c.dep_ == "prt":
                    continue
                pick = c
                break
    if pick is not None:
        s, e = pick.left_edge.i, pick.right_edge.i + 1
        if pick.dep_ == "prep" and doc[cue_end - 1].i == pick.i:
            s = pick.i + 1
        # an object of a stance verb keeps its modifiers; a clause drops its complementiser
        while s < e and (doc[s].dep_ == "mark" and doc[s].lower_ in ("that", "whether", "if") or doc[s].is_punct):
            s += 1
        return _trim(doc, s, e)
    if cue_end < sent.end - 1:
        return _trim(doc, cue_end, sent.end)
    return _trim(doc, sent.start, cue_start)


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return s, e


def _embedded_in(tok, other) -> bool:
    """Is cue verb ``tok`` inside the content of cue verb ``other`` (not merely coordinated with it)?"""
    if (tok.dep_ == "conj" and _coordinated_report(tok)) or _trailing(tok):
        return False  # (a trailing report is the attribution of the clause it was hung under)
    t = tok
    content_link = False
    while t.head.i != t.i:
        if t.dep_ not in ("conj", "advcl", "cc"):
            content_link = True
        if t.head.i == other.i:
            return content_link or t.dep_ not in ("conj", "advcl")
        t = t.head
    return False


def _coordinated_report(tok) -> bool:
    """"X emphasized that A, and rights groups warned that B": a report with its own subject and its own clause,
    joined by ", and"/", but" (the parser hangs it inside the first report's clause); not "that prices rose and
    traders expected more", which has no comma and stays inside."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    cc = next((c for c in list(tok.children) + [c for c in tok.head.children if c.i < tok.i]
               if c.dep_ == "cc" and c.lower_ in ("and", "but", "while")), None)
    if subj is None or subj.pos_ == "PRON" or cc is None or cc.i == 0 or cc.doc[cc.i - 1].text != ",":
        return False
    return any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) and tok.head.i < tok.i


# ----------------------------------------------------------------------------------------- sources
_STATIVE = {"have", "be", "get", "need", "remain", "seem", "lack", "own", "hold", "face"}
_GENERIC_PEOPLE = {"people", "person", "man", "woman", "member", "group", "organization", "organisation",
                   "community", "family", "local", "friend", "colleague", "host", "player", "state", "country",
                   "nation", "company", "firm", "bank", "agency", "authority", "government", "office", "house"}
def _source_refs(tok, ctx) -> list[SourceRef]:
    """Resolve a subject token to source references (several for "France and the UK")."""
    refs: list[SourceRef] = []
    seen: set[int] = set()

    def one(t) -> SourceRef | None:
        nouns = _nouns()
        doc = t.doc
        off = ctx.offset
        lower = t.lower_
        head = _headline_noun(t, ctx)
        if head is not None:
            return head
        if t.i in ctx.tok2m:
            m = ctx.mentions[ctx.tok2m[t.i]]
            return SourceRef("mention", ctx.tok2m[t.i], surface=m.surface, offset=m.start)
        if lower in nouns["pron"] and t.pos_ == "PRON":
            return SourceRef("pronoun", cls=nouns["pron"][lower], surface=t.text, offset=off + t.idx)
        if t.pos_ not in ("NOUN", "PROPN"):
            return None
        s, e = np_span(t)
        lemma = t.lemma_.lower()
        poss = next((c for c in t.children if c.dep_ == "poss" and c.i in ctx.tok2m), None)
        if poss is not None and lemma in nouns["body"]:
            # "Clinton's campaign": a body named through its parent; "Turkey's government": the state itself
            pm = ctx.mentions[ctx.tok2m[poss.i]]
            if pm.kind == "state" and lemma in nouns["government"]:
                return SourceRef("mention", ctx.tok2m[poss.i], surface=span_text(doc, s, e), offset=pm.start)
            if pm.kind in ("person", "organization", "state", "group", "unknown"):
                # ("unknown": a name tagged as a common noun at the sentence start, "Ibarra's campaign")
                name = f"{pm.name.split()[-1] if pm.kind in ('person', 'unknown') else pm.name} {t.text}"
                idx = len(ctx.mentions)
                surface = base_form(span_text(doc, s, e))
                ctx.mentions.append(MentionF(off + doc[s].idx, off + doc[e - 1].idx + len(doc[e - 1].text), surface,
                                             name, "organization", ctx.cur_sentence, "body"))
                return SourceRef("mention", idx, surface=surface, offset=off + doc[s].idx)
        # a named body inside the phrase: "a spokesman for the Foreign Ministry", "the head of the agency"
        issued = lemma in nouns["document"]
        # "Obama's former campaign strategist", "Scott's family": people named through someone who speak for
        # themselves ("Chile's mining minister", "Clinton's spokesman" speak for whom they serve)
        own_voice = lemma in lexicons.words("roles", "own_voice") or any(
            c.lower_ in ("former", "ex") for c in t.children)
        body_poss = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in ctx.tok2m
                          and any(d.lower_ == "the" for d in c.children)), None)
        if body_poss is not None and not own_voice and not issued and (
                lemma in nouns["role"] or lemma in nouns["people"]):
            # "the directorate's spokeswoman said": the body the article named with that word
            surface = span_text(doc, s, e)
            fallback = ctx.add_description(surface, surface, off + doc[s].idx, off + doc[e - 1].idx + len(doc[e - 1].text))
            return SourceRef("body", fallback, cls=body_poss.lemma_.lower(), surface=surface, offset=off + doc[s].idx)
        for c in t.subtree:
            if c.i in ctx.tok2m and c.dep_ not in ("relcl", "acl"):
                anc = c
                m = ctx.mentions[ctx.tok2m[c.i]]
                # ("a U.S. senator said" is the senator's; "U.S. officials", "a French minister" speak for the state)
                ok = not (own_voice and c.dep_ in ("poss", "compound")) and not (
                    m.kind == "state" and c.dep_ in ("compound", "amod", "nmod") and c.head.i == t.i
                    and lemma not in nouns["official"])
                while ok and anc.i != t.i:
                    if anc.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos", "conj") or (
                            anc.dep_ == "prep" and anc.lower_ in ("including", "like", "such")) or (
                            anc.lower_ in lexicons.words("roles", "affiliation")) or (
                            # "people familiar with Cobalt's thinking", "fishing crews from Lerwick": a name that
                            # places unnamed people is no source (officials "in Ottawa" still speak for Canada)
                            anc.dep_ == "prep" and anc.lower_ in ("from", "in") and lemma not in nouns["official"]
                            and ctx.mentions[ctx.tok2m[c.i]].kind != "organization") or (
                            issued and anc.dep_ == "prep" and anc.lower_ not in ("by", "from")):
                        # (a document names its issuer "by"/"from" or before it: "a poll of Ohio voters" does not)
                        ok = False  # members listed after the head are sources of their own (walk below)
                        break
                    anc = anc.head
                if ok:
                    m = ctx.mentions[ctx.tok2m[c.i]]
                    if m.how == "outlet":
                        return None
                    return SourceRef("mention", ctx.tok2m[c.i], surface=span_text(doc, s, e) or m.surface,
                                     offset=m.start, noun=lemma if doc[s].lower_ in ("a", "an") else "")
        if lemma in nouns["document"]:
            return None
        body, body_end = _body_of_members(t, lemma, nouns)
        if not (lemma in nouns["agent"] or agent_like(lemma)):
            if doc[s].lower_ == "the" and t.tag_ == "NN" and t.pos_ == "NOUN" and e - s == 2:
                # "the fund warned" after "the International Monetary Fund": the organisation whose name
                # ends in that noun, if the article named one (resolved in assemble; nothing otherwise)
                return SourceRef("body", -1, cls=lemma, surface=span_text(doc, s, e), offset=off + doc[s].idx)
            return None
        e = max(_affiliation_end(t, e), body_end)
        surface = span_text(doc, s, e)
        words = strip_quantifiers(doc[s:e])
        desc = span_text(doc, words[0].i, words[-1].i + 1) if words else surface
        det = doc[s].lower_ if s < e else ""
        fallback = ctx.add_description(desc, surface, off + doc[s].idx, off + doc[e - 1].idx + len(doc[e - 1].text))
        noun = lemma if det in ("a", "an") and t.tag_ == "NN" else ""
        pair = _PAIR_KINDS.get(lemma, "") if t.tag_ == "NNS" and any(
            c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in t.children) else ""
        if pair:  # "the two companies argued", "both governments said": the two named last
            return SourceRef("mention", fallback, surface=surface, offset=off + doc[s].idx, pair=f"{pair}:{lemma}")
        if body:  # "League officials said", "the appeal judges ruled": the league, the court
            return SourceRef("body", fallback, cls=body, surface=surface, offset=off + doc[s].idx, noun=noun)
        if det == "the" and t.tag_ == "NNS" and t.lower_ in ("researchers", "scientists", "authors") and e - s == 2:
            # "the researchers", "the authors": the research body the article named (the study's institute)
            return SourceRef("body", fallback, cls=t.lower_, surface=surface, offset=off + doc[s].idx)
        if det in ("the", "his", "her", "its", "their") and t.tag_ in ("NN", "NNP"):
            if lemma in nouns["role"]:
                return SourceRef("role", fallback, cls=lemma, surface=surface, offset=off + doc[s].idx)
            if lemma in nouns["body"]:
                return SourceRef("body", fallback, cls=lemma, surface=surface, offset=off + doc[s].idx)
            if det == "the" and lemma in nouns["people"] and e - s == 2:
                # "The official said" after "a senior official at the ministry said": the same source
                return SourceRef("role", fallback, cls=lemma, surface=surface, offset=off + doc[s].idx)
        return SourceRef("mention", fallback, surface=surface, offset=off + doc[s].idx, noun=noun)

    def walk(t) -> None:
        if t.i in seen:
            return
        seen.add(t.i)
        part = _partitive_of(t) if t.i not in ctx.tok2m else None
        if part is not None:  # "Many of his supporters believe", "most of the lawmakers said": the whole
            walk(part)
            return
        named = [c for c in t.children if c.dep_ == "appos" and c.i in ctx.tok2m] if t.i not in ctx.tok2m else []
        if named and t.pos_ == "NOUN":
            # a description with the names after it: "Consumer group FairTech", "Two coalition members, Rita
            # Vance and Omar Haddad,", "The UN envoy, Paolo Rinaldi,": the names are the sources
            for c in named:
                walk(c)
            return
        front = _fronted_mention(t, ctx)
        r = one(t) if front is None else front
        if r is not None:
            refs.append(r)
        for c in t.children:
            if c.dep_ == "conj":
                walk(c)
            elif c.dep_ == "prep" and c.lower_ in ("including", "like"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        walk(p)
            elif c.dep_ == "prep" and c.lower_ == "such":
                for p in c.subtree:
                    if p.dep_ == "pobj":
                        walk(p)
                        break

    walk(tok)
    return refs


def _headline_noun(t, ctx, misread: bool = False) -> SourceRef | None:
    """A headline's subject written as a bare role or body noun, headline style ("Club says it will appeal",
    "Appeal court rules ...", "Minister vows to ...", "Start-up says ...", "..., regulator says"): the club, court or
    minister the article names (after it, as a rule), resolved like "the club" (``ahead``); unresolved, it stays
    a description. A bare "study" ("..., study says", "Study finds ...") is the research body the article names
    (a document states what its issuer found: GUIDELINES 6); none named, no source."""
    # (``misread``: the subject of a verb the tagger took for a noun, see _headline_verb)
    if t.dep_ not in ("nsubj", "nsubjpass") and not misread or t.tag_ not in ("NN", "NNP") or t.pos_ not in (
            "NOUN", "PROPN"):
        return None
    doc = t.doc
    lemma = t.lower_
    first = t.left_edge.i
    if t.i - first >= 2 and doc[t.i - 1].text == "-":  # "Start-up", "Spin-off": the word is the hyphenated pair
        lemma = doc[t.i - 2].lower_ + lemma
    nouns = _nouns()
    study = lemma in _STUDIES
    if not study and lemma not in nouns["role"] and lemma not in nouns["body"] and not company_noun(lemma):
        return None  # ("Satellite maker blames software ...": a company noun names the company too)
    sent = t.sent
    if not (ctx.clause and sent.start > 0 or doc[sent.start].text[:1].isupper()):
        return None  # (a later clause of a headline split at its semicolons starts in lower case: "...; union warns")
    if first != sent.start and not _trailing_report(t):
        return None
    if not ctx.clause and not ctx.open_line:
        return None  # a headline or subhead has no final punctuation (GUIDELINES 0)
    if any(x.pos_ in ("DET", "PRON") or x.dep_ == "poss" and not _descriptive_genitive(x, ctx) or x.i in ctx.tok2m and (
            ctx.mentions[ctx.tok2m[x.i]].how not in ("propn", "noun")) for x in doc[first:t.i + 1]):
        return None  # "The club says", "Ofcom chief says": a phrase of the usual kind
    if t.i in ctx.tok2m and ctx.mentions[ctx.tok2m[t.i]].how not in ("propn", "noun"):
        return None
    off = ctx.offset
    surface = span_text(doc, first, t.i + 1)
    if study:
        # (a reference of its own kind, not a body noun: "study" is no alias of the institute)
        return SourceRef("mention", -1, cls="researchers", surface=surface, offset=off + doc[first].idx, ahead=True)
    if t.i in ctx.tok2m:
        fallback = ctx.tok2m[t.i]
    else:
        fallback = ctx.add_description(surface, surface, off + doc[first].idx, off + t.idx + len(t.text))
    kind = "role" if lemma in nouns["role"] else "body"
    return SourceRef(kind, fallback, cls=lemma, surface=surface, offset=off + doc[first].idx, ahead=True)


# documents of research whose bare mention in a headline ("..., study says") stands for the body that made them
_STUDIES = {"study", "research", "paper"}


def _trailing_report(t) -> bool:
    """Is ``t`` the subject of a report that follows what it reports after a comma ("AI model flagged the drought
    early, study says")?"""
    verb = t.head
    doc = t.doc
    left = t.left_edge.i
    return t.dep_ == "nsubj" and verb.i > t.i and left > 0 and doc[left - 1].text == "," and any(
        c.dep_ in ("ccomp", "parataxis") and c.i < left for c in verb.children)


def _headline_verb(tok, ctx):
    """A headline's verb the tagger took for a plural noun before a plural object it took for the verb ("Government
    rejects calls for an inquiry", "Minister slams plans ...": the small model reads "rejects calls" as a noun and its
    verb): a candidate of the stance or report, its source the bare noun or name that opens the line; None otherwise."""
    if not (ctx.open_line or ctx.clause) or tok.tag_ != "NNS" or not tok.text.islower() or not tok.lower_.endswith("s"):
        return None
    doc = tok.doc
    sent = tok.sent
    if tok.i == sent.start or tok.i + 1 >= sent.end or not doc[tok.i + 1].is_alpha:
        return None
    cues = _cues()
    lemma = next((w for w in (tok.lower_[:-1], tok.lower_[:-2]) if cues["needs"].get(w) in ("any", "object")), "")
    if not lemma:
        return None
    opener = doc[sent.start:tok.i]  # the subject: a bare noun or a name, nothing else
    if len(opener) > 4 or not doc[sent.start].text[:1].isupper() or not all(
            t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NN", "NNP") for t in opener):
        return None
    subj = opener[-1]
    if subj.i in ctx.tok2m:
        m = ctx.mentions[ctx.tok2m[subj.i]]
        if m.how == "outlet" or any(ctx.tok2m.get(t.i) != ctx.tok2m[subj.i] for t in opener):
            return None
        refs = [SourceRef("mention", ctx.tok2m[subj.i], surface=m.surface, offset=m.start)]
    else:
        ref = _headline_noun(subj, ctx, misread=True)
        if ref is None:
            return None
        refs = [ref]
    return tok, tok.i, tok.i + 1, refs, _trim(doc, tok.i + 1, sent.end), _inside(quote_spans(doc.text), tok.idx)


def _descriptive_genitive(x, ctx) -> bool:
    """A plural common noun in the genitive that says what kind the body is, not whose ("players' union",
    "farmers' group"): part of a headline's bare noun phrase."""
    return x.tag_ == "NNS" and x.pos_ == "NOUN" and x.i not in ctx.tok2m and x.i + 1 < len(x.doc) and \
        x.doc[x.i + 1].tag_ == "POS" and x.doc[x.i + 1].text in ("'", "’")


_PAIR_KINDS = {"ministry": "state", "company": "organization", "firm": "organization", "bank": "organization", "group": "organization",
               "organization": "organization", "organisation": "organization", "party": "organization",
               "union": "organization", "carrier": "organization", "airline": "organization",
               "country": "state", "nation": "state", "government": "state", "state": "state", "side": "any",
               "neighbour": "state", "neighbor": "state", "capital": "state",
               "leader": "person", "man": "person", "woman": "person", "minister": "person", "candidate": "person"}


def _attributive(tok) -> bool:
    """A passive participle that describes a noun with its agent ("temples claimed by both countries", "a stretch of
    sea claimed by Ghana and Togo"): the narrator names a thing by a stance held elsewhere, background (GUIDELINES
    2), not a stance stated in the story."""
    if tok.tag_ not in ("VBN", "VBD") or not any(c.dep_ == "agent" for c in tok.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children):
        return False  # "the territory was claimed by both": a clause of its own
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return True
    # (the parser often hangs the reduced relative on the verb: "shelling around temples claimed by both countries")
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.dep_ == "advcl" and prev is not None and prev.pos_ in ("NOUN", "PROPN") and not prev.is_sent_start


def _voted(tok) -> bool:
    """"voted 8-5 to reject the budget": a vote is an action (GUIDELINES 6), not a stated stance."""
    head = tok.head
    return tok.dep_ in ("xcomp", "advcl") and head.lemma_.lower() == "vote" and head.i < tok.i


def _frame(tok) -> bool:
    """Is this cue an "according to" frame?"""
    return lemma_of(tok) == "accord" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def _body_of_members(t, lemma: str, nouns) -> tuple[str, int]:
    """The body that people named by their place in it speak for: "League officials", "club bosses",
    "company executives" (a body noun before a noun for people), "the appeal judges" (members of a court),
    "officials at the regulator" (and the token end of that phrase); ("", 0) otherwise."""
    plural = t.tag_ in ("NNS", "NNPS")
    if plural and lemma in lexicons.words("roles", "members"):
        return lexicons.load("roles")["members"][lemma], 0
    if lemma not in nouns["people"] and lemma not in nouns["role"] and lemma not in _LEADERS:
        return "", 0
    if not plural and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
        return "", 0  # "the company spokesman" refers back to the spokesman the article named
    for c in t.children:
        if c.dep_ == "compound" and c.i < t.i and c.lemma_.lower() in nouns["body"] and c.lemma_.lower() not in (
                "group", "campaign", "team", "office"):
            return c.lemma_.lower(), 0
        if c.dep_ == "prep" and c.lower_ in ("at", "for", "of", "from"):
            # "officials at the regulator", "a spokeswoman for the authority", "a spokesman for the fund"
            for o in c.children:
                if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.tag_ == "NN" and any(
                        d.dep_ in ("det", "poss") and d.lower_ in ("the", "its") for d in o.children):
                    return o.lemma_.lower(), o.right_edge.i + 1
    return "", 0


_LEADERS = {"boss", "chief", "executive", "leader", "official", "spokesperson", "spokesman", "spokeswoman",
            "representative", "director", "head", "manager", "member"}


def _affiliation_end(t, end: int) -> int:
    """The end of an unnamed source's description with the words that place it: "a source close to the
    negotiations", "people familiar with the plan", "a person with knowledge of the deal"."""
    aff = lexicons.load("roles")["affiliation"]
    for c in t.rights:
        if c.i < end:
            continue
        if (c.dep_ in ("amod", "acl", "prep", "advmod") and (
                c.lower_ in aff["words"] or (c.lower_ == "with" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in aff["with_nouns"] for p in c.children)))) or (
                c.dep_ == "prep" and c.lower_ in ("from", "in") and t.tag_ == "NNS" and t.lemma_.lower() not in
                lexicons.words("roles", "official") and any(
                    p.dep_ == "pobj" and p.pos_ == "PROPN" for p in c.children)) or (
                c.dep_ == "relcl" and c.left_edge.lower_ == "who" and c.right_edge.i - t.i <= 10):
            # ("two researchers who have reviewed the data": a short relative clause says who they are)
            last = c.right_edge.i
            while last > c.i and (c.doc[last].is_punct or c.doc[last].tag_ == "POS"):
                last -= 1
            return last + 1
        break
    return end


_PARTITIVES = {"many", "some", "most", "all", "few", "several", "half", "majority", "minority", "none", "one",
               "two", "three", "four", "five", "both", "each", "any", "number", "share", "percent", "proportion",
               "plurality", "fraction", "third", "quarter", "dozen", "dozens", "hundreds", "thousands", "others"}


def _partitive_of(t):
    """The group a quantifier subject picks from ("many of his supporters", "63 percent of voters"), or None."""
    if t.lower_ not in _PARTITIVES and t.lemma_.lower() not in _PARTITIVES:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN", "PRON") or pobj.lower_ in ("them", "us", "whom"):
        return None
    return pobj


def _fronted_mention(t, ctx) -> SourceRef | None:
    """The name before a subject description set off by a comma at the sentence start ("Tutorly, the largest
    supplier of classroom chatbots, welcomed ..."): the name is the source, the description its apposition."""
    if t.dep_ != "nsubj" or t.pos_ != "NOUN" or t.i in ctx.tok2m:
        return None
    doc = t.doc
    left = t.left_edge.i
    if left < 2 or doc[left - 1].text != "," or (left - 2) not in ctx.tok2m:
        return None
    m = ctx.mentions[ctx.tok2m[left - 2]]
    first = left - 2
    while first > 0 and ctx.tok2m.get(first - 1) == ctx.tok2m[left - 2]:
        first -= 1
    if not doc[first].is_sent_start or m.how == "outlet":
        return None
    return SourceRef("mention", ctx.tok2m[left - 2], surface=m.surface, offset=m.start)


class _Ctx:
    """What the position rules of one block share: offsets, mentions and new description mentions."""

    def __init__(self, offset: int, sentence_of, mentions: list[MentionF], tok2m: dict[int, int]) -> None:
        self.offset = offset
        self.sentence_of = sentence_of
        self.mentions = mentions
        self.tok2m = tok2m
        self.extra: dict[int, MentionF] = {}  # description mentions, used only when a source needs them
        self.antecedents: set[int] = set()  # description mentions that a later "they" may refer to
        self.cur_sentence = 0
        self.clause = False  # scanning a headline clause parsed on its own (see _headline_clauses)
        self.open_line = False  # the block is a line with no final punctuation: a headline or subhead

    def add_description(self, desc: str, surface: str, start: int, end: int) -> int:
        idx = len(self.mentions)
        name = base_form(desc)
        self.mentions.append(MentionF(start, end, base_form(surface), name, "group", self.cur_sentence, "description"))
        self.extra[idx] = self.mentions[idx]
        return idx


# ----------------------------------------------------------------------------------------- per block
def block_positions(doc, offset: int, sentence_of, mentions: list[MentionF], tok2m: dict[int, int],
                    first_sentence: int, sents=None, furn=None, text: str | None = None
                    ) -> tuple[list[PositionF], BlockQuoteInfo]:
    cues = _cues()
    ctx = _Ctx(offset, sentence_of, mentions, tok2m)
    text = doc.text if text is None else text
    qspans = quote_spans(text)
    out: list[PositionF] = []
    sents = list(doc.sents) if sents is None else sents
    furn = [furniture(x) for x in sents] if furn is None else furn
    sent_has_own: set[int] = set()
    quote_positions: list[int] = []
    ctx.open_line = _open_line(text)

    def scan(sent, si: int, sidx: int, doc, offset: int, tok2m: dict[int, int], qspans, text: str) -> None:
        """The positions of one sentence (of the block's parse, or of a headline clause parsed on its own)."""
        skip = dateline(sent)
        cands: list[tuple[object, int, int, list[SourceRef], tuple[int, int], bool]] = []
        silent: list[object] = []  # cue verbs whose speaker is no actor
        for tok in sent:
            lemma = lemma_of(tok)
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNS", "NNPS") and tok.i not in tok2m:
                # plural people named by a description are antecedents for a later "they"
                # (not inside a direct quote: the speaker's "our customers", "parents should" are no actors of the
                # article; not with a verb of having or being: "providers would have until September")
                # (a group acting inside what someone reports, "said the workers had accepted", or inside a
                # relative or "whether" clause is talked about, not acting in the story)
                acting = (tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and main_clause(tok.head)
                          and lemma in _nouns()["people"]
                          and lemma not in _GENERIC_PEOPLE and tok.head.lemma_.lower() not in _STATIVE
                          and not _inside(qspans, tok.idx))
                for r in _source_refs(tok, ctx):
                    if r.kind == "mention" and r.mention >= 0:
                        ctx.antecedents.add(r.mention)
                        m = ctx.mentions[r.mention]
                        if acting and m.how == "description" and not r.pair:  # ("the two neighbours": named)
                            m.how = "acting"  # "Protesters blocked the road": a group that acts is an actor
            is_frame = _frame(tok)
            head_verb = _headline_verb(tok, ctx)
            if head_verb is not None:  # "Government rejects calls for an inquiry": "rejects" tagged a noun
                cands.append(head_verb)
                continue
            if (tok.pos_ in ("VERB", "AUX") and tok.tag_.startswith("VB") or _misread_verb(tok)) and not is_frame:
                if lemma in cues["channels"] and _channel(tok, ctx):
                    continue
                rng = _cue_of(tok, cues)
                if lemma in cues["persuaded"]:
                    cand = _persuaded(tok, skip, ctx, qspans)
                    if cand is not None:  # "Opposition leader X was not persuaded"
                        cands.append(cand)
                    continue
                if rng is not None and (_unsaid(tok, lemma, cues) or _not_yet(tok, cues)):
                    # "has yet to say whether it will keep X for the models it plans to launch": what was not
                    # said holds no position of its own either
                    silent.append(tok)
                    continue
                if rng is None or _hypothetical(tok) or _took_time(tok, cues) or _voted(tok) or _attributive(tok):
                    continue
                subj = _subject(tok, skip)
                if subj is None or _headline_verb(subj, ctx) is not None:
                    continue  # ("calls" in "Government rejects calls for ...": the object the tagger took for a verb)
                if lemma in cues["document_only"] and lemma_of(subj) not in _nouns()["document"]:
                    continue  # "the poll shows ..." is a finding; "she showed the letter" is not
                all_refs = _source_refs(subj, ctx)
                # "I"/"we" speak inside a quote: the sentence is the quote speaker's (see _quote_continuations)
                refs = [r for r in all_refs if not _is_outlet_ref(r, ctx) and r.cls != "speaker"
                        and not (ctx.clause and _bare_description(r, ctx))]
                if not refs:
                    if not all_refs and lemma_of(subj) not in _nouns()["document"] and not _channel(tok, ctx):
                        # "Those close to him say that he would consider ...": a speaker we cannot name still
                        # owns what they report; a cue inside it is no position of its own
                        silent.append(tok)
                    continue
                start, end = _widen(tok, rng[0], rng[1], cues)
                content = _content(tok, start, end, sent)
                cands.append((tok, start, end, refs, content, _inside(qspans, tok.idx)))
            elif is_frame:
                pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                refs = [r for r in _source_refs(pobj, ctx) if not _is_outlet_ref(r, ctx)]
                if not refs:
                    continue
                phrase_s, phrase_e = tok.i, pobj.right_edge.i + 1
                if phrase_s <= sent.start + 1:
                    content = _trim(doc, phrase_e, sent.end)
                else:
                    content = _trim(doc, sent.start, phrase_s)
                cands.append((tok, tok.i, tok.i + 2, refs, content, False))
            elif (tok.pos_ == "ADJ" or tok.lower_ == "against") and tok.lower_ in cues["stance_adj"] \
                    and tok.dep_ in ("acomp", "prep") and tok.head.lemma_.lower() in cues["copulas"] \
                    and tok.head.i < tok.i:
                # "Some scientists remain sceptical", "the union is opposed to the plan"
                head = tok.head
                comp = [c for c in tok.children if c.dep_ in ("prep", "xcomp", "ccomp", "pobj")]
                if tok.lower_ in cues["stance_adj_comp"] and not comp:
                    continue
                if _hypothetical(head):
                    continue
                subj = _subject(head, skip)
                if subj is None:
                    continue
                refs = [r for r in _source_refs(subj, ctx) if not _is_outlet_ref(r, ctx) and r.cls != "speaker"]
                if not refs:
                    continue
                start = head.i if head.lemma_.lower() != "be" and tok.i - head.i <= 2 else tok.i
                start, end = _widen(tok, start, tok.i + 1, cues)
                content = _trim(doc, comp[0].left_edge.i, tok.right_edge.i + 1) if comp else (tok.i, tok.i + 1)
                cands.append((tok, start, end, refs, content, _inside(qspans, tok.idx)))
            elif tok.pos_ == "NOUN" and lemma in cues["view_frames"] and tok.dep_ == "pobj" and tok.head.lower_ == "in":
                # "In the minister's view, ...", "in her words": the possessor is the source
                poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                refs = _possessor_refs(poss, ctx)
                if not refs:
                    continue
                head = tok.head
                if head.i <= sent.start + 1:
                    content = _trim(doc, tok.right_edge.i + 1, sent.end)
                else:
                    content = _trim(doc, sent.start, head.i)
                cands.append((tok, head.i, tok.i + 1, refs, content, False))
            elif tok.pos_ == "NOUN" and lemma in cues["stance_nouns"]:
                # the parser often hangs the noun's prepositional phrase on the verb ("drew criticism from X")
                near = list(tok.children) + ([c for c in tok.head.children if c.i > tok.i]
                                             if tok.dep_ == "dobj" else [])
                frm = next((c for c in near if c.dep_ == "prep" and c.lower_ == "from"), None)
                src = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
                if src is not None:  # "drew criticism from opposition lawmakers", "support from the union"
                    refs = [r for r in _source_refs(src, ctx) if not _is_outlet_ref(r, ctx) and r.cls != "speaker"]
                    cue_end = frm.i + 1 if frm.i == tok.i + 1 else tok.i + 1
                    content = _trim(doc, sent.start, sent.end)  # the matter is elsewhere in the clause
                else:  # "X's opposition to Y", "her criticism of the bill"
                    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
                    if not any(c.dep_ in ("prep", "acl", "ccomp") for c in near):
                        continue
                    refs = _possessor_refs(poss, ctx)
                    cue_end = tok.i + 1
                    content = _trim(doc, tok.i, tok.right_edge.i + 1)
                if not refs:
                    continue
                cands.append((tok, tok.i, cue_end, refs, content, False))
        colon = _colon_attribution(sent, ctx)
        if colon is not None:  # what follows the speaker's colon is all theirs
            cs, ce = colon[4]
            cands = [c for c in cands if not cs <= c[0].i < ce] + [colon]
        sig = _signature(sent, text, qspans, ctx) if not cands else None
        if sig is not None:  # "“... shame.” ― Sonya Herridge": the speaker of the quote just before
            ref, span = sig
            dash = next(t for t in sent if not t.is_space)
            out.append(PositionF(sidx, offset + dash.idx, offset + dash.idx + len(dash.text), dash.text,
                                 offset + span[0], offset + span[1], ref, 0, True, span))
            quote_positions.append(len(out) - 1)
        if not cands:
            return
        keep = []
        # "X had pushed for ..., according to two Western diplomats": the frame's source reports the whole clause,
        # so the clause's own cues are theirs to report, not positions (GUIDELINES 2: only the speaker gets one)
        framed = any(_frame(o[0]) for o in cands)
        for c in cands:
            if framed and not _frame(c[0]):
                continue
            if _frame(c[0]):
                keep.append(c)
                continue
            if c[5]:
                # a cue inside a direct quote is the quoted speaker's report ('"He has refused to apologize," X
                # said'): the sentence is the speaker's (GUIDELINES 2), a quote continuation when it has no
                # attribution of its own
                continue
            # (a cue outside the quotes is never inside what a quoted cue reports: '"..., he said, '...'," Mitchell
            # recalled' is parsed with "recalled" under the quote's "said")
            if any(o is not c and not o[5] and _embedded_in(c[0], o[0]) for o in cands) or any(
                    _embedded_in(c[0], v) for v in silent):
                continue
            keep.append(c)
        quoted = any(s < sent.end_char and e > sent.start_char for s, e in qspans)
        for tok, start, end, refs, (cs, ce), _ in keep:
            if cs >= ce:
                cs, ce = _trim(doc, sent.start, sent.end)
            depth = sum(1 for _ in tok.ancestors)
            for r in refs:
                out.append(PositionF(
                    sidx,
                    offset + doc[start].idx,
                    offset + doc[end - 1].idx + len(doc[end - 1].text),
                    span_text(doc, start, end),
                    offset + doc[cs].idx,
                    offset + doc[ce - 1].idx + len(doc[ce - 1].text),
                    r,
                    depth,
                    quoted,
                ))
                sent_has_own.add(si)
                if quoted or _colon_or_quote_after(tok):
                    quote_positions.append(len(out) - 1)

    for si, sent in enumerate(sents):
        sidx = first_sentence + si
        ctx.cur_sentence = sidx
        if furn[si]:
            continue
        clauses = _headline_clauses(sent, tok2m)
        if clauses is None:
            scan(sent, si, sidx, doc, offset, tok2m, qspans, text)
            continue
        # a headline of clauses set apart by semicolons: each clause parsed as a sentence of its own
        cdoc, ctok2m = clauses
        shift = sent.start_char
        saved = ctx.offset, ctx.tok2m
        ctx.offset, ctx.tok2m, ctx.clause = offset + shift, ctok2m, True
        try:
            cspans = [(s - shift, e - shift) for s, e in qspans]
            for clause in cdoc.sents:
                scan(clause, si, sidx, cdoc, offset + shift, ctok2m, cspans, cdoc.text)
        finally:
            (ctx.offset, ctx.tok2m), ctx.clause = saved, False

    info = _quote_continuations(doc, text, sents, qspans, out, sent_has_own, quote_positions, offset, first_sentence)
    info.antecedents = sorted(ctx.antecedents)
    return out, info


_SIGN_DASHES = "―—–"


def _signature(sent, text: str, qspans, ctx: _Ctx):
    """A line that signs the quote ending just before it ("” ― Sonya Herridge", "— Jane Doe, nurse"): the
    signer's reference and the block span of that quote, or None."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 2 or toks[0].text not in _SIGN_DASHES or len(toks) > 12:
        return None
    start = toks[0].idx  # block-relative: the doc is the block
    before = text[:start].rstrip()
    span = next((q for q in qspans if q[1] <= start and not text[q[1]:start].strip()), None)
    if span is None or not before or before[-1] not in QUOTE_CHARS:
        return None
    name = toks[1]
    if name.i not in ctx.tok2m:
        return None
    m = ctx.mentions[ctx.tok2m[name.i]]
    if m.how == "outlet" or m.kind not in ("person", "organization", "group", "state"):
        return None
    return SourceRef("mention", ctx.tok2m[name.i], surface=m.surface, offset=m.start), span


_POSSESSIVE_PRONOUNS = {"his": "person", "her": "person", "their": "plural", "its": "neuter"}


def _possessor_refs(poss, ctx: _Ctx) -> list[SourceRef]:
    """Sources named by a possessor ("the ministry's denial", "her criticism"); "my"/"our" speak in a quote."""
    if poss is None or poss.lower_ in ("our", "my", "your"):
        return []
    cls = _POSSESSIVE_PRONOUNS.get(poss.lower_)
    if cls is not None:
        return [SourceRef("pronoun", cls=cls, surface=poss.text, offset=ctx.offset + poss.idx)]
    return [r for r in _source_refs(poss, ctx) if not _is_outlet_ref(r, ctx)]


def _colon_attribution(sent, ctx: _Ctx):
    """A line that names its speaker with a colon: "Pence: Flowers won't attend", "We will act: Prime Minister"."""
    doc = sent.doc
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i == sent.start or colon.i >= sent.end - 1:
        return None
    first = sent.start + (1 if doc[sent.start].text in QUOTE_CHARS + "'" else 0)
    before = [t for t in doc[first : colon.i]]
    after = [t for t in doc[colon.i + 1 : sent.end] if not t.is_punct]
    titles = lexicons.words("roles", "titles", "role")
    for side, other in ((before, (colon.i + 1, sent.end)), (after, (first, colon.i))):
        if side is after and side and side[-1].i not in ctx.tok2m and (ctx.clause or ctx.open_line):
            _name_missed(side, ctx)  # 'Award is "a map drawn in Accra": Agbéko': a name the NER missed
        if not side or len(side) > 8 or side[-1].i not in ctx.tok2m:
            continue
        m = ctx.mentions[ctx.tok2m[side[-1].i]]
        if not all(t.i in ctx.tok2m for t in side) or len({ctx.tok2m[t.i] for t in side}) != 1:
            # a person with the title written before the name: "Housing Minister Jonas Pell",
            # "White House budget director Lorna Vick"
            rest = [t for t in side if ctx.tok2m.get(t.i) != ctx.tok2m[side[-1].i]]
            if m.kind != "person" or not any(t.lower_.rstrip(".") in titles for t in rest) or not all(
                    t.is_alpha and t.pos_ not in ("VERB", "AUX") for t in rest):
                continue
        if m.how == "outlet" or m.kind == "group":
            continue
        cs, ce = _trim(doc, *other)
        if cs >= ce or ce - cs < 3:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[cs:ce]):
            continue  # "Keld Strait: a short history" is a title; a claim has a predicate
        ref = SourceRef("mention", ctx.tok2m[side[-1].i], surface=m.surface, offset=m.start)
        return (colon, colon.i, colon.i + 1, [ref], (cs, ce), False)
    return None


def _name_missed(side, ctx: _Ctx) -> None:
    """A headline's speaker named after its colon ('"We will not be bound": Agbéko') that the NER did not take for a
    name: one to three capitalised proper nouns and nothing else become a mention of unknown kind (a person when
    the article names one with that surname, see ``actor_keys``)."""
    nouns = _nouns()
    if not 1 <= len(side) <= 3 or not all(t.text[:1].isupper() and t.is_alpha and (t.pos_ == "PROPN" or (
            # (an unknown surname is often tagged a common noun: "...: Tchalla")
            t.pos_ == "NOUN" and t.lower_ not in nouns["agent"] and t.lower_ not in nouns["document"]))
            for t in side):
        return
    if any(t.i in ctx.tok2m for t in side):
        return
    doc = side[0].doc
    start = ctx.offset + side[0].idx
    end = ctx.offset + side[-1].idx + len(side[-1].text)
    name = span_text(doc, side[0].i, side[-1].i + 1)
    idx = len(ctx.mentions)
    ctx.mentions.append(MentionF(start, end, name, name, "unknown", ctx.cur_sentence, "propn"))
    for t in side:
        ctx.tok2m[t.i] = idx


_NOBODY = {"nobody", "none", "neither", "no-one"}


def _unsaid(tok, lemma: str, cues) -> bool:
    """'has not said', 'did not confirm', 'declined to comment', 'refused to say': nothing was stated."""
    if lemma in cues["unsaid"]:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NOBODY or any(
                d.dep_ == "det" and d.lower_ in ("neither", "no") for d in c.children)) for c in tok.children):
            return True  # "Neither side would say whether ...", "No one would confirm ..."
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues["refusals"]:
            return True
    if lemma in cues["refusals"]:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in cues["unsaid"] for c in tok.children)
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of" and (tok.head.head.lower_ == "short" or any(
            c.lower_ == "short" for c in tok.head.head.children)):
        return True  # "stopped short of saying", "fell short of endorsing"
    if lemma in cues["past_aims"] and tok.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children):
        return True  # "had planned to raise", "had hoped to open": past aims, background
    return False


def _not_yet(tok, cues) -> bool:
    """'has yet to say whether', 'is yet to back the plan': nothing stated so far."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.i < tok.i and head.lemma_.lower() in cues["not_yet"] and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)


def _took_time(tok, cues) -> bool:
    """'needed more than two decades to agree on ...', 'took months to approve ...': how long it took (background)."""
    head = tok.head
    if tok.dep_ not in ("advcl", "xcomp") or head.i > tok.i or head.lemma_.lower() not in cues["took_time"]:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return any(c.dep_ in ("dobj", "npadvmod") and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in cues["time_units"])
               for c in head.children)


def _persuaded(tok, skip: int, ctx: _Ctx, qspans):
    """'X was not persuaded', 'the regulator was not convinced by the figures', 'X remained unconvinced that ...':
    a stance of the subject (the one persuaded, never the agent); 'was persuaded to sign' reports an act."""
    if tok.tag_ != "VBN" or _hypothetical(tok):
        return None
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i >= skip), None)
    if not aux or subj is None or any(c.dep_ == "xcomp" for c in tok.children):
        return None
    refs = [r for r in _source_refs(subj, ctx) if not _is_outlet_ref(r, ctx) and r.cls != "speaker"]
    if not refs:
        return None
    doc = tok.doc
    neg = [c.i for c in tok.children if c.dep_ == "neg"]
    start = min([aux[0].i] + neg)
    comp = next((c for c in tok.children if c.dep_ in ("ccomp", "agent", "prep")), None)
    content = _trim(doc, comp.left_edge.i, comp.right_edge.i + 1) if comp is not None else (min(neg + [tok.i]), tok.i + 1)
    return tok, start, tok.i + 1, refs, content, _inside(qspans, tok.idx)


def _hypothetical(tok) -> bool:
    """Is the cue inside a condition or an indirect question ("if the House rejects the bill")?"""
    t = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
        if t.dep_ in ("advcl", "ccomp", "conj", "xcomp") and t.head.i != t.i:
            if t.dep_ == "ccomp":
                return False
            t = t.head
            continue
        break
    return False


def _is_outlet_ref(r: SourceRef, ctx: _Ctx) -> bool:
    return r.kind == "mention" and r.mention >= 0 and ctx.mentions[r.mention].how == "outlet"


def _channel(tok, ctx: _Ctx) -> bool:
    """"as reported by X", "X reported", "quoted by X": is the reporter a news outlet (a channel)?"""
    agent = None
    for c in tok.children:
        if c.dep_ == "agent":
            agent = next((p for p in c.children if p.dep_ == "pobj"), None)
        elif c.dep_ == "nsubj":
            agent = c
    if agent is None:
        return False
    doc = agent.doc
    s, e = np_span(agent)
    name = span_text(doc, s, e)
    if agent.i in ctx.tok2m:
        return ctx.mentions[ctx.tok2m[agent.i]].how == "outlet" or any(c.dep_ == "agent" for c in tok.children)
    if any(c.dep_ == "agent" for c in tok.children) or outlet_name(name):
        # an outlet the NER missed ("as reported by HotNews.ro"): an organisation actor, never a source
        if agent.pos_ == "PROPN" or outlet_name(name):
            idx = len(ctx.mentions)
            start = ctx.offset + doc[s].idx
            end = ctx.offset + doc[e - 1].idx + len(doc[e - 1].text)
            ctx.mentions.append(MentionF(start, end, base_form(name), base_form(re.sub(r"^the\s+", "", name, flags=re.I)),
                                         "organization", ctx.cur_sentence, "outlet"))
            for i in range(s, e):
                ctx.tok2m.setdefault(i, idx)
        return True
    return False


def _quote_continuations(doc, text, sents, qspans, positions, sent_has_own, quote_positions, offset, first_sentence):
    info = BlockQuoteInfo([])
    stripped = text.lstrip()
    info.opens_with_quote = bool(stripped) and stripped[0] in QUOTE_CHARS
    tail = text.rstrip()
    info.ends_open = tail.endswith(":") or (bool(qspans) and qspans[-1][1] >= len(tail) and tail[-1:] not in QUOTE_CHARS)
    info.last_speaker = quote_positions[-1] if quote_positions else -1
    if info.last_speaker < 0 and info.ends_open and positions:  # "X told the assembly:" then a quote paragraph
        info.last_speaker = len(positions) - 1
    if not qspans:
        return info
    for si, sent in enumerate(sents):
        if si in sent_has_own:
            continue
        s0, s1 = sent.start_char, sent.end_char
        inside = sum(max(0, min(e, s1) - max(s, s0)) for s, e in qspans)
        body = len(sent.text.strip())
        if body == 0 or inside < 0.5 * body:
            continue
        lead = len(sent.text) - len(sent.text.lstrip())
        if not any(s <= s0 + lead < e for s, e in qspans):
            continue  # narrative with a quoted phrase ('Japan branded the North an "outlaw nation."'), no quote turn
        mark = next((i for i in range(s0, s1) if text[i] in QUOTE_CHARS), -1)
        if mark >= 0:
            cue_s, cue_e, cue = offset + mark, offset + mark + 1, text[mark]
        else:
            cue_s = cue_e = -1
            cue = ""
        cs, ce = _trim(doc, sent.start, sent.end)
        # the speaker: the nearest attributed quote of the same block, before or else after this sentence
        sidx = first_sentence + si
        signed = [p for p in quote_positions if positions[p].signs is not None
                  and positions[p].signs[0] <= s0 + lead < positions[p].signs[1]]
        plain = [p for p in quote_positions if positions[p].signs is None]
        before = [p for p in plain if positions[p].sentence < sidx]
        after = [p for p in plain if positions[p].sentence > sidx]
        speaker = signed[0] if signed else before[-1] if before else (after[0] if after else -1)
        content_s = offset + doc[cs].idx if cs < ce else offset + s0
        content_e = offset + doc[ce - 1].idx + len(doc[ce - 1].text) if cs < ce else offset + s1
        info.continuations.append(QuoteF(sidx, cue_s, cue_e, cue, content_s, content_e, speaker))
    return info


def _bare_description(r: SourceRef, ctx: _Ctx) -> bool:
    """A source named only by a description ("consumer campaigners" in "...; union and consumer campaigners welcome
    ruling"): in a headline clause it stands for a body the article names below, which one the headline does not
    say, so it is no source there."""
    return r.kind == "mention" and r.mention >= 0 and ctx.mentions[r.mention].how == "description" and not r.ahead


def _open_line(text: str) -> bool:
    """Does a block end without final punctuation (GUIDELINES 0: a headline or subhead line)? A closing quote
    after a word still leaves it open ('... calls the charge "fabricated"'), not after a full stop."""
    tail = text.rstrip()
    if tail[-1:] in QUOTE_CHARS + "'’)":
        tail = tail[:-1].rstrip()
    return bool(tail) and tail[-1] not in ".!?:;,"


def _headline_clauses(sent, tok2m: dict[int, int]):
    """A headline or subhead of clauses set apart by semicolons ("Club says it will appeal; players' union warns
    wages are at risk"), parsed again with each clause as a sentence of its own: the small model hangs one clause
    under the other's verb ("says" as what the union "warns"), so each clause's speaker would report the other's.
    Returns the clause Doc and its token -> mention map (by character offset), or None for any other sentence.
    Only lines without final punctuation (GUIDELINES 0: headlines, subheads): in running text a semicolon often
    goes on with what the speaker said."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 5 or not _open_line(sent.text):
        return None
    semis = [i for i, t in enumerate(toks) if t.text == ";"]
    if not semis or semis[0] < 2 or semis[-1] > len(toks) - 3:
        return None
    nlp = loaded_pipeline(sent.doc.vocab)
    if nlp is None:
        return None
    text = sent.text
    cdoc = nlp.make_doc(text)
    for t in cdoc:
        t.is_sent_start = t.i == 0 or cdoc[t.i - 1].text == ";"
    for _, proc in nlp.pipeline:
        cdoc = proc(cdoc)
    old = {t.idx - sent.start_char: t for t in sent}
    ctok2m = {}
    for t in cdoc:
        o = old.get(t.idx)
        if o is not None and o.text == t.text and o.i in tok2m:
            ctok2m[t.i] = tok2m[o.i]
    return cdoc, ctok2m
