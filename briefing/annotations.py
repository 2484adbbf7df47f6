"""Annotations: anchored notes on a document, their drafts, and a session with undo/redo.

Pure core (no Textual). Records live in the store (:mod:`briefing.store`), tables
``annotations`` and ``drafts``; every call that changes something is durable when it returns.

An annotation belongs to a document by its identity (``Document.source``, ``Document.doc_id``)
and remembers the text it was made on (``text_sha256``) and its span as a
:class:`~briefing.anchoring.Selector` (offsets + exact quote + prefix/suffix context); when the
text changes it is re-attached by :func:`briefing.anchoring.anchor` or shown as orphaned.

Ids are content-derived and fixed at creation: ``"n-" + hash(doc_id, span, quote, author,
created)`` (creation time in microseconds), so two sessions adding notes never collide and an
edit keeps its id. A draft's id is derived from what it is a draft of (the annotation being
edited, or the document and span), so saving it again as the user types overwrites it.

For a UI, :class:`Notebook` is the entry point: one document in one store, with this
session's undo/redo.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from briefing.anchoring import Placement, Selector, anchor, make_selector
from briefing.errors import BriefingError
from briefing.model import Document, Sentence, short_hash

if TYPE_CHECKING:
    from briefing.model import Analysis
    from briefing.reviews import Review, ReviewedAnalysis, ReviewOp
    from briefing.store import Store

ANNOTATIONS = "annotations"
DRAFTS = "drafts"
REVIEWS = "reviews"
DEFAULT_TAGS: tuple[str, ...] = ("key", "doubt", "follow-up", "contradiction")

Clock = Callable[[], datetime]


def default_author() -> str:
    """``BRIEFING_AUTHOR``, else the login name, else ``"unknown"``."""
    env = os.environ.get("BRIEFING_AUTHOR", "").strip()
    if env:
        return env
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # noqa: BLE001 - no passwd entry, no env: not worth failing over
        return "unknown"


def now_iso(clock: Clock | None = None) -> str:
    moment = clock() if clock else datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


_TAG_WS = re.compile(r"\s+")


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, lower case, inner spaces as ``-``, no empties, no duplicates, order kept."""
    out: list[str] = []
    for tag in tags:
        t = _TAG_WS.sub("-", str(tag).strip()).lower()
        if t and t not in out:
            out.append(t)
    return tuple(out)


@dataclass(slots=True)
class Annotation:
    id: str
    source: str  # Document.source
    doc_id: str  # Document.doc_id
    text_sha256: str  # the text it was made on
    selector: Selector
    note: str = ""
    tags: tuple[str, ...] = ()
    author: str = ""
    created: str = ""
    updated: str = ""
    sentence_key: str = ""  # set when the whole sentence was annotated

    @staticmethod
    def make_id(doc_id: str, selector: Selector, author: str, created: str) -> str:
        return "n-" + short_hash(doc_id, selector.start, selector.end, selector.exact, author, created, size=16)

    @property
    def quote(self) -> str:
        return self.selector.exact

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "doc_id": self.doc_id,
            "text_sha256": self.text_sha256,
            "selector": self.selector.to_dict(),
            "note": self.note,
            "tags": list(self.tags),
            "author": self.author,
            "created": self.created,
            "updated": self.updated,
            "sentence_key": self.sentence_key,
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Annotation:
        return cls(
            id=r["id"],
            source=r["source"],
            doc_id=r["doc_id"],
            text_sha256=r.get("text_sha256", ""),
            selector=Selector.from_dict(r["selector"]),
            note=r.get("note", ""),
            tags=tuple(r.get("tags", ())),
            author=r.get("author", ""),
            created=r.get("created", ""),
            updated=r.get("updated", r.get("created", "")),
            sentence_key=r.get("sentence_key", ""),
        )


