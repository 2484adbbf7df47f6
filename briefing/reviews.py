"""Reviews: the analyst's corrections of an analysis, kept as operations and re-applied.

A review never edits a list position. It is an operation on content-derived ids *and* surface
forms, stored in the ``reviews`` table and re-applied by :func:`apply_reviews` after every
analysis (a new analyser version, another model, an edited text):

* ``confirm`` / ``reject`` a position or a question. The target is found by id, else by
  re-anchoring the stored quote of its claim (cue..content, or the question's sentence) in the
  current text (:mod:`briefing.anchoring`) and taking the item there with the same cue; if that
  quote is gone, by re-anchoring the cue itself with its context (so a short cue like "said"
  only re-attaches where its surroundings still match, see the anchoring thresholds).
* ``rename_actor``, ``merge_actors``, ``move_alias``: actors are found by id (actor ids hash
  kind + name), else by name or alias (case- and quote-insensitive). A renamed actor keeps its
  id and gets its old name as an alias; a merged actor's id points to the actor it went into.
* ``add_position``, ``add_question``, ``add_actor``: items made by hand; their span is a stored
  selector, re-anchored in the current text, and their ids are the model's content-derived ones.

Reviews apply oldest first. One whose target is not found (orphaned by an edit, or an item the
analysis no longer produces) is kept in ``ReviewedAnalysis.unapplied`` -- never dropped, never
applied to something else.

Build a review with the constructors (:func:`confirm`, :func:`reject`, :func:`rename_actor`, ...)
and save it with ``Notebook.review(op)`` (undoable) or :func:`save_review`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from briefing.anchoring import Selector, anchor, make_selector
from briefing.errors import BriefingError
from briefing.model import ACTOR_KINDS, Actor, Analysis, Document, Mention, Position, Question, norm_key, short_hash

if TYPE_CHECKING:
    from briefing.store import Store

REVIEWS = "reviews"
OPS = (
    "confirm",
    "reject",
    "rename_actor",
    "merge_actors",
    "move_alias",
    "add_position",
    "add_question",
    "add_actor",
)
ItemKind = Literal["position", "question"]


@dataclass(frozen=True, slots=True)
class ReviewOp:
    """An unsaved review: ``op`` (one of OPS) and its JSON-able arguments."""

    op: str
    args: dict[str, Any]


@dataclass(slots=True)
class Review:
    id: str
    source: str
    doc_id: str
    op: str
    args: dict[str, Any]
    author: str = ""
    created: str = ""

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "doc_id": self.doc_id,
            "op": self.op,
            "args": self.args,
            "author": self.author,
            "created": self.created,
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Review:
        return cls(r["id"], r["source"], r["doc_id"], r["op"], dict(r["args"]), r.get("author", ""), r.get("created", ""))


@dataclass(slots=True)
class ReviewedAnalysis(Analysis):
    """An Analysis with the reviews applied, and what the reviews did.

    ``status``: item id -> "confirmed" | "added" (positions, questions, actors). ``rejected``:
    the positions/questions taken out. ``unapplied``: reviews whose target was not found.
    """

    status: dict[str, str] = field(default_factory=dict)
    rejected: list[Position | Question] = field(default_factory=list)
    unapplied: list[Review] = field(default_factory=list)


# --------------------------------------------------------------------------- constructors
def _actor_ref(actor: Actor) -> dict[str, str]:
    return {"id": actor.id, "name": actor.name, "kind": actor.kind}


def _claim_span(item: Position | Question) -> tuple[int, int]:
    if isinstance(item, Position):
        return min(item.cue_start, item.content_start), max(item.cue_end, item.content_end)
    return item.start, item.end


def _item_ref(document: Document, item: Position | Question) -> dict[str, Any]:
    start, end = _claim_span(item)
    ref: dict[str, Any] = {
        "kind": "position" if isinstance(item, Position) else "question",
        "id": item.id,
        "cue": item.cue,
        "selector": make_selector(document.text, start, end).to_dict(),
        "cue_selector": make_selector(document.text, item.cue_start, item.cue_end).to_dict(),
    }
    if isinstance(item, Position):
        ref.update(actor=item.actor, actor_id=item.actor_id, source_text=item.source_text)
    return ref


def confirm(document: Document, item: Position | Question) -> ReviewOp:
    return ReviewOp("confirm", {"target": _item_ref(document, item)})


def reject(document: Document, item: Position | Question) -> ReviewOp:
    return ReviewOp("reject", {"target": _item_ref(document, item)})


def rename_actor(actor: Actor, new_name: str) -> ReviewOp:
    new_name = " ".join(new_name.split())
    if not new_name:
        raise BriefingError("an actor's name cannot be empty")
    return ReviewOp("rename_actor", {"actor": _actor_ref(actor), "name": new_name})


def merge_actors(actor: Actor, into: Actor) -> ReviewOp:
    if actor.id == into.id:
        raise BriefingError("cannot merge an actor into itself")
    return ReviewOp("merge_actors", {"actor": _actor_ref(actor), "into": _actor_ref(into)})


def move_alias(alias: str, from_actor: Actor, to_actor: Actor) -> ReviewOp:
    if from_actor.id == to_actor.id:
        raise BriefingError("the alias already belongs to that actor")
    return ReviewOp("move_alias", {"alias": alias, "from": _actor_ref(from_actor), "to": _actor_ref(to_actor)})


def add_actor(name: str, kind: str = "person", aliases: Iterable[str] = ()) -> ReviewOp:
    name = " ".join(name.split())
    if not name:
        raise BriefingError("an actor's name cannot be empty")
    if kind not in ACTOR_KINDS:
        raise BriefingError(f"unknown actor kind {kind!r}: one of {', '.join(ACTOR_KINDS)}")
    return ReviewOp("add_actor", {"name": name, "kind": kind, "aliases": [a for a in aliases if a.strip()]})


def add_position(
    document: Document, start: int, end: int, *, actor: str, cue: str, content: str, actor_kind: str = "person"
) -> ReviewOp:
    """A stated position by hand: ``start..end`` spans the claim in ``document.text``."""
    if not actor.strip() or not cue.strip():
        raise BriefingError("a position needs an actor and a cue")
    return ReviewOp(
        "add_position",
        {
            "selector": make_selector(document.text, start, end).to_dict(),
            "actor": " ".join(actor.split()),
            "actor_kind": actor_kind,
            "cue": cue,
            "content": content,
        },
    )


def add_question(document: Document, start: int, end: int, *, cue: str, about: str) -> ReviewOp:
    if not cue.strip():
        raise BriefingError("a question needs a cue")
    return ReviewOp(
        "add_question",
        {"selector": make_selector(document.text, start, end).to_dict(), "cue": cue, "about": about},
    )


# --------------------------------------------------------------------------- store
def save_review(
    store: Store, document: Document, op: ReviewOp, *, author: str | None = None, clock: Callable[[], datetime] | None = None
) -> Review:
    from briefing.annotations import default_author, now_iso

    if op.op not in OPS:
        raise BriefingError(f"unknown review operation {op.op!r}")
    author = author or default_author()
    created = now_iso(clock)
    review = Review(
        id="r-" + short_hash(document.doc_id, op.op, repr(sorted(op.args.items())), author, created, size=16),
        source=document.source,
        doc_id=document.doc_id,
        op=op.op,
        args=copy.deepcopy(op.args),
        author=author,
        created=created,
    )
    store.put(REVIEWS, review.id, review.to_record())
    return review


def document_reviews(store: Store, document: Document) -> list[Review]:
    from tinydb import Query

    found = [Review.from_record(r) for r in store.table(REVIEWS).search(Query().doc_id == document.doc_id)]
    return sorted(found, key=lambda r: (r.created, r.id))


# --------------------------------------------------------------------------- applying
class _Applier:
    def __init__(self, analysis: Analysis, document: Document) -> None:
        self.document = document
        self.a = ReviewedAnalysis(
            source=analysis.source,
            title=analysis.title,
            document_sha256=analysis.document_sha256,
            chars=analysis.chars,
            sentence_count=analysis.sentence_count,
            model=analysis.model,
            analyser=analysis.analyser,
            actors=copy.deepcopy(analysis.actors),
            positions=copy.deepcopy(analysis.positions),
            questions=copy.deepcopy(analysis.questions),
            complete=analysis.complete,
        )
        self.redirect: dict[str, str] = {}  # merged-away actor id -> the actor it went into

    # actors
    def actor(self, ref: dict[str, str]) -> Actor | None:
        actor_id = ref.get("id", "")
        seen = set()
        while actor_id in self.redirect and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.redirect[actor_id]
        found = self.a.actor_by_id(actor_id)
        if found:
            return found
        name = norm_key(ref.get("name", ""))
        by_name = [x for x in self.a.actors if norm_key(x.name) == name]
        if by_name:
            same_kind = [x for x in by_name if x.kind == ref.get("kind")]
            return (same_kind or by_name)[0]
        by_alias = [x for x in self.a.actors if name in {norm_key(al) for al in x.aliases}]
        return by_alias[0] if len(by_alias) == 1 else None

    def _add_alias(self, actor: Actor, alias: str) -> None:
        key = norm_key(alias)
        if key and key != norm_key(actor.name) and key not in {norm_key(a) for a in actor.aliases}:
            actor.aliases.append(alias)

    def rename_actor(self, args: dict[str, Any]) -> bool:
        actor = self.actor(args["actor"])
        if actor is None:
            return False
        old = actor.name
        actor.name = args["name"]
        actor.aliases = [al for al in actor.aliases if norm_key(al) != norm_key(actor.name)]
        self._add_alias(actor, old)
        for p in self.a.positions:
            if p.actor_id == actor.id:
                p.actor = actor.name
        return True

    def merge_actors(self, args: dict[str, Any]) -> bool:
        src, dst = self.actor(args["actor"]), self.actor(args["into"])
        if src is None or dst is None or src is dst:
            return False
        for alias in [src.name, *src.aliases]:
            self._add_alias(dst, alias)
        dst.mentions = sorted([*dst.mentions, *src.mentions], key=lambda m: (m.start, m.end))
        for p in self.a.positions:
            if p.actor_id == src.id:
                p.actor_id, p.actor = dst.id, dst.name
        self.a.actors.remove(src)
        self.redirect[src.id] = dst.id
        return True

    def move_alias(self, args: dict[str, Any]) -> bool:
        src, dst = self.actor(args["from"]), self.actor(args["to"])
        alias, key = args["alias"], norm_key(args["alias"])
        if src is None or dst is None or src is dst:
            return False
        known = {norm_key(src.name), *(norm_key(a) for a in src.aliases)} | {norm_key(m.text) for m in src.mentions}
        if key not in known:
            return False
        src.aliases = [a for a in src.aliases if norm_key(a) != key]
        self._add_alias(dst, alias)
        moving = [m for m in src.mentions if norm_key(m.text) == key]
        src.mentions = [m for m in src.mentions if norm_key(m.text) != key]
        dst.mentions = sorted([*dst.mentions, *moving], key=lambda m: (m.start, m.end))
        for p in self.a.positions:
            if p.actor_id == src.id and norm_key(p.source_text) == key:
                p.actor_id, p.actor = dst.id, dst.name
        return True

    def add_actor(self, args: dict[str, Any]) -> bool:
        actor_id = Actor.make_id(args["kind"], args["name"])
        actor = self.a.actor_by_id(actor_id)
        if actor is None:
            actor = Actor(actor_id, args["name"], args["kind"], [], self._mentions([args["name"], *args["aliases"]]))
            self.a.actors.append(actor)
            self.a.status[actor_id] = "added"
        for alias in args["aliases"]:
            self._add_alias(actor, alias)
        return True

    def _mentions(self, names: Iterable[str]) -> list[Mention]:
        text, found = self.document.text, []
        for name in {n for n in names if n.strip()}:
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                s = self.document.sentence_at(m.start())
                if s is not None:
                    found.append(Mention(m.start(), m.end(), m.group(), s.index))
        return sorted(found, key=lambda m: (m.start, m.end))

    # positions and questions
    def _items(self, kind: str) -> list:
        return self.a.positions if kind == "position" else self.a.questions

    def find_item(self, ref: dict[str, Any]) -> Position | Question | None:
        items = self._items(ref["kind"])
        for item in items:
            if item.id == ref["id"]:
                return item
        cue = norm_key(ref["cue"])
        by_claim = self._match(items, cue, ref, ref["selector"], _claim_span)
        if by_claim is not None or "cue_selector" not in ref:
            return by_claim
        return self._match(items, cue, ref, ref["cue_selector"], lambda item: (item.cue_start, item.cue_end))

    def _match(self, items: list, cue: str, ref: dict[str, Any], selector: dict[str, Any], span_of) -> Any:  # noqa: ANN001
        placement = anchor(Selector.from_dict(selector), self.document.text)
        if placement.orphaned:
            return None
        best, best_overlap = None, 0.0
        for item in items:
            if norm_key(item.cue) != cue:
                continue
            start, end = span_of(item)
            overlap = min(end, placement.end) - max(start, placement.start)
            same_source = isinstance(item, Position) and norm_key(item.source_text) == norm_key(ref.get("source_text", ""))
            score = overlap + (0.5 if same_source else 0)
            if overlap > 0 and score > best_overlap:
                best, best_overlap = item, score
        return best

    def confirm(self, args: dict[str, Any]) -> bool:
        item = self.find_item(args["target"])
        if item is None:
            return False
        self.a.status[item.id] = "confirmed"
        return True

    def reject(self, args: dict[str, Any]) -> bool:
        item = self.find_item(args["target"])
        if item is None:
            return False
        self._items(args["target"]["kind"]).remove(item)
        self.a.status.pop(item.id, None)
        self.a.rejected.append(item)
        return True

    def _place(self, selector: dict[str, Any]) -> tuple[int, int, Any] | None:
        placement = anchor(Selector.from_dict(selector), self.document.text)
        if placement.orphaned:
            return None
        sentence = self.document.sentence_at(placement.start)
        if sentence is None:
            return None
        return placement.start, placement.end, sentence

    def _find_in(self, needle: str, start: int, end: int) -> tuple[int, int]:
        hay = self.document.text[start:end]
        i = hay.lower().find(needle.lower()) if needle else -1
        return (start + i, start + i + len(needle)) if i >= 0 else (start, end)

    def add_position(self, args: dict[str, Any]) -> bool:
        placed = self._place(args["selector"])
        if placed is None:
            return False
        start, end, sentence = placed
        actor = self.actor({"id": "", "name": args["actor"], "kind": args.get("actor_kind", "person")})
        if actor is None:
            self.add_actor({"name": args["actor"], "kind": args.get("actor_kind", "person"), "aliases": []})
            actor = self.a.actor_by_id(Actor.make_id(args.get("actor_kind", "person"), args["actor"]))
        assert actor is not None
        pid = Position.make_id(sentence.key, args["cue"], args["actor"])
        if not any(p.id == pid for p in self.a.positions):
            cue_start, cue_end = self._find_in(args["cue"], start, end)
            content_start, content_end = self._find_in(args["content"], start, end)
            self.a.positions.append(
                Position(
                    id=pid,
                    actor=actor.name,
                    actor_id=actor.id,
                    cue=args["cue"],
                    cue_start=cue_start,
                    cue_end=cue_end,
                    content=args["content"],
                    content_start=content_start,
                    content_end=content_end,
                    sentence=sentence.index,
                    start=sentence.start,
                    end=sentence.end,
                    source_text=args["actor"],
                )
            )
            self.a.positions.sort(key=lambda p: (p.start, p.cue_start))
        self.a.status[pid] = "added"
        return True

    def add_question(self, args: dict[str, Any]) -> bool:
        placed = self._place(args["selector"])
        if placed is None:
            return False
        start, end, sentence = placed
        qid = Question.make_id(sentence.key, args["cue"])
        if not any(q.id == qid for q in self.a.questions):
            cue_start, cue_end = self._find_in(args["cue"], start, end)
            self.a.questions.append(
                Question(qid, sentence.index, args["cue"], cue_start, cue_end, args["about"], sentence.start, sentence.end)
            )
            self.a.questions.sort(key=lambda q: (q.start, q.cue_start))
        self.a.status[qid] = "added"
        return True


def apply_reviews(analysis: Analysis, document: Document, reviews: Iterable[Review]) -> ReviewedAnalysis:
    """A copy of ``analysis`` with ``reviews`` applied, oldest first (``analysis`` is not changed)."""
    applier = _Applier(analysis, document)
    for review in sorted(reviews, key=lambda r: (r.created, r.id)):
        handler = getattr(applier, review.op, None) if review.op in OPS else None
        try:
            ok = bool(handler and handler(review.args))
        except (KeyError, TypeError, ValueError):  # a malformed record: kept, reported, not applied
            ok = False
        if not ok:
            applier.a.unapplied.append(review)
    return applier.a
