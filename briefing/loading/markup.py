"""Markdown and HTML into lines of text with known headings.

Both converters return a ``Converted``: the lines of the document text (one block per line) and
which of them are headings, with their level. The loader joins the lines with newlines, so line
``i`` of ``Converted.text`` is ``Converted.lines[i]``; ``heading_levels`` indexes those lines.

* Markdown (markdown-it-py, CommonMark plus tables and strikethrough): headings (ATX and setext)
  are heading lines with their level; inline markup is dropped (emphasis, strikethrough, link
  targets: the link text stays; images: dropped entirely; inline HTML tags); inline code keeps its
  text; soft line breaks join a paragraph into one line (white space folded), hard breaks start a
  new line; every list
  item, block-quote paragraph and table row (cells joined by " | ") is a line, list markers
  dropped; fenced and indented code is kept as text, one line per code line; a raw HTML block
  keeps its text without tags; a YAML front matter block at the very top is skipped.
* HTML (trafilatura): the main text of the page, navigation and boilerplate dropped. Walks
  trafilatura's XML body: ``head`` elements are headings (level from ``rend="hN"``, default 2),
  paragraphs, list items, quotes and table rows are lines; ``<br>`` starts a new line; white space
  inside a line is folded as a browser would. The title is the page's metadata title (``<title>``
  or ``og:title``) with a trailing or leading site name (" | Site", "Site - ") removed.

markdown-it, trafilatura and lxml are imported inside the functions that need them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from briefing.errors import BriefingError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TAG = re.compile(r"<[^>]*>")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", ": ")


@dataclass(slots=True)
class Converted:
    lines: list[str] = field(default_factory=list)
    heading_levels: dict[int, int] = field(default_factory=dict)
    title: str | None = None

    def add(self, line: str, level: int = 0) -> None:
        """Append a line (several if it holds newlines); blank lines are dropped."""
        for part in line.split("\n"):
            if not part.strip():
                continue
            if level:
                self.heading_levels[len(self.lines)] = level
            self.lines.append(part)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def first_heading(self) -> str | None:
        if not self.heading_levels:
            return None
        return self.lines[min(self.heading_levels)].strip()


def _fold(text: str) -> str:
    """Fold white space as a browser does (no newlines survive)."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------- Markdown


def _md_inline(token) -> str:
    out: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            out.append(child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        # images, inline HTML, emphasis/link/strikethrough open and close markers: dropped
    return "".join(out)


def markdown_to_lines(text: str) -> Converted:
    from markdown_it import MarkdownIt

    text = _FRONT_MATTER.sub("", text, count=1)
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    result = Converted()
    heading_level = 0
    row: list[str] | None = None
    for token in md.parse(text):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if row is not None:
                result.add(" | ".join(cell for cell in row))
            row = None
        elif kind == "inline":
            content = _md_inline(token)
            if row is not None:
                row.append(_fold(content))
            elif heading_level:
                result.add(_fold(content), heading_level)
            else:
                for line in content.split("\n"):
                    result.add(_fold(line))
        elif kind in ("fence", "code_block"):
            for line in token.content.split("\n"):
                result.add(line.rstrip())
        elif kind == "html_block":
            for line in _TAG.sub(" ", token.content).split("\n"):
                result.add(_fold(line))
    result.title = result.first_heading()
    return result


# -------------------------------------------------------------------------------------------- HTML

_HEADING_TAGS = {"head"}
_BLOCK_TAGS = {"p", "list", "item", "quote", "table", "row", "div", "body", "section", "article", "main"}
_SKIP_TAGS = {"graphic", "nav", "script", "style", "form", "header", "footer", "aside", "fw", "figure"}


def _html_level(element) -> int:
    rend = (element.get("rend") or "").lower()
    if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456":
        return int(rend[1])
    return 2


class _HtmlWalker:
    """Turns trafilatura's XML body into lines: blocks flush, inline content accumulates."""

    def __init__(self, result: Converted) -> None:
        self.result = result
        self.buffer: list[str] = []

    def flush(self, level: int = 0) -> None:
        line = _fold("".join(self.buffer))
        self.buffer = []
        if line:
            self.result.add(line, level)

    def inline_text(self, element) -> str:
        """All text of ``element`` and its children on one line, ``<lb/>`` as a space."""
        parts: list[str] = []

        def collect(node) -> None:
            if node.tag == "lb":
                parts.append(" ")
                return
            if node.tag in _SKIP_TAGS:
                return
            if node.text:
                parts.append(node.text)
            for child in node:
                if isinstance(child.tag, str):
                    collect(child)
                if child.tail:
                    parts.append(child.tail)

        collect(element)
        return _fold("".join(parts))

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:
            return
        if tag in _HEADING_TAGS:
            self.flush()
            self.buffer.append(self.inline_text(element))
            self.flush(_html_level(element))
            return
        if tag == "table":
            self.flush()
            for row in element.iter("row"):
                cells = [self.inline_text(cell) for cell in row if isinstance(cell.tag, str)]
                line = " | ".join(cell for cell in cells if cell)
                if line:
                    self.result.add(line)
            return
        if tag == "code" and "\n" in "".join(element.itertext()).strip():
            self.flush()
            for line in "".join(element.itertext()).split("\n"):
                self.result.add(line.rstrip())
            return
        if tag == "lb":
            self.flush()
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if block:
            self.flush()


def _clean_title(title: str | None, sitename: str | None) -> str | None:
    if not title:
        return None
    title = _fold(title)
    if sitename:
        site = _fold(sitename).lower()
        for sep in _TITLE_SEPARATORS:
            if sep not in title:
                continue
            head, _, tail = title.rpartition(sep)
            if tail.strip().lower() == site and head.strip():
                return head.strip()
            head, _, tail = title.partition(sep)
            if head.strip().lower() == site and tail.strip():
                return tail.strip()
    return title or None


def html_to_lines(html: str, source: str) -> Converted:
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not logger.handlers:  # keep library warnings off stderr (one-line errors only)
            logger.addHandler(logging.NullHandler())
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=source if source.lower().startswith(("http://", "https://")) else None,
            with_metadata=True,
            include_formatting=True,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_comments=False,
        )
    except Exception as exc:  # noqa: BLE001 - a parser failure on a bad page is bad input
        raise BriefingError(f"{source}: could not parse the HTML page ({type(exc).__name__})") from None
    result = Converted()
    if extracted is not None and extracted.body is not None:
        _HtmlWalker(result).walk(extracted.body)
    if not result.lines:
        raise BriefingError(f"{source}: no article text found in the HTML page")
    title = _clean_title(getattr(extracted, "title", None), getattr(extracted, "sitename", None))
    result.title = title or result.first_heading()
    return result
