"""Every message of the reader, in one module (toolong style). Widgets post, screens handle."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefing.model import Analysis, Document


@dataclass
class CursorMoved(Message):
    """The article's current sentence changed."""

    sentence: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CursorMoved)


@dataclass
class AnalysisProgress(Message):
    """Blocks analysed so far; ``partial`` now and then (partial results fill the panels)."""

    doc_id: str
    done: int
    total: int
    partial: Analysis | None = None

    def can_replace(self, message: Message) -> bool:
        # a report with partial results is never dropped for one without
        return isinstance(message, AnalysisProgress) and message.doc_id == self.doc_id and message.partial is None


@dataclass
class AnalysisReady(Message):
    doc_id: str
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    doc_id: str
    error: str


@dataclass
class ActorChosen(Message):
    """Enter on an actor."""

    actor_id: str


@dataclass
class SentenceChosen(Message):
    """Enter on a position or a question: go to its sentence and mark ``start:end``."""

    sentence: int
    start: int
    end: int


@dataclass
class SearchChanged(Message):
    """The search field changed (``final`` when Enter was pressed)."""

    query: str
    final: bool = False


@dataclass
class SearchClosed(Message):
    """The search field was closed with Esc."""


@dataclass
class DocumentLoaded(Message):
    """The library loaded one of its documents (or failed to: ``error``)."""

    index: int
    document: Document | None
    analysis: Analysis | None = None  # a cached analysis, when there is one
    error: str = ""


@dataclass
class DocumentChosen(Message):
    """Enter on a row of the library."""

    index: int


@dataclass
class AnnotationAction(Message):
    """A key on an Annotations row: ``op`` is "edit" or "delete"."""

    op: str
    annotation_id: str


@dataclass
class ReviewRequested(Message):
    """A review key on a panel row: ``op`` is "confirm", "reject", "rename" or "merge";
    ``kind`` is "position", "question" or "actor"."""

    op: str
    kind: str
    item_id: str
