"""Actors: entity mentions of one block (``block_mentions``) and their merging into canonical actors (``merge``).

Per block (a pure function of the parsed Doc), spaCy's entities become *mention findings*: small records
with the mention's offsets, its surface form, the name it proposes and its kind. Rules, each with a test in
tests/core/test_actors.py:

* PERSON, ORG, GPE, NORP are kept; LOC and FAC only when they act (subject of a verb);
* a country name, code or dotted abbreviation ("U.S.", "the UK") is a state wherever it stands;
* a capital or seat of government ("Ankara", "the Kremlin") is its state unless it only locates
  something ("talks in Ankara"); a capital tagged PERSON is fixed the same way;
* a nationality adjective on an official noun is the state ("Turkish officials", "a senior Ukrainian
  official"), on a collective noun an informal group ("European allies"); elsewhere it is no actor
  ("Ukrainian soil", the "Turkish" of "Turkish President ...");
* other places (cities, regions) are actors only when they act; dates and numbers never;
* titles and roles are stripped from a person's name ("U.S. President Donald Trump" -> "Donald Trump"),
  the full form kept as an alias, the role words kept to resolve "the spokesperson" later.

Across blocks, ``merge`` joins mentions into ``model.Actor`` objects: surnames alone join the full name
seen in the document, an ORG or GPE mention whose text is a person's name elsewhere becomes that person,
acronyms join the long name they abbreviate, possessives and accents are folded. It is linear in the
number of mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.analysis import countries, lexicons
from briefing.analysis.countries import base_form, fold
from briefing.model import Actor, Mention

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}
LOCATIVE_PREPS = {"in", "at", "near", "to", "into", "from", "outside", "around", "across", "through", "via",
                  "inside", "within", "toward", "towards", "on", "off", "over", "throughout", "between", "beyond",
                  "during"}
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.([a-z]{2,6})$", re.I)
_QUANTIFIERS = {"a", "an", "the", "some", "several", "many", "most", "other", "another", "two", "three", "four",
                "few", "various", "numerous", "both", "all", "these", "those", "this", "that", "its", "their",
                "his", "her", "our", "one", "certain", "any", "each", "every", "more", "senior", "top", "unnamed",
                "anonymous", "local", "key"}


@dataclass(slots=True)
class MentionF:
    """One actor mention found in a block: offsets are absolute (canonical text)."""

    start: int
    end: int
    surface: str  # base form as written ("Turkish officials", "Erdoğan", "the UK")
    name: str  # proposed canonical name ("Turkey", "Recep Tayyip Erdoğan")
    kind: str  # person | state | organization | group
    sentence: int
    how: str = "ent"  # ent | country | capital | seat | demonym | outlet | group | description | channel
    full: str = ""  # a longer alias with title ("Turkish President Recep Tayyip Erdoğan")
    roles: tuple[str, ...] = ()  # role words tied to a person ("spokesperson", "president")
    weak: bool = False  # seen in page furniture or a verbless fragment: joins an actor, never makes one
    subject: bool = False  # the subject of its clause ("Marco Bellandi said"): a "he" next door means it first
    main: bool = False  # the subject of the sentence's main clause, not of a clause inside it ("that X is building")
    idle: bool = False  # named without acting ("buyers in Japan", "a summit of Nordic leaders"): an actor only if
    # it acts or speaks elsewhere in the article


# ----------------------------------------------------------------------------------------- lexicons
def _roles(name: str) -> frozenset[str]:
    return lexicons.words("roles", name)


def outlet_name(text: str) -> bool:
    """Is this the name of a news outlet (a channel, never a source)?"""
    s = base_form(text)
    if _DOMAIN.match(s) and s.rsplit(".", 1)[-1].lower() in lexicons.words("roles", "outlets", key="domain_suffixes"):
        return True
    key = fold(re.sub(r"^the\s+", "", s, flags=re.I))
    if key in _outlet_names():
        return True
    words = key.split()
    return len(words) >= 2 and words[-1] in lexicons.words("roles", "outlets", key="name_words")


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    return frozenset(fold(n) for n in lexicons.load("roles")["outlets"]["names"])


# ----------------------------------------------------------------------------------------- helpers
def np_span(head) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head`` without clauses or prepositions after it."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "amod", "compound", "nummod", "quantmod", "poss", "nmod", "advmod", "npadvmod"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat") and child.i == end:
            end = child.i + 1
    return start, end


def strip_quantifiers(tokens) -> list:
    toks = list(tokens)
    while toks and (toks[0].lower_ in _QUANTIFIERS or toks[0].is_punct or toks[0].like_num):
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    return toks


def span_text(doc, start: int, end: int) -> str:
    """The text of tokens [start, end) as written (``doc.text`` is rebuilt on every access: not used here)."""
    if start >= end:
        return ""
    return doc[start:end].text


def is_locative(tok) -> bool:
    """Does ``tok`` (a place's root) only locate something ("in Ankara", "a visit to Moscow")?"""
    t = tok
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:  # "in Marsabit, northern Kenya"
        t = t.head
    if t.dep_ == "pobj":
        prep = t.head
        # "talks in Ankara", "a visit to Moscow" locate; "ties with Kyiv", "pressure on Moscow" do not
        return prep.lower_ in LOCATIVE_PREPS and not (prep.lower_ == "on" and prep.head.pos_ == "NOUN")
    if t.dep_ in ("npadvmod", "advmod"):
        return True
    if t.dep_ == "compound" and t.head.lemma_.lower() not in _roles("official") | _roles("people"):
        return True
    return False


# what a state's possessive makes it do or hold ("Ghana's decision", "Togo's claim"): anything else it owns
# only locates ("Kenya's drought", "Norway's coast")
_STATE_DEEDS = {"decision", "position", "stance", "offer", "plan", "policy", "response", "bid", "move", "approach",
                "view", "strategy", "demand", "proposal", "attempt", "effort", "case", "argument",
                "interest", "interests", "action", "actions", "role", "share", "stake", "behalf", "consent",
                "approval", "permission", "ally", "allies", "partner", "partners", "relations", "ties", "war",
                "invasion", "attack", "sanctions", "ban", "law", "rules", "budget", "aid", "troops", "forces"}


def _state_run(ent) -> bool:
    """Is the name set beside a state-run outlet ("The Global Courier, a state-run newspaper")?"""
    for c in ent.root.children:
        if c.dep_ == "appos" and c.lemma_.lower() in _roles("state_media"):
            words = {t.lower_ for t in c.subtree if t.i < c.i}
            if "state" in words and words & {"run", "owned", "controlled", "backed", "funded"} or \
                    "state-run" in words or "state-owned" in words:
                return True
    return False


def _idle_possessor(tok) -> bool:
    """Does a place's possessive only locate what it owns ("Kenya's drought", "Norway's coast")?"""
    if tok.dep_ != "poss" or tok.head.pos_ != "NOUN":
        return False
    lemma = tok.head.lemma_.lower()
    return lemma not in _STATE_DEEDS | _roles("official") | _roles("role") | _roles("people") | _roles("body") \
        and lemma not in lexicons.words("cues", "stance_nouns", key="nouns") and not agent_like(lemma)


# bodies named through their parent ("Velomar's board", "Varela's cabinet")
_PARENTED_BODIES = {"board", "cabinet", "coalition", "administration", "government", "campaign", "committee",
                    "panel"}
# bodies named after the person who leads them ("the Esterhaus administration", "the Oduya government")
_RUN_BY_A_PERSON = {"administration", "government", "cabinet", "presidency", "campaign", "coalition", "regime"}


def _named_through(ent) -> tuple[int, str, str] | None:
    """A body named through its parent or its leader, not the parent or leader itself: "Velomar's board met"
    (a possessive whose body acts, GUIDELINES 1), "the Esterhaus administration". Its end token, its written form
    and its name ("Velomar board"), or None."""
    root = ent.root
    head = root.head
    lemma = head.lemma_.lower()
    doc = ent.doc
    if root.dep_ == "poss" and lemma in _PARENTED_BODIES and acts(head) and head.i <= ent.end + 2:
        name = base_form(ent.text).removesuffix("'s").removesuffix("’s") + " " + head.lower_
        return head.i + 1, span_text(doc, ent.start, head.i + 1), name
    if root.dep_ == "compound" and head.i == ent.end and lemma in _RUN_BY_A_PERSON:
        name = base_form(span_text(doc, ent.start, head.i + 1))
        return head.i + 1, name, name
    return None


def main_clause(verb) -> bool:
    """Is ``verb`` the sentence's main verb (or one joined to it by "and", "but")?"""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def acts(tok) -> bool:
    """Is the mention rooted at ``tok`` acting: the subject of a verb or the possessor of something?"""
    t = tok
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    return t.dep_ in SUBJECT_DEPS or (t.dep_ == "pobj" and t.head.dep_ == "agent")


def _person_parts(ent) -> tuple[str, str, tuple[str, ...]]:
    """(name without titles, full form with the titles written before it, role words)."""
    titles = _roles("titles")
    role_words = _roles("role")
    toks = list(ent)
    roles: list[str] = []
    while len(toks) > 1 and (toks[0].lower_.rstrip(".") in titles or toks[0].tag_ in ("DT", "PRP$")):
        if toks[0].lower_.rstrip(".") in role_words:
            roles.append(toks[0].lower_.rstrip("."))
        toks = toks[1:]
    while toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    doc = ent.doc
    if not toks:
        return "", "", ()
    name = base_form(span_text(doc, toks[0].i, toks[-1].i + 1))
    # titles and roles written before the entity: "Kremlin spokesperson Dmitry Peskov", "U.S. President Donald
    # Trump", "former Foreign Minister ..."; read off the words, not the parse (which often attaches them elsewhere)
    root = ent.root
    left = ent.start
    i = ent.start - 1
    while i >= 0 and ent.start - i <= 5:
        t = doc[i]
        low = t.lower_.rstrip(".")
        if low in titles or low in role_words:
            if low in role_words:
                roles.append(low)
            left = i
        elif t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and t.ent_type_ in ("", "GPE", "NORP", "ORG"):
            # a capitalised modifier counts only when a title word follows it
            if left > i and any(doc[k].lower_.rstrip(".") in titles for k in range(i + 1, left + 1)):
                left = i
        else:
            break
        i -= 1
    for child in root.children:  # "Dmitry Peskov, the Kremlin spokesman,"
        if child.dep_ == "appos":
            roles.extend(c.lower_ for c in child.subtree if c.lower_ in role_words)
    if root.dep_ == "appos" and root.head.lower_ in role_words:  # "The commission's chair, Petra Solvang,"
        roles.append(root.head.lower_)
    full = base_form(span_text(doc, left, toks[-1].i + 1)) if left < ent.start or toks[0].i != ent.start else ""
    if left < ent.start and doc[left].tag_ == "DT":
        full = base_form(span_text(doc, left + 1, toks[-1].i + 1))
    return name, (full if full and full != name else ""), tuple(dict.fromkeys(roles))


# ----------------------------------------------------------------------------------------- per block
DASHES = {"-", "–", "—", "--", "―"}


def dateline(sent) -> int:
    """Token index just after a dateline that opens the sentence ("LISBON -", "MACAU (Reuters) –"), else start."""
    doc = sent.doc
    for tok in sent[: min(len(sent), 12)]:
        if tok.text in DASHES and tok.i > sent.start:
            before = doc[sent.start : tok.i]
            # "LISBON -", "MACAU (Reuters) -", "BRUSSELS, March 3 (Nordwire) -": names, a date, an agency
            if not all(t.pos_ == "PROPN" or t.is_punct or t.text.isupper() or t.like_num or t.ent_type_ == "DATE"
                       for t in before):
                return sent.start
            if any(t.ent_type_ == "GPE" or (t.is_alpha and t.text.isupper() and len(t.text) > 2) for t in before):
                return tok.i + 1
            return sent.start
    return sent.start


def block_mentions(doc, offset: int, sentence_of, sents=None, furn=None,
                   credit: bool = False) -> tuple[list[MentionF], dict[int, int]]:
    """Actor mentions of one block Doc, and a map token index -> mention index (for source lookup).

    ``credit``: the next line is a writer's job title ("Chief Political Correspondent"), so a name standing alone
    on this line is the byline."""
    out: list[MentionF] = []
    tok2m: dict[int, int] = {}
    official = _roles("official")
    collective = _roles("state_collective")
    people = _roles("people")

    def add(m: MentionF, start_tok: int, end_tok: int) -> None:
        for i in range(start_tok, end_tok):
            if i in tok2m:
                return
        idx = len(out)
        out.append(m)
        for i in range(start_tok, end_tok):
            tok2m[i] = idx

    datelined: set[int] = set()
    dl_end: dict[int, int] = {}  # dateline token -> first token after the dateline
    weak_sents: list[tuple[int, int]] = []
    weak_spans: list = []
    sents = list(doc.sents) if sents is None else sents
    furn = [furniture(s) for s in sents] if furn is None else furn
    for span, is_furniture in zip(sents, furn):
        end = dateline(span)
        datelined.update(range(span.start, end))
        dl_end.update((i, end) for i in range(span.start, end))
        if is_furniture or (len(span) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in span)):
            weak_sents.append((span.start, span.end))
            weak_spans.append(span)
    bylines = [span for span in sents if _byline(span) or (credit and _name_line(span))]
    for span in bylines:
        for a, b in _byline_names(span):
            name = base_form(span_text(doc, a, b))
            add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), name, name, "person",
                         sentence_of(a), "byline"), a, b)
    for span in sents:
        for a, b in _channel_names(span):  # "told the Asia Chip Report", "the newspaper Het Financieel Kompas"
            name = base_form(span_text(doc, a, b))
            add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), name,
                         strip_the(name), "organization", sentence_of(a), "outlet"), a, b)
    for span in sents:
        run = _fronted_body(span)
        if run is not None:
            a, b, noun = run  # ("the campaign" later means it)
            name = base_form(span_text(doc, a, b))
            add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), name, name,
                         "organization", sentence_of(a), "ent", roles=(noun,), subject=True), a, b)
    for ent in _mended_entities(doc.ents):
        label = ent.label_
        if label not in ACTOR_LABELS or _not_a_name(ent) or fold(ent.text) in _time_zones() or (
                not any(c.isupper() for c in ent.text) and ent[-1].lower_ not in _roles("body")):
            continue  # ("its quantum chip fixes errors" taken for an organisation; "the health ministry" is one)
        if ent.start in datelined:
            # the place of a dateline is no actor; the agency in its brackets is an outlet ("OSLO (Nordwire) -")
            inner = [t for t in ent if t.i > ent.start and doc[t.i - 1].text == "("]
            if inner or (label == "ORG" and _parenthesised(ent)):
                a = inner[0].i if inner else ent.start
                b = a
                while b < ent.end and doc[b].text != ")":
                    b += 1
                if b > a:
                    name = span_text(doc, a, b)
                    add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), name, name,
                                 "organization", sentence_of(a), "outlet"), a, b)
            if ent.end <= dl_end[ent.start] or inner:
                continue
            # the NER ran the dateline into the name after it ("LEEDS - Harwick Foods"): keep that name
            ent = _span(doc, dl_end[ent.start], ent.end, label)
            if not any(t.is_alpha for t in ent):
                continue
        text = ent.text
        root = ent.root
        sent = sentence_of(ent.start)
        start, end = offset + ent.start_char, offset + ent.end_char
        if ent[-1].tag_ == "POS":
            end = offset + ent[-1].idx
        surface = base_form(text)
        if not surface or not any(c.isalpha() for c in surface):
            continue
        if label in ("ORG", "PERSON") and _capitalised_noun(ent):
            if ent[0].lemma_.lower() in _agent_nouns():
                continue  # "Demonstrators said": a description of people, read as such by the position rules
            add(MentionF(start, end, surface, surface, "unknown", sent, "noun"), ent.start, ent.end)
            continue
        if label == "NORP" and root.tag_ == "NNP" and root.dep_ in SUBJECT_DEPS | {"poss"} \
                and not countries.demonym(ent.text) \
                and countries.lookup(ent.text) is None:
            label = "ORG"  # "Qubitra denied ...": a name the NER took for a nationality, acting
        if label == "NORP" or (label == "ORG" and root.dep_ in ("amod", "compound") and len(ent) == 1
                               and countries.demonym(ent.text)) or (label == "GPE" and root.dep_ == "amod"):
            # ("Kazakh officials" with "Kazakh" tagged as an organisation)
            _norp(doc, ent, offset, sent, add, official, collective, people)
            continue
        st = countries.lookup(surface)
        if st is not None:
            if st.how in ("name", "code"):
                add(MentionF(start, end, surface, st.name, "state", sent, "country",
                             idle=is_locative(root) or _idle_possessor(root)),
                    ent.start, ent.end)
                continue
            if not is_locative(root):
                add(MentionF(start, end, surface, st.name, "state", sent, st.how), ent.start, ent.end)
            continue
        if label in ("GPE", "LOC", "FAC") and countries.lookup(ent.text) is None and (
                _after_company_noun(ent) or (len(ent) >= 2 and ent[-1].lower_ in _roles("org_name_words") | _roles(
                    "body"))):
            label = "ORG"  # "rival network Vireo", "the North Sea Meteorological Consortium" (tagged as places)
        if label in ("ORG", "FAC", "PRODUCT") and _personal(ent):
            label = "PERSON"  # "Lucas Amadi-Roux, who follows the council", "X, a professor at Y": a person
        if label == "PERSON" and not _titled(ent) and (
                (len(ent) >= 2 and ent[-1].lower_ in _roles("org_name_words")) or _after_company_noun(ent)
                or _company_apposed(ent)):
            label = "ORG"  # "Brennan Freight", "Harwick Foods": the last word names a company or body;
            # "the rail operator Meridian", "budget airline Vantra": a company noun introduces it
        body = _named_through(ent) if label in ("PERSON", "ORG") else None
        if body is not None:  # "Velomar's board met", "the Esterhaus administration": the body, not its parent
            b, written, name = body  # (how "body": its parent's words do not join the name rules)
            add(MentionF(start, offset + doc[b - 1].idx + len(doc[b - 1].text), written, name, "organization", sent,
                         "body"), ent.start, b)
            continue
        if label == "PERSON":
            ent = _with_given_name(ent)  # "Leyla Demir" tagged from "Demir" on
            start = offset + ent.start_char
            if len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside", "inside",
                                                                             "across", "throughout", "at"):
                continue  # "researchers in Lyon", "the beach at Aflao": a one-word "person" that locates is a place
            if ent.start > 0 and doc[ent.start - 1].lower_ == "the" and not _titled(ent) \
                    and root.dep_ not in SUBJECT_DEPS | {"compound", "nmod", "amod", "poss"}:
                continue  # "the Keta Deep": no one's name takes "the" ("the Esterhaus administration" names him)
            if _names_product(root):
                continue  # "the Corvid K9 artificial-intelligence chip"
            name, full, roles = _person_parts(ent)
            # a name that labels a thing ("at Skerry Head spaceport") names no one there
            label_of = root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i > root.i and (
                (root.head.lemma_.lower() not in _agent_nouns() and not agent_like(root.head.lemma_.lower()))
                or root.head.lemma_.lower() in _roles("own_voice"))  # ("the Leicester family")
            if name and any(c.isupper() for c in name):
                add(MentionF(start, end, name if surface == text else surface, name, "person", sent, "ent", full, roles,
                             weak=label_of), ent.start, ent.end)
            continue
        if label == "ORG" and _titled(ent):  # "Chancellor Olaf Scholz" tagged ORG: the title says person
            name, full, roles = _person_parts(ent)
            if name:
                add(MentionF(start, end, name, name, "person", sent, "ent", full, roles), ent.start, ent.end)
                continue
        if label == "ORG" and root.pos_ == "ADJ":
            continue  # "Antarctic snow": an adjective the NER took for a name
        if label == "ORG":
            if _state_run(ent):
                # "The Global Courier, a state-run newspaper, warned": state media speak for their state (GUIDELINES
                # 1); which state the article says (a demonym here, else the state media it named just before)
                dem = next((countries.demonym(t.text) for t in doc[ent.end : ent.root.right_edge.i + 1]
                            if countries.demonym(t.text)), None)
                add(MentionF(start, end, surface, dem or "", "state", sent, "state_media"), ent.start, ent.end)
                continue
            if outlet_name(surface) or (ent.start in datelined and _parenthesised(ent)):
                add(MentionF(start, end, surface, strip_the(surface), "organization", sent, "outlet"), ent.start, ent.end)
                continue
            organ = _state_organ(ent)
            if organ:
                add(MentionF(start, end, surface, organ, "state", sent, "organ"), ent.start, ent.end)
                continue
            # a name that only modifies a noun ("a Senate spending bill", "AI chatbots", "Budget director Lorna
            # Vick") is a label there: it joins an actor named elsewhere, never makes one
            # ("GOP leaders said", "Senate Republicans argued": on a noun for its people the name is the source)
            head = root.head
            # ("A Government Accountability Office report found": the issuer of a document is its source)
            # ("The United Nations envoy, Paolo Rinaldi, urged": the body a named person speaks for is an actor)
            affiliation = head.lemma_.lower() in _roles("official") | _roles("role") and (
                any(c.ent_type_ == "PERSON" for c in head.children) or _before_name(head))
            modifier = root.dep_ == "compound" and not (ent.start <= head.i < ent.end) and not affiliation and (
                head.lemma_.lower() not in _roles("official") | _roles("people") | _ISSUED
                or head.ent_type_ == "PERSON"
                or any(c.ent_type_ == "PERSON" for c in head.children) or _before_name(head))
            # the parent that names a body ("parliament's home affairs committee") acts only if it does elsewhere
            parent = root.dep_ == "poss" and root.head.lemma_.lower() in _roles("body")
            # a product's name ("the Tern-2 rocket", "the chip, called Hestia"): no actor anywhere in the article
            product = _names_product(root)
            add(MentionF(start, end, surface, strip_the(surface), "organization", sent,
                         "product" if product else "ent", roles=_company_roles(ent), weak=modifier or product,
                         idle=parent), ent.start, ent.end)
            continue
        if label == "GPE" and not acts(root) and (head := _city_of(root)) is not None:
            # "The city of Phoenix is demanding": the city as a body speaks
            a = next((c.i for c in head.lefts if c.dep_ == "det"), head.i)
            a = a + 1 if doc[a].dep_ == "det" else a
            add(MentionF(offset + doc[a].idx, end, base_form(span_text(doc, a, ent.end)), strip_the(surface),
                         "organization", sent, "place"), a, ent.end)
            continue
        if label == "GPE" and root.dep_ == "pobj" and root.head.lower_ == "to" and \
                root.head.head.lower_ == "according":
            # "According to Velomar, ...": a name the NER took for a place, and no country, speaks: a body
            add(MentionF(start, end, surface, strip_the(surface), "organization", sent,
                         "outlet" if outlet_name(surface) else "ent"), ent.start, ent.end)
            continue
        if label == "GPE" and surface.isupper() and len(surface) <= 3:
            continue  # "what AI can see": letters the NER took for a place, no country code the news uses
        if label == "GPE":
            body = _institution_seats().get(surface)
            if body and acts(root):  # "Brussels said": the EU
                add(MentionF(start, end, surface, body, "organization", sent, "seat"), ent.start, ent.end)
                continue
            if acts(root):
                add(MentionF(start, end, surface, strip_the(surface), "state", sent, "place"), ent.start, ent.end)
            continue
        if label in ("LOC", "FAC") and acts(root) and root.head.pos_ in ("VERB", "AUX"):
            kind = "group" if label == "LOC" else "organization"
            add(MentionF(start, end, surface, strip_the(surface), kind, sent, "place"), ent.start, ent.end)
    # proper nouns the NER missed, as subjects: kept as "unknown", a person only if a person elsewhere has that name;
    # a surname the tagger took for a common noun ("Trump further described the incident as ..."): a person
    # only if the article names a person so elsewhere, never an actor of its own (how "noun")
    agents = _agent_nouns()
    for tok in doc:
        if tok.i in tok2m or tok.i in datelined:
            continue
        named = _lowercase_body(tok)
        if named is not None:  # "the interior ministry", "parliament's home affairs committee"
            a, b = named
            if not any(i in tok2m for i in range(a, b)):
                text = span_text(doc, a, b)
                add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), text,
                             " ".join(w[:1].upper() + w[1:] for w in text.split()), "organization", sentence_of(a),
                             "ent", idle=not acts(tok)), a, b)
            continue
        if tok.pos_ == "PROPN" and tok.ent_type_ in _MISSED_TYPES and _source_slot(tok):
            s, e = np_span(tok)
            words = [t for t in doc[s:e] if t.pos_ == "PROPN"]
            if len(words) > 1 and company_noun(words[0].lower_):
                words = words[1:]  # "Maker Lumetra says": a headline's company noun before the name
            if words and words[0].i >= s and all(w.text[:1].isupper() for w in words):
                a, b = words[0].i, words[-1].i + 1
                if _not_a_name(doc[a:b]):
                    continue
                text = base_form(span_text(doc, a, b))
                st = countries.lookup(text)
                if st is not None:  # a seat or capital the NER missed ("Downing Street declined to comment")
                    add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), text, st.name,
                                 "state", sentence_of(a), st.how), a, b)
                    continue
                company = b - a >= 2 and doc[b - 1].lower_ in _roles("org_name_words")  # "Dekkerhof Semiconductors"
                add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), text, text,
                             "organization" if company else "unknown", sentence_of(a), "ent" if company else "propn"),
                    a, b)
        elif tok.pos_ == "PROPN" and tok.ent_type_ in _MISSED_TYPES | {"DATE", "GPE", "LOC", "NORP"} and \
                _after_company_noun(doc[tok.i : tok.i + 1]) and countries.lookup(tok.text) is None and \
                tok.text[:1].isupper():
            # "rival network Vireo" (a name the NER missed or took for a date or a place): a company
            add(MentionF(offset + tok.idx, offset + tok.idx + len(tok.text), tok.text, tok.text, "organization",
                         sentence_of(tok.i), "ent", roles=(doc[tok.i - 1].lower_, "company")), tok.i, tok.i + 1)
        elif tok.pos_ == "PROPN" and tok.ent_type_ in _MISSED_TYPES and tok.dep_ == "appos" and \
                tok.head.lemma_.lower() in _roles("role") | _roles("people") and \
                tok.head.lemma_.lower() not in _roles("body"):
            # "Cobalt's chief executive, Anders Vohra, told": the name of a person set beside their title
            s, e = np_span(tok)
            words = [t for t in doc[s:e] if t.pos_ == "PROPN"]
            if 2 <= len(words) <= 4 and all(w.text[:1].isupper() and w.is_alpha for w in words):
                a, b = words[0].i, words[-1].i + 1
                text = base_form(span_text(doc, a, b))
                add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), text, text,
                             "person", sentence_of(a), "ent", roles=(tok.head.lemma_.lower(),)), a, b)
        elif tok.pos_ == "NOUN" and tok.tag_ in ("NN", "NNS") and tok.dep_ == "nsubj" and tok.text[:1].isupper() \
                and tok.text[1:].islower() and tok.lemma_.lower() not in agents and tok.head.pos_ == "VERB" \
                and not (tok.tag_ == "NNS" and agent_like(tok.lemma_.lower())) \
                and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children):
            add(MentionF(offset + tok.idx, offset + tok.idx + len(tok.text), tok.text, tok.text, "unknown",
                         sentence_of(tok.i), "noun"), tok.i, tok.i + 1)
    # an agency named in a dateline the NER missed: "BRUSSELS (Newswire) -"
    # ("WASHINGTON (Capitol Wire) -": every proper noun between the brackets)
    for tok in doc:
        if tok.i in datelined and tok.text == "(":
            b = tok.i + 1
            while b < len(doc) and b in datelined and doc[b].pos_ == "PROPN" and b not in tok2m:
                b += 1
            if b > tok.i + 1 and b < len(doc) and doc[b].text == ")":
                a = tok.i + 1
                name = span_text(doc, a, b)
                add(MentionF(offset + doc[a].idx, offset + doc[b - 1].idx + len(doc[b - 1].text), name, name,
                             "organization", sentence_of(a), "outlet"), a, b)
    for i, idx in tok2m.items():
        if not out[idx].subject and doc[i].dep_ in SUBJECT_DEPS | {"appos"} and acts(doc[i]):
            out[idx].subject = True
        if doc[i].dep_ in SUBJECT_DEPS and main_clause(doc[i].head):
            out[idx].main = True
    for (s, e), span in zip(weak_sents, weak_spans):
        if any(span.start == b.start for b in bylines):
            continue  # "By Anna Weber": a byline names a reporter, an actor of the page
        for tok in range(s, e):
            if tok in tok2m:
                out[tok2m[tok]].weak = True
    return out, tok2m