@dataclass(slots=True)
class Placed:
    """An annotation placed in the current text of its document."""

    annotation: Annotation
    placement: Placement
    sentence: Sentence | None = None  # the sentence holding its start (None when orphaned)

    @property
    def start(self) -> int:
        return self.placement.start

    @property
    def end(self) -> int:
        return self.placement.end

    @property
    def orphaned(self) -> bool:
        return self.placement.orphaned

    @property
    def citation(self) -> str:
        return self.sentence.citation if self.sentence else "orphaned"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form shared by ``briefing notes list --format json`` and the JSON export."""
        a = self.annotation
        placed = not self.orphaned and self.sentence is not None
        return {
            "id": a.id,
            "source": a.source,
            "status": self.placement.status,
            "citation": self.sentence.citation if placed else None,
            "sentence": self.sentence.index + 1 if placed else None,
            "start": None if self.orphaned else self.start,
            "end": None if self.orphaned else self.end,
            "quote": a.quote,
            "tags": list(a.tags),
            "note": a.note,
            "author": a.author,
            "created": a.created,
            "updated": a.updated,
        }


@dataclass(slots=True)
class Draft:
    """A note being typed, saved as it is typed so that a crash or a dropped SSH keeps it."""

    id: str
    source: str
    doc_id: str
    text_sha256: str
    selector: Selector
    text: str = ""
    tags: tuple[str, ...] = ()
    annotation_id: str = ""  # the annotation being edited ("" for a new one)
    updated: str = ""

    @staticmethod
    def make_id(doc_id: str, selector: Selector, annotation_id: str = "") -> str:
        if annotation_id:
            return "dr-" + short_hash(annotation_id)
        return "dr-" + short_hash(doc_id, selector.start, selector.end, selector.exact)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "doc_id": self.doc_id,
            "text_sha256": self.text_sha256,
            "selector": self.selector.to_dict(),
            "text": self.text,
            "tags": list(self.tags),
            "annotation_id": self.annotation_id,
            "updated": self.updated,
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Draft:
        return cls(
            id=r["id"],
            source=r["source"],
            doc_id=r["doc_id"],
            text_sha256=r.get("text_sha256", ""),
            selector=Selector.from_dict(r["selector"]),
            text=r.get("text", ""),
            tags=tuple(r.get("tags", ())),
            annotation_id=r.get("annotation_id", ""),
            updated=r.get("updated", ""),
        )


# --------------------------------------------------------------------------- selecting spans
def span_selector(document: Document, start: int, end: int) -> Selector:
    """The selector of a selection ``document.text[start:end]`` (surrounding spaces trimmed)."""
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise BriefingError("the selection is empty")
    return make_selector(text, start, end)


def sentence_selector(document: Document, sentence: Sentence | int) -> Selector:
    s = document.sentences[sentence] if isinstance(sentence, int) else sentence
    return make_selector(document.text, s.start, s.end)


_CITATION = re.compile(r"^\s*¶?\s*(\d+)\s*\.\s*(\d+)\s*$")


def parse_sentence_ref(document: Document, ref: str) -> Sentence:
    """``"N"`` (1-based sentence number in the whole document) or ``"¶P.S"`` / ``"P.S"`` (the
    S-th sentence of paragraph/heading P, as citations print it)."""
    ref = ref.strip()
    count = len(document.sentences)
    if ref.isdigit():
        n = int(ref)
        if not 1 <= n <= count:
            raise BriefingError(f"sentence {n} does not exist: {document.source} has sentences 1-{count}")
        return document.sentences[n - 1]
    m = _CITATION.match(ref)
    if not m:
        raise BriefingError(f"bad sentence reference {ref!r}: use N (1-{count}) or ¶P.S as in citations")
    block, number = int(m.group(1)), int(m.group(2))
    for s in document.sentences:
        if s.block == block and s.number == number:
            return s
    raise BriefingError(f"no sentence ¶{block}.{number} in {document.source}")


def quote_selector(document: Document, quote: str) -> Selector:
    """The selector of the one place ``quote`` occurs (whitespace-insensitive); errors otherwise."""
    quote = quote.strip()
    if not quote:
        raise BriefingError("the quote is empty")
    pattern = re.compile(r"\s+".join(re.escape(part) for part in quote.split()))
    hits = [m.span() for m in pattern.finditer(document.text)]
    if not hits:
        raise BriefingError(f"quote not found in {document.source}: {quote[:60]!r}")
    if len(hits) > 1:
        raise BriefingError(f"quote occurs {len(hits)} times in {document.source}; quote more of it")
    return make_selector(document.text, *hits[0])


def place(annotation: Annotation | Draft, document: Document) -> Placement:
    sel = annotation.selector
    if annotation.text_sha256 and annotation.text_sha256 == document.sha256:
        return Placement(sel.start, sel.end, "exact")
    return anchor(sel, document.text)


# --------------------------------------------------------------------------- store operations
def _docs(store: Store, table: str, doc_id: str) -> list[dict]:
    from tinydb import Query

    return store.table(table).search(Query().doc_id == doc_id)


def new_annotation(
    document: Document,
    selector: Selector,
    *,
    note: str = "",
    tags: Iterable[str] = (),
    author: str | None = None,
    clock: Clock | None = None,
    sentence_key: str = "",
) -> Annotation:
    """A new (not yet saved) annotation."""
    author = author or default_author()
    created = now_iso(clock)
    return Annotation(
        id=Annotation.make_id(document.doc_id, selector, author, created),
        source=document.source,
        doc_id=document.doc_id,
        text_sha256=document.sha256,
        selector=selector,
        note=note,
        tags=normalise_tags(tags),
        author=author,
        created=created,
        updated=created,
        sentence_key=sentence_key,
    )


def add_annotation(store: Store, document: Document, selector: Selector, **kwargs: Any) -> Annotation:
    """Create and save an annotation (durable on return). kwargs: note, tags, author, clock."""
    if "sentence_key" not in kwargs:
        s = document.sentence_at(selector.start)
        if s is not None and (s.start, s.end) == (selector.start, selector.end):
            kwargs["sentence_key"] = s.key
    annotation = new_annotation(document, selector, **kwargs)
    store.put(ANNOTATIONS, annotation.id, annotation.to_record())
    return annotation


def get_annotation(store: Store, annotation_id: str) -> Annotation | None:
    record = store.get(ANNOTATIONS, annotation_id)
    return Annotation.from_record(record) if record else None


def find_annotation(store: Store, id_or_prefix: str) -> Annotation:
    """By id or by a unique id prefix (at least 4 characters); BriefingError otherwise."""
    exact = get_annotation(store, id_or_prefix)
    if exact:
        return exact
    if len(id_or_prefix) >= 4:
        hits = [r for k, r in store.all(ANNOTATIONS).items() if k.startswith(id_or_prefix)]
        if len(hits) == 1:
            return Annotation.from_record(hits[0])
        if len(hits) > 1:
            raise BriefingError(f"annotation id {id_or_prefix!r} is ambiguous ({len(hits)} match)")
    raise BriefingError(f"no annotation {id_or_prefix!r} in {store.path}")


def update_annotation(
    store: Store,
    annotation_id: str,
    *,
    note: str | None = None,
    tags: Iterable[str] | None = None,
    clock: Clock | None = None,
) -> Annotation:
    current = get_annotation(store, annotation_id)
    if current is None:
        raise BriefingError(f"no annotation {annotation_id!r}")
    changed = replace(
        current,
        note=current.note if note is None else note,
        tags=current.tags if tags is None else normalise_tags(tags),
        updated=now_iso(clock),
    )
    store.put(ANNOTATIONS, changed.id, changed.to_record())
    return changed


def delete_annotation(store: Store, annotation_id: str) -> Annotation | None:
    """Delete; returns what was deleted (to undo it, ``store.put`` its record back)."""
    record = store.delete(ANNOTATIONS, annotation_id)
    return Annotation.from_record(record) if record else None


def document_annotations(store: Store, document: Document) -> list[Annotation]:
    """This document's annotations, oldest first."""
    found = [Annotation.from_record(r) for r in _docs(store, ANNOTATIONS, document.doc_id)]
    return sorted(found, key=lambda a: (a.created, a.id))


