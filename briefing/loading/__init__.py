"""Document loading: files, stdin and URLs into a ``Document`` with canonical text and sentences.

``load_document(source)`` accepts a path, ``-`` (standard input) or an ``http(s)://`` URL:

1. **Read** at most ``max_bytes`` bytes (``MAX_BYTES``, 20 MB, by default): a file (missing,
   directory, unreadable or too large: one-line error), stdin, or a URL via httpx (15 s
   timeouts, at most 5 redirects, the size limit enforced while streaming; see ``sources``).
2. **Decode** bytes to text: BOM, UTF-8, the HTTP charset, charset-normalizer (which also
   honours an HTML page's ``<meta charset>``); binary content is refused (see ``decode``).
3. **Normalise** to the canonical text (``normalize.canonical_text``: LF line ends, NFC, control
   characters removed). Every offset anywhere in briefing indexes this text.
4. **Convert** by format: ``.md``/``.markdown`` through markdown-it, ``.html``/``.htm`` (and URLs
   served as HTML) through trafilatura (see ``markup``); everything else is plain text.
5. **Split** into blocks and sentences (``segment``), and warn when the text is clearly not
   English (``language``).

No Textual and no spaCy here; markdown-it, trafilatura, lxml, httpx, charset-normalizer and the
language identifier are imported lazily, only for the inputs that need them: opening a UTF-8
``.txt`` file imports none of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from briefing.errors import BriefingError
from briefing.loading.decode import decode_bytes
from briefing.loading.normalize import canonical_text
from briefing.loading.segment import split_blocks, splitter_name
from briefing.loading.sources import MAX_BYTES, Raw, is_url, read_source, source_identity
from briefing.model import Document

__all__ = ["MAX_BYTES", "BriefingError", "detect_format", "document_from_text", "load_document"]

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")
_HTML_SNIFF = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.I | re.S,
)


def document_from_text(
    raw: str,
    source: str,
    *,
    title: str | None = None,
    fmt: str = "text",
    heading_levels: Mapping[int, int] | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """Build a Document from already-decoded text (normalised here).

    ``heading_levels`` maps 0-based line numbers of the canonical text (of ``raw`` itself when
    ``raw`` has no CR line ends) to heading levels, for formats that know their headings; without
    it, short unpunctuated lines are detected as headings.
    """
    text = canonical_text(raw)
    if not text.strip():
        raise BriefingError(f"{source}: the document is empty (no text)")
    blocks, sentences = split_blocks(text, heading_levels)
    if title is None:
        first = blocks[0]
        title = text[first.start : first.end] if first.kind == "heading" else title_from_source(source)
    return Document(
        source=source,
        title=title,
        text=text,
        blocks=blocks,
        sentences=sentences,
        format=fmt,
        splitter=splitter_name(),
        warnings=warnings,
    )


def title_from_source(source: str) -> str:
    """A readable title from a file name or URL: "nato-summit_2024.txt" -> "NATO summit 2024"."""
    if source == "-":
        return "Standard input"
    if is_url(source):
        parts = urlsplit(source)
        stem = PurePosixPath(unquote(parts.path)).stem if parts.path.strip("/") else ""
        if not stem:
            return parts.hostname or source
    else:
        stem = PurePosixPath(source.replace("\\", "/").rstrip("/")).stem or source
    words = stem.replace("_", " ").replace("-", " ").split()
    if not words:
        return source
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def detect_format(source: str, raw: Raw, text: str) -> str:
    """``html``, ``markdown`` or ``text``: the content type for URLs, the suffix for files."""
    if raw.content_type:
        if raw.content_type in _HTML_TYPES:
            return "html"
        if raw.content_type in _MARKDOWN_TYPES:
            return "markdown"
        if raw.content_type.startswith("text/"):
            return "text"
    if not is_url(source) and source != "-":
        suffix = PurePosixPath(source.lower()).suffix
        if suffix in MARKDOWN_SUFFIXES:
            return "markdown"
        if suffix in HTML_SUFFIXES:
            return "html"
        return "text"
    # stdin, or a URL served without a usable content type: sniff
    return "html" if _HTML_SNIFF.match(text[:4096]) else "text"


def _language_warnings(text: str) -> tuple[str, ...]:
    from briefing.loading.language import language_warning

    warning = language_warning(text)
    return (warning,) if warning else ()


def load_document(source: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Load a path, ``-`` (stdin) or an http(s) URL. Raises BriefingError on bad input."""
    raw = read_source(source, max_bytes)
    shown = "standard input" if source == "-" else source
    if not raw.data.strip():
        raise BriefingError(f"{shown}: the file is empty")
    text = canonical_text(decode_bytes(raw.data, shown, raw.charset))
    if not text.strip():
        raise BriefingError(f"{shown}: the file is empty (no text)")
    fmt = detect_format(source, raw, text)
    identity = source_identity(source)
    title: str | None = None
    levels: Mapping[int, int] | None = None
    if fmt == "markdown":
        from briefing.loading.markup import markdown_to_lines

        converted = markdown_to_lines(text)
        if not converted.lines:
            raise BriefingError(f"{shown}: the Markdown file has no text")
        text, levels, title = converted.text, converted.heading_levels, converted.title
    elif fmt == "html":
        from briefing.loading.markup import html_to_lines

        converted = html_to_lines(text, shown)
        text, levels, title = converted.text, converted.heading_levels, converted.title
    return document_from_text(
        text,
        identity,
        title=title,
        fmt=fmt,
        heading_levels=levels,
        warnings=_language_warnings(text),
    )