_LOCAL_BODIES = {"city", "town", "county", "state", "province", "municipality", "village", "region", "borough"}


def _city_of(root):
    """The acting "city" of "the city of Phoenix is demanding", or None."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    head = root.head.head
    return head if head.lemma_.lower() in _LOCAL_BODIES and acts(head) else None


def _names_product(root) -> bool:
    """Does this name label a product: "the Tern-2 rocket", "Hestia chips", "the chip, called Hestia"?"""
    products = _roles("products")
    head = root.head
    if root.dep_ in ("compound", "nmod") and head.i > root.i:
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:  # "Corvid K9 AI chip"
            head = head.head
        if head.lemma_.lower() in products:
            return True
    head = root.head
    # "called"/"named"/"dubbed" X after a product noun
    if root.dep_ in ("oprd", "dobj", "attr") and head.lemma_.lower() in ("call", "name", "dub", "brand") \
            and head.head.lemma_.lower() in products:
        return True
    return False


def _personal(ent) -> bool:
    """Is a name the NER filed as an organisation or a place written as a person's: two or three capitalised
    words taking "who" ("Lucas Amadi-Roux, who follows the council") or set beside a noun for a person
    ("Marta Lind-Ortiz, a professor at Lund University")?"""
    words = [t for t in ent if t.is_alpha]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words) or ent[-1].lower_ in _roles(
            "org_name_words") | _roles("body") | _roles("corporate_suffixes"):
        return False
    root = ent.root
    for c in root.children:
        if c.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") and g.i < c.i for g in c.children):
            return True
        if c.dep_ == "appos" and c.pos_ == "NOUN" and (c.lemma_.lower() in _roles("role") or (
                c.lemma_.lower() in _roles("people") and c.lemma_.lower() not in _roles("body"))) and \
                not company_noun(c.lemma_.lower()):
            return True
    return False


def _company_apposed(ent) -> bool:
    """"Kobari Cells, a Japanese supplier": a name set beside a company noun is a company's."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and company_noun(c.lemma_.lower()) for c in ent.root.children)


