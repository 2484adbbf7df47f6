"""Helpers of the export tests (no tests here): the sample's frozen analysis, hand-made analyses,
the markdown token stream, golden files.

The export tests use the recorded real analysis of the sample, ``tests/data/sample.analysis.json``
(the one the reader's tests use; ``make recording`` re-records it, on purpose only), so the golden
briefing does not churn when extraction improves. After re-recording,
regenerate the golden files: ``BRIEFING_UPDATE_GOLDEN=1 pytest tests/core/test_export.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

from briefing.model import Actor, Analysis, Document, Mention, Position, Question

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"
DATA = ROOT / "tests" / "data" / "export"
FROZEN = ROOT / "tests" / "data" / "sample.analysis.json"
EPOCH = 1740830400  # 2025-03-01 12:00:00 UTC
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"


def fixed_clock() -> datetime:
    return datetime.fromtimestamp(EPOCH, timezone.utc)


def stepping_clock(start: datetime | None = None):
    """A clock that moves one second per call (reviews and notes get a stable order)."""
    moment = [start or datetime(2025, 3, 1, 11, 0, tzinfo=timezone.utc)]

    def now() -> datetime:
        moment[0] = moment[0].replace(second=(moment[0].second + 1) % 60)
        return moment[0]

    return now


def copy_sample(directory: Path, name: str = "turkey-ukraine-peacekeeping.txt") -> Path:
    target = directory / name
    shutil.copyfile(SAMPLE, target)
    return target


def frozen_analysis(document: Document) -> Analysis:
    from briefing.serialize import analysis_from_dict

    analysis = analysis_from_dict(json.loads(FROZEN.read_text(encoding="utf-8")), document.text)
    analysis.source, analysis.title = document.source, document.title
    return analysis


def seed_cache(document: Document, analysis: Analysis) -> None:
    """Put ``analysis`` in the analysis cache (the test's BRIEFING_CACHE_DIR) as ``document``'s,
    so that a ``briefing export`` process uses it instead of running spaCy."""
    from briefing import cache
    from briefing.analysis import resolve_model

    cache.save(cache.cache_key(document, resolve_model()), analysis, document)


def empty_analysis(document: Document) -> Analysis:
    return Analysis(
        source=document.source,
        title=document.title,
        document_sha256=document.sha256,
        chars=len(document.text),
        sentence_count=len(document.sentences),
        model="test-model==0",
        analyser="test",
    )


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    i = text.find(needle, after)
    assert i >= 0, f"{needle!r} not in the text"
    return i, i + len(needle)


def hand_analysis(
    document: Document,
    actors: list[tuple[str, str, list[str]]],
    positions: list[tuple[str, str, str, str]] = (),
    questions: list[str] = (),
) -> Analysis:
    """An analysis made by hand at real offsets of ``document.text``.

    ``actors``: (name, kind, surface forms to find as mentions); ``positions``: (actor name,
    source surface, cue, content), each searched in the text; ``questions``: cues.
    """
    text = document.text
    analysis = empty_analysis(document)
    by_name = {}
    for name, kind, surfaces in actors:
        mentions = []
        for surface in surfaces:
            for m in re.finditer(re.escape(surface), text):
                s = document.sentence_at(m.start())
                mentions.append(Mention(m.start(), m.end(), surface, s.index))
        actor = Actor(Actor.make_id(kind, name), name, kind, [name, *surfaces], sorted(mentions, key=lambda m: m.start))
        analysis.actors.append(actor)
        by_name[name] = actor
    for name, surface, cue, content in positions:
        cue_start, cue_end = _find(text, cue)
        content_start, content_end = _find(text, content, cue_end)
        s = document.sentence_at(cue_start)
        analysis.positions.append(
            Position(
                id=Position.make_id(s.key, cue, surface),
                actor=name,
                actor_id=by_name[name].id,
                cue=cue,
                cue_start=cue_start,
                cue_end=cue_end,
                content=content,
                content_start=content_start,
                content_end=content_end,
                sentence=s.index,
                start=s.start,
                end=s.end,
                source_text=surface,
            )
        )
    for cue in questions:
        cue_start, cue_end = _find(text, cue)
        s = document.sentence_at(cue_start)
        analysis.questions.append(
            Question(Question.make_id(s.key, cue), s.index, cue, cue_start, cue_end, text[cue_end : s.end], s.start, s.end)
        )
    return analysis


# --------------------------------------------------------------------------- markdown tokens
def parser():
    """CommonMark with GFM tables and strikethrough, raw HTML on (so that any would show)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def tokens(markdown: str):
    return parser().parse(markdown)


def shape(markdown: str) -> list[tuple]:
    """The token structure: block tokens and their inline children, without the text."""
    out = []
    for t in tokens(markdown):
        children = tuple((c.type, c.tag, c.nesting) for c in t.children or ())
        out.append((t.type, t.tag, t.nesting, t.level, children))
    return out


def inline_text(token) -> str:
    """What an inline token renders as, as plain text (hard breaks as newlines)."""
    parts = []
    for c in token.children or ():
        if c.type in ("text", "code_inline"):
            parts.append(c.content)
        elif c.type == "hardbreak":
            parts.append("\n")
        elif c.type == "softbreak":
            parts.append(" ")
    return "".join(parts)


def inlines(markdown: str) -> list[str]:
    return [inline_text(t) for t in tokens(markdown) if t.type == "inline"]


def headings(markdown: str) -> list[tuple[str, str]]:
    toks = tokens(markdown)
    return [(t.tag, inline_text(toks[i + 1])) for i, t in enumerate(toks) if t.type == "heading_open"]


def section(markdown: str, title: str) -> str:
    """The markdown of the ``## title`` section (up to the next ``## ``)."""
    start = markdown.index(f"\n## {title}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end >= 0 else len(markdown)]


def check_golden(path: Path, text: str) -> None:
    """Compare ``text`` with the golden file; ``BRIEFING_UPDATE_GOLDEN=1`` rewrites it instead."""
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}: run BRIEFING_UPDATE_GOLDEN=1 pytest tests/core/test_export.py"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path.name} differs (BRIEFING_UPDATE_GOLDEN=1 pytest tests/core/test_export.py regenerates it; review the diff)"
