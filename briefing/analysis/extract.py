"""Per-block extraction and whole-document assembly.

``extract_block`` is a pure function of one parsed block Doc (one line of the canonical text, with the
loader's sentence starts preset; Doc offsets are relative to ``block.start``). It keeps only small
findings (absolute offsets, names, references) so the Doc can be freed: actor mentions
(``actors.block_mentions``), position candidates (``positions.block_positions``) and open questions
(``questions.block_questions``).

``assemble`` is the cross-block step: it merges mentions into canonical actors, resolves pronoun, role
and quote-continuation sources to the nearest compatible earlier actor, keeps one position per (actor,
sentence), and derives every id from content (``model.Position.make_id`` / ``Question.make_id``). It is
called repeatedly for partial results, so it is linear in the number of findings.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.analysis.actors import (
    MentionF,
    actor_keys,
    block_mentions,
    furniture,
    furniture_block,
    gender_of,
    merge,
    role_line,
    strip_the,
)
from briefing.analysis import lexicons
from briefing.analysis.countries import fold
from briefing.analysis.positions import BlockQuoteInfo, PositionF, SourceRef, block_positions, quote_spans
from briefing.analysis.questions import QuestionF, block_questions
from briefing.model import Actor, Block, Document, Position, Question


@dataclass(slots=True)
class BlockFindings:
    block: int
    mentions: list[MentionF] = field(default_factory=list)
    positions: list[PositionF] = field(default_factory=list)
    quotes: BlockQuoteInfo = field(default_factory=lambda: BlockQuoteInfo([]))
    questions: list[QuestionF] = field(default_factory=list)


def extract_block(doc, document: Document, block: Block) -> BlockFindings:
    off = block.start
    first = block.first_sentence
    sents = list(doc.sents)  # computed once: spaCy walks the whole Doc on every ``doc.sents``
    whole = furniture_block(document, block)  # a menu, a time stamp, a headline in a 'Read also' list
    furn = [whole or furniture(s) for s in sents]
    starts = [s.start for s in sents]

    def sentence_of(token_i: int) -> int:
        return first + bisect_right(starts, token_i) - 1

    nxt = document.blocks[block.number] if block.number < len(document.blocks) else None  # numbers are 1-based
    credit = nxt is not None and role_line(document.text[nxt.start : nxt.end])  # a job title under a name line
    mentions, tok2m = block_mentions(doc, off, sentence_of, sents, furn, credit)
    regular = len(mentions)
    text = doc.text  # rebuilt by spaCy on each access: once per block
    positions, quotes = block_positions(doc, off, sentence_of, mentions, tok2m, first, sents, furn, text)
    questions = block_questions(doc, off, first, quote_spans(text), sents, furn)
    # description mentions (unnamed sources) are candidates; role/body/pronoun references may not need them
    used = {p.source.mention for p in positions if p.source.kind == "mention" and p.source.mention >= regular}
    fallbacks = {p.source.mention for p in positions if p.source.kind in ("role", "body") and p.source.mention >= 0}
    keep = {i for i in range(regular, len(mentions)) if mentions[i].how != "description"} | used | fallbacks
    keep |= set(quotes.antecedents)
    remap = _compact(mentions, regular, keep, positions)
    quotes.antecedents = [remap[i] for i in quotes.antecedents if i in remap]
    mentions = [m for i, m in enumerate(mentions) if i < regular or i in keep]
    return BlockFindings(block.number, mentions, positions, quotes, questions)


def _compact(mentions: list[MentionF], regular: int, keep: set[int], positions: list[PositionF]) -> dict[int, int]:
    """Renumber position references for the mentions kept (descriptions no position or pronoun needs go)."""
    remap = {i: i for i in range(regular)}
    n = regular
    for i in range(regular, len(mentions)):
        if i in keep:
            remap[i] = n
            n += 1
    for p in positions:
        if p.source.mention >= 0:
            p.source.mention = remap.get(p.source.mention, -1)
    return remap


# ----------------------------------------------------------------------------------------- assembly
_PRONOUN_KINDS = {"person": ("person",), "plural": ("group", "state", "organization"), "neuter": ("organization", "state")}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# last words of bodies that are no company ("the company" never means the Competition Authority)
_PUBLIC_BODY = {"authority", "agency", "office", "commission", "ministry", "department", "court", "council",
                "regulator", "union", "association", "parliament", "committee", "board", "institute", "university",
                "government", "administration", "party", "federation", "league", "bureau", "service", "police"}
# "the team" / "the researchers" unnamed mean the research body the article named last
_BODY_RESEARCH = {"team", "researchers", "scientists", "authors"}
_RESEARCH_WORDS = {"institute", "university", "laboratory", "lab", "labs", "observatory", "academy", "college",
                   "school", "centre", "center", "hospital", "clinic", "foundation", "institution", "survey"}
_BODY_STATE = {"government", "administration", "regime", "cabinet", "ministry", "presidency"}
# nouns that, definite and unnamed, almost always mean the company the article is about
_BODY_COMPANY = {"company", "firm", "bank", "lender", "carrier", "airline", "insurer", "retailer", "manufacturer",
                 "automaker", "carmaker", "startup", "group", "conglomerate", "giant", "chain", "operator"}


def assemble(document: Document, findings: list[BlockFindings]) -> tuple[list[Actor], list[Position], list[Question]]:
    sentences = document.sentences
    # 1. every mention, in text order, with the block offset of its index
    all_mentions: list[MentionF] = []
    base: list[int] = []
    descriptions: set[int] = set()
    antecedents: set[int] = set()
    for f in findings:
        base.append(len(all_mentions))
        antecedents.update(base[-1] + i for i in f.quotes.antecedents)
        for m in f.mentions:
            if m.how == "description":
                descriptions.add(len(all_mentions))
            all_mentions.append(m)
    keys = actor_keys(all_mentions)
    _state_media(all_mentions, keys)
    seat_org = _domestic_seats(all_mentions, keys)
    for gi in seat_org:
        keys[gi] = ("organization", fold(strip_the(all_mentions[gi].surface)))

    # 2. resolve position sources (pronouns and roles to the nearest compatible earlier mention)
    order = sorted(range(len(all_mentions)), key=lambda i: all_mentions[i].start)
    resolved: list[tuple[PositionF, int, str]] = []  # position, global mention index, surface
    quote_speaker: dict[tuple[int, int], int] = {}  # (finding index, position index) -> mention index
    last_kind: dict[str, int] = {}
    last_role: dict[str, int] = {}
    ptr = 0
    used_desc: set[int] = set()
    used_unknown: list[tuple[int, str]] = []  # unknown proper nouns a source needs, and the kind it implies
    role_forms: dict[str, tuple[set[int], str]] = {}  # "the bank" -> (mentions it was resolved to, surface)

    last_word: dict[str, int] = {}  # a word of an organisation's name -> its latest mention ("the bank")
    last_head: dict[str, int] = {}  # the last word of an organisation's name -> its latest mention ("the fund")
    org_count: Counter = Counter()  # organisation key -> mentions so far
    org_last: dict[tuple[str, str], int] = {}  # organisation key -> its latest mention
    companies: set[tuple[str, str]] = set()  # organisations introduced as companies or acting as one
    orgs_as_subject: list[int] = []  # organisations that were a clause's subject, in text order ("the company")
    persons: list[int] = []  # person mentions seen so far, in text order (for "he" / "she")
    things: list[int] = []  # organisations, states and groups that were a clause's subject (for "it" / "they")
    gender: dict[tuple[str, str], str] = {}  # actor key -> "m" / "f", from titles and earlier pronouns

    def advance(upto: int) -> None:
        nonlocal ptr
        while ptr < len(order) and all_mentions[order[ptr]].start < upto:
            gi = order[ptr]
            if gi in antecedents:  # "Scientists at X found ... they say"
                last_kind["group"] = gi
            if gi not in descriptions and all_mentions[gi].how != "outlet":  # outlets are never sources
                kind = keys[gi][0]
                last_kind[kind] = gi
                if kind in ("organization", "state", "group") and all_mentions[gi].subject:
                    things.append(gi)
                if kind in ("person", "unknown"):
                    persons.append(gi)
                    g = gender_of(all_mentions[gi])
                    if g and kind == "person":
                        gender.setdefault(keys[gi], g)
                for r in all_mentions[gi].roles:
                    last_role[r] = gi
                if kind == "organization" and all_mentions[gi].subject and \
                        keys[gi][1].rsplit(" ", 1)[-1] not in _PUBLIC_BODY:
                    orgs_as_subject.append(gi)
                if kind == "organization":
                    org_count[keys[gi]] += 1
                    org_last[keys[gi]] = gi
                    if "company" in all_mentions[gi].roles or (all_mentions[gi].subject and keys[gi][1].rsplit(
                            " ", 1)[-1] not in _PUBLIC_BODY):
                        companies.add(keys[gi])
                    last_head[keys[gi][1].rsplit(" ", 1)[-1]] = gi
                    for w in keys[gi][1].split():
                        last_word[w] = gi
                        if w in _RESEARCH_WORDS:
                            last_word["research"] = gi
            ptr += 1

    def recent_subject(pool: list[int], kinds, since: int, default: int = -1) -> int:
        """The latest mention of ``pool`` of one of ``kinds`` that was a clause's subject in sentence ``since``
        or later ("it", "its chairman", an epithet), else ``default``."""
        fits = [x for x in reversed(pool[-8:]) if keys[x][0] in kinds and all_mentions[x].subject
                and all_mentions[x].sentence >= since]
        # the subject of a main clause before one of a clause inside ("..., wants the site that X is building")
        return next((x for x in fits if all_mentions[x].main), fits[0] if fits else default)

    def pick(kinds) -> int:
        found = [last_kind[k] for k in kinds if k in last_kind]
        return max(found, key=lambda gi: all_mentions[gi].start) if found else -1

    def pick_person(sentence: int, surface: str) -> int:
        """"he"/"she": the subject of this or the previous sentence first (centering), then the nearest person,
        skipping people whose gender the article gives otherwise; the choice teaches the person's gender."""
        want = _PRONOUN_GENDER.get(surface.lower(), "")
        fits = [gi for gi in reversed(persons[-12:]) if keys[gi][0] == "person"
                and (not want or gender.get(keys[gi], want) == want)]
        near = [gi for gi in fits if all_mentions[gi].sentence >= sentence - 1 and all_mentions[gi].subject]
        if not near and want:  # then someone the article has shown to be of that gender, a few sentences back
            near = [gi for gi in fits if gender.get(keys[gi]) == want and all_mentions[gi].sentence >= sentence - 3]
        gi = near[0] if near else (fits[0] if fits else -1)
        if gi >= 0 and want:
            gender.setdefault(keys[gi], want)
        return gi

    def main_company() -> int:
        """The latest mention of the company the article has named most often so far (what "the company" means
        when no company was the subject just before), or -1."""
        if not companies:
            return -1
        top = max(org_count[k] for k in companies)
        return max((org_last[k] for k in companies if org_count[k] == top), key=lambda gi: all_mentions[gi].start)

    items: list[tuple[int, int, int]] = []  # (offset, finding index, position index)
    for fi, f in enumerate(findings):
        for pi, p in enumerate(f.positions):
            items.append((p.source.offset if p.source.offset else p.cue_start, fi, pi))
    items.sort()
    for off, fi, pi in items:
        p = findings[fi].positions[pi]
        advance(off)
        if p.source.kind == "pronoun" and p.source.cls == "person":
            gi = pick_person(p.sentence, p.source.surface)
            if gi < 0:
                gi = pick(("unknown",))  # a name the NER missed ("Ellis said ... He added")
        elif p.source.kind == "pronoun" and p.source.cls in _PRONOUN_KINDS:
            # "it" / "they": the organisation, state or group the last sentences were about (their subject),
            # else the nearest one named ("The NCA blocked Cobalt's takeover of Vireo ... It found that ...")
            kinds = _PRONOUN_KINDS[p.source.cls]
            gi = recent_subject(things, kinds, p.sentence - 2)
            if gi < 0:
                gi = pick(kinds)
        else:
            gi = _ahead(p.source, off, all_mentions, order, keys, descriptions) if p.source.ahead else -1
            if gi < 0:
                gi = _resolve(p.source, base[fi], pick, last_role, last_word,
                              lambda: orgs_as_subject[-1] if orgs_as_subject and
                              all_mentions[orgs_as_subject[-1]].sentence >= p.sentence - 1 else -1, last_head,
                              main_company)
        first_word = p.source.surface.split(" ", 1)[0].lower()
        if p.source.kind in ("role", "body", "mention") and p.source.mention >= 0 and \
                gi == base[fi] + p.source.mention and first_word in ("its", "their") and \
                p.source.surface.rsplit(" ", 1)[-1].lower().rstrip("s") in _SPEAKERS_FOR_A_BODY:
            # "its leader said", "their spokesman said": who speaks for the body "it"/"they" is
            kinds = _PRONOUN_KINDS["neuter" if first_word == "its" else "plural"]
            gi = recent_subject(things, kinds, p.sentence - 2, gi)
        if p.source.kind == "role" and p.source.mention >= 0 and gi == base[fi] + p.source.mention and \
                p.source.cls in _person_roles() and len(p.source.surface.split()) >= 3:
            # an epithet: "the Vermont senator acknowledged" with no senator named so before is the person the
            # last sentences were about (their subject), as "he" would be ("the minister" alone is not)
            gi = recent_subject(persons, ("person",), p.sentence - 1, gi)
        if p.source.pair:
            kind, _, noun = p.source.pair.partition(":")
            two = _last_two(kind, noun, off, all_mentions, order, keys, descriptions)
            if two:
                for g in two:
                    resolved.append((p, g, p.source.surface))
                continue
        if gi < 0:
            continue
        if p.source.noun:
            last_role[p.source.noun] = gi  # "the official" next time
        if p.source.kind in ("role", "body") and gi != base[fi] + p.source.mention:
            role_forms.setdefault(fold(p.source.surface), (set(), p.source.surface))[0].add(gi)
        if gi in descriptions:
            used_desc.add(gi)
        if keys[gi][0] == "unknown":
            if all_mentions[gi].how != "noun":  # a capitalised common noun is a name only if a person has it
                used_unknown.append((gi, "person" if p.source.kind == "pronoun" else "organization"))
        quote_speaker[(fi, pi)] = gi
        all_mentions[gi].idle = False  # a source acts ("according to European allies")
        if p.signs is not None:
            all_mentions[gi].weak = False  # a name on a line of its own is a fragment, unless it signs a quote
            continue  # a signature line names the speaker of its quote; it states nothing itself
        resolved.append((p, gi, p.source.surface))

    # 3. quote continuations: the speaker of the paragraph's quote, or of the paragraph just before
    prev_speaker = -1
    prev_open = False
    for fi, f in enumerate(findings):
        q = f.quotes
        for c in q.continuations:
            gi = quote_speaker.get((fi, c.speaker), -1) if c.speaker >= 0 else -1
            if gi < 0 and c.speaker < 0 and (q.opens_with_quote or prev_open) and prev_speaker >= 0:
                gi = prev_speaker
            if gi < 0:
                continue
            cue, cs, ce = c.cue, c.cue_start, c.cue_end
            if not cue and c.speaker >= 0:
                sp = f.positions[c.speaker]
                cue, cs, ce = sp.cue, sp.cue_start, sp.cue_end
            if not cue:
                continue
            pf = PositionF(c.sentence, cs, ce, cue, c.content_start, c.content_end,
                           SourceRef("speaker", surface=all_mentions[gi].surface), depth=99, quoted=True)
            resolved.append((pf, gi, all_mentions[gi].surface))
        if q.last_speaker >= 0 and (fi, q.last_speaker) in quote_speaker:
            prev_speaker = quote_speaker[(fi, q.last_speaker)]
        elif not q.continuations:
            prev_speaker = -1 if not q.ends_open else prev_speaker
        prev_open = q.ends_open

    # 4. actors: every regular mention, and the descriptions some position needs; an unknown proper noun
    # (missed by the NER, no person of that name elsewhere) is kept as an organisation when it is a source
    promote: dict[tuple[str, str], str] = {}
    for gi, kind in used_unknown:
        if promote.get(keys[gi]) != "person":
            promote[keys[gi]] = kind
    if promote:
        keys = [(promote[k], k[1]) if k in promote else k for k in keys]
    kept = [i for i in range(len(all_mentions))
            if (i not in descriptions or i in used_desc) and keys[i][0] != "unknown"]
    actors, which = merge([all_mentions[i] for i in kept], [keys[i] for i in kept])
    actor_of = {gi: which[k] for k, gi in enumerate(kept) if which[k] >= 0}
    # a role phrase that the article ties to one actor only is an alias of it ("the bank", "the spokesperson")
    for form, (gis, surface) in role_forms.items():
        owners = {actor_of[g] for g in gis if g in actor_of}
        if len(owners) == 1:
            a = actors[owners.pop()]
            if all(fold(x) != form for x in a.aliases):
                a.aliases.append(surface)

    # 5. positions: one per (actor, sentence), the main-clause cue first
    best: dict[tuple[int, int], tuple[PositionF, int, str]] = {}
    for p, gi, surface in resolved:
        ai = actor_of.get(gi)
        if ai is None:
            continue
        key = (ai, p.sentence)
        cur = best.get(key)
        if cur is None or (p.depth, p.cue_start) < (cur[0].depth, cur[0].cue_start):
            best[key] = (p, gi, surface)
    positions: list[Position] = []
    seen_ids: set[str] = set()
    for (ai, sidx), (p, gi, surface) in sorted(best.items(), key=lambda kv: (kv[0][1], kv[1][0].cue_start, kv[0][0])):
        actor = actors[ai]
        sent = sentences[sidx]
        pid = Position.make_id(sent.key, p.cue, surface)
        if pid in seen_ids:
            pid = Position.make_id(sent.key, p.cue, surface + "\x1f" + actor.name)
        seen_ids.add(pid)
        positions.append(Position(
            id=pid, actor=actor.name, actor_id=actor.id, cue=p.cue, cue_start=p.cue_start, cue_end=p.cue_end,
            content=document.text[p.content_start:p.content_end], content_start=p.content_start,
            content_end=p.content_end, sentence=sidx, start=sent.start, end=sent.end, source_text=surface,
        ))

    # 6. questions: one per sentence
    questions: list[Question] = []
    for f in findings:
        for q in f.questions:
            sent = sentences[q.sentence]
            questions.append(Question(Question.make_id(sent.key, q.cue), q.sentence, q.cue, q.cue_start, q.cue_end,
                                      q.about, sent.start, sent.end))
    return actors, positions, questions


