"""The article: a line-API ``ScrollView`` that draws only the visible lines.

The text is wrapped by ``briefing.reading.Layout`` (cached per width, re-wrapped per block when
highlights change). Each visible line is built as a rich ``Text`` from the document's text, never
parsed as markup, with styles from the component classes in ``styles/app.tcss``. Entity kinds are
shown by colour *and* a small glyph after each mention, so meaning survives NO_COLOR and 16 colours.
The current sentence gets a bar in the gutter as well as a background.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing import reading
from briefing.model import Analysis, Document
from briefing.tui.messages import CursorMoved

# Defence in depth: the loader already removes control and bidi characters from the canonical
# text; anything that slipped through is shown as U+FFFD, one character for one (offsets hold).
_UNSAFE = {c: "\ufffd" for c in [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_UNSAFE[0x09] = " "

KIND_GLYPHS = {"person": "ᵖ", "state": "ˢ", "organization": "ᵒ", "group": "ᵍ"}
NOTE_GLYPH = "✎"  # after an annotated span (which is also underlined): not colour alone
GUTTER = 2
CURRENT_BAR = "▌"


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The document text with its current sentence, word cursor, mentions and search hits.

    It has no key bindings of its own (not even ScrollView's): the reader screen binds every key,
    so up/down move by sentence wherever the focus is in the article.
    """

    COMPONENT_CLASSES = {
        "article--heading",
        "article--heading-1",
        "article--sentence",
        "article--gutter",
        "article--bar",
        "article--cursor",
        "article--hit",
        "article--selected",
        "article--mention-person",
        "article--mention-state",
        "article--mention-organization",
        "article--mention-group",
        "article--note",
        "article--selection",
    }

    def __init__(self, document: Document, *, sentence: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.sentence = reading.clamp_sentence(document, sentence)
        self.word: tuple[int, int] | None = None
        self.wrapped: reading.Layout | None = None
        self._mentions: list[tuple[int, int, str, str]] = []
        self._mention_spans: list[tuple[int, int]] = []
        self._mention_ends: list[int] = []
        self._hits: list[tuple[int, int]] = []
        self._hit_ends: list[int] = []
        self._selected_actor: str | None = None
        self._selected: list[tuple[int, int]] = []  # the chosen actor's mentions
        self._selected_ends: list[int] = []
        self._styles: dict[str, Style] = {}
        self._notes: list[tuple[int, int]] = []  # annotated spans
        self._note_ends: list[int] = []
        self.selection: tuple[int, int] | None = None  # the v selection

    # ---------------------------------------------------------------- state set by the screen

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._mentions = reading.mention_kinds(analysis)
        self._mention_spans = [(s, e) for s, e, _, _ in self._mentions]
        self._mention_ends = [e for _, e in self._mention_spans]
        self._update_markers()

    def set_notes(self, spans: list[tuple[int, int]]) -> None:
        """Mark the annotated spans (underline plus a glyph after each)."""
        spans = sorted(set(spans))
        if spans == self._notes:
            return
        self._notes = spans
        self._note_ends = sorted(e for _, e in spans)
        self._update_markers()

    @property
    def notes(self) -> list[tuple[int, int]]:
        return list(self._notes)

    def set_selection(self, span: tuple[int, int] | None) -> None:
        self.selection = span
        self.refresh()

    def _markers(self) -> list[int]:
        return sorted([*self._mention_ends, *self._note_ends])

    def _update_markers(self) -> None:
        if self.wrapped is not None:
            self.wrapped.update_markers(self._markers())
            self._update_virtual_size()
        self.refresh()

    def set_hits(self, spans: list[tuple[int, int]]) -> None:
        self._hits = reading.clean_spans(spans)
        self._hit_ends = [e for _, e in self._hits]
        self.refresh()

    def set_selected_actor(self, actor_id: str | None, spans: list[tuple[int, int]] = ()) -> None:
        """Highlight ``spans`` (the actor's mentions), whatever kind styles other actors give them."""
        self._selected_actor = actor_id
        self._selected = reading.clean_spans(spans) if actor_id else []
        self._selected_ends = [e for _, e in self._selected]
        self.refresh()

    @property
    def selected_actor(self) -> str | None:
        return self._selected_actor

    @property
    def hits(self) -> list[tuple[int, int]]:
        return list(self._hits)

    def move_to(self, sentence: int, word: tuple[int, int] | None = None, *, center: bool = False) -> None:
        """Make ``sentence`` current (and ``word`` the word cursor), scroll it into view."""
        sentence = reading.clamp_sentence(self.document, sentence)
        old_sentence, old_word = self.sentence, self.word
        self.sentence, self.word = sentence, word
        if self.wrapped is not None:
            self._refresh_sentence(old_sentence)
            if old_word is not None:
                self._refresh_span(*old_word)
            self._refresh_sentence(sentence)
            if word is not None:
                self._refresh_span(*word)
            self.scroll_to_cursor(center=center)
        if sentence != old_sentence:
            self.post_message(CursorMoved(sentence))

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        """Scroll only when the cursor leaves the view (less to send over a slow link), and then
        put it in the upper third going down, the lower third going up (the text ahead stays shown)."""
        if self.wrapped is None:
            return
        if self.word is not None:
            first, last = self.wrapped.lines_of_span(*self.word)
        else:
            first, last = self.wrapped.lines_of_sentence(self.sentence)
        height = max(1, self.scrollable_content_region.height)
        last = min(last, first + height - 1)
        margin = 1 if height > 8 else 0
        top = int(self.scroll_offset.y)
        if not center and first >= top + margin and last <= top + height - 1 - margin:
            return
        if center or last - first + 1 > height - 2 * margin:
            target = first - height // 3
        elif first < top + margin:
            target = last - (2 * height) // 3
        else:
            target = first - height // 3
        target = max(0, min(target, max(0, len(self.wrapped) - height)))
        if target != top:
            self.scroll_to(y=target, animate=False, force=True, immediate=True)

    def first_visible_sentence(self) -> int:
        """The first sentence starting on a visible line (or the one shown at the top)."""
        if self.wrapped is None or not len(self.wrapped):
            return self.sentence
        top = min(int(self.scroll_offset.y), len(self.wrapped) - 1)
        line = self.wrapped.lines[top]
        index = reading.sentence_of_offset(self.document, line.start)
        s = self.document.sentences[index]
        if s.start < line.start and index + 1 < len(self.document.sentences):
            nxt = self.document.sentences[index + 1]
            if self.wrapped.line_of_offset(nxt.start) < top + max(1, self.scrollable_content_region.height):
                return index + 1
        return index

    def on_click(self, event) -> None:
        """A click makes the clicked sentence current (the mouse is optional, never required)."""
        if self.wrapped is None:
            return
        y = int(self.scroll_offset.y) + event.y
        if not 0 <= y < len(self.wrapped.lines):
            return
        line = self.wrapped.lines[y]
        if line.block < 0:
            return
        offset = min(line.end - 1, line.start + max(0, event.x - GUTTER))
        self.move_to(reading.sentence_of_offset(self.document, max(line.start, offset)))

    # ---------------------------------------------------------------- layout

    def on_resize(self) -> None:
        self._relayout()
        self.call_after_refresh(self.scroll_to_cursor)

    def _wrap_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def _relayout(self) -> None:
        width = self._wrap_width()
        if self.wrapped is None or self.wrapped.width != width:
            self.wrapped = reading.Layout(self.document, width, self._markers())
            self._update_virtual_size()
        self.refresh()

    def _update_virtual_size(self) -> None:
        if self.wrapped is not None:
            self.virtual_size = Size(self.wrapped.width + GUTTER, len(self.wrapped))

    def _refresh_span(self, start: int, end: int) -> None:
        if self.wrapped is None:
            return
        first, last = self.wrapped.lines_of_span(start, end)
        self.refresh_lines(first, last - first + 1)

    def _refresh_sentence(self, index: int) -> None:
        s = self.document.sentences[index]
        self._refresh_span(s.start, s.end)

    # ---------------------------------------------------------------- drawing

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def style_of(self, name: str) -> Style:
        """A component's style to lay over the text: its own attributes, its background blended."""
        style = self._styles.get(name)
        if style is None:
            part = self.get_component_rich_style(name, partial=True)
            if part.bgcolor is not None:
                full = self.get_component_rich_style(name)
                part = part + Style(bgcolor=full.bgcolor)
            style = self._styles[name] = part
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.wrapped is None:  # the first frame is drawn before the Resize event that lays the text out
            self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if self.wrapped is None or index >= len(self.wrapped.lines):
            return Strip.blank(width, base)
        line = self.wrapped.lines[index]
        text = self.line_text(line)
        segments = [seg if seg.style is not None else Segment(seg.text, base) for seg in text.render(self.app.console)]
        return Strip(segments, text.cell_len).crop_extend(0, width, base)

    def line_text(self, line: reading.Line) -> Text:
        """The styled text of one visual line, gutter included."""
        base = self.rich_style
        doc = self.document
        sentence = doc.sentences[self.sentence]
        current = line.block >= 0 and line.start < sentence.end and line.end > sentence.start
        gutter = Text(style=base, no_wrap=True, end="")
        gutter.append(
            (CURRENT_BAR + " ") if current else " " * GUTTER,
            style=self.style_of("article--bar" if current else "article--gutter"),
        )
        if line.block < 0:
            return gutter
        ls, le = line.start, line.end
        text = Text(doc.text[ls:le].translate(_UNSAFE), style=base, no_wrap=True, end="")
        style = self.style_of
        block = doc.blocks[line.block]
        if block.kind == "heading":
            text.stylize(style("article--heading-1" if block.level == 1 else "article--heading"))
        if current:
            text.stylize(style("article--sentence"), max(sentence.start, ls) - ls, min(sentence.end, le) - ls)
        markers: list[tuple[int, str]] = []
        for i in reading.spans_in(self._mention_spans, self._mention_ends, ls, le):
            ms, me, kind, _ = self._mentions[i]
            a, b = max(ms, ls) - ls, min(me, le) - ls
            text.stylize(style(f"article--mention-{kind}"), a, b)
            if ls < me <= le:
                markers.append((me - ls, kind))
        for ns, ne in self._notes:
            if ns < le and ne > ls:
                text.stylize(style("article--note"), max(ns, ls) - ls, min(ne, le) - ls)
            if ls < ne <= le:
                markers.append((ne - ls, "note"))
        if self.selection is not None and self.selection[0] < le and self.selection[1] > ls:
            ss, se = self.selection
            text.stylize(style("article--selection"), max(ss, ls) - ls, min(se, le) - ls)
        for i in reading.spans_in(self._selected, self._selected_ends, ls, le):
            ss, se = self._selected[i]
            text.stylize(style("article--selected"), max(ss, ls) - ls, min(se, le) - ls)
        for i in reading.spans_in(self._hits, self._hit_ends, ls, le):
            hs, he = self._hits[i]
            text.stylize(style("article--hit"), max(hs, ls) - ls, min(he, le) - ls)
        if self.word is not None and self.word[0] < le and self.word[1] > ls:
            ws, we = self.word
            text.stylize(style("article--cursor"), max(ws, ls) - ls, min(we, le) - ls)
        if markers:
            text = self._insert_glyphs(text, sorted(markers, key=lambda m: (m[0], m[1] == "note")))
        gutter.append_text(text)
        return gutter

    def _insert_glyphs(self, text: Text, markers: list[tuple[int, str]]) -> Text:
        cuts = [pos for pos, _ in markers]
        pieces = text.divide(cuts)
        out = Text(style=text.style, no_wrap=True, end="")
        for n, piece in enumerate(pieces):
            out.append_text(piece)
            if n < len(markers):
                kind = markers[n][1]
                if kind == "note":
                    out.append(NOTE_GLYPH, style=self.get_component_rich_style("article--note") + Style(underline=False))
                    continue
                glyph_style = self.get_component_rich_style(f"article--mention-{kind}")
                out.append(KIND_GLYPHS.get(kind, "·"), style=glyph_style + Style(bold=False, underline=False))
        return out

    def visible_text(self) -> str:
        """The plain text of the visible lines (for tests and the benchmarks)."""
        lines = []
        for y in range(self.scrollable_content_region.height):
            strip = self.render_line(y)
            lines.append("".join(seg.text for seg in strip if isinstance(seg, Segment)).rstrip())
        return "\n".join(lines)


def kind_legend_pieces() -> list[tuple[str, str]]:
    """(glyph + name, component class) per actor kind, for the legend."""
    return [(f"{glyph} {kind}", f"article--mention-{kind}") for kind, glyph in KIND_GLYPHS.items()]


__all__ = ["GUTTER", "KIND_GLYPHS", "NOTE_GLYPH", "ArticleView", "cell_len"]
