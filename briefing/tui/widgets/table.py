"""A keyed, row-cursor table on the line API: only the visible rows are drawn.

Textual's DataTable measures every row when rows change (about a second for 3,000 rows), which a
1 MB article's panels cannot afford while partial results arrive. This table keeps its rows as
a list of ``rich.text.Text`` cells (never markup) and draws what is on screen; replacing all rows
is a list assignment. It posts ``RowHighlighted`` and ``RowSelected`` with the row's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = tuple[str, tuple[Text, ...]]


class FindingsTable(ScrollView, can_focus=True, inherit_bindings=False):
    COMPONENT_CLASSES = {"findings--header", "findings--cursor", "findings--cursor-blurred"}
    COMMAND_GROUP = "Panel"
    BINDINGS = [
        Binding("up", "cursor(-1)", "Row up", show=False),
        Binding("down", "cursor(1)", "Row down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First row", show=False),
        Binding("end", "edge(1)", "Last row", show=False),
        Binding("enter", "select", "Go to", show=False),
    ]

    @dataclass
    class RowHighlighted(Message):
        table: "FindingsTable"
        key: str | None

    @dataclass
    class RowSelected(Message):
        table: "FindingsTable"
        key: str

    def __init__(self, *, id: str | None = None, on_highlight=None) -> None:
        super().__init__(id=id)
        # called at once with the highlighted key (the owner's detail line changes in the same
        # frame as the cursor; RowHighlighted, a message, would arrive a frame later)
        self.on_highlight = on_highlight
        self.columns: list[tuple[str, int]] = []  # (label, width)
        self.rows: list[Row] = []
        self._index: dict[str, int] = {}
        self.cursor_row = 0

    # ---------------------------------------------------------------- data

    def set_columns(self, columns: list[tuple[str, int]]) -> None:
        self.columns = list(columns)
        self._update_virtual_size()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def replace_rows(self, rows: list[Row]) -> None:
        """Replace every row, keeping the cursor on the same key when it survives."""
        keep = self.current_key()
        self.rows = list(rows)
        self._index = {key: i for i, (key, _) in enumerate(self.rows)}
        row = self._index.get(keep, 0) if keep is not None else 0
        self._update_virtual_size()
        self.refresh()
        self.move_cursor(min(row, max(0, len(self.rows) - 1)), force_message=True)

    def current_key(self) -> str | None:
        if not self.rows:
            return None
        return self.rows[min(self.cursor_row, len(self.rows) - 1)][0]

    def get_row_index(self, key: str) -> int:
        return self._index[key]

    def cell_text(self, row: int, column: int) -> str:
        return self.rows[row][1][column].plain

    def move_cursor(self, row: int, *, force_message: bool = False) -> None:
        row = max(0, min(row, len(self.rows) - 1)) if self.rows else 0
        old = self.cursor_row
        self.cursor_row = row
        if old != row:
            self.refresh()
        self._scroll_to_cursor()
        if old != row or force_message:
            if self.on_highlight is not None:
                self.on_highlight(self.current_key())
            self.post_message(self.RowHighlighted(self, self.current_key()))

    # ---------------------------------------------------------------- actions

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step * max(1, self.scrollable_content_region.height - 2))

    def action_edge(self, end: int) -> None:
        self.move_cursor(len(self.rows) - 1 if end else 0)

    def action_select(self) -> None:
        key = self.current_key()
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def on_click(self, event) -> None:
        row = int(self.scroll_offset.y) + event.y - 1  # line 0 is the header
        if 0 <= row < len(self.rows):
            if row == self.cursor_row:
                self.action_select()
            else:
                self.move_cursor(row)

    # ---------------------------------------------------------------- drawing

    def _update_virtual_size(self) -> None:
        width = sum(w for _, w in self.columns) + len(self.columns) + 1
        self.virtual_size = Size(width, len(self.rows) + 1)

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height - 1  # the header takes a line
        if height <= 0:
            return
        top = int(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + height:
            self.scroll_to(y=self.cursor_row - height + 1, animate=False, immediate=True)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    def _line(self, cells, style: Style) -> Text:
        line = Text(" ", no_wrap=True, end="")
        for (label, width), value in zip(self.columns, cells):
            piece = value.copy() if isinstance(value, Text) else Text(str(value))
            piece.truncate(width, overflow="ellipsis", pad=True)
            line.append_text(piece)
            line.append(" ")
        line.stylize_before(style)  # under the cells' own styles (a Text's base style is not rendered without spans)
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = self.get_component_rich_style("findings--header")
            text = self._line([Text(label) for label, _ in self.columns], base + header)
        else:
            row = int(self.scroll_offset.y) + y - 1
            if row >= len(self.rows):
                return Strip.blank(width, base)
            style = base
            if row == self.cursor_row:
                name = "findings--cursor" if self.has_focus else "findings--cursor-blurred"
                style = base + self.get_component_rich_style(name)
            text = self._line(self.rows[row][1], style)
        segments = [seg if seg.style is not None else Segment(seg.text, base) for seg in text.render(self.app.console)]
        return Strip(segments, text.cell_len).crop_extend(0, width, base)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