def _span(doc, start: int, end: int, label: str):
    """A labelled entity span of ``doc`` (spaCy is imported here only: the analysis child has it loaded)."""
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _with_given_name(ent):
    """A person's entity with the given names the NER left out before it ("Leyla" of "Leyla Demir")."""
    doc = ent.doc
    titles = _roles("titles") | _roles("role")
    a = ent.start
    while a > 0 and a > ent.start - 2:
        t = doc[a - 1]
        if not (t.pos_ == "PROPN" and t.dep_ == "compound" and ent.start <= t.head.i < ent.end and not t.ent_type_
                and t.is_alpha and t.text[:1].isupper() and not t.text.isupper()
                and t.lower_ not in titles):
            break
        a -= 1
    if a == ent.start:
        return ent
    return _span(doc, a, ent.end, ent.label_)


@lru_cache(maxsize=1)
def _cue_verbs() -> frozenset[str]:
    """Every verb of the cue lexicon (reporting, stance, mental ...)."""
    out: set[str] = set()
    for section in lexicons.load("cues").values():
        if isinstance(section, dict):
            for v in section.get("verbs", ()):
                if isinstance(v, str) and " " not in v:
                    out.add(v)
    return frozenset(out | {"see", "seek", "want", "plan"})


def _titlecase_verb(tok) -> bool:
    """A capitalised verb of a title-case headline the NER ran into a name ("Obama Says", "Obama Seeks")."""
    w = tok.lower_
    if not (tok.text[:1].isupper() and w.endswith("s") and not tok.text.isupper() and (
            w[:-1] in _cue_verbs() or (w.endswith("es") and w[:-2] in _cue_verbs()))):
        return False
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]  # a title-case line, not "Consumer Reports said"
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _mended_entities(ents) -> list:
    """The NER's entities with its usual cuts mended: a bracket run into a name ("The Financial Conduct Board
    (FCB") gives the name and the acronym, each an entity; an acronym in brackets that no entity took becomes
    one; a name cut at a plural possessive ("Shoppers' Safety Trust") is one; a headline's company noun run
    into a name ("Supplier Kobari") is dropped from it."""
    out = []
    for ent in ents:
        doc = ent.doc
        if out and out[-1].end + 1 == ent.start and doc[out[-1].end].text in ("'", "’") and \
                out[-1][-1].text.endswith("s") and out[-1].label_ == "ORG" and ent.label_ == "ORG":
            # "Shoppers' Safety Trust": a plural possessive inside a name the NER cut in two
            out[-1] = _span(doc, out[-1].start, ent.end, "ORG")
            continue
        if len(ent) > 1 and company_noun(ent[0].lower_) and ent[0].text[:1].isupper() and ent[1].text[:1].isupper():
            ent = _span(doc, ent.start + 1, ent.end, "ORG")  # "Supplier Kobari denies", "Maker Lumetra"
        verbs = [t.i for t in ent if t.i > ent.start and _titlecase_verb(t)] if len(ent) > 1 else []
        if verbs:  # "Obama Says", "Dorsey Says Harbor Museum Tells" run together from a title-case headline
            bounds = [ent.start - 1] + verbs + [ent.end]
            pieces = [(a + 1, b) for a, b in zip(bounds, bounds[1:]) if b > a + 1]
            for a, b in pieces[:-1]:
                out.append(_span(doc, a, b, ent.label_))
            if not pieces:
                continue
            ent = _span(doc, pieces[-1][0], pieces[-1][1], ent.label_)
        cut = next((t.i for t in ent if t.text == "(" and t.i > ent.start), None)
        if cut is None:
            out.append(ent)
            # "The Institute for Screening Research (ISR)" with the acronym left out of every entity
            a = ent.end
            if ent.label_ in ("ORG", "LOC", "FAC", "GPE") and a + 2 < len(doc) and doc[a].text == "(" and \
                    doc[a + 2].text == ")" and \
                    doc[a + 1].text.isupper() and doc[a + 1].is_alpha and len(doc[a + 1]) >= 2 and \
                    not doc[a + 1].ent_type_:
                out.append(_span(doc, a + 1, a + 2, "ORG"))
            continue
        out.append(_span(doc, ent.start, cut, ent.label_))
        inner = [t for t in doc[cut + 1 : ent.end + 1] if t.text != ")"][:1]
        if inner and inner[0].text.isupper() and inner[0].is_alpha:
            out.append(_span(doc, inner[0].i, inner[0].i + 1, ent.label_))
    return out


