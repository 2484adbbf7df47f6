"""A briefing's content, before any format: documents, reviewed analyses, merged actors, notes.

:func:`build_briefing` reads each document's annotations and reviews from the store;
:func:`assemble` does the rest from explicit inputs (what the tests and the formats rely on):

* each document's analysis gets its own reviews applied (:func:`briefing.reviews.apply_reviews`);
  the actor reviews (``rename_actor``, ``merge_actors``, ``move_alias``) made in *another*
  document are applied too only when ``apply_reviews_across`` is set (the user's confirmation);
  either way the briefing records which of them fit this document (``DocumentBriefing.across``);
* actors are merged across documents by kind and canonical name (``norm_key``), after reviews;
* actors are ranked by confirmed positions, then positions, then mentions (then name);
* the bottom line up front takes the best position (confirmed first, then text order) of each of
  the top actors with positions, at most ``BLUF_MAX``; with fewer than ``BLUF_MIN`` such actors
  it takes further positions of the same actors, so it never invents anything.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.model import Actor, Analysis, Document, Position, Question, norm_key

if TYPE_CHECKING:
    from briefing.annotations import Annotation, Placed
    from briefing.reviews import Review, ReviewedAnalysis
    from briefing.store import Store

Clock = Callable[[], datetime]
ACROSS_OPS = ("rename_actor", "merge_actors", "move_alias")
BLUF_MIN, BLUF_MAX = 3, 6


def default_clock() -> datetime:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, so exports are reproducible; else now."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            return datetime.fromtimestamp(int(raw), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise BriefingError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {raw[:40]!r}") from None
    return datetime.now(timezone.utc)


def shown_source(source: str, base_dir: str | os.PathLike[str] | None) -> str:
    """How a document's source is shown: a file under ``base_dir`` relative to it, else as is."""
    if source == "-":
        return "standard input"
    if base_dir is None or "://" in source:
        return source
    try:
        return Path(source).relative_to(Path(base_dir).resolve()).as_posix()
    except ValueError:
        return source


@dataclass(slots=True)
class DocumentInput:
    """One document to export: its text, its analysis as analysed (reviews not applied), and
    the annotations and reviews kept for it."""

    document: Document
    analysis: Analysis
    annotations: Sequence[Annotation] = ()
    reviews: Sequence[Review] = ()


@dataclass(slots=True)
class AcrossReview:
    """An actor review made in another document that fits this one."""

    review: Review
    made_in: int  # the number of the document it was made in
    applied: bool  # False: it fits, but applying across documents was not confirmed


@dataclass(slots=True)
class DocumentBriefing:
    number: int  # 1-based, in the briefing's document list
    document: Document
    analysis: Analysis  # as analysed
    reviewed: ReviewedAnalysis  # with the reviews applied
    notes: list[Placed]  # in text order, orphans last
    reviews: list[Review]  # this document's own, oldest first
    unapplied: list[Review]  # own reviews whose target is gone
    across: list[AcrossReview]
    source: str  # as shown

    @property
    def placed_notes(self) -> list[Placed]:
        return [p for p in self.notes if not p.orphaned]

    @property
    def orphaned_notes(self) -> list[Placed]:
        return [p for p in self.notes if p.orphaned]

    def status(self, item_id: str) -> str:
        """``confirmed``, ``added`` (by hand) or ``extracted``."""
        return self.reviewed.status.get(item_id, "extracted")


@dataclass(slots=True)
class ActorEntry:
    """An actor of the briefing: the same kind and canonical name merged across documents."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    members: list[tuple[int, Actor]] = field(default_factory=list)  # (document number, actor)
    positions: list[tuple[DocumentBriefing, Position]] = field(default_factory=list)
    confirmed: int = 0
    added: bool = False  # added by hand (in some document)

    @property
    def documents(self) -> list[int]:
        return sorted({n for n, _ in self.members})


@dataclass(slots=True)
class Bullet:
    actor: ActorEntry
    entry: DocumentBriefing
    position: Position


@dataclass(slots=True)
class Briefing:
    documents: list[DocumentBriefing]
    actors: list[ActorEntry]  # ranked
    bluf: list[Bullet]
    date: datetime
    apply_reviews_across: bool = False

    @property
    def multi(self) -> bool:
        return len(self.documents) > 1


# --------------------------------------------------------------------------- building
def build_briefing(
    items: Iterable[tuple[Document, Analysis]],
    *,
    store: Store | None = None,
    apply_reviews_across: bool = False,
    clock: Clock | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> Briefing:
    """The briefing of ``items`` ((document, analysis as analysed) pairs, in order), with each
    document's annotations and reviews read from ``store`` (none without a store)."""
    inputs = []
    for document, analysis in items:
        annotations: list[Annotation] = []
        reviews: list[Review] = []
        if store is not None:
            from briefing.annotations import document_annotations
            from briefing.reviews import document_reviews

            annotations = document_annotations(store, document)
            reviews = document_reviews(store, document)
        inputs.append(DocumentInput(document, analysis, annotations, reviews))
    return assemble(inputs, apply_reviews_across=apply_reviews_across, clock=clock, base_dir=base_dir)