def place_all(annotations: Iterable[Annotation], document: Document) -> list[Placed]:
    """``annotations`` placed in the current text of ``document``: in text order, orphans last."""
    out = []
    for a in annotations:
        p = place(a, document)
        out.append(Placed(a, p, None if p.orphaned else document.sentence_at(p.start)))
    return sorted(out, key=lambda pl: (pl.orphaned, pl.start, pl.annotation.created, pl.annotation.id))


def placed_annotations(store: Store, document: Document) -> list[Placed]:
    """This document's annotations placed in its current text: in text order, orphans last."""
    return place_all(document_annotations(store, document), document)


def save_draft(
    store: Store,
    document: Document,
    selector: Selector,
    text: str,
    *,
    tags: Iterable[str] = (),
    annotation_id: str = "",
    clock: Clock | None = None,
) -> Draft:
    """Save (overwrite) the draft of a note; durable on return. Debouncing is the caller's job."""
    draft = Draft(
        id=Draft.make_id(document.doc_id, selector, annotation_id),
        source=document.source,
        doc_id=document.doc_id,
        text_sha256=document.sha256,
        selector=selector,
        text=text,
        tags=normalise_tags(tags),
        annotation_id=annotation_id,
        updated=now_iso(clock),
    )
    store.put(DRAFTS, draft.id, draft.to_record())
    return draft