@lru_cache(maxsize=1)
def _institution_seats() -> dict[str, str]:
    return dict(lexicons.load("places")["institution_seats"]["map"])


# ("the space agency", "the news agency" mostly refer back to an agency named otherwise: not here)
_NAMED_BODIES = {"ministry", "department", "committee", "commission", "inspectorate", "directorate", "tribunal"}
_BODY_ADJECTIVES = {"interior", "internal", "domestic", "environmental", "economic", "judicial", "electoral",
                    "parliamentary", "constitutional", "medical", "military", "financial", "statistical",
                    "arbitral", "disciplinary", "ethics", "appeals"}


def _lowercase_body(tok) -> tuple[int, int] | None:
    """Token range of a body named in lower case by what it does ("the interior ministry said", "the home
    affairs committee voted", "an official at the health department"): its own organisation (GUIDELINES 1);
    a foreign ministry is its state and is left to the state rules."""
    if tok.lower_ not in _NAMED_BODIES or tok.pos_ not in ("NOUN", "PROPN") or not tok.text.islower():
        return None
    mods = []
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].head.i in (tok.i, *(m.i for m in mods)) and doc[i].text.isalpha() and \
            doc[i].text.islower() and ((doc[i].dep_ == "compound" and doc[i].pos_ == "NOUN") or (
            doc[i].dep_ in ("amod", "compound") and doc[i].lower_ in _BODY_ADJECTIVES)):
        mods.insert(0, doc[i])
        i -= 1
    while mods and mods[0].i > 0 and doc[mods[0].i - 1].text == "-":
        mods.pop(0)  # "the five-member tribunal": a hyphenated description, no part of a name
    if not mods or any(m.lower_ in ("foreign", "state", "government", "news") or m.lower_ in _QUANTIFIERS
                       for m in mods):
        return None
    return mods[0].i, tok.i + 1


