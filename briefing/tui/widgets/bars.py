"""One-line widgets of the reader: search field, legend, status line, tab strip (narrow layout), footer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from briefing.tui.messages import SearchChanged, SearchClosed
from briefing.tui.widgets.article import KIND_GLYPHS


class SearchBar(Horizontal):
    """``/`` opens it; typing searches as you go, Enter keeps the hits, Esc closes."""

    BINDINGS = [Binding("escape", "close", "Close search", show=False, id="search-close")]

    def compose(self) -> ComposeResult:
        yield Static(Content("/"), classes="search-prompt")
        yield Input(placeholder="search the article", id="search-input", select_on_focus=True)
        yield Static(Content(""), id="search-count")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(SearchChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SearchChanged(event.value, final=True))

    def action_close(self) -> None:
        self.post_message(SearchClosed())

    def set_count(self, hits: int, query: str) -> None:
        label = "" if not query else ("no hits" if hits == 0 else f"{hits} hit" + ("s" if hits != 1 else ""))
        self.query_one("#search-count", Static).update(Content(label))


class Legend(Widget):
    """What the mention styles and glyphs mean, plus the analysis counts on the right."""

    COMPONENT_CLASSES = {
        "legend--person",
        "legend--state",
        "legend--organization",
        "legend--group",
        "legend--bar",
        "legend--counts",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts = ""

    def set_counts(self, counts: str) -> None:
        if counts != self.counts:
            self.counts = counts
            self.refresh()

    def render(self) -> Text:
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for kind, glyph in KIND_GLYPHS.items():
            text.append(f"{glyph} {kind}", style=style(f"legend--{kind}", partial=True))
            text.append("  ")
        text.append("▌", style=style("legend--bar", partial=True))
        text.append(" current")
        pad = self.size.width - text.cell_len - len(self.counts) - 1
        if self.counts and pad >= 2:  # when it does not fit, the narrow layout's tab strip has the counts
            text.append(" " * pad)
            text.append(self.counts, style=style("legend--counts"))  # full style: muted colours need blending
        return text


class StatusLine(Widget):
    """Parts ``(text, priority[, short text])``: when the line is too narrow, parts with a short
    form take it in rising priority (an empty short form drops the part), then the lowest go."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: list[tuple] = []

    def set_parts(self, parts: list[tuple]) -> None:
        if parts != self.parts:
            self.parts = parts
            self.refresh()

    @property
    def plain(self) -> str:
        return self._fit(10_000)

    def _fit(self, width: int) -> str:
        sep = " · "
        parts = [[p[0], p[1], p[2] if len(p) > 2 else None] for p in self.parts]

        def line() -> str:
            return sep.join(p[0] for p in parts)

        for part in sorted(parts, key=lambda p: p[1]):
            if len(line()) <= width:
                return line()
            if part[2] == "":  # a short form of nothing: a hint that goes first
                parts.remove(part)
            elif part[2]:
                part[0] = part[2]
        while len(parts) > 1 and len(line()) > width:
            parts.remove(min(parts, key=lambda p: p[1]))
        return line()

    def render(self) -> Text:
        return Text(self._fit(max(1, self.size.width)), no_wrap=True, overflow="ellipsis", end="")


class TabStrip(Widget):
    """At narrow widths the panels are tabs: this line names them and marks the one shown."""

    COMPONENT_CLASSES = {"tabstrip--active"}
    TABS = (("1", "article", "Article"), ("2", "actors", "Actors"), ("3", "positions", "Positions"), ("4", "questions", "Questions"), ("5", "annotations", "Notes"))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.active = "article"
        self.counts: dict[str, int] = {}

    def set_active(self, name: str) -> None:
        if name != self.active:
            self.active = name
            self.refresh()

    def set_counts(self, counts: dict[str, int]) -> None:
        if counts != self.counts:
            self.counts = counts
            self.refresh()

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        active = self.get_component_rich_style("tabstrip--active", partial=True)
        for key, name, label in self.TABS:
            count = f" {self.counts[name]}" if name in self.counts else ""
            piece = f" {key} {label}{count} "
            if name == self.active:
                text.append(f"[{piece.strip()}]", style=active)
            else:
                text.append(f" {piece.strip()} ")
            text.append(" ")
        return text


class KeysFooter(Footer):
    """Textual's footer, redrawn only when the keys it would show change.

    Textual signals a change of bindings twice for every focus change (when the focus moves and
    again after the next refresh), and the footer rebuilds every key each time (at 80x24 about as
    long as the rest of a panel switch); the second time the keys are the same.
    """

    _shown: tuple | None = None

    def _keys(self) -> tuple:
        return tuple((key, b.binding, b.enabled, b.tooltip) for key, b in self.screen.active_bindings.items())

    async def recompose(self) -> None:
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
