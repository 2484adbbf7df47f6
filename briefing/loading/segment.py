"""Blocks and sentences of the canonical text, without spaCy.

* Every non-blank line is a block: a heading or a paragraph. A line break always ends a sentence,
  so a heading without a full stop never merges into the next sentence. A short line without a final
  full stop is a heading (one sentence) unless a sentence ends inside it (a caption and its credit).
* Within a line, sentences come from sentencex (Wikimedia's rule-based segmenter: abbreviations
  such as "U.S.", "Dr.", initials do not end a sentence; "hikes.Governor" is split after the
  period; a closing quote after the full stop stays in the sentence). Spans are trimmed of
  surrounding white space.
* Our rules on top of sentencex (GUIDELINES.md section 0: a sentence ends at ``.``, ``?`` or ``!``
  with any closing quote or bracket that follows; abbreviations do not end one):

  1. *Closing bracket*: a sentence also ends after ``.``/``?``/``!`` followed by a closing bracket
     when the next word starts with a capital or an opening quote ("(see chart.) The ...").
  2. *Title abbreviations* that sentencex lacks ("Ms.", "Cllr.", "Atty.", "Amb.", "Lieut.",
     ...: ``_TITLES``) never end a sentence.
  3. *Reference abbreviations* ("Vol.", "Ch.", "Para.", "Pt.", "Nos.", "Fig.": ``_NUMBERED``) do
     not end a sentence before a number.
  4. *List markers*: a "sentence" that is only a number or letter with a dot or bracket ("1.",
     "(a)") joins the sentence after it.
  5. *Lower-case continuation*: a piece that starts with a lower-case word joins the previous
     one when that ends in a letter or digit plus a single full stop (an abbreviation sentencex
     does not know: "5 pct. to 3.2 bn."). Not after "?", "!", an ellipsis or a quote.
  6. *Sentences inside quotes*: sentencex never splits inside quotation marks, so a quote of
     several sentences would stay one. Each quoted stretch (``"..."``, ``“...”``, ``‘...’``; a
     quote left open runs to the end of the line) is segmented again by sentencex on its own, and
     each of its cuts is kept when the piece before ends in ``.``/``?``/``!``/``…`` (plus closing
     quotes or brackets) and the next starts with a capital or an opening quote. So sentencex's
     abbreviations and initials apply inside quotes too, and rules 1-5 then run on all pieces
     ("Ms." inside a quote still joins). Only cuts *inside* the stretch are added: the closing quote
     stays with its sentence and ``"We will win," the minister said.`` / ``"Why?" he asked.`` keep
     their attribution. A ``’`` followed by a letter or digit ("Russia’s") is an apostrophe, not a
     closing quote; straight single quotes are never quote marks here (too often apostrophes).
     An opening quote that sentencex leaves at the end of a sentence (an unbalanced ``"``)
     moves to the sentence it opens.
* The analysis receives these boundaries preset and never re-splits, so sentence numbers and
  citations (``¶block.sentence``) do not depend on the model.

``SPLITTER_VERSION`` is part of every analysis cache key: bump it whenever the output changes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from briefing.model import Block, Sentence, norm_key, short_hash

SPLITTER_VERSION = "4"
_TERMINAL = tuple(".!?:;\"'”’)]»…")
HEADING_MAX_WORDS = 14


def splitter_name() -> str:
    return f"briefing-splitter/{SPLITTER_VERSION}+sentencex/{sentencex_version()}"


@cache
def sentencex_version() -> str:
    """sentencex's installed version: the name of its ``sentencex-<version>.dist-info`` directory
    beside the package (the installers' standard layout), else ``importlib.metadata`` (whose
    imports, ~10 ms, would delay the reader's first frame: every load names its splitter)."""
    import sentencex

    found = list(Path(sentencex.__file__).resolve().parent.parent.glob("sentencex-*.dist-info"))
    if len(found) == 1:
        return found[0].name.removeprefix("sentencex-").removesuffix(".dist-info")
    from importlib.metadata import version

    return version("sentencex")


_BRACKET_END = re.compile(r"[.!?][\"'”’]*[)\]]+(?=\s+[\"“‘'(\[]?[A-Z])")
_TITLE_WORDS = "Ms Mmes Messrs Cdr Cmdr Atty Amb Lieut Cllr Ald Spc Govs Sens Reps Sra Sres Supt Insp Brig Cpl Pvt"
_TITLES = re.compile(r"(?:^|[\s(\"“])(?:" + "|".join(_TITLE_WORDS.split()) + r")\.$")
_NUMBERED = re.compile(r"(?:^|[\s(])(?:Vol|Vols|Ch|Chap|Para|Paras|Pt|Pts|Nos|Fig|Figs|Sect|Arts)\.$")
_LIST_MARKER = re.compile(r"^\(?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]$")
_LOWER_START = re.compile(r"^[a-z][a-z'’-]*\b")
_ABBREV_END = re.compile(r"(?<![.])[A-Za-z0-9]\.$")


def _split_brackets(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule 1: end a sentence after "." / "?" / "!" and a closing bracket before a capital."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for match in _BRACKET_END.finditer(line, start, end):
            cut = match.end()
            out.append((start, cut))
            start = cut
            while start < end and line[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


_QUOTE_CLOSERS = {'"': '"”', "“": '”"', "”": '”"', "‘": "’"}
_OPENING_LEFT_BEHIND = re.compile(r"[.!?…]\s+[\"“‘]$")
_QUOTED_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _quoted_stretches(line: str) -> list[tuple[int, int]]:
    """Rule 6: (start, end) of the text inside each top-level quotation (without its marks)."""
    stretches: list[tuple[int, int]] = []
    i, n = 0, len(line)
    while i < n:
        closers = _QUOTE_CLOSERS.get(line[i])
        if closers is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            if line[j] in closers and not (line[j] == "’" and j + 1 < n and line[j + 1].isalnum()):
                break
            j += 1
        stretches.append((i + 1, j))
        i = j + 1
    return stretches


def _quote_cuts(line: str) -> list[tuple[int, int]]:
    """Rule 6: (end of a sentence, start of the next) pairs inside quoted stretches."""
    cuts: list[tuple[int, int]] = []
    for a, b in _quoted_stretches(line):
        inner = line[a:b]
        if not inner.strip():
            continue
        pieces = _sentencex_spans(inner)
        for (s0, e0), (s1, _e1) in zip(pieces, pieces[1:]):
            word = inner[s1:].lstrip("\"“‘'")  # the next sentence may open a nested quote
            if _QUOTED_END.search(inner[s0:e0]) and word[:1].isupper():
                cuts.append((a + e0, a + s1))
    return cuts


def _split_quotes(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule 6: split sentencex spans at sentence ends inside quotes."""
    cuts = _quote_cuts(line)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _OPENING_LEFT_BEHIND.search(line, out[-1][0], out[-1][1]):
            # sentencex left the opening quote of this sentence at the end of the previous one
            prev_start, prev_end = out[-1]
            out[-1] = (prev_start, len(line[:prev_end - 1].rstrip()))
            start = prev_end - 1
        for cut_end, cut_start in cuts:
            if start < cut_end and cut_start < end:
                out.append((start, cut_end))
                start = cut_start
        out.append((start, end))
    return out


def _joins_previous(previous: str, piece: str) -> bool:
    """Rules 2-5: whether ``piece`` continues the sentence ``previous``."""
    if _TITLES.search(previous) or _LIST_MARKER.match(previous):
        return True
    if _NUMBERED.search(previous) and piece[:1].isdigit():
        return True
    return bool(_LOWER_START.match(piece)) and bool(_ABBREV_END.search(previous))


def _line_sentences(line: str) -> list[tuple[int, int]]:
    """Sentence spans (relative to ``line``): sentencex plus our rules (module docstring)."""
    spans = _split_brackets(line, _split_quotes(line, _sentencex_spans(line)))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _joins_previous(line[merged[-1][0] : merged[-1][1]], line[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _sentencex_spans(line: str) -> list[tuple[int, int]]:
    """Sentence spans from sentencex (relative to ``line``), trimmed of white space."""
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
    """A plain-text heading: a short line that does not end like a sentence and starts with a capital, and
    holds no sentence end inside ("The rocket clears the tower. Credit: Halcyon" is a caption and its credit:
    two sentences, GUIDELINES 0)."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_TERMINAL):
        return False
    first = stripped[0]
    if not (first.isupper() or first.isdigit()):
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS and len(_line_sentences(stripped)) == 1


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