def _parenthesised(span) -> bool:
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"


_CREDIT_WORDS = ("words", "text", "reporting", "written", "story", "report")
_CREDIT_VERBS = {"reporting", "editing", "writing", "written", "edited", "compiled", "additional"}  # "; editing by"


def _by_at(toks) -> int:
    """The index of the "By" that opens a credit line ("By ...", "Words by ...", "Reporting by ..."), or -1."""
    if toks and toks[0].lower_ == "by":
        return 0
    if len(toks) > 1 and toks[0].lower_ in _CREDIT_WORDS and toks[1].lower_ == "by":
        return 1
    return -1


def _byline(sent) -> bool:
    """"By Anna Weber", "Words by Ana Ruiz", "By Tomas Reyes and Priya Nandakumar, Transport Correspondent",
    "Ingrid Solberg, Diplomatic Editor": a line of credits."""
    toks = [t for t in sent if not t.is_space]
    if not toks or len(toks) > 20 or any(t.pos_ in ("VERB", "AUX") and t.text.islower() and t.lower_ not in
                                         _CREDIT_VERBS for t in toks):
        return False
    if _by_at(toks) < 0:  # no "By": a name, a comma and a writer's job title, and nothing else
        return len(toks) <= 10 and toks[-1].lower_ in _byline_roles() and any(t.text == "," for t in toks) \
            and all(t.is_punct or t.text[:1].isupper() or t.lower_ in ("and", "of", "for") for t in toks)
    rest = toks[_by_at(toks) + 1 :]
    return any(t.ent_type_ == "PERSON" for t in toks) or any(t.lower_ in _byline_roles() for t in toks) or (
        len(rest) >= 2 and not any(t.ent_type_ in ("DATE", "TIME", "GPE") for t in rest)
        and all(t.is_punct or t.text[:1].isupper() or t.lower_ == "and" for t in rest))  # "Words by Amara Osei"


_NAME_GLUE = {"for", "of", "the", "and", "&", "in", "on", "to", "de"}
# nouns for a news outlet or a programme set before its name ("the newspaper Het Financieel Kompas", "public
# radio's Morning Forum")
_OUTLET_NOUNS = {"newspaper", "daily", "weekly", "broadcaster", "radio", "television", "magazine", "station",
                 "channel", "website", "programme", "program", "show", "podcast", "tabloid", "outlet", "blog"}
# ("agency", "network" also name public bodies and companies: "the cyber security agency CERT-Nord")
# where a report's channel stands: "told the X", "in an interview with the X", "a report in the X"
_CHANNEL_HEADS = {"report", "interview", "article", "editorial", "column", "story", "piece", "op-ed", "letter"}


def _capital_run(doc, last: int) -> tuple[int, int] | None:
    """The capitalised name ending at token ``last`` (its compounds and glue words before it), or None."""
    a = last
    while a > 0:
        prev = doc[a - 1]
        word = prev.is_alpha and (prev.text[:1].isupper() or prev.lower_ == "of") and \
            prev.dep_ in ("compound", "nmod", "amod", "poss", "prep", "cc", "")
        if not (word or (prev.pos_ == "PROPN" and prev.head.i >= a)):
            break
        a -= 1
    while a < last and not doc[a].text[:1].isupper():
        a += 1
    if not doc[last].text[:1].isupper() or not all(t.text[:1].isupper() or t.lower_ in ("of", "&") for t in doc[a : last + 1]):
        return None
    return a, last + 1


def _channel_names(sent) -> list[tuple[int, int]]:
    """Names of news outlets used only as the channel of a report, which the NER misses or takes for a place
    or a work ("told the Asia Chip Report", "a report in the newspaper Het Financieel Kompas", "told public
    radio's Morning Forum"): never a person, a country or a body."""
    doc = sent.doc
    out = []
    for tok in sent:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ in ("NORP", "DATE", "TIME"):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and (
                nxt.head.i == tok.i or (tok.head.i > tok.i and tok.head.pos_ == "PROPN")):
            continue  # not the last word of its name
        run = _capital_run(doc, tok.i)
        if run is None:
            continue
        a, b = run
        before = doc[a - 1] if a > 0 else None
        head = tok.head
        slot = False
        if before is not None and before.lower_ in _OUTLET_NOUNS and before.i + 1 == a:
            slot = True  # "the newspaper Het Financieel Kompas"
        elif before is not None and before.tag_ == "POS" and a >= 2 and doc[a - 2].lower_ in _OUTLET_NOUNS:
            slot = True  # "public radio's Morning Forum"
        elif before is not None and before.lower_ == "the" and (
                (tok.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell")
                or (tok.dep_ == "pobj" and head.lower_ in ("in", "to", "with") and (
                    head.head.lemma_.lower() in _CHANNEL_HEADS or head.head.lemma_.lower() in ("say", "speak", "talk")))):
            slot = True  # "told the Asia Chip Report", "in an interview with the Ledger"
        if not slot:
            continue
        name = span_text(doc, a, b)
        last = doc[b - 1].lower_
        if countries.lookup(name) is not None or last in _roles("body") | _roles("org_name_words") \
                or last in _roles("official") or countries.demonym(doc[a].text):
            continue  # "told the Security Council", "told the Senate"
        out.append((a, b))
    return out


def _fronted_body(sent) -> tuple[int, int, str] | None:
    """A name the NER missed that opens a sentence before a comma and a description of a body ("Yes for One
    Chamber, the official campaign for abolition, said ..."; "Keep Our Senate, the main campaign against ...").
    Its words are capitalised (or glue: "for", "of"); the description is definite and ends in a body noun."""
    toks = [t for t in sent if not t.is_space]
    comma = next((k for k, t in enumerate(toks[:8]) if t.text == ","), -1)
    if comma < 2 or comma + 2 >= len(toks) or toks[comma + 1].lower_ not in ("the", "a", "an"):
        return None
    run = toks[:comma]
    if not run[0].text[:1].isupper() or run[-1].lower_ in _NAME_GLUE or any(
            t.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "TIME") for t in run) or not all(
            t.text[:1].isupper() or t.lower_ in _NAME_GLUE for t in run) or run[0].pos_ == "PRON":
        return None
    if any(e.start == run[0].i and e.end == run[-1].i + 1 for e in sent.ents) or _titled(run[0].doc[
            run[0].i : run[-1].i + 1]):
        return None  # the NER has it whole; "Ms Vance, the party's treasurer" is a person
    desc = toks[comma + 1].head
    if desc.pos_ != "NOUN" or desc.i < toks[comma + 1].i or desc.i - toks[comma + 1].i > 4:
        return None
    lemma = desc.lemma_.lower()
    if lemma not in _roles("body") and not company_noun(lemma):
        return None
    return run[0].i, run[-1].i + 1, lemma


def _name_line(sent) -> bool:
    """A line that is only a name of two to four capitalised words ("Ragnhild Marlowe-Sund")."""
    words = [t for t in sent if not t.is_space and t.text not in ("-", "'", "’")]
    return 2 <= len(words) <= 4 and all(re.sub(r"['’-]", "", t.text).isalpha() and t.text[:1].isupper()
                                        for t in words)


def role_line(line: str) -> bool:
    """A line that is only a writer's job title ("Chief Political Correspondent", "Diplomatic Desk")."""
    words = line.split()
    return 1 <= len(words) <= 5 and words[-1].lower() in _byline_roles() and all(
        w[:1].isupper() or w in ("and", "of", "for", "&") for w in words)


