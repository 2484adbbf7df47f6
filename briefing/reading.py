"""Reading logic shared by the reader, the CLI and the tests: no Textual here.

* ``Layout``: the article wrapped to a width (blocks separated by a blank line), cached per block
  so that new highlight markers only re-wrap the blocks they touch;
* sentence, paragraph and word navigation over a ``Document``;
* search (smart case) and ``Stepper``, the n/N stepping over search hits or an actor's mentions;
* citations (``[¶3.2]``) for copying;
* ``expand_sources``: command-line arguments (files, directories, URLs) to a list of sources.

Every offset indexes ``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.cells import cell_len

from briefing.errors import BriefingError
from briefing.model import Analysis, Document, Mention

# --------------------------------------------------------------------------------------------
# wrapping

_TOKEN = re.compile(r"\S+\s*")


def _width(s: str) -> int:
    return len(s) if s.isascii() else cell_len(s)


def _hard_split(text: str, start: int, end: int, width: int, first_room: int) -> list[tuple[int, int]]:
    """Split text[start:end] (one over-long word) into pieces of at most ``width`` cells."""
    pieces: list[tuple[int, int]] = []
    room = first_room
    piece_start = start
    used = 0
    for i in range(start, end):
        w = _width(text[i])
        if used + w > room and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used, room = i, 0, width
        used += w
    pieces.append((piece_start, end))
    return pieces


def wrap_span(text: str, start: int, end: int, width: int, markers: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into lines of at most ``width`` cells.

    ``markers`` are sorted offsets after which the display inserts one extra cell (the glyph that
    marks an entity's kind); they count towards the width. Returns ``(line_start, line_end)``
    offsets, trailing white space excluded.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = start
    used = 0
    for match in _TOKEN.finditer(text, start, end):
        w_start = match.start()
        w_end = w_start + len(match.group().rstrip())
        extra = bisect_right(markers, w_end) - bisect_right(markers, w_start) if markers else 0
        w = _width(text[w_start:w_end]) + extra
        if line_start < 0:
            line_start, used = w_start, 0
            gap = 0
        else:
            gap = _width(text[line_end:w_start])
        if used and used + gap + w > width:
            lines.append((line_start, line_end))
            line_start, used, gap = w_start, 0, 0
        if w > width and used == 0:
            pieces = _hard_split(text, w_start, w_end, width, width)
            lines.extend(pieces[:-1])
            line_start = pieces[-1][0]
            used = _width(text[line_start:w_end])
            line_end = w_end
            continue
        used += gap + w
        line_end = w_end
    if line_start >= 0:
        lines.append((line_start, line_end))
    if not lines:
        lines.append((start, start))
    return lines


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line: ``block`` is the 0-based block index, or -1 for the blank line between blocks."""

    block: int
    start: int
    end: int


class Layout:
    """The document wrapped to ``width`` cells. Re-wrapping only touches blocks whose markers changed."""

    def __init__(self, document: Document, width: int, markers: Sequence[int] = ()) -> None:
        self.document = document
        self.width = max(1, width)
        self._block_lines: list[list[tuple[int, int]]] = []
        self._block_markers: list[tuple[int, ...]] = []
        self.lines: list[Line] = []
        self._line_starts: list[int] = []
        self._block_first_line: list[int] = []
        per_block = self._markers_per_block(markers)
        text = document.text
        for i, block in enumerate(document.blocks):
            self._block_markers.append(per_block[i])
            self._block_lines.append(wrap_span(text, block.start, block.end, self.width, per_block[i]))
        self._assemble()

    def _markers_per_block(self, markers: Sequence[int]) -> list[tuple[int, ...]]:
        blocks = self.document.blocks
        out: list[tuple[int, ...]] = []
        markers = sorted(markers)
        for block in blocks:
            lo = bisect_right(markers, block.start)
            hi = bisect_right(markers, block.end)
            out.append(tuple(markers[lo:hi]))
        return out

    def update_markers(self, markers: Sequence[int]) -> bool:
        """Re-wrap the blocks whose markers changed; True if any line moved."""
        per_block = self._markers_per_block(markers)
        changed = False
        text = self.document.text
        for i, block in enumerate(self.document.blocks):
            if per_block[i] != self._block_markers[i]:
                self._block_markers[i] = per_block[i]
                lines = wrap_span(text, block.start, block.end, self.width, per_block[i])
                if lines != self._block_lines[i]:
                    self._block_lines[i] = lines
                    changed = True
        if changed:
            self._assemble()
        return changed

    def _assemble(self) -> None:
        lines: list[Line] = []
        first: list[int] = []
        last_block = len(self._block_lines) - 1
        for i, block_lines in enumerate(self._block_lines):
            first.append(len(lines))
            lines.extend(Line(i, s, e) for s, e in block_lines)
            if i != last_block:
                end = block_lines[-1][1]
                lines.append(Line(-1, end, end))
        self.lines = lines
        self._line_starts = [ln.start for ln in lines]
        self._block_first_line = first

    def __len__(self) -> int:
        return len(self.lines)

    def line_of_offset(self, offset: int) -> int:
        """The visual line showing character ``offset`` (the nearest one before it between blocks)."""
        i = bisect_right(self._line_starts, offset) - 1
        i = max(0, i)
        while i > 0 and self.lines[i].block < 0:
            i -= 1
        return i

    def lines_of_span(self, start: int, end: int) -> tuple[int, int]:
        """First and last visual line (inclusive) showing ``text[start:end]``."""
        first = self.line_of_offset(start)
        last = self.line_of_offset(max(start, end - 1))
        return first, last

    def lines_of_sentence(self, index: int) -> tuple[int, int]:
        s = self.document.sentences[index]
        return self.lines_of_span(s.start, s.end)

    def block_first_line(self, block_index: int) -> int:
        return self._block_first_line[block_index]