def assemble(
    inputs: Sequence[DocumentInput],
    *,
    apply_reviews_across: bool = False,
    clock: Clock | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> Briefing:
    from briefing.reviews import ReviewedAnalysis

    if not inputs:
        raise BriefingError("nothing to export: no documents")
    seen: set[str] = set()
    for item in inputs:
        if isinstance(item.analysis, ReviewedAnalysis):
            raise TypeError("export takes the analysis as analysed; reviews are applied here, not twice")
        if item.document.source in seen:
            raise BriefingError(f"{item.document.source} is given twice")
        seen.add(item.document.source)
    date = (clock or default_clock)()
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)
    shared = [(n, r) for n, item in enumerate(inputs, 1) for r in item.reviews if r.op in ACROSS_OPS]
    documents = [
        _document(n, item, shared, apply_reviews_across, base_dir) for n, item in enumerate(inputs, 1)
    ]
    actors = _merge_actors(documents)
    return Briefing(documents, actors, _bluf(actors), date.astimezone(timezone.utc), apply_reviews_across)


def _document(
    number: int,
    item: DocumentInput,
    shared: list[tuple[int, Review]],
    apply_across: bool,
    base_dir: str | os.PathLike[str] | None,
) -> DocumentBriefing:
    from briefing.annotations import place_all
    from briefing.reviews import apply_reviews

    document, own = item.document, sorted(item.reviews, key=lambda r: (r.created, r.id))
    own_ids = {r.id for r in own}
    others = [(n, r) for n, r in shared if n != number and r.id not in own_ids]
    reviewed = apply_reviews(item.analysis, document, own)
    across: list[AcrossReview] = []
    if others:
        trial = apply_reviews(item.analysis, document, [*own, *(r for _, r in others)])
        missed = {r.id for r in trial.unapplied}
        across = [AcrossReview(r, n, apply_across) for n, r in others if r.id not in missed]
        if apply_across:
            reviewed = trial
    reviewed.unapplied = [r for r in reviewed.unapplied if r.id in own_ids]
    notes = place_all(item.annotations, document)
    return DocumentBriefing(
        number=number,
        document=document,
        analysis=item.analysis,
        reviewed=reviewed,
        notes=notes,
        reviews=own,
        unapplied=list(reviewed.unapplied),
        across=across,
        source=shown_source(document.source, base_dir),
    )


def _add_alias(entry: ActorEntry, alias: str) -> None:
    key = norm_key(alias)
    if key and key != norm_key(entry.name) and key not in {norm_key(a) for a in entry.aliases}:
        entry.aliases.append(alias)


def _merge_actors(documents: list[DocumentBriefing]) -> list[ActorEntry]:
    entries: dict[tuple[str, str], ActorEntry] = {}
    by_id: dict[tuple[int, str], ActorEntry] = {}
    for d in documents:
        for actor in d.reviewed.actors:
            key = (actor.kind, norm_key(actor.name))
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = ActorEntry(actor.name, actor.kind)
            entry.members.append((d.number, actor))
            entry.mentions += len(actor.mentions)
            entry.added = entry.added or d.status(actor.id) == "added"
            for alias in [actor.name, *actor.aliases]:
                _add_alias(entry, alias)
            by_id[(d.number, actor.id)] = entry
        for p in d.reviewed.positions:
            entry = by_id.get((d.number, p.actor_id))
            if entry is None:  # a position whose actor is unknown: listed under its name
                key = ("", norm_key(p.actor))
                entry = entries.get(key) or entries.setdefault(key, ActorEntry(p.actor, ""))
            entry.positions.append((d, p))
            if d.status(p.id) == "confirmed":
                entry.confirmed += 1
    ranked = sorted(
        entries.values(), key=lambda e: (-e.confirmed, -len(e.positions), -e.mentions, norm_key(e.name), e.kind)
    )
    for e in ranked:
        e.positions.sort(key=lambda dp: (dp[0].number, dp[1].start, dp[1].cue_start))
    return ranked


def _bluf(actors: list[ActorEntry]) -> list[Bullet]:
    speaking = [e for e in actors if e.positions]
    queues = [
        sorted(e.positions, key=lambda dp: dp[0].status(dp[1].id) != "confirmed")  # stable: text order kept
        for e in speaking[:BLUF_MAX]
    ]
    picked = [(rank, 0) for rank in range(len(queues))]
    depth = 1
    while len(picked) < BLUF_MIN and any(len(q) > depth for q in queues):
        for rank, q in enumerate(queues):
            if len(q) > depth and len(picked) < BLUF_MIN:
                picked.append((rank, depth))
        depth += 1
    return [Bullet(speaking[rank], *queues[rank][depth]) for rank, depth in sorted(picked)]


def claim_span(position: Position) -> tuple[int, int]:
    """The verbatim claim: from the first of cue and content to the last of them."""
    return min(position.cue_start, position.content_start), max(position.cue_end, position.content_end)


def question_span(question: Question) -> tuple[int, int]:
    return question.start, question.end
