"""Open questions of one block (GUIDELINES 3): sentences whose main point the text leaves unresolved.

Cue classes (``lexicons/questions.toml``), strongest first; a sentence gives at most one question, with
the strongest cue it holds:

0. explicit uncertainty: "remains uncertain", "unclear", "not yet decided", "has yet to", "whether";
1. unmet conditions: "if", "unless", "only ... if", "until the board approves", "on condition that",
   an inverted "Should the court ...";
2. disputes: an explicit denial of a claim ("denied the allegation");
3. direct questions ending in "?";
4. pending decisions and hedged prospects: "is expected to decide", "is considering", "hopes to",
   "could", "may", "might";
5. hedge words: "potential", "possible", "possibility", "likely", ...

Not questions: a modal or hedge word inside a direct quote (the quoted position is firm; explicit
uncertainty and conditions inside quotes still count), normative "should", past hopes ("had hoped"),
fixed phrases ("as soon as possible", "even if"), "no doubt". Negation keeps a hedge open: "is not likely
to", "may not" and "not clear" are still uncertain.

``about`` is 5-12 words copied from the sentence: the clause the cue governs (its subject and predicate),
without leading connectives and trailing side clauses, cut to 12 words around the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefing.analysis import lexicons
from briefing.analysis.actors import furniture, span_text

ABOUT_MIN, ABOUT_MAX = 5, 12
_NEG = {"not", "n't", "never", "no"}
_EDGE_DROP = {"cc", "punct", "mark", "preconj"}
_FUNCTION_END = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX", "PRON"}


@dataclass(slots=True)
class QuestionF:
    sentence: int
    cue_start: int
    cue_end: int
    cue: str
    about: str
    rank: int  # cue class, 0 strongest


@cache
def _lex() -> dict:
    q = lexicons.load("questions")

    def phrase_re(phrases) -> re.Pattern[str]:
        alts = sorted((re.escape(p) for p in phrases), key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)

    return {
        "adj": frozenset(q["explicit"]["adjectives"]),
        "pred_only": frozenset(q["explicit"]["predicative_only"]),
        "doubters": frozenset(q["explicit"]["of_people"]),
        "open_subjects": frozenset(q["explicit"]["open_subjects"]),
        "negated": frozenset(q["explicit"]["negated"]),
        "nouns": frozenset(q["explicit"]["nouns"]),
        "explicit_re": phrase_re(q["explicit"]["phrases"]),
        "explicit_sub": frozenset(q["explicit"]["subordinators"]),
        "preference_verbs": frozenset(q["explicit"]["asked_preference_verbs"]),
        "short_of": frozenset(q["explicit"]["short_of_verbs"]),
        "refusal_re": phrase_re(q["refusal"]["phrases"]),
        "info_verbs": frozenset(q["refusal"]["info_verbs"]),
        "info_nouns": frozenset(q["refusal"]["info_nouns"]),
        "dismiss_phrasal": {tuple(x.split()) for x in q["dispute"]["phrasal"]},
        "decision": frozenset(q["pending"]["decision_verbs"]),
        "course_nouns": frozenset(q["pending"]["course_nouns"]),
        "cond_sub": frozenset(q["condition"]["subordinators"]),
        "cond_re": phrase_re(q["condition"]["phrases"]),
        "demand_verbs": frozenset(q["condition"]["demand_verbs"]),
        "deny": frozenset(q["dispute"]["verbs"]),
        "deny_claim": frozenset(q["dispute"]["verbs_with_claim"]),
        "claims": frozenset(q["dispute"]["claim_nouns"]),
        "results": frozenset(q["dispute"]["result_nouns"]),
        "accept": frozenset(q["dispute"]["acceptance_verbs"]),
        "modals": frozenset(q["hedge_modal"]["words"]),
        "hedges": frozenset(q["hedge_word"]["words"]),
        "need_comp": frozenset(q["hedge_word"]["need_complement"]),
        "expected": frozenset(q["pending"]["expected_verbs"]),
        "deliberation": frozenset(q["pending"]["deliberation_verbs"]),
        "weighing": frozenset(q["pending"]["weighing_verbs"]),
        "headline_weighing": frozenset(q["pending"]["headline_weighing_verbs"]),
        "undisclosed": frozenset(q["pending"]["undisclosed_verbs"]),
        "hope": frozenset(q["pending"]["hope_verbs"]),
        "not_open_re": phrase_re(q["not_open"]["phrases"]),
        # verbs by which an actor holds or voices doubt (cues.toml: holding, light verbs): a stance, not a question
        "reporting": lexicons.words("cues", "reporting", key="verbs"),
        "mental": lexicons.words("cues", "mental", key="verbs"),
        "held_by": lexicons.words("cues", "holding", key="verbs") | lexicons.words("cues", "light_verbs", key="verbs"),
    }


def _in_spans(spans, pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _held_by_someone(adj) -> bool:
    """Is the subject of this predicate adjective a person or a group ("Corwin was doubtful", "they are unsure",
    "the analysts remain doubtful")? Then the adjective is their stance."""
    subj = next((c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.lower_ in ("he", "she", "they", "i", "we") or (
        subj.pos_ == "NOUN" and subj.tag_ == "NNS" and subj.lemma_.lower() not in ("result", "prospect", "outcome"))


def _negated(tok) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in _NEG and c.dep_ in ("neg", "advmod", "det") for c in tok.children):
        return True
    h = tok.head
    return tok.dep_ in ("acomp", "attr", "xcomp", "ccomp") and any(c.dep_ == "neg" for c in h.children)


def sentence_candidates(sent, qspans: list[tuple[int, int]]) -> list[tuple[int, int, int, object]]:
    """(rank, first token, end token, governing token) of every open-question cue in a sentence."""
    lx = _lex()
    doc = sent.doc
    out: list[tuple[int, int, int, object]] = []
    stext = sent.text
    base = sent.start_char
    blocked = [(base + m.start(), base + m.end()) for m in lx["not_open_re"].finditer(stext)]

    def tok_at(char: int):
        for t in sent:
            if t.idx <= char < t.idx + len(t.text):
                return t
        return None

    # explicit phrases and conditions written as fixed phrases
    for rank, rx in ((0, lx["explicit_re"]), (1, lx["cond_re"])):
        for m in rx.finditer(stext):
            a, b = tok_at(base + m.start()), tok_at(base + m.end() - 1)
            if a is not None and b is not None and not _in_spans(blocked, a.idx) and not _firm_dependence(a):
                out.append((rank, a.i, b.i + 1, a))
    # a refusal to comment: open only about an indirect question ("declined to comment on whether ...")
    for m in lx["refusal_re"].finditer(stext):
        a, b = tok_at(base + m.start()), tok_at(base + m.end() - 1)
        if a is not None and b is not None and _asks_after(b):
            out.append((0, a.i, b.i + 1, a))
    for tok in sent:  # a refusal to give a date, a figure or a name: that matter stays open
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lx["info_verbs"] and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lx["info_nouns"] for c in tok.children):
            neg = next((c for c in tok.children if c.dep_ == "neg"), None)
            if neg is not None and neg.lower_ != "never":
                aux = [c.i for c in tok.children if c.dep_ == "aux" and c.i < tok.i]
                out.append((0, min(aux + [neg.i]), tok.i + 1, tok))  # "would not give a date"
            elif tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("decline", "refuse") and tok.head.i < tok.i:
                out.append((0, tok.head.i, tok.i + 1, tok))  # "declined to give a figure"
    first = sent[0]
    # a headline or subhead: a line without final punctuation (GUIDELINES 0)
    headline = not stext.rstrip(" \"'”’)]»").endswith((".", "?", "!", ":", ";", ","))
    for tok in sent:
        low = tok.lower_
        lemma = tok.lemma_.lower()
        quoted = _in_spans(qspans, tok.idx)
        if _in_spans(blocked, tok.idx):
            continue
        # 0. explicit uncertainty
        if tok.pos_ == "ADJ" and low in lx["adj"]:
            pred = tok.dep_ in ("acomp", "attr", "xcomp", "ccomp", "oprd") or tok.head.lemma_ in ("remain", "stay")
            if low in lx["pred_only"] and not pred:
                continue
            if low == "open" and not _open_matter(tok, lx):
                continue
            if low in lx["doubters"] and pred and _held_by_someone(tok):
                continue  # "Councilmember Corwin was doubtful", "she is unsure": their stance, not an open matter
            if tok.head.lemma_.lower() in ("remain", "stay") and tok.head.i < tok.i or \
                    low == "open" and tok.head.lemma_.lower() in ("keep", "leave", "hold") and tok.head.i < tok.i:
                out.append((0, tok.head.i, tok.i + 1, tok.head))
            else:
                out.append((0, tok.i, tok.i + 1, tok))
            continue
        if low in lx["negated"] and _negated(tok):
            neg = next((c for c in list(tok.children) + list(tok.head.children) if c.dep_ == "neg"), None)
            if neg is not None and neg.lower_ == "never" and tok.pos_ == "VERB":
                continue  # "retailers that had never agreed to take the goods": a settled past, nothing pending
            start = neg.i if neg is not None and neg.i < tok.i else tok.i
            out.append((0, start, tok.i + 1, tok))
            continue
        if tok.pos_ == "NOUN" and low in lx["nouns"]:
            if any(c.lower_ in ("no", "without") for c in tok.children) or doc[tok.i - 1].lower_ in ("no", "without"):
                continue
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lx["held_by"]:
                continue  # "unions have doubts about enforcement", "voiced doubts": a stance of its holder
            if any(c.lower_ == "any" for c in tok.children) and _negated(tok.head):
                continue  # "did not reflect any doubt about the results": negated, the doubt is denied
            out.append((0, tok.i, tok.i + 1, tok))
            continue
        if low in lx["explicit_sub"]:
            if not _asked_preference(tok, lx):
                out.append((0, tok.i, tok.i + 1, tok))
            continue
        if lemma == "stop" and tok.pos_ == "VERB" and tok.i + 3 < sent.end and doc[tok.i + 1].lower_ == "short" \
                and doc[tok.i + 2].lower_ == "of" and doc[tok.i + 3].tag_ == "VBG" \
                and doc[tok.i + 3].lemma_.lower() in lx["short_of"]:
            # "The group stopped short of saying that the problems had changed the outcome": not asserted, open
            out.append((0, tok.i, tok.i + 4, tok))
            continue
        if low == "yet" and tok.dep_ == "advmod" and _none_yet(tok.head):
            # "Neither of them has yet been able to reproduce the results": not so far, still open
            aux = next(c for c in tok.head.children if c.dep_ == "aux" and c.lemma_ == "have")
            out.append((0, aux.i, tok.head.i + 1, tok))
            continue
        if low == "after" and tok.dep_ == "mark" and tok.i > 0 and doc[tok.i - 1].lower_ == "only" and any(
                c.dep_ == "aux" and c.lower_ in _EVENT_AUX | {"can", "could", "must", "may"}
                for c in tok.head.head.children):
            # "would release the money only after a panel had examined the results": a condition not yet met
            out.append((1, tok.i - 1, tok.i + 1, tok))
            continue
        # 1. conditions
        if low in lx["cond_sub"] and tok.dep_ == "mark":  # "once the deal is signed", not "once again"
            clause = tok.head
            pending_past = low in ("until", "unless", "once") and _pending_in_the_past(clause, lx)
            if low == "until" and (clause.tag_ == "VBD" and not pending_past or tok.dep_ == "prep"):
                continue
            if low == "once" and clause.tag_ == "VBD" and not pending_past:
                continue
            if low in ("provided", "providing") and not any(c.lower_ == "that" for c in tok.children):
                if doc[tok.i + 1].lower_ != "that" if tok.i + 1 < len(doc) else True:
                    continue
            if any(c.lower_ == "had" and c.dep_ == "aux" for c in clause.children) and not pending_past:
                continue  # counterfactual past: "if he had known"
            if low == "until" and _normative(clause.head):
                continue  # an instruction, not a pending event: "Parents should not wait until a case is reported"
            start = tok.i
            gov = clause.head
            only = next((c for c in gov.children if c.lower_ == "only" and c.i < tok.i), None)
            if only is not None and tok.i - only.i <= 8:
                start = only.i
            out.append((1, start, tok.i + 1, tok))
            continue
        if tok.i == first.i and low == "should" and tok.tag_ == "MD" and not stext.rstrip("\"'”’)] ").endswith("?"):
            out.append((1, tok.i, tok.i + 1, tok))
            continue
        # 2. disputes (a participle that describes a thing, "a disputed stretch of seabed", states no denial)
        if tok.pos_ == "VERB" and tok.dep_ != "amod" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) and (
                lemma in lx["deny"] or (
                lemma in lx["deny_claim"] and any(c.dep_ == "dobj" and c.lemma_.lower() in lx["claims"] | lx["results"]
                                                   for c in tok.children))):
            out.append((2, tok.i, tok.i + 1, tok))
            continue
        if tok.pos_ == "VERB" and lemma in lx["accept"] and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lx["claims"] | lx["results"] for c in tok.children):
            # "refused to accept the result", "would not recognise the findings": a rejection of a claim
            neg = next((c for c in tok.children if c.dep_ == "neg"), None)
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("refuse", "decline") and tok.head.i < tok.i:
                out.append((2, tok.head.i, tok.head.i + 1, tok.head))
                continue
            if neg is not None and neg.lower_ != "never" and neg.i < tok.i:
                out.append((2, neg.i, tok.i + 1, tok))
                continue
        if tok.pos_ == "VERB" and tok.dep_ != "amod" and any(
                (lemma, c.lower_) in lx["dismiss_phrasal"] and c.dep_ in ("prt", "advmod") and c.i > tok.i
                for c in tok.children):
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lx["claims"]), None)
            if obj is not None:  # "brushed the objection aside", "shrugged off the criticism"
                part = next(c for c in tok.children if (lemma, c.lower_) in lx["dismiss_phrasal"] and c.i > tok.i)
                out.append((2, tok.i, max(part.i, obj.i) + 1, tok))
                continue
        if quoted:
            if lemma == "hope" and _hoped_outcome(tok):
                out.append((4, tok.i, tok.i + 1, tok))  # "I hope it holds up": the speaker does not know
            continue
        # 4. pending decisions and modals of possibility
        if tok.tag_ == "MD" and low in lx["modals"]:
            head = tok.head
            neg = any(c.dep_ == "neg" for c in head.children)
            if low == "could" and neg:
                continue  # "could not attend": a past inability, not a prospect
            if low == "may" and neg and any(t.tag_ == "MD" and t.lower_ in ("must", "shall") for t in sent):
                continue  # a rule's prohibition beside its obligations: "must tell pupils ... and may not store"
            if _under_participle(head) or _measure_clause(tok):
                continue  # a hedge subordinate to a firm main point ("ruled out a recall, arguing that it could")
            if _class_description(head):
                continue  # "projects that could damage the sea need the consent of all five states": a rule's class
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in ("warn", "caution") and not neg:
                continue  # "warned that unpatched routers could be targeted": a warning stated as a firm claim
            out.append((4, tok.i, tok.i + 1, tok))
            continue
        if lemma == "expect" and tok.tag_ == "VBN":
            x = next((c for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in lx["expected"]), None)
            if x is not None:
                out.append((4, tok.i, x.i + 1, tok))
                continue
        if lemma in lx["deliberation"] and tok.tag_ == "VBG" and any(
                c.dep_ == "aux" and (c.lower_ in ("is", "are", "am", "'s", "'re") or
                                     c.lower_ in ("was", "were") and tok.dep_ == "ccomp") for c in tok.children):
            # "is considering", and in reported speech "sources said Estonia was considering a request"
            out.append((4, tok.i, tok.i + 1, tok))
            continue
        if lemma in lx["weighing"] and tok.tag_ == "VB" and any(
                c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll") for c in tok.children) \
                and not any(c.dep_ == "neg" for c in tok.children):
            out.append((4, next(c.i for c in tok.children if c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll")),
                        tok.i + 1, tok))  # "said it would consider a larger trial": a decision still to take
            continue
        if lemma in lx["weighing"] and tok.tag_ in ("VBZ", "VBP") and not (
                tok.dep_ == "ccomp" and _verb_in(tok.head, lx["mental"])) and not any(
                c.dep_ in ("neg", "prt", "oprd", "ccomp", "aux") or c.tag_ in ("WP", "WDT")
                or c.dep_ == "xcomp" and not _gerund_course(c) for c in tok.children) and any(
                c.dep_ == "dobj" and not any(d.lower_ in _RULE_DETS - {"a", "an"} for d in c.children)
                or c.dep_ == "xcomp" for c in tok.children):
            # "as junior coalition partner weighs its future", "the board considers a bid", "insurer weighs
            # paying herders": under way (news present); "considers the offer a step backwards", "what they
            # consider modest achievements", "considers it to be fair" are views, "considers each application" a
            # routine; "he hopes Americans consider moving there" is the hope of another
            out.append((4, tok.i, tok.i + 1, tok))
            continue
        if headline and low.removesuffix("s") in lx["headline_weighing"] and tok.i > sent.start \
                and tok.i + 1 < sent.end and _headline_deliberation(tok):
            # "Companies 'deeply disappointed' and weigh appeal": the parser took "weigh" for an adjective
            out.append((4, tok.i, tok.i + 1, tok))
            continue
        if lemma in lx["decision"] and any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll") for c in tok.children) \
                and not any(c.dep_ == "neg" for c in tok.children) and (any(
                c.dep_ in ("ccomp", "xcomp") and c.left_edge.lower_ in _WH for c in tok.children) or
                lemma != "settle" and _own_course(tok, lx)):
            # "would decide how to vote on the motion": a decision still to take, with the matter it settles;
            # "would decide their position at a meeting on Tuesday", "will decide next week": the actor's own
            # course is still to be chosen
            aux = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll"))
            out.append((4, aux.i, tok.i + 1, tok))
            continue
        if lemma in lx["undisclosed"] and any(c.dep_ == "neg" for c in tok.children) and any(
                c.dep_ in ("ccomp", "xcomp") and any(w.lower_ in _WH for w in c.subtree if w.i < c.i + 1)
                for c in tok.children):
            # "did not say how many routers were affected", "has not disclosed whether": left open
            neg = next(c for c in tok.children if c.dep_ == "neg")
            out.append((0, min(neg.i, tok.i), tok.i + 1, tok))
            continue
        if lemma in lx["hope"] and tok.tag_ in ("VBZ", "VBP") and lemma == "hope":
            out.append((4, tok.i, tok.i + 1, tok))
            continue
        # 5. hedge words
        if low in lx["hedges"] and _measure_clause(tok):
            continue  # "a fraction of what the recall is likely to cost": a measure of a firm main point
        if low in lx["hedges"]:
            if low == "likely" and tok.dep_ == "amod":
                continue  # "the likely nominee": a description, not a prospect
            if low == "possible" and tok.head.lemma_.lower() == "make" and tok.dep_ in ("oprd", "ccomp", "acomp", "xcomp"):
                continue  # "made this book possible"
            if low in lx["need_comp"]:
                nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
                if nxt not in ("of", "that", "to", "for"):
                    continue
            out.append((5, tok.i, tok.i + 1, tok))
    # a generic rule ("Players can be registered only if they hold a licence"): its condition and its modal of
    # permission leave no specific event open (GUIDELINES 3, Conditions)
    rules = {m.i for m in (_main_of(c[3]) for c in out if c[0] == 1) if _generic_rule(m)}
    out = [c for c in out if not (c[0] == 1 or c[0] == 4 and c[3].tag_ == "MD") or _main_of(c[3]).i not in rules]
    # a general condition ("if a rocket is going to come down off our coast, we need to hear about it days ahead"):
    # any member of a class, and a need or norm for every such case; no specific event is pending
    out = [c for c in out if not (c[0] == 1 and _general_condition(c[3]))]
    # 3. a direct question
    end = stext.rstrip(" \"'”’)]»")
    if end.endswith("?"):
        qpos = base + len(end) - 1
        t = tok_at(qpos)
        if t is not None:
            out.append((3, t.i, t.i + 1, t))
    return out


def _general_condition(mark) -> bool:
    """Is this "if"/"unless" clause about any member of a class ("if a rocket ...", "unless any patient ...") and
    the clause it conditions a need or a norm for every such case ("we need to hear about it", "hospitals must
    explain why"), not a prospect ("will", "would", "may", "could")?"""
    if mark.dep_ != "mark" or mark.lower_ not in ("if", "unless"):
        return False
    clause = mark.head
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.ent_type_ or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every", "each") for c in subj.children):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree):
        return False  # "if a deal is reached this week": a specific event
    main = _main_of(mark)
    if main.i == clause.i or main.tag_ == "VBD":
        return False
    aux = {c.lower_ for c in main.children if c.dep_ in ("aux", "auxpass")}
    if aux & (_EVENT_AUX | {"may", "might", "could"}):
        return False
    need = main.lemma_.lower() in ("need", "have") and any(c.dep_ == "xcomp" for c in main.children)
    return need or bool(aux & {"must", "should", "ought", "can", "ca"})


def _firm_dependence(verb) -> bool:
    """Is "depend on"/"hinge on" here a firm claim rather than an open outcome: a norm ("cannot depend on who is
    paying", "aid should depend on need") or a reliance ("people depend on the convoys for food", "we depend on
    the river")?"""
    if verb.lemma_.lower() not in ("depend", "hinge"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    neg = any(c.dep_ == "neg" for c in verb.children)
    if aux & {"must", "should", "ought", "shall"} or neg and aux & {"can", "ca", "could", "must", "should"}:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):  # "depend on it for their water"
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ in ("i", "we", "you", "they", "he", "she")


def _pending_in_the_past(clause, lx) -> bool:
    """Is a past tense in this "until"/"unless"/"once" clause only the backshift of reported speech, the event
    still pending: the clause it conditions is a future in the past ("said he would not concede until the ballots
    had been counted again") or a reported state that lasts until a state is reached ("said it had suspended the
    licence until its investigation was complete")? A settled past stays out: "the road stayed shut until the
    storm passed", "he would have stayed until the end"."""
    gov = clause.head
    if gov.i == clause.i:
        return False
    aux = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"would", "'d"} and "have" not in aux:
        return True
    if _demanded_act(gov, lx):
        return True
    reported = gov.dep_ == "ccomp" and gov.head.lemma_.lower() in lx["reporting"]
    state = clause.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in clause.children)
    return reported and state