def _byline_names(sent) -> list[tuple[int, int]]:
    """Token ranges of the people a byline names: runs of capitalised words between "by", commas, "and", "&"
    and "|", without the job titles ("Legal Affairs Correspondent") and agencies ("Reuters")."""
    out: list[tuple[int, int]] = []
    run: list = []
    roles = _byline_roles()

    def flush() -> None:
        if 2 <= len(run) <= 4 and not any(t.lower_ in roles for t in run) and not outlet_name(
                " ".join(t.text for t in run)):
            out.append((run[0].i, run[-1].i + 1))
        run.clear()

    toks = list(sent)
    for t in toks[_by_at(toks) + 1 :]:
        if re.sub(r"['’]", "", t.text).isalpha() and t.text[:1].isupper() and t.lower_ not in ("and", "by", "in", "for"):
            run.append(t)
        elif t.text in ("-", "'") or (t.text.startswith("'") and run) or (t.text == "." and run and len(run[-1]) == 1):
            continue  # "Anne-Marie", "O'Neill", "Jane Q. Public"
        else:
            flush()
    flush()
    return out


@lru_cache(maxsize=1)
def _byline_roles() -> frozenset[str]:
    return lexicons.words("boilerplate", "byline_roles")


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return lexicons.words("boilerplate", "stamps", key="zones")


def _not_a_name(ent) -> bool:
    """An entity the NER took for a name that is none: a story label before a colon ("Explainer: ...",
    "Factbox: ..."), a job title of the page's writers ("Legal Affairs Correspondent")."""
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.text == ":" and (ent.start == 0 or doc[ent.start - 1].is_space
                                                or doc[ent.start].is_sent_start) \
            and fold(ent.text) in lexicons.words("boilerplate", "story_labels"):
        return True
    return ent[-1].lower_ in _byline_roles()


def _capitalised_noun(ent) -> bool:
    """A common noun the capital letter at a sentence start made look like a name ("Coal and gas prices",
    "Budget airline Vantra"): it names someone only if the article names someone so elsewhere."""
    return len(ent) == 1 and ent[0].tag_ in ("NN", "NNS") and ent[0].is_sent_start


def company_noun(word: str) -> bool:
    """Is this (lower-cased) word a noun for a company ("supplier", "operator", "chipmaker")?"""
    return word in _roles("company_nouns") or word.endswith("maker")


def _after_company_noun(ent) -> bool:
    """Is the name introduced by a company noun ("the rail operator Meridian Rail", "budget airline Vantra")?"""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is None or prev.pos_ != "NOUN" or not prev.text.islower():
        return False
    return company_noun(prev.lower_) and prev.lower_ not in ("rival", "group", "giant", "brand")


def _company_roles(ent) -> tuple[str, ...]:
    """Company nouns written with an organisation's name ("chipmaker Lumina NV", "Lumina, the chipmaker")."""
    doc = ent.doc
    out = [t.lower_ for t in doc[max(0, ent.start - 3) : ent.start] if company_noun(t.lower_)]
    for child in ent.root.children:
        if child.dep_ == "appos" and company_noun(child.lower_):
            out.append(child.lower_)
    if ent[-1].lower_ in _roles("corporate_suffixes"):
        out.append("company")
    if out:
        out.append("company")
    return tuple(dict.fromkeys(out))


def furniture(sent) -> bool:
    """Is this sentence page furniture: a link or credit line, a share bar, a menu?"""
    text = sent.text.strip().lower().lstrip("•·-–—|>*# ")
    if text.startswith(_furniture_prefixes()) or _PLEA.match(text):
        return True
    if len(sent) > 16:
        return False
    share = lexicons.words("boilerplate", "share_words")
    words = [w for w in re.findall(r"[\w@]+", text) if not w.isdigit()]  # "Comments (214)"
    return bool(words) and len(words) <= 12 and all(w in share for w in words)


@lru_cache(maxsize=1)
def _furniture_prefixes() -> tuple[str, ...]:
    return tuple(lexicons.words("boilerplate", "prefixes"))


# "Support the Tribune's journalism from €4 a month", "Help fund our journalism"
_PLEA = re.compile(r"^(?:please )?(?:support|fund|help fund|back)\b[^.!?]{0,40}\bjournalism\b")
_BUTTONS = re.compile(r"(?:\s*\[[^\]\n]{1,40}\]){2,}\s*")
_STAMP = re.compile(r"^(?:last |first )?(?:updated|published|posted|modified)\b[^.!?]{0,60}\d", re.I)
_LIST_ITEM_MAX_WORDS = 16


def _list_item(line: str) -> bool:
    """A short line that does not end like a sentence of prose: a headline in a list of links."""
    t = line.strip()
    return bool(t) and len(t.split()) <= _LIST_ITEM_MAX_WORDS and not t.endswith((".", '."', ".”", ":"))


_HEADER_OPENINGS = ("more on ", "more about ", "more from ", "more in ", "related to ")


def furniture_block(document, block) -> bool:
    """Is this whole line page furniture (GUIDELINES 0)?

    * a menu: three or more short items separated by "|" ("News | Tech | Policy");
    * a time stamp ("Updated 14:05 GMT, 3 March", "Published: 12 May 2025 | Updated 09:40 BST");
    * a headline in a list of links to other stories: a short line without a final full stop that follows a
      list header ("Read also:", "Most read") through other such lines.
    """
    text = document.text
    line = text[block.start : block.end].strip()
    parts = [p.strip() for p in re.split(r"[|·•]", line)]
    if len(parts) >= 3 and all(len(p.split()) <= 8 and not p.endswith(".") for p in parts):
        return True  # "Jobs | Advertise | Editorial standards | © 2026 TechWire Media BV"
    if _BUTTONS.fullmatch(line):
        return True  # "[Listen]  [Share]  [Gift this article]"
    items = [p for p in re.split(r"\s{2,}|\t", line.lstrip("☰≡•·|>*#-– ")) if p]
    if len(items) >= 4 and all(len(p.split()) <= 3 and p[:1].isupper() and not p.endswith(".") for p in items):
        return True  # "Sections   Health   Medicine   Science   Tech": a menu set out with spaces
    if len(line.split()) <= 12 and _STAMP.match(line):
        return True
    if not _list_item(line):
        return False
    headers = lexicons.words("boilerplate", "list_headers")
    blocks = document.blocks
    j = block.number - 2  # the block before (numbers are 1-based)
    for _ in range(12):
        if j < 0:
            return False
        prev = text[blocks[j].start : blocks[j].end].strip()
        key = prev.lower().rstrip(":").strip()
        if key in headers or (key.startswith(_HEADER_OPENINGS) and len(key.split()) <= 6):
            return True
        if not _list_item(prev):
            return False
        j -= 1
    return False


# entity types under which the small model files a speaker it failed to recognise ("Trump told" as WORK_OF_ART)
@lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    """Nouns for people and bodies: a capitalised one opening a sentence is no surname."""
    return _roles("official") | _roles("people") | _roles("role") | _roles("body")


_AGENT_SUFFIXES = ("man", "woman", "men", "women", "person", "people", "ist", "ian", "ant", "ent", "er", "or",
                   "eer", "ee", "crat", "arch", "smith", "wright")
_NOT_AGENT = {"paper", "letter", "order", "number", "computer", "factor", "sector", "matter", "center", "centre",
              "water", "power", "border", "corner", "chapter", "quarter", "cancer", "error", "minor", "mirror",
              "motor", "monitor", "river", "tower", "theater", "theatre", "summer", "winter", "winner", "dinner",
              "layer", "weather", "disorder", "trader", "meter", "filter", "other", "ever", "under", "after",
              "element", "moment", "event", "content", "talent", "percent", "agent", "incident", "accident",
              "argument", "extent", "intent", "segment", "comment", "payment", "treatment", "statement",
              "document", "amendment", "settlement", "tournament", "department", "environment", "development",
              "investment", "movement", "instrument", "requirement", "assessment", "equipment", "plant", "want",
              "grant", "restaurant", "giant", "variant", "warrant", "pageant", "elephant", "tenant", "cent",
              "fee", "committee", "guarantee", "coffee", "jubilee", "referee"}


def agent_like(lemma: str) -> bool:
    """A noun that by its ending names a person or body ("businessman", "economist", "physician", "voter")."""
    if lemma in _NOT_AGENT or lemma.endswith(("ment", "ence", "ance", "ness", "ship")) or len(lemma) < 5:
        return lemma in {"committee", "referee", "agent"}
    return lemma.endswith(_AGENT_SUFFIXES)