def _state_media(mentions: list[MentionF], keys: list[tuple[str, str]]) -> None:
    """A state-run outlet named without its state ("The Global Courier, a state-run newspaper") is the state
    the article named in the sentences before, its state media first ("Chinese state media went further");
    with no state there it stays an organisation of its own."""
    media = lexicons.words("roles", "state_media")
    for gi, m in enumerate(mentions):
        if m.how != "state_media" or m.name:
            continue
        near = [g for g, x in enumerate(mentions) if keys[g][0] == "state" and x.start < m.start and x.name
                and not x.weak and x.sentence >= m.sentence - 2]
        near.sort(key=lambda g: (any(w in media for w in fold(mentions[g].surface).split()), mentions[g].start))
        if near:
            m.name = mentions[near[-1]].name
            keys[gi] = keys[near[-1]]
        else:
            m.name = strip_the(m.surface)
            keys[gi] = ("organization", fold(m.name))


def _domestic_seats(mentions: list[MentionF], keys: list[tuple[str, str]]) -> list[int]:
    """Mentions of an executive seat ("the White House") that are their own organisation: the story names no
    other state, so it is about the branches of one state."""
    seats = lexicons.words("places", "executive_seats")
    mine = [i for i, m in enumerate(mentions) if m.how == "seat" and fold(strip_the(m.surface)) in seats]
    if not mine:
        return []
    own = {mentions[i].name for i in mine}
    foreign = sum(1 for m, k in zip(mentions, keys) if k[0] == "state" and not m.weak and m.name not in own)
    return mine if foreign == 0 else []