def _verb_in(tok, lemmas) -> bool:
    """Is this verb one of these lemmas, also where the tagger lemmatised it wrongly ("hopes" -> "hop")?"""
    low = tok.lower_
    return tok.lemma_.lower() in lemmas or low in lemmas or low.removesuffix("s") in lemmas or \
        low.removesuffix("es") in lemmas


def _own_course(verb, lx) -> bool:
    """Is what this verb of deciding ("would decide", "will choose") decides the actor's own course: no object
    at all ("will decide next week") or a noun of stance or course ("their position", "its response")? "The
    court will decide the case in May" names no course of the decider's own: a scheduled decision."""
    if any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl") and c.i > verb.i for c in verb.children):
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")] + [  # "decide on a response"
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
        for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    if not objs:  # only "decide" goes without its object; "choose", "determine" have it elsewhere ("the jurist
        # they fear she would choose"), as may any verb in a relative clause
        return verb.lemma_.lower() == "decide" and not any(a.dep_ in ("relcl", "acl") for a in [verb, *verb.ancestors])
    return all(o.lemma_.lower() in lx["course_nouns"] for o in objs)


def _gerund_course(x) -> bool:
    """Is this complement of a weighing verb a course of action in the gerund ("weighs paying herders",
    "considers selling the unit"), not an infinitive or a predicate ("considers it to be fair")?"""
    return x.tag_ == "VBG" and x.i > x.head.i and not any(c.dep_ in ("aux", "nsubj", "oprd", "acomp", "attr")
                                                          for c in x.children)  # "considers cutting jobs unthinkable"