# --------------------------------------------------------------------------------------------
# navigation


def clamp_sentence(document: Document, index: int) -> int:
    return max(0, min(len(document.sentences) - 1, index))


def step_sentence(document: Document, index: int, step: int) -> int:
    return clamp_sentence(document, index + step)


def step_paragraph(document: Document, index: int, step: int) -> int:
    """The first sentence of the next (step > 0) or previous block.

    Backwards from inside a block first goes to that block's first sentence, like ``{`` in vi.
    """
    sentence = document.sentences[clamp_sentence(document, index)]
    block = document.block_of(sentence)
    blocks = document.blocks
    if step > 0:
        nxt = min(len(blocks), block.number + step - 1)
        return blocks[nxt].first_sentence if nxt < len(blocks) else block.first_sentence
    if sentence.index != block.first_sentence:
        step += 1
    target = max(0, block.number - 1 + step)
    return blocks[target].first_sentence


WORD = re.compile(r"\w(?:[\w'’\-.]*\w)?")


def next_word(document: Document, after: int) -> tuple[int, int] | None:
    """The first word starting at or after offset ``after``."""
    m = WORD.search(document.text, max(0, after))
    return (m.start(), m.end()) if m else None


def prev_word(document: Document, before: int) -> tuple[int, int] | None:
    """The last word starting before offset ``before``."""
    text = document.text
    window = 256
    lo = before
    while lo > 0:
        lo = max(0, lo - window)
        last = None
        for m in WORD.finditer(text, lo, before):
            if m.start() < before:
                last = m
        # a word may straddle the window's left edge: only trust a match that does not start it
        if last is not None and (last.start() > lo or lo == 0):
            start = last.start()
            m = WORD.match(text, start)  # the whole word, even if it runs past ``before``
            return (start, m.end() if m else last.end())
        window *= 2
    return None


def sentence_of_offset(document: Document, offset: int) -> int:
    """The sentence holding ``offset``, or the last sentence starting before it."""
    s = document.sentence_at(offset)
    if s is not None:
        return s.index
    starts = [x.start for x in document.sentences]
    return clamp_sentence(document, bisect_right(starts, offset) - 1)


# --------------------------------------------------------------------------------------------
# search and n/N


def search(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping matches of ``query`` (literal); case-insensitive unless it has a capital."""
    if not query:
        return []
    flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
    pattern = re.compile(re.escape(query), flags)
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]


@dataclass(slots=True)
class Stepper:
    """What n/N step through: sorted spans and a label ("search “x”", "mentions of Turkey")."""

    label: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    index: int = -1  # the span last stepped to

    def step(self, offset: int, forward: bool = True) -> tuple[int, int] | None:
        """The next span starting after ``offset`` (or the previous before it), wrapping around."""
        if not self.spans:
            return None
        starts = [s for s, _ in self.spans]
        if forward:
            i = bisect_right(starts, offset)
            i = 0 if i >= len(self.spans) else i
        else:
            i = bisect_left(starts, offset) - 1
            i = len(self.spans) - 1 if i < 0 else i
        self.index = i
        return self.spans[i]

    def describe(self) -> str:
        total = len(self.spans)
        at = f"{self.index + 1}/{total}" if self.index >= 0 else f"{total}"
        return f"{self.label} {at}"


def clean_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-empty, non-overlapping spans (the first of overlapping ones wins)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if e <= s or (out and s < out[-1][1]):
            continue
        out.append((s, e))
    return out


def spans_in(spans: Sequence[tuple[int, int]], ends: Sequence[int], start: int, end: int) -> range:
    """Indexes of the (clean, sorted) ``spans`` overlapping ``[start, end)``; ``ends`` = their ends."""
    lo = bisect_right(ends, start)
    hi = lo
    while hi < len(spans) and spans[hi][0] < end:
        hi += 1
    return range(lo, hi)


def mention_kinds(analysis: Analysis | None) -> list[tuple[int, int, str, str]]:
    """All mentions as clean sorted ``(start, end, kind, actor_id)``."""
    if analysis is None:
        return []
    raw: list[tuple[int, int, str, str]] = []
    for actor in analysis.actors:
        for m in actor.mentions:
            raw.append((m.start, m.end, actor.kind, actor.id))
    raw.sort()
    out: list[tuple[int, int, str, str]] = []
    for item in raw:
        if item[1] <= item[0] or (out and item[0] < out[-1][1]):
            continue
        out.append(item)
    return out


def mention_spans(mentions: Iterable[Mention]) -> list[tuple[int, int]]:
    return clean_spans((m.start, m.end) for m in mentions)


# --------------------------------------------------------------------------------------------
# citations


def citation(document: Document, index: int) -> str:
    """The sentence with its citation and source, as copied by ``y``."""
    s = document.sentences[clamp_sentence(document, index)]
    text = " ".join(document.text[s.start : s.end].split())
    return f"“{text}” [{s.citation}] {document.title}, {document.source}"


# --------------------------------------------------------------------------------------------
# sources

READABLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")


def expand_sources(args: Iterable[str]) -> list[str]:
    """Files stay, directories become their readable files (sorted), URLs and ``-`` pass through."""
    out: list[str] = []
    for arg in args:
        if arg == "-" or re.match(r"^https?://", arg):
            out.append(arg)
            continue
        path = Path(arg).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)
            if not found:
                raise BriefingError(f"{arg}: no readable files ({', '.join(READABLE_SUFFIXES)}) in this directory")
            out.extend(str(p) for p in found)
        else:
            out.append(arg)
    seen: set[str] = set()
    unique = []
    for s in out:
        if s not in seen:
            seen.add(s)
            unique.append(s)
    return unique
