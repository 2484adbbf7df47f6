"""The three panels beside the article: Actors, Positions, Open questions.

Each panel is a table (``FindingsTable``: rows of ``rich.text.Text`` cells, never markup, drawn
on the line API so thousands of rows cost nothing) and a detail line that shows what does not fit a row (aliases, the full
content, the question's sentence). Panels post messages; the reader screen acts on them.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.loading.normalize import strip_controls
from briefing.model import Analysis, Document
from briefing.tui.messages import ActorChosen, SentenceChosen
from briefing.tui.widgets.article import KIND_GLYPHS
from briefing.tui.widgets.table import FindingsTable


def safe(value: object) -> str:
    """One line of untrusted text: controls and bidi overrides removed, white space folded."""
    return " ".join(strip_controls(str(value)).split())


def cell(value: object, style: str = "") -> Text:
    return Text(safe(value), style=style, no_wrap=True, overflow="ellipsis", end="")


class PanelTable(FindingsTable):
    """A panel's table: rows keyed by the finding's id."""


class Panel(Vertical):
    """A titled table plus a detail line."""

    title = "Panel"
    panel_id = "panel"
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


class PositionsPanel(Panel):
    title = "Positions"
    panel_id = "positions"

    def __init__(self) -> None:
        super().__init__()
        self.actor_filter: str | None = None

    COLUMNS = (("actor", "Actor", 16), ("cue", "Cue", 12), ("content", "Content", 0), ("cite", "¶", 6))

    def show(self, document: Document, analysis: Analysis | None, actor_filter: str | None = None) -> None:
        self.document, self.analysis, self.actor_filter = document, analysis, actor_filter
        self.fill()

    def fill(self) -> None:
        document, analysis, actor_filter = self.document, self.analysis, self.actor_filter
        if document is None or self.hidden():
            return
        rows = []
        positions = analysis.positions if analysis is not None else []
        for p in positions:
            if actor_filter is not None and p.actor_id != actor_filter:
                continue
            cite = document.sentences[p.sentence].citation if p.sentence < len(document.sentences) else "?"
            rows.append((p.id, (cell(p.actor), cell(p.cue), cell(p.content), cell(cite))))
        self.table.replace_rows(rows)
        total = len(positions)
        self.border_title = f"Positions {len(rows)}/{total} (filtered)" if actor_filter else f"Positions {total}"
        self.refresh_detail()

    def _position(self, key: str | None):
        if self.analysis is None or key is None:
            return None
        return next((p for p in self.analysis.positions if p.id == key), None)

    def detail(self, key: str | None) -> Content:
        p = self._position(key)
        if p is None:
            return Content("")
        return Content.assemble((safe(p.actor), "bold"), " ", (safe(p.cue), "italic"), ": ", safe(p.content))

    def on_findings_table_row_selected(self, event: FindingsTable.RowSelected) -> None:
        event.stop()
        p = self._position(event.key)
        if p is not None:
            self.post_message(SentenceChosen(p.sentence, p.cue_start, p.cue_end))


class QuestionsPanel(Panel):
    title = "Open questions"
    panel_id = "questions"

    COLUMNS = (("about", "About", 0), ("cue", "Cue", 14), ("cite", "¶", 6))

    def show(self, document: Document, analysis: Analysis | None) -> None:
        self.document, self.analysis = document, analysis
        self.fill()

    def fill(self) -> None:
        document, analysis = self.document, self.analysis
        if document is None or self.hidden():
            return
        rows = []
        questions = analysis.questions if analysis is not None else []
        for q in questions:
            cite = document.sentences[q.sentence].citation if q.sentence < len(document.sentences) else "?"
            rows.append((q.id, (cell(q.about), cell(q.cue), cell(cite))))
        self.table.replace_rows(rows)
        self.border_title = f"Open questions {len(rows)}"
        self.refresh_detail()

    def _question(self, key: str | None):
        if self.analysis is None or key is None:
            return None
        return next((q for q in self.analysis.questions if q.id == key), None)

    def detail(self, key: str | None) -> Content:
        q = self._question(key)
        if q is None or self.document is None or q.sentence >= len(self.document.sentences):
            return Content("")
        return Content(safe(self.document.sentence_text(q.sentence)))

    def on_findings_table_row_selected(self, event: FindingsTable.RowSelected) -> None:
        event.stop()
        q = self._question(event.key)
        if q is not None:
            self.post_message(SentenceChosen(q.sentence, q.cue_start, q.cue_end))