def _asked_preference(whether, lx) -> bool:
    """Is this "whether" the question put to people about their own wish or view ("People are being asked whether
    they want a parliament that decides, or one that ...", "Respondents were asked whether they trust the
    government")? That frames a choice or a poll; it is no matter the text leaves open."""
    clause = whether.head
    if whether.dep_ != "mark" or clause.lemma_.lower() not in lx["preference_verbs"]:
        return False
    if clause.dep_ not in ("ccomp", "dobj", "xcomp") or clause.head.lemma_.lower() != "ask":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("they", "you", "we", "he", "she", "i") for c in clause.children)


_MEASURES = {"fraction", "half", "third", "quarter", "tenth", "part", "portion", "share", "percent", "%", "twice",
             "double", "multiple"}


def _measure_clause(tok) -> bool:
    """Is this hedge inside a "what" clause that only measures something else ("a fraction of what the recall is
    likely to cost", "more than what the plant could produce")? The clause is a yardstick for a firm main point,
    not the matter the sentence leaves open."""
    c = tok
    for _ in range(3):
        if c.dep_ in ("pcomp", "pobj"):
            break
        if c.dep_ not in ("acomp", "xcomp", "aux", "advmod", "ccomp") or c.head.i == c.i:
            return False
        c = c.head
    if c.dep_ not in ("pcomp", "pobj") or c.head.lower_ not in ("of", "than"):
        return False
    if not any(w.lower_ == "what" and w.i < tok.i for w in c.subtree):
        return False
    anchor = c.head.head
    return anchor.lower_ in _MEASURES or anchor.tag_ in ("JJR", "RBR")