def _last_two(kind: str, noun: str, off: int, mentions: list[MentionF], order: list[int], keys,
              descriptions) -> list[int]:
    """The two distinct actors of ``kind`` named last before ``off`` ("the two companies"), or []."""
    out: list[int] = []
    seen: set[tuple[str, str]] = set()
    for gi in reversed(order):
        m = mentions[gi]
        if m.start >= off or gi in descriptions or m.how == "outlet" or m.weak:
            continue
        if keys[gi] in seen or (keys[gi][0] != kind and not (kind == "any" and keys[gi][0] in ("state",
                                                                                              "organization"))):
            continue
        if noun in _BODY_COMPANY and keys[gi][1].rsplit(" ", 1)[-1] in _PUBLIC_BODY:
            continue  # "the two companies" are no authority or ministry
        seen.add(keys[gi])
        out.append(gi)
        if len(out) == 2:
            return out
    return []


def _ahead(ref: SourceRef, off: int, mentions: list[MentionF], order: list[int], keys, descriptions) -> int:
    """A headline's bare noun ("Club says ...", "Minister vows ..."): the first actor after it that the noun
    names: a person with that title, an organisation with that word in its name (a state for government
    words), else the first organisation that is a clause's subject; -1 when none."""
    later = [gi for gi in order if mentions[gi].start > off and gi not in descriptions
             and mentions[gi].how != "outlet" and not mentions[gi].weak]
    if ref.kind == "role":
        return next((gi for gi in later if keys[gi][0] == "person" and ref.cls in mentions[gi].roles), -1)
    if ref.cls in _BODY_STATE:
        return next((gi for gi in later if keys[gi][0] == "state"), -1)
    orgs = [gi for gi in later if keys[gi][0] == "organization"]
    if ref.cls in _BODY_RESEARCH:  # "..., study says": the research body named after it; none named, no source
        return next((gi for gi in orgs if set(keys[gi][1].split()) & (_RESEARCH_WORDS | {"research"})), -1)
    # the headline's other words in the name first: "Launch company says" -> Halcyon Launch Systems
    modifiers = set(fold(ref.surface).split()[:-1]) - {"the", "a", "an"}
    by_modifier = next((gi for gi in orgs if modifiers & set(keys[gi][1].split())), -1) if modifiers else -1
    if by_modifier >= 0:
        return by_modifier
    named = next((gi for gi in orgs if ref.cls in keys[gi][1].split() or ref.cls in mentions[gi].roles or
                  set(_body_names().get(ref.cls, ())) & set(keys[gi][1].split())), -1)
    if named >= 0:
        return named
    return next((gi for gi in orgs if mentions[gi].subject), -1)


