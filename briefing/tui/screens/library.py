"""The library: several files or a directory, one row each (title, source, counts); Enter opens."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header
from textual.worker import get_current_worker

from briefing.errors import BriefingError
from briefing.tui.messages import DocumentChosen, DocumentLoaded
from briefing.tui.widgets.panels import cell, safe

COLUMNS = (("title", "Title", 0), ("source", "Source", 0), ("sentences", "Sents", 5), ("actors", "Actors", 6),
           ("positions", "Pos", 4), ("questions", "Qs", 4))
FIXED = sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2  # cell padding and scrollbar


class LibraryTable(DataTable):
    COMMAND_GROUP = "Library"

    def __init__(self) -> None:
        super().__init__(id="library-table", cursor_type="row")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(DocumentChosen(event.cursor_row))


class LibraryScreen(Screen[None]):
    COMMAND_GROUP = "Library"
    AUTO_FOCUS = "#library-table"
    BINDINGS = [
        Binding("enter", "open", "Open", id="library-open", tooltip="Open the highlighted document"),
        Binding("j", "cursor(1)", "Down", id="library-down", show=False, tooltip="Next document"),
        Binding("k", "cursor(-1)", "Up", id="library-up", show=False, tooltip="Previous document"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield LibraryTable()
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Library"
        self.sub_title = f"{len(self.app.entries)} documents"
        self._built_width = 0
        self._build_table()
        self.load_all()
        self.call_after_refresh(self.app.first_frame_out)

    def on_resize(self) -> None:
        self._build_table()

    def _build_table(self) -> None:
        """(Re)build the columns so that title and source share the width left by the counts."""
        width = self.size.width
        if width == self._built_width:
            return
        self._built_width = width
        flexible = max(12, (width - FIXED) // 2)
        table = self.query_one(LibraryTable)
        row = table.cursor_row if table.row_count else 0
        table.clear(columns=True)
        for key, label, fixed in COLUMNS:
            table.add_column(label, key=key, width=fixed or flexible)
        for i, _ in enumerate(self.app.entries):
            table.add_row(*self._cells(i), key=str(i))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def _cells(self, index: int) -> tuple[Text, ...]:
        entry = self.app.entries[index]
        doc, analysis = entry.document, entry.analysis
        if doc is None:
            title = cell(f"error: {entry.error}") if entry.error else cell("loading…")
            return (title, cell(entry.source), cell(""), cell(""), cell(""), cell(""))

        def count(n) -> Text:
            return cell(n if analysis is not None else "–")

        return (
            cell(doc.title),
            cell(doc.source),
            cell(len(doc.sentences)),
            count(len(analysis.actors) if analysis else 0),
            count(len(analysis.positions) if analysis else 0),
            count(len(analysis.questions) if analysis else 0),
        )

    def refresh_rows(self) -> None:
        table = self.query_one(LibraryTable)
        for i in range(len(self.app.entries)):
            for (key, _, _), value in zip(COLUMNS, self._cells(i)):
                table.update_cell(str(i), key, value)

    @work(thread=True, exit_on_error=False, group="library", description="load documents")
    def load_all(self) -> None:
        worker = get_current_worker()
        spec = None
        try:
            from briefing.analysis import ModelSpec, resolve_model

            model = self.app.model
            spec = model if isinstance(model, ModelSpec) else resolve_model(model)
        except BriefingError:
            spec = None
        for i, entry in enumerate(list(self.app.entries)):
            if worker.is_cancelled:
                return
            if entry.document is not None:
                continue
            try:
                document = self.app.loader(entry.source)
            except BriefingError as exc:
                self.post_message(DocumentLoaded(i, None, error=str(exc)))
                continue
            except Exception as exc:  # a broken file must not take the library down
                self.post_message(DocumentLoaded(i, None, error=f"{type(exc).__name__}: {exc}"))
                continue
            analysis = None
            if spec is not None:
                from briefing import cache

                analysis = cache.load(cache.cache_key(document, spec), document)
            self.post_message(DocumentLoaded(i, document, analysis))

    def on_document_loaded(self, message: DocumentLoaded) -> None:
        entry = self.app.entries[message.index]
        entry.document = message.document
        entry.error = safe(message.error)
        if message.analysis is not None and entry.analysis is None:
            entry.analysis = message.analysis
        table = self.query_one(LibraryTable)
        for (key, _, _), value in zip(COLUMNS, self._cells(message.index)):
            table.update_cell(str(message.index), key, value)

    def on_document_chosen(self, message: DocumentChosen) -> None:
        self.app.open_entry(message.index)

    def action_open(self) -> None:
        table = self.query_one(LibraryTable)
        if table.row_count:
            self.app.open_entry(table.cursor_row)

    def action_cursor(self, step: int) -> None:
        table = self.query_one(LibraryTable)
        table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))