def _under_participle(verb) -> bool:
    """Is this clause a participle adjunct after the main verb, or what such an adjunct says ("ruled out a mass
    recall, arguing that ... calling back thousands of women could cause more harm")? A hedge there is a reason
    given for a firm main point, subordinate to it (GUIDELINES 3: "she turns down the offer, noting that the
    figures are not final")."""
    t = verb
    for _ in range(4):
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > t.head.i:
            # after a verb of saying ("he said, adding that the network could help") the participle goes on
            # with what was said: a point of its own
            return t.head.lemma_.lower() not in _lex()["reporting"]
        if t.dep_ not in ("ccomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _hoped_outcome(verb) -> bool:
    """Is this a speaker's own hope, in the present, for an outcome told in a clause of its own ("I hope it holds
    up", "we hope the talks succeed")? Unlike a modal in a quote, a hope does not state the outcome: it stays
    open (GUIDELINES 3, "hopes"). A hope to act ("we hope to finish by May") or about a past ("I hope you enjoyed
    it") is not counted, nor a hope for the speaker's own act ("I hope I can be like that"), which is an aim."""
    if verb.tag_ != "VBP" or any(c.dep_ == "neg" for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i and c.tag_ in ("VBZ", "VBP", "VB", "MD") and not any(
        a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBD",) for a in c.children)
        and any(a.dep_ in ("nsubj", "nsubjpass") and a.lower_ not in ("i", "we") for a in c.children)
        for c in verb.children)


def _demanded_act(verb, lx) -> bool:
    """Is this verb an act that an actor demands, urges, vows or rules out, so not yet done: a bare or "to"
    complement of such a verb ("demanded that the commission freeze the funds", "urged it to freeze the funds",
    "ruled out pulling troops back")? A condition on it ("until the money had been traced") is still pending,
    however backshifted its tense."""
    if verb.dep_ not in ("ccomp", "xcomp") or verb.tag_ not in ("VB", "VBG") or verb.i < verb.head.i:
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children):
        return False
    head = verb.head
    lemma = head.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
    return lemma in lx["demand_verbs"]


def _headline_deliberation(tok) -> bool:
    """Is this weighing verb of a headline ("weigh", "mulls") in the news present with a subject before it and its
    object after it ("Companies ... and weigh appeal", "Unions mull strike"), whatever the parser made of it?
    Not after "to", a modal, a negation or a determiner, not "weigh in on", not a view ("consider the plan a
    step backwards")."""
    doc = tok.doc
    prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
    if prev.lower_ in _NEG or prev.lower_ == "to" or prev.tag_ in ("MD", "DT", "PRP$", "IN", "POS"):
        return False
    if not (prev.pos_ in ("NOUN", "PROPN") or prev.tag_ == "PRP" or prev.is_quote or prev.pos_ == "CCONJ"):
        return False
    if nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and nxt.tag_ not in ("DT", "PRP$", "VBG"):
        return False
    return not any(c.dep_ in ("neg", "prt", "oprd", "ccomp", "xcomp", "aux") for c in tok.children)


_WH = {"how", "whether", "when", "why", "what", "which", "who", "where", "if"}


def _asks_after(last) -> bool:
    """Does an indirect question follow the refusal ending at ``last`` as what was not said ("on whether it
    will appeal", "how much it paid")? An adverbial clause ("when contacted by email") does not count."""
    sent = last.sent
    for t in last.doc[last.i + 1 : sent.end]:
        if t.lower_ not in _WH:
            continue
        c = t
        for _ in range(4):
            if c.dep_ in ("ccomp", "pcomp", "pobj", "dobj", "xcomp", "advcl", "relcl", "acl") and c is not t \
                    or c.head.i == c.i:
                break
            c = c.head
        if c.dep_ in ("ccomp", "pcomp", "pobj", "dobj", "xcomp"):
            return True
    return False


_RULE_DETS = {"a", "an", "any", "every", "each", "all", "no"}
_EVENT_AUX = {"will", "would", "'ll", "wo", "shall"}


def _main_of(tok):
    """The main verb a condition or modal belongs to ("if" -> its clause -> the clause it conditions)."""
    t = tok
    while t.dep_ in ("mark", "advmod", "aux", "prep", "npadvmod", "neg") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "advcl" and t.head.i != t.i:
        t = t.head
    return t


def _generic_rule(verb) -> bool:
    """Is this clause a rule about any member of a class ("New members must be approved ...", "A candidate may
    stand ...", "loans are granted ...") rather than about a specific pending event: its subject is a bare
    plural or an indefinite or universal phrase, it speaks of no future ("will", "would"), of no date and of no
    specific object ("Regulators may block the merger if ..." is a prospect)?"""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBD":
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _EVENT_AUX for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return False
    dets = [c for c in subj.children if c.dep_ in ("det", "poss", "nummod")]
    if dets and not all(c.lower_ in _RULE_DETS for c in dets):
        return False
    if not dets and subj.tag_ != "NNS":
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):  # "may block the merger": a specific matter
        if obj.pos_ == "PROPN" or obj.ent_type_ or any(c.dep_ == "poss" or c.lower_ in ("the", "this", "that", "these", "those")
                                                       for c in obj.children):
            return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.sent)


