"""The three panels beside the article: Actors, Positions, Open questions.

Each panel is a table (``FindingsTable``: rows of ``rich.text.Text`` cells, never markup, drawn
on the line API so thousands of rows cost nothing) and a detail line that shows what does not fit a row (aliases, the full
content, the question's sentence). Panels post messages; the reader screen acts on them.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.loading.normalize import strip_controls
from briefing.model import Analysis, Document
from briefing.tui.messages import ActorChosen, AnnotationAction, ReviewRequested, SentenceChosen
from briefing.tui.widgets.article import KIND_GLYPHS
from briefing.tui.widgets.table import FindingsTable


def safe(value: object) -> str:
    """One line of untrusted text: controls and bidi overrides removed, white space folded."""
    return " ".join(strip_controls(str(value)).split())


def cell(value: object, style: str = "") -> Text:
    return Text(safe(value), style=style, no_wrap=True, overflow="ellipsis", end="")


# review marks: a glyph and a style, never colour alone
STATUS_GLYPHS = {"confirmed": "✓", "rejected": "✗", "added": "+"}
REJECTED_STYLE = "dim strike"


def review_status(analysis, item_id: str) -> str:
    """"confirmed", "added", "rejected" or "" for an item of a (reviewed) analysis."""
    if analysis is None:
        return ""
    if any(r.id == item_id for r in getattr(analysis, "rejected", ())):
        return "rejected"
    return getattr(analysis, "status", {}).get(item_id, "")


def with_rejected(analysis, kind: str) -> list:
    """The analysis' positions or questions with the rejected ones back in text order."""
    if analysis is None:
        return []
    from briefing.model import Position, Question

    cls = Position if kind == "position" else Question
    items = list(analysis.positions if kind == "position" else analysis.questions)
    items += [r for r in getattr(analysis, "rejected", ()) if isinstance(r, cls)]
    return sorted(items, key=lambda i: (i.start, i.cue_start))


class PanelTable(FindingsTable):
    """A panel's table: rows keyed by the finding's id."""