_MISSED_TYPES = {"", "WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "LANGUAGE"}


def _source_slot(tok) -> bool:
    """Does this proper noun stand where a source stands: a subject, "according to X", "X:" opening a line?"""
    if tok.dep_ == "nsubj":
        return True
    if _fronted_name(tok):
        return True
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":":
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_sent_end:
            start -= 1
        return doc[start].is_sent_start or (start > 0 and doc[start - 1].text in "\"“")
    return False


# documents that carry their issuer's statement or finding ("a GAO report found"); a bill, a plan or a deal
# named after a body ("a Senate spending bill") does not make it speak
_ISSUED = {"report", "study", "poll", "survey", "statement", "letter", "memo", "analysis", "audit", "review",
           "assessment", "estimate", "forecast", "release", "communique", "communiqué", "filing", "paper", "research"}


def _before_name(tok) -> bool:
    """Is this title noun written before a person's name ("budget director Lorna Vick")?"""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.ent_type_ == "PERSON"


def _fronted_name(tok) -> bool:
    """A name opening the sentence before a comma and a description ("Tutorly, the largest supplier of ...,
    welcomed"): the parser often hangs it as a modifier; it is the subject in apposition."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "," or doc[tok.i + 2].lower_ not in ("the", "a", "an"):
        return False
    start = tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start].is_sent_start:
        start -= 1
    if not doc[start].is_sent_start:
        return False
    desc = doc[tok.i + 2].head
    return desc.dep_ == "nsubj" and desc.pos_ == "NOUN"


def _titled(ent) -> bool:
    """Is the entity preceded by (or does it start with) a personal title ("Chancellor", "Mr.")?"""
    titles = _roles("role") | {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "sir", "dame", "chancellor", "senator"}
    first = ent[0].lower_.rstrip(".")
    if first in titles and len(ent) > 1:
        return True
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > 0 else None
    return prev is not None and prev.lower_.rstrip(".") in titles and prev.dep_ == "compound"


def strip_the(s: str) -> str:
    """The name without a leading "the" ("The Financial Conduct Board" -> "Financial Conduct Board")."""
    return re.sub(r"^the\s+", "", s, flags=re.I)


def _state_organ(ent) -> str | None:
    """The state of a foreign-policy organ named with its country ("the Turkish Foreign Ministry")."""
    key = fold(ent.text)
    if not any(w in key for w in ("foreign ministry", "foreign affairs", "foreign office", "state department",
                                  "government", "embassy")):
        return None
    for tok in ent:
        hit = countries.demonym(tok.text) if tok.tag_ == "JJ" or tok.text[:1].isupper() else None
        if hit:
            return hit
        st = countries.lookup(tok.text)
        if st and st.how in ("name", "code"):
            return st.name
    return None


def _norp(doc, ent, offset, sent, add, official, collective, people) -> None:
    """Nationality and group adjectives: the state behind officials, a group of allies, or nothing."""
    root = ent.root
    dem = countries.demonym(ent.text)
    head = root.head if root.dep_ in ("amod", "compound", "nmod") else None
    if head is None or head.i == root.i:
        # the word is the noun itself: "the Russians", "Democrats"
        if root.tag_ in ("NNS", "NNPS") or (root.pos_ in ("NOUN", "PROPN") and root.text.endswith("s")):
            surface = base_form(ent.text)
            add(MentionF(offset + ent.start_char, offset + ent.end_char, surface, strip_the(surface), "group", sent,
                         "demonym"), ent.start, ent.end)
        return
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ == "PERSON":
        return
    up = head
    while up.dep_ == "compound" and up.head.i != up.i:
        up = up.head
        if up.ent_type_ == "PERSON":
            return  # a title before a name: "Russian Foreign Minister Sergey Lavrov"
    lemma = head.lemma_.lower()
    if head.pos_ == "PROPN" and lemma not in official | collective | people:
        return
    s, e = np_span(head)
    s = min(s, ent.start)
    phrase = base_form(span_text(doc, s, e))
    start_char = offset + doc[s].idx
    end_char = offset + doc[e - 1].idx + len(doc[e - 1].text)
    media = _roles("state_media")
    if dem and (lemma in official or ((lemma in media or head.lower_ in media) and any(
            c.dep_ in ("compound", "amod") and c.lower_ == "state" for c in head.children))):
        # "Turkish officials"; "Russian state television" speaks for the government
        add(MentionF(start_char, end_char, phrase, dem, "state", sent, "demonym"), s, e)
    elif lemma in collective and head.tag_ in ("NNS", "NNPS"):
        # ("American allies" are the allies of the US, a group of their own; "a summit of Nordic leaders" names
        # them without their acting)
        words = strip_quantifiers(doc[s:e])
        name = span_text(doc, words[0].i, words[-1].i + 1) if words else phrase
        add(MentionF(start_char, end_char, phrase, base_form(name), "group", sent, "group:" + fold(ent.text),
                     idle=not acts(head)), s, e)
    elif lemma in people and head.tag_ in ("NNS", "NNPS") and acts(head):
        words = strip_quantifiers(doc[s:e])
        name = span_text(doc, words[0].i, words[-1].i + 1) if words else phrase
        add(MentionF(start_char, end_char, phrase, base_form(name), "group", sent, "group"), s, e)


# ----------------------------------------------------------------------------------------- merging
@dataclass(slots=True)
class _Draft:
    kind: str
    names: list[str] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # folded -> surface
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    canonical: str = ""
    strong: bool = False


_MALE = {"mr", "sir", "lord", "king", "prince", "father", "brother", "spokesman", "chairman", "congressman",
         "businessman", "duke", "baron", "earl"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister", "spokeswoman", "chairwoman",
           "congresswoman", "businesswoman", "duchess", "baroness"}


def gender_of(m: MentionF) -> str:
    """"m", "f" or "" from the titles and role words written with a person's name ("Ms. Rahman", "the spokeswoman")."""
    words = {w.rstrip(".") for w in fold(m.full or m.surface).split()} | set(m.roles)
    if words & _MALE:
        return "m"
    if words & _FEMALE:
        return "f"
    return ""


@lru_cache(maxsize=1 << 14)
def org_key(name: str) -> str:
    """An organisation's name folded, without a leading article or a legal form ("The Lumina NV" -> "lumina")."""
    words = fold(strip_the(name)).split()
    suffixes = _roles("corporate_suffixes")
    while len(words) > 1 and words[-1].rstrip(",") in suffixes:
        words = words[:-1]
    return " ".join(w.rstrip(",") for w in words)


@lru_cache(maxsize=1 << 14)
def _abbreviates(acronym: str, folded_name: str) -> bool:
    """Is ``acronym`` made of letters of each main word of the name, in order, each word giving its first letter
    and maybe more of its letters ("NATO", "ASEAN": Association of South-East Asian Nations)?"""
    words = [w for w in re.findall(r"[\w'-]+", folded_name) if w not in ("of", "the", "and", "for", "&")]
    acronym = acronym.lower()

    @lru_cache(maxsize=None)
    def fit(a: int, w: int, pos: int) -> bool:  # acronym[a:] from words[w:], word w used up to pos
        if a == len(acronym):
            return w == len(words) or (w == len(words) - 1 and pos > 0)
        if w == len(words):
            return False
        word = words[w]
        if pos == 0:  # each word starts with its first letter
            return acronym[a] == word[0] and fit(a + 1, w, 1)
        nxt = word.find(acronym[a], pos)
        return fit(a, w + 1, 0) or (nxt >= 0 and fit(a + 1, w, nxt + 1))

    return len(words) >= 2 and fit(0, 0, 0)


@lru_cache(maxsize=1 << 14)
def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[\w'-]+", name) if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for")]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _body_of_form(key: str) -> str:
    """"health ministry" -> "ministry of health": the full form of a body named in lower case, or ""."""
    words = key.split()
    if len(words) >= 2 and words[-1] in _NAMED_BODIES and "of" not in words:
        return f"{words[-1]} of {' '.join(words[:-1])}"
    return ""


_GENERIC_LEADS = {"national", "international", "european", "american", "british", "united", "federal", "royal",
                  "general", "new", "first", "central", "global", "world", "state", "public", "north", "south",
                  "east", "west", "northern", "southern", "eastern", "western", "great", "greater", "the"}
_LINK_WORDS = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "&"}


# first words of campaign names that are slogans ("Keep Our Senate", "Save Our Libraries", "Yes for One Chamber"):
# their last word is what the campaign is about, not what it is
_SLOGAN_OPENERS = {"keep", "save", "stop", "vote", "fight", "protect", "defend", "scrap", "leave", "remain", "yes",
                   "no", "back", "free", "end", "ban", "hands"}


def actor_keys(mentions: list[MentionF]) -> list[tuple[str, str]]:
    """The actor key (kind, folded canonical name) of every mention, after the cross-document rules."""
    surnames: dict[str, list[tuple[int, str]]] = {}  # folded last name -> [(position, full name)]
    person_keys: set[str] = set()
    firstlast: dict[tuple[str, str], str] = {}
    givens: dict[str, set[str]] = {}  # folded given name -> the people (first + last name) who have it
    long_orgs: dict[str, str] = {}  # initials -> folded long name
    org_keys: dict[str, str] = {}  # name without legal form ("lumina") -> first folded full name
    heads: dict[str, set[str]] = {}  # last word of a multi-word organisation name -> its keys ("commission")
    legal: set[str] = set()  # keys of organisations named with a legal form
    full_name_words: set[str] = set()  # words of people's full names ("Declan Brennan")
    # the leading words of a company-like name ("coldwater" of "Coldwater Logistics", "hollin water" of "Hollin
    # Water Services"): that name when one organisation has them, None when two do
    first_words: dict[str, str | None] = {}
    other_first: dict[str, str | None] = {}
    org_words = _roles("org_name_words")
    full_gender: dict[str, str] = {}  # folded full name -> "m"/"f" from a title written with it ("First Lady ...")
    for i, m in enumerate(mentions):
        if m.kind == "person":
            words = m.name.split()
            person_keys.add(fold(m.name))
            if len(words) >= 2:
                full_name_words.update(fold(w) for w in words)
                fl = (fold(words[0]), fold(words[-1]))
                best = firstlast.get(fl)
                if best is None or len(m.name) > len(best):
                    firstlast[fl] = m.name
                surnames.setdefault(fold(words[-1]), []).append((i, m.name))
                givens.setdefault(fold(words[0]), set()).add(fold(words[0]) + " " + fold(words[-1]))
                person_keys.add(fold(words[-1]))
                g = gender_of(m)
                if g:
                    full_gender.setdefault(fold(m.name), g)
        elif m.kind == "organization":
            ini = _initials(m.name)
            if ini:
                long_orgs.setdefault(ini, fold(m.name))
            key = org_key(m.name)
            org_keys.setdefault(key, fold(m.name))
            if key != fold(strip_the(m.name)):
                legal.add(key)  # "Lumina NV": "Lumina" alone is this company
            words = key.split()
            if len(words) >= 2 and words[-1][:1].isalpha():
                if words[0] not in _SLOGAN_OPENERS:  # "Keep Our Senate" is no senate: "the Senate" is not it
                    heads.setdefault(words[-1], set()).add(key)
                if not _LINK_WORDS & set(words) and m.how == "ent" and words[0] not in _GENERIC_LEADS \
                        and words[0] not in _agent_nouns():
                    # the leads of a name that ends in a company word ("Hollin Water", "Hollin" of "Hollin Water
                    # Services"); the first word alone of any other name ("Calder" of "Calder Appliances"), when
                    # no company-word name has it
                    table = first_words if words[-1] in org_words else other_first
                    for k in range(1, len(words) if words[-1] in org_words else 2):
                        lead = " ".join(words[:k])
                        table[lead] = key if table.get(lead, key) == key else None
    for lead, key in other_first.items():
        first_words.setdefault(lead, key)
    # "Security Council" beside "UN Security Council": the name without the acronym that qualifies it
    qualified: dict[str, str | None] = {}
    for m in mentions:
        if m.kind == "organization" and m.how == "ent":
            words = strip_the(m.name).split()
            if len(words) >= 3 and words[0].replace(".", "").isupper() and len(words[0].replace(".", "")) <= 4:
                rest, key = fold(" ".join(words[1:])), org_key(m.name)
                qualified[rest] = key if qualified.get(rest, key) == key else None
    products = {fold(m.name) for m in mentions if m.how == "product"}
    keys: list[tuple[str, str]] = []
    for i, m in enumerate(mentions):
        kind, name = m.kind, m.name
        if fold(name) in products and kind in ("organization", "unknown"):
            keys.append(("unknown", fold(name)))  # a product named elsewhere ("Halcyon's first Tern-2 failed")
            continue
        if kind in ("organization", "group", "unknown", "state") and m.how in ("ent", "place", "propn", "noun") \
                and fold(name) in person_keys and not (kind == "organization" and m.roles):
            kind = "person"  # a name tagged ORG (or missed) that is a person elsewhere (not one introduced by a
            # company noun: "rival network Vireo")
        # a bare name the NER gave no kind or a wrong one (a person, a place: "Dekkerhof would cut")
        retyped = (kind in ("person", "unknown") or (kind == "state" and m.how == "place")) \
            and m.how in ("ent", "propn", "noun", "place") and not m.roles
        given = fold(name) in full_name_words  # a word of a person's full name ("Declan" of "Declan Brennan")
        if retyped and len(name.split()) == 1 and fold(name) in org_keys and not given:
            kind = "organization"  # "Cobalt and Vireo said" after "rival network Vireo": the company
        if retyped and (fold(name) in legal or (first_words.get(fold(name)) and not given)):
            kind = "organization"  # "Lumina" after "Lumina NV", "Coldwater" beside "Coldwater Logistics"
        if kind == "unknown":
            keys.append(("unknown", fold(name)))
            continue
        if kind == "person":
            words = name.split()
            if len(words) >= 2:
                name = firstlast.get((fold(words[0]), fold(words[-1])), name)
            else:
                cands = surnames.get(fold(name))
                g = gender_of(m) if cands and len({c[1] for c in cands}) > 1 else ""
                if g:  # "Mr. Obama" beside "First Lady Michelle Obama" and "Barack Obama": not the first lady
                    fits = [c for c in cands if full_gender.get(fold(c[1]), g) == g]
                    cands = fits or cands
                if cands:
                    at = bisect_right(cands, (i, "\U0010ffff"))  # the latest full name at or before this mention
                    chosen = (cands[at - 1] if at else cands[0])[1]
                    name = firstlast.get((fold(chosen.split()[0]), fold(chosen.split()[-1])), chosen)
                elif len(givens.get(fold(name), ())) == 1 and not m.roles:
                    # a given name alone for the one person who has it ("Chanida" after "Chanida Wongsakul":
                    # the usual short form of Thai, Malay, Indonesian names; "Donald" of "Donald Trump")
                    chosen = next(iter(givens[fold(name)]))
                    name = firstlast.get((fold(chosen.split()[0]), fold(chosen.split()[-1])), chosen)
        elif kind == "organization":
            compact = name.replace(".", "")
            if compact.isupper() and compact in long_orgs:
                keys.append(("organization", long_orgs[compact]))
                continue
            if compact.isupper() and compact.isalpha() and 3 <= len(compact) <= 8:
                # "ASEAN" for the Association of Southeast Asian Nations: letters from the start of each word
                fits = {v for v in long_orgs.values() if _abbreviates(compact, v)}
                if len(fits) == 1:
                    keys.append(("organization", fits.pop()))
                    continue
            key = org_key(name)
            if qualified.get(key) and qualified[key] != key and key in org_keys:
                keys.append(("organization", org_keys[qualified[key]]))
                continue
            alt = _body_of_form(key)
            if alt and alt in org_keys:  # "the health ministry" is the "Ministry of Health"
                keys.append(("organization", org_keys[alt]))
                continue
            lead = first_words.get(key)
            if lead and lead != key:  # "Vantra" and "Vantra Airways", "Hollin Water" and "Hollin Water Services"
                keys.append(("organization", org_keys[lead]))
                continue
            if len(key.split()) == 1 and len(heads.get(key, ())) == 1:  # "the Commission" -> "European Commission"
                keys.append(("organization", org_keys[next(iter(heads[key]))]))
                continue
            if key in org_keys:
                keys.append(("organization", org_keys[key]))
                continue
        elif kind == "group" and m.how.startswith("group:"):
            keys.append(("group", m.how))
            continue
        keys.append((kind, fold(name)))
    return keys


def merge(mentions: list[MentionF], keys: list[tuple[str, str]]) -> tuple[list[Actor], list[int]]:
    """Actors in order of first mention, and for each mention the index of its actor (-1: no actor)."""
    drafts: dict[tuple[str, str], int] = {}
    order: list[_Draft] = []
    which: list[int] = []
    for m, key in zip(mentions, keys):
        idx = drafts.get(key)
        if idx is None:
            idx = drafts[key] = len(order)
            order.append(_Draft(key[0]))
        d = order[idx]
        which.append(idx)
        name = m.name if key[0] == m.kind else m.surface
        d.names.append(base_form(strip_the(name)) if key[0] != "state" else name)
        for form in (m.surface, m.full):
            if form and form.lower() not in ("he", "she", "it", "they"):
                d.aliases.setdefault(fold(form), form)
        d.mentions.append(Mention(m.start, m.end, m.surface, m.sentence))
        d.roles.update(m.roles)
        d.strong = d.strong or not (m.weak or m.idle)
    actors: list[Actor | None] = []
    for d in order:
        if not d.strong:
            actors.append(None)  # seen only in page furniture or fragments: no actor (index kept)
            continue
        if d.kind == "person":
            name = max(d.names, key=lambda n: (len(n.split()), len(n)))
        elif d.kind == "organization":
            longs = [n for n in d.names if len(n.split()) >= 2 and n.replace(".", "").upper() != n.replace(".", "")]
            name = max(longs, key=len) if longs else d.names[0]
        else:
            name = d.names[0]
        d.canonical = name
        aliases = list(d.aliases.values())
        actors.append(Actor(Actor.make_id(d.kind, name), name, d.kind, aliases, d.mentions))
    # drop the actors seen only in page furniture; names are unique (positions name their actor): an actor
    # whose name another already has ("Jordan" the person and the state) joins the first one
    final: list[Actor] = []
    new_index: list[int] = []
    by_name: dict[str, int] = {}
    for a in actors:
        if a is None:
            new_index.append(-1)
            continue
        same = by_name.get(fold(a.name))
        if same is not None:
            first = final[same]
            known = {fold(x) for x in first.aliases}
            first.aliases.extend(x for x in a.aliases if fold(x) not in known)
            first.mentions.extend(a.mentions)
            first.mentions.sort(key=lambda m: m.start)
            new_index.append(same)
            continue
        by_name[fold(a.name)] = len(final)
        new_index.append(len(final))
        final.append(a)
    return final, [new_index[w] for w in which]