_NOBODY = {"none", "neither", "nobody", "nothing", "noone"}


def _none_yet(verb) -> bool:
    """A present perfect with a negative subject ("Neither of them has yet been able", "No lab has yet
    repeated it"): nothing so far, so the matter stays open."""
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'s", "'ve") for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.lower_ in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _class_description(verb) -> bool:
    """Is this verb a relative clause that defines a class in a rule ("projects that could damage the sea need
    the consent of all states", "any drug that may cause harm must carry a warning")? The antecedent is a bare
    plural or a universal phrase, subject of a present-tense clause that speaks of no future."""
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.ent_type_:
        return False
    dets = [c for c in noun.children if c.dep_ in ("det", "poss", "nummod")]
    if dets and not all(c.lower_ in ("any", "every", "each", "all", "no") for c in dets):
        return False
    if not dets and noun.tag_ != "NNS":
        return False
    main = noun.head
    present = main.tag_ in ("VBP", "VBZ") or main.tag_ == "VB" and not any(c.dep_ == "aux" for c in main.children)
    if not present and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("must", "shall")
                                                    for c in main.children):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in _EVENT_AUX for c in main.children)


def _normative(verb) -> bool:
    """Is this clause an instruction: a deontic modal ("should not wait", "must stay") or an imperative?"""
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought", "shall") for c in verb.children):
        return True
    return verb.dep_ == "ROOT" and verb.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux")
                                                                 for c in verb.children)