class Panel(Vertical):
    """A titled table plus a detail line."""

    title = "Panel"
    panel_id = "panel"
    review_kind = ""  # what the panel's review keys act on: "actor", "position", "question"

    def action_add(self) -> None:
        self.post_message(ReviewRequested("add", self.review_kind, ""))

    def action_review(self, op: str) -> None:
        key = self.table.current_key()
        if key is not None:
            self.post_message(ReviewRequested(op, self.review_kind, key))

    # (key, label, width): width 0 columns share what the fixed ones leave
    COLUMNS: tuple[tuple[str, str, int], ...] = ()
    FLEX_MIN = 12

    def __init__(self) -> None:
        super().__init__(id=self.panel_id, classes="panel")
        self.border_title = self.title
        self.document: Document | None = None
        self.analysis: Analysis | None = None
        self._columns_width = -1
        self._stale = False

    def on_mount(self) -> None:
        self._make_columns()

    def on_resize(self) -> None:
        width = self.content_size.width
        if width and width != self._columns_width:
            self._make_columns()
        if width and self._stale:
            self.fill()

    def hidden(self) -> bool:
        """True when the panel is not on screen (a tab not shown): filling it can wait until it is."""
        if self.region.area == 0:
            self._stale = True
            return True
        self._stale = False
        return False

    def _make_columns(self) -> None:
        table = self.table
        width = self.content_size.width
        self._columns_width = width
        padding = len(self.COLUMNS) + 2  # a space before each cell, one at the end, the scrollbar
        widths = [w for _, _, w in self.COLUMNS]
        flexible = [i for i, w in enumerate(widths) if not w]
        room = width - padding - self.FLEX_MIN * len(flexible)
        fixed = sum(widths)
        if fixed > room > 0:  # a narrow panel: the fixed columns give up width in proportion
            widths = [max(min(w, 6), w * room // fixed) if w else 0 for w in widths]
        left = width - padding - sum(widths)
        share = max(self.FLEX_MIN, left // max(1, len(flexible))) if flexible else 0
        widths = [w or share for w in widths]
        table.set_columns([(label, w) for (_, label, _), w in zip(self.COLUMNS, widths)])

    def fill(self) -> None:
        """(Re)build the rows from the current state."""

    def compose(self) -> ComposeResult:
        yield PanelTable(id=f"{self.panel_id}-table", on_highlight=self._show_detail)
        yield Static(Content(""), id=f"{self.panel_id}-detail", classes="detail")

    @property
    def table(self) -> PanelTable:
        return self.query_one(PanelTable)

    def set_progress(self, label: str) -> None:
        self.border_subtitle = label

    def on_findings_table_row_highlighted(self, event: FindingsTable.RowHighlighted) -> None:
        event.stop()  # the detail line was already updated by _show_detail

    def _show_detail(self, key: str | None) -> None:
        if self.is_mounted:
            self.query_one(".detail", Static).update(self.detail(key), layout=False)

    def detail(self, key: str | None) -> Content:
        return Content("")

    def refresh_detail(self) -> None:
        self.query_one(".detail", Static).update(self.detail(self.table.current_key()), layout=False)


class ActorsPanel(Panel):
    title = "Actors"
    panel_id = "actors"
    COMMAND_GROUP = "Actors"
    BINDINGS = [
        Binding("R", "review('rename')", "Rename", id="actor-rename", tooltip="Rename this actor (the old name stays an alias)"),
        Binding("M", "review('merge')", "Merge", id="actor-merge", tooltip="Merge this actor into another one"),
        Binding("A", "review('move_alias')", "Move alias", id="actor-move-alias", tooltip="Move one of this actor's aliases (and its mentions) to another actor"),
        Binding("N", "add", "Add actor", id="actor-add", show=False, tooltip="Add an actor the analysis missed (its name and kind)"),
    ]

    review_kind = "actor"

    COLUMNS = (("kind", "Kind", 14), ("name", "Actor", 0), ("mentions", "Mentions", 8))

    def show(self, analysis: Analysis | None) -> None:
        self.analysis = analysis
        self.fill()

    def fill(self) -> None:
        if self.hidden():
            return
        analysis = self.analysis
        rows = []
        if analysis is not None:
            for actor in sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name)):
                glyph = KIND_GLYPHS.get(actor.kind, "·")
                rows.append(
                    (
                        actor.id,
                        (cell(f"{glyph} {actor.kind}"), cell(actor.name), cell(len(actor.mentions))),
                    )
                )
        self.table.replace_rows(rows)
        self.border_title = f"Actors {len(rows)}"
        self.refresh_detail()

    def detail(self, key: str | None) -> Content:
        actor = self.analysis.actor_by_id(key) if (self.analysis and key) else None
        if actor is None:
            return Content("")
        aliases = ", ".join(safe(a) for a in actor.aliases) or "none"
        return Content.assemble((safe(actor.name), "bold"), f" ({actor.kind}) · also: {aliases}")

    def on_findings_table_row_selected(self, event: FindingsTable.RowSelected) -> None:
        event.stop()
        self.post_message(ActorChosen(event.key))


class ReviewedPanel(Panel):
    """A panel of extracted items the analyst confirms or rejects: positions or questions."""

    def item(self, key: str | None):
        """The position or question with id ``key`` (rejected ones included), or None."""
        if self.analysis is None or key is None:
            return None
        return next((x for x in with_rejected(self.analysis, self.review_kind) if x.id == key), None)

    def status_mark(self, item_id: str) -> str:
        status = review_status(self.analysis, item_id)
        return f"{STATUS_GLYPHS[status]} {status} · " if status else ""

    def on_findings_table_row_selected(self, event: FindingsTable.RowSelected) -> None:
        event.stop()
        found = self.item(event.key)
        if found is not None:
            self.post_message(SentenceChosen(found.sentence, found.cue_start, found.cue_end))


class PositionsPanel(ReviewedPanel):
    title = "Positions"
    panel_id = "positions"
    COMMAND_GROUP = "Positions"

    BINDINGS = [
        Binding("c", "review('confirm')", "Confirm", id="review-confirm-position", tooltip="Confirm this position (again: undo the confirmation)"),
        Binding("x", "review('reject')", "Reject", id="review-reject-position", tooltip="Reject this position: struck out, left out of exports (again: restore)"),
        Binding("N", "add", "Add position", id="position-add", show=False, tooltip="Add the article's current sentence (or selection) as a position: pick the actor, type the cue"),
    ]

    review_kind = "position"

    def __init__(self) -> None:
        super().__init__()
        self.actor_filter: str | None = None

    COLUMNS = (("status", "", 1), ("actor", "Actor", 16), ("cue", "Cue", 12), ("content", "Content", 0), ("cite", "¶", 6))

    def show(self, document: Document, analysis: Analysis | None, actor_filter: str | None = None) -> None:
        self.document, self.analysis, self.actor_filter = document, analysis, actor_filter
        self.fill()

    def fill(self) -> None:
        document, analysis, actor_filter = self.document, self.analysis, self.actor_filter
        if document is None or self.hidden():
            return
        rows = []
        positions = analysis.positions if analysis is not None else []
        for p in with_rejected(analysis, "position"):
            if actor_filter is not None and p.actor_id != actor_filter:
                continue
            cite = document.sentences[p.sentence].citation if p.sentence < len(document.sentences) else "?"
            status = review_status(analysis, p.id)
            style = REJECTED_STYLE if status == "rejected" else ""
            rows.append(
                (
                    p.id,
                    (cell(STATUS_GLYPHS.get(status, " ")), cell(p.actor, style), cell(p.cue, style), cell(p.content, style), cell(cite, style)),
                )
            )
        self.table.replace_rows(rows)
        total = len(positions)
        self.border_title = f"Positions {len(rows)}/{total} (filtered)" if actor_filter else f"Positions {total}"
        self.refresh_detail()

    def detail(self, key: str | None) -> Content:
        p = self.item(key)
        if p is None:
            return Content("")
        return Content.assemble(self.status_mark(p.id), (safe(p.actor), "bold"), " ", (safe(p.cue), "italic"), ": ", safe(p.content))



class QuestionsPanel(ReviewedPanel):
    title = "Open questions"
    panel_id = "questions"
    COMMAND_GROUP = "Questions"

    BINDINGS = [
        Binding("c", "review('confirm')", "Confirm", id="review-confirm-question", tooltip="Confirm this question (again: undo the confirmation)"),
        Binding("x", "review('reject')", "Reject", id="review-reject-question", tooltip="Reject this question: struck out, left out of exports (again: restore)"),
        Binding("N", "add", "Add question", id="question-add", show=False, tooltip="Add the article's current sentence (or selection) as an open question"),
    ]

    review_kind = "question"

    COLUMNS = (("status", "", 1), ("about", "About", 0), ("cue", "Cue", 14), ("cite", "¶", 6))

    def show(self, document: Document, analysis: Analysis | None) -> None:
        self.document, self.analysis = document, analysis
        self.fill()

    def fill(self) -> None:
        document, analysis = self.document, self.analysis
        if document is None or self.hidden():
            return
        rows = []
        for q in with_rejected(analysis, "question"):
            cite = document.sentences[q.sentence].citation if q.sentence < len(document.sentences) else "?"
            status = review_status(analysis, q.id)
            style = REJECTED_STYLE if status == "rejected" else ""
            rows.append((q.id, (cell(STATUS_GLYPHS.get(status, " ")), cell(q.about, style), cell(q.cue, style), cell(cite, style))))
        self.table.replace_rows(rows)
        self.border_title = f"Open questions {len(rows)}"
        self.refresh_detail()

    def detail(self, key: str | None) -> Content:
        q = self.item(key)
        if q is None or self.document is None or q.sentence >= len(self.document.sentences):
            return Content("")
        return Content.assemble(self.status_mark(q.id), safe(self.document.sentence_text(q.sentence)))



class AnnotationsPanel(Panel):
    """The analyst's notes on this document (``Notebook.placed()``): text order, orphans last."""

    title = "Annotations"
    panel_id = "annotations"
    COMMAND_GROUP = "Annotations"
    BINDINGS = [
        Binding("e", "note('edit')", "Edit note", id="note-edit", tooltip="Edit this note's tags and text"),
        Binding("d", "note('delete')", "Delete note", id="note-delete", tooltip="Delete this note (u undoes)"),
    ]

    COLUMNS = (("cite", "¶", 8), ("tags", "Tags", 14), ("quote", "Quote", 0), ("note", "Note", 0))

    def __init__(self) -> None:
        super().__init__()
        self.placed: list = []

    def show(self, placed: list) -> None:
        self.placed = list(placed)
        self.fill()

    def fill(self) -> None:
        if self.hidden():
            return
        rows = []
        for pl in self.placed:
            a = pl.annotation
            style = "dim italic" if pl.orphaned else ""
            cite = "⚠ orphan" if pl.orphaned else pl.citation
            rows.append((a.id, (cell(cite, style), cell(", ".join(a.tags), style), cell(a.quote, style), cell(a.note, style))))
        self.table.replace_rows(rows)
        orphans = sum(1 for pl in self.placed if pl.orphaned)
        self.border_title = f"Annotations {len(rows)}" + (f" ({orphans} orphaned)" if orphans else "")
        self.refresh_detail()

    def get(self, key: str | None):
        return next((pl for pl in self.placed if pl.annotation.id == key), None) if key else None

    def detail(self, key: str | None) -> Content:
        pl = self.get(key)
        if pl is None:
            return Content("")
        a = pl.annotation
        head = "orphaned: its quote is gone from the text · " if pl.orphaned else ""
        tags = " ".join(f"#{safe(t)}" for t in a.tags)
        return Content.assemble(head, (tags, "bold"), " ", safe(a.note), ("  — “" + safe(a.quote) + "”", "italic"))

    def action_note(self, op: str) -> None:
        key = self.table.current_key()
        if key is not None:
            self.post_message(AnnotationAction(op, key))

    def on_findings_table_row_selected(self, event: FindingsTable.RowSelected) -> None:
        event.stop()
        pl = self.get(event.key)
        if pl is None:
            return
        if pl.orphaned:
            self.notify("This note is orphaned: its quote is no longer in the text", severity="warning", markup=False)
            return
        self.post_message(SentenceChosen(pl.sentence.index, pl.start, pl.end))