def load_drafts(store: Store, document: Document) -> list[Draft]:
    """This document's unfinished drafts, most recent first."""
    drafts = [Draft.from_record(r) for r in _docs(store, DRAFTS, document.doc_id)]
    return sorted(drafts, key=lambda d: d.updated, reverse=True)


def discard_draft(store: Store, draft_id: str) -> None:
    store.delete(DRAFTS, draft_id)


def annotation_from_v0(record: dict[str, Any]) -> dict[str, Any]:
    """Store migration v0 -> v1 for one record of the pre-release ``notes`` table."""
    source = str(record.get("doc", ""))
    start, end = int(record.get("start", 0)), int(record.get("end", 0))
    quote = str(record.get("quote", ""))
    created = str(record.get("created") or "1970-01-01T00:00:00.000000+00:00")
    author = str(record.get("author") or "unknown")
    tags = record.get("tags", "")
    selector = Selector(start, end, quote, occurrences=0)  # no context was stored in v0
    doc_id = "d-" + short_hash(source)
    annotation = Annotation(
        id=Annotation.make_id(doc_id, selector, author, created),
        source=source,
        doc_id=doc_id,
        text_sha256="",
        selector=selector,
        note=str(record.get("note", "")),
        tags=normalise_tags(tags.split(",") if isinstance(tags, str) else tags),
        author=author,
        created=created,
        updated=created,
    )
    return annotation.to_record()


# --------------------------------------------------------------------------- a session
@dataclass(slots=True)
class Change:
    """One undoable change: a record of ``table`` went from ``before`` to ``after`` (None: absent)."""

    label: str  # "add", "edit", "delete", "review", "undo review" ...
    table: str
    id: str
    before: dict | None
    after: dict | None