def _open_matter(tok, lx) -> bool:
    """Is "open" said of a matter after a copula ("the question remains open") or as what an actor keeps or leaves
    open ("Beijing keeps its options open", "the court left the question open"), not of a door or a strait?"""
    head = tok.head.lemma_.lower()
    if tok.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and head in ("keep", "leave", "hold"):
        obj = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.lemma_.lower() in lx["open_subjects"] and not _negated(tok.head)
    if tok.dep_ != "acomp" or head not in ("be", "remain", "stay"):
        return False
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lemma_.lower() in lx["open_subjects"]


def _clause_head(tok):
    """The verb (or predicate) whose clause the cue governs."""
    t = tok
    if t.dep_ in ("mark", "aux", "neg", "advmod", "prep") and t.head.i != t.i and t.lower_ not in ("whether",):
        t = t.head
    elif t.lower_ == "whether":
        t = t.head
    steps = 0
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and steps < 6:
        t = t.head
        steps += 1
    return t


def _clause_range(h, cue_i: int) -> tuple[int, int]:
    """[start, end) of the clause of ``h`` without leading connectives or trailing side clauses."""
    doc = h.doc
    s, e = h.left_edge.i, h.right_edge.i + 1
    changed = True
    while changed and s < e:
        changed = False
        for c in h.children:
            cs, ce = c.left_edge.i, c.right_edge.i + 1
            if cs <= cue_i < ce:
                continue
            if cs == s and c.i < h.i and (c.dep_ in _EDGE_DROP or c.dep_ in ("advmod", "advcl", "prep", "npadvmod")
                                          and c.dep_ != "nsubj"):
                s, changed = ce, True
            elif ce == e and c.i > h.i and c.dep_ in ("advcl", "punct", "cc", "parataxis", "conj", "npadvmod"):
                e, changed = cs, True
        while s < e and (doc[s].is_punct or doc[s].dep_ in ("cc", "mark") and doc[s].i != cue_i):
            s += 1
        while e > s and doc[e - 1].is_punct:
            e -= 1
    return s, e


