"""Document loading: files, stdin and URLs into a ``Document`` with canonical text and sentences.

No Textual and no spaCy here; heavy parsers (trafilatura, markdown-it) are imported lazily, only
for the formats that need them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from briefing.errors import BriefingError
from briefing.loading.normalize import canonical_text
from briefing.loading.segment import split_blocks, splitter_name
from briefing.model import Document

__all__ = ["BriefingError", "document_from_text", "load_document"]


def document_from_text(
    raw: str,
    source: str,
    *,
    title: str | None = None,
    fmt: str = "text",
    heading_levels: Mapping[int, int] | None = None,
    warnings: tuple[str, ...] = (),
) -> Document:
    """Build a Document from already-decoded text (normalised here)."""
    text = canonical_text(raw)
    if not text.strip():
        raise BriefingError(f"{source}: the document is empty")
    blocks, sentences = split_blocks(text, heading_levels)
    if title is None:
        first = blocks[0]
        title = text[first.start : first.end] if first.kind == "heading" else _title_from_source(source)
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


def _title_from_source(source: str) -> str:
    stem = Path(source.rstrip("/")).stem or source
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else source


def load_document(source: str) -> Document:
    """Load a path, ``-`` (stdin) or an http(s) URL. Raises BriefingError on bad input."""
    path = Path(source).expanduser()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"{source}: {exc.strerror or exc}") from None
    return document_from_text(raw, str(path.resolve()))