@dataclass
class Notebook:
    """One document's annotations, drafts and reviews in a store, with this session's undo/redo.

    Every method that changes something is durable when it returns. Undo/redo cover
    annotations (add, edit, delete) and reviews, not drafts. ``undo`` refuses (BriefingError)
    when another session changed the same record since.
    """

    store: Store
    document: Document
    author: str | None = None
    clock: Clock | None = None
    _undo: list[Change] = field(default_factory=list)
    _redo: list[Change] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.author = self.author or default_author()

    # annotations ------------------------------------------------------------------------
    def add(self, selector: Selector, note: str = "", tags: Iterable[str] = ()) -> Annotation:
        a = add_annotation(self.store, self.document, selector, note=note, tags=tags, author=self.author, clock=self.clock)
        self._did(Change("add", ANNOTATIONS, a.id, None, a.to_record()))
        return a

    def annotate_sentence(self, sentence: Sentence | int, note: str = "", tags: Iterable[str] = ()) -> Annotation:
        return self.add(sentence_selector(self.document, sentence), note, tags)

    def annotate_span(self, start: int, end: int, note: str = "", tags: Iterable[str] = ()) -> Annotation:
        return self.add(span_selector(self.document, start, end), note, tags)

    def edit(self, annotation_id: str, *, note: str | None = None, tags: Iterable[str] | None = None) -> Annotation:
        before = self.store.get(ANNOTATIONS, annotation_id)
        a = update_annotation(self.store, annotation_id, note=note, tags=tags, clock=self.clock)
        self._did(Change("edit", ANNOTATIONS, a.id, before, a.to_record()))
        return a

    def delete(self, annotation_id: str) -> Annotation:
        a = delete_annotation(self.store, annotation_id)
        if a is None:
            raise BriefingError(f"no annotation {annotation_id!r}")
        self._did(Change("delete", ANNOTATIONS, a.id, a.to_record(), None))
        return a

    def get(self, annotation_id: str) -> Annotation | None:
        return get_annotation(self.store, annotation_id)

    def annotations(self) -> list[Annotation]:
        return document_annotations(self.store, self.document)

    def placed(self) -> list[Placed]:
        return placed_annotations(self.store, self.document)

    # drafts -----------------------------------------------------------------------------
    def save_draft(self, selector: Selector, text: str, tags: Iterable[str] = (), annotation_id: str = "") -> Draft:
        return save_draft(self.store, self.document, selector, text, tags=tags, annotation_id=annotation_id, clock=self.clock)

    def drafts(self) -> list[Draft]:
        return load_drafts(self.store, self.document)

    def discard_draft(self, draft_id: str) -> None:
        discard_draft(self.store, draft_id)

    # reviews ----------------------------------------------------------------------------
    def review(self, op: ReviewOp) -> Review:
        from briefing.reviews import save_review

        r = save_review(self.store, self.document, op, author=self.author, clock=self.clock)
        self._did(Change("review", REVIEWS, r.id, None, r.to_record()))
        return r

    def unreview(self, review_id: str) -> Review:
        from briefing.reviews import Review

        record = self.store.delete(REVIEWS, review_id)
        if record is None:
            raise BriefingError(f"no review {review_id!r}")
        self._did(Change("undo review", REVIEWS, review_id, record, None))
        return Review.from_record(record)

    def reviews(self) -> list[Review]:
        from briefing.reviews import document_reviews

        return document_reviews(self.store, self.document)

    def apply_reviews(self, analysis: Analysis) -> ReviewedAnalysis:
        from briefing.reviews import apply_reviews

        return apply_reviews(analysis, self.document, self.reviews())

    # undo/redo --------------------------------------------------------------------------
    def _did(self, change: Change) -> None:
        self._undo.append(change)
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def _set(self, change: Change, expect: dict | None, value: dict | None) -> None:
        current = self.store.get(change.table, change.id)
        if current != expect:
            raise BriefingError(f"{change.id} was changed in another session; not undone")
        if value is None:
            self.store.delete(change.table, change.id)
        else:
            self.store.put(change.table, change.id, value)

    def undo(self) -> Change | None:
        """Revert this session's last change (None if there is none)."""
        if not self._undo:
            return None
        change = self._undo[-1]
        self._set(change, change.after, change.before)
        self._redo.append(self._undo.pop())
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo[-1]
        self._set(change, change.before, change.after)
        self._undo.append(self._redo.pop())
        return change

    # watching ---------------------------------------------------------------------------
    def poll(self) -> bool:
        """True when another process changed the store since the last poll (cheap: two stats)."""
        return self.store.poll()