def _words(doc, s: int, e: int) -> int:
    return len(span_text(doc, s, e).split())


def make_about(sent, cue_first: int, gov) -> str:
    """5-12 words of the sentence naming the unresolved matter (never invented)."""
    doc = sent.doc
    h = _clause_head(gov)
    s, e = _clause_range(h, cue_first)
    tries = 0
    while _words(doc, s, e) < ABOUT_MIN and h.head.i != h.i and tries < 3:
        h = h.head
        s, e = _clause_range(h, cue_first)
        tries += 1
    s, e = max(s, sent.start), min(e, sent.end)
    if _words(doc, s, e) < ABOUT_MIN:  # too short: take the words that follow, then those before
        end = sent.end
        while end > e and doc[end - 1].is_punct:
            end -= 1
        while e < end and _words(doc, s, e) < ABOUT_MAX:
            e += 1
        while s > sent.start and _words(doc, s, e) < ABOUT_MIN:
            s -= 1
        while s < e and (doc[s].is_punct or doc[s].pos_ in ("CCONJ", "SCONJ")):
            s += 1
    if _words(doc, s, e) > ABOUT_MAX:
        # keep the subject when the cue is near it, else start a few words before the cue
        if _words(doc, s, cue_first + 1) > ABOUT_MAX - 3:
            s = max(s, cue_first - 4)
            while s < cue_first and doc[s].pos_ in ("ADP", "CCONJ", "PUNCT", "SCONJ"):
                s += 1
        while _words(doc, s, e) > ABOUT_MAX:
            e -= 1
        while e > s + 1 and (doc[e - 1].pos_ in _FUNCTION_END or doc[e - 1].is_punct) and e - 1 > cue_first:
            e -= 1
    while e > s + 1 and e - 1 > cue_first and (doc[e - 1].pos_ in _FUNCTION_END or doc[e - 1].is_punct) \
            and _words(doc, s, e - 1) >= ABOUT_MIN:
        e -= 1
    while e > s and doc[e - 1].is_punct:
        e -= 1
    about = span_text(doc, s, e).strip(" ,;:—–-\"“”'‘’")
    if len(about.split()) < ABOUT_MIN:  # a short sentence: all of it (never invented words)
        about = span_text(doc, sent.start, sent.end)
        words = about.split()
        if len(words) > ABOUT_MAX:
            about = " ".join(words[:ABOUT_MAX])
        about = about.strip(" ,;:—–-\"“”'‘’")
    return about


def block_questions(doc, offset: int, first_sentence: int, qspans: list[tuple[int, int]], sents=None,
                    furn=None) -> list[QuestionF]:
    out: list[QuestionF] = []
    sents = list(doc.sents) if sents is None else sents
    furn = [furniture(x) for x in sents] if furn is None else furn
    for si, sent in enumerate(sents):
        if furn[si] or sum(1 for t in sent if not t.is_punct) < 3:
            continue  # "Why?", "Okay?": dialogue, too short to name a matter; "Read more: ...": page furniture
        cands = sentence_candidates(sent, qspans)
        if not cands:
            continue
        # the strongest class; within it the longer phrase, then the main clause, then the first
        rank, a, b, gov = min(cands, key=lambda c: (c[0], -min(c[2] - c[1], 4), sum(1 for _ in doc[c[1]].ancestors), c[1]))
        cue = span_text(doc, a, b)
        out.append(QuestionF(
            first_sentence + si,
            offset + doc[a].idx,
            offset + doc[b - 1].idx + len(doc[b - 1].text),
            cue,
            make_about(sent, a, gov),
            rank,
        ))
    return out