# who speaks for a body as "its"/"their" X ("its chairman said"); its members, defenders or critics do not
_SPEAKERS_FOR_A_BODY = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "chairman", "chairwoman", "chair",
                        "chief", "leader", "head", "president", "director", "executive", "ceo", "official",
                        "lawyer", "attorney", "representative", "negotiator", "envoy", "ambassador", "minister",
                        "secretary", "counsel", "boss", "leadership", "management"}


@lru_cache(maxsize=1)
def _person_roles() -> frozenset[str]:
    return lexicons.words("roles", "role") - lexicons.words("roles", "body")


@lru_cache(maxsize=1)
def _body_names() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in lexicons.load("roles")["body_names"]["map"].items()}


def _resolve(ref: SourceRef, base: int, pick, last_role, last_word, last_subject_org, last_head,
             main_company) -> int:
    """The global mention index a source reference stands for, or -1."""
    fallback = base + ref.mention if ref.mention >= 0 else -1
    if ref.kind == "mention":
        return fallback
    if ref.kind == "pronoun":
        kinds = _PRONOUN_KINDS.get(ref.cls)
        if not kinds:
            return -1
        gi = pick(kinds)
        if gi < 0 and ref.cls == "person":
            gi = pick(("unknown",))  # a name the NER missed ("Ellis said ... He added")
        return gi
    if ref.kind == "role":
        gi = last_role.get(ref.cls, -1)
        return gi if gi >= 0 else fallback
    if ref.kind == "body":
        named = [last_word[w] for w in _body_names().get(ref.cls, ()) if w in last_word]
        by_name = max(named) if named else -1  # "the fund" after "Ostrander Capital"
        if ref.cls not in lexicons.words("roles", "body"):  # any other noun: only an organisation named with it ("the fund")
            gi = last_head.get(ref.cls, -1)
            if gi < 0 and ref.cls in _BODY_RESEARCH:  # "the researchers" after "the Institute for ... Research"
                gi = last_word.get("research", -1)
            return gi if gi >= 0 else by_name if by_name >= 0 else fallback
        if ref.cls in _BODY_STATE:
            # "the ministry" after "the finance ministry" (an organisation of its own), else the state
            gi = last_word.get(ref.cls, -1) if ref.cls in ("ministry", "department") else -1
            if gi < 0:
                gi = pick(("state",))
        else:
            gi = last_subject_org() if ref.cls in ("company", "firm") else -1  # the one the story was just about
            if gi < 0 and ref.cls in ("company", "firm"):
                gi = main_company()  # else the one the story is about
            if gi < 0:
                gi = last_role.get(ref.cls, -1)  # "the chipmaker" after "chipmaker Lumina NV"
            if gi < 0:
                gi = last_word.get(ref.cls, -1)  # "the bank" after "Harbor Bank"
            if gi < 0 and ref.cls in _BODY_RESEARCH:  # "the team" after "Researchers at the X Institute"
                gi = last_word.get("research", -1)
            if gi < 0:
                gi = by_name
            if gi < 0 and ref.cls in _BODY_COMPANY:
                gi = last_subject_org()  # the company the last sentences were about: "X agreed to buy rival Y"
            if gi < 0 and ref.cls in _BODY_COMPANY:
                gi = last_role.get("company", -1)
                if gi < 0:
                    gi = pick(("organization",))
        return gi if gi >= 0 else fallback
    return -1
