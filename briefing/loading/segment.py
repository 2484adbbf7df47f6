"""Blocks and sentences of the canonical text, without spaCy.

* Every non-blank line is a block: a heading or a paragraph. A line break always ends a sentence,
  so a heading without a full stop never merges into the next sentence.
* Within a line, sentences come from sentencex (Wikimedia's rule-based segmenter: abbreviations
  such as "U.S.", "Dr.", initials do not end a sentence; "hikes.Governor" is split after the
  period). Spans are trimmed of surrounding white space.
* The analysis receives these boundaries preset and never re-splits, so sentence numbers and
  citations (``¶block.sentence``) do not depend on the model.

``SPLITTER_VERSION`` is part of every analysis cache key: bump it whenever the output changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from importlib.metadata import version

from briefing.model import Block, Sentence, norm_key, short_hash

SPLITTER_VERSION = "1"
_TERMINAL = tuple(".!?:;\"'”’)]»…")
HEADING_MAX_WORDS = 14


def splitter_name() -> str:
    return f"briefing-splitter/{SPLITTER_VERSION}+sentencex/{version('sentencex')}"


def _line_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans (relative to ``line``), trimmed of white space."""
    from sentencex import segment

    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in segment("en", line):
        idx = line.find(piece, pos) if piece else -1
        if idx < 0:  # segmenter changed the text: fall back to one sentence for the rest
            idx, piece = pos, line[pos:]
        start, end = idx, idx + len(piece)
        pos = end
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    if pos < len(line) and line[pos:].strip():
        rest = line[pos:]
        lead = len(rest) - len(rest.lstrip())
        spans.append((pos + lead, pos + len(rest.rstrip())))
    return spans


def looks_like_heading(line: str) -> bool:
    """A plain-text heading: a short line that does not end like a sentence and starts with a capital."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_TERMINAL):
        return False
    first = stripped[0]
    if not (first.isupper() or first.isdigit()):
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS


def split_blocks(
    text: str,
    heading_levels: Mapping[int, int] | None = None,
    detect_headings: bool = True,
) -> tuple[tuple[Block, ...], tuple[Sentence, ...]]:
    """Split canonical text into blocks and sentences.

    ``heading_levels`` maps a line number (0-based, counting every line of ``text``) to a heading
    level, for formats that know their headings (Markdown, HTML). Otherwise, with
    ``detect_headings``, short unpunctuated lines count as headings of level 2.
    """
    blocks: list[Block] = []
    sentences: list[Sentence] = []
    seen: Counter[str] = Counter()
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        if heading_levels is not None:
            level = heading_levels.get(line_no, 0)
        else:
            level = 2 if detect_headings and looks_like_heading(line) else 0
        kind = "heading" if level else "paragraph"
        spans = [(0, len(line))] if kind == "heading" else _line_sentences(line)
        if kind == "heading":  # trim, keep one sentence
            lead = len(line) - len(line.lstrip())
            spans = [(lead, len(line.rstrip()))]
        number = len(blocks) + 1
        first = len(sentences)
        for i, (s, e) in enumerate(spans, start=1):
            start, end = line_start + s, line_start + e
            norm = norm_key(text[start:end])
            key = "s-" + short_hash(norm, seen[norm])
            seen[norm] += 1
            sentences.append(Sentence(len(sentences), number, i, start, end, key))
        blocks.append(
            Block(
                number=number,
                kind=kind,
                start=line_start + spans[0][0],
                end=line_start + spans[-1][1],
                first_sentence=first,
                last_sentence=len(sentences) - 1,
                level=level,
            )
        )
    return tuple(blocks), tuple(sentences)
