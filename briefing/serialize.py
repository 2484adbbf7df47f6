"""The analysis JSON contract (``briefing analyze --format json``), both ways.

Contract fields (documented in the README, checked by tests/core/test_contract.py)::

    {"document": {"source", "title", "sha256", "chars", "sentences", "model", "analyser"},
     "actors":    [{"id", "name", "kind", "aliases": [...], "mentions": N}],
     "positions": [{"id", "actor", "cue", "cue_start", "cue_end", "content", "content_start",
                    "content_end", "sentence", "start", "end"}],
     "questions": [{"id", "sentence", "cue", "about", "start", "end"}]}

``actor`` is the actor's name, ``sentence`` the sentence text verbatim, offsets index the canonical
text. Extra fields, also documented: ``document.complete``; actors' ``spans`` ([start, end,
sentence index] per mention); positions' ``actor_id``, ``source_text``, ``sentence_index``,
``citation``; questions' ``cue_start``, ``cue_end``, ``sentence_index``, ``citation``.
The same dict is what the cache stores, so ``analysis_from_dict`` restores a full Analysis.
"""

from __future__ import annotations

from typing import Any

from briefing.model import Actor, Analysis, Document, Mention, Position, Question

CONTRACT_VERSION = 1


def analysis_to_dict(analysis: Analysis, document: Document) -> dict[str, Any]:
    text, sents = document.text, document.sentences

    def sentence_text(i: int) -> str:
        s = sents[i]
        return text[s.start : s.end]

    return {
        "document": {
            "source": analysis.source,
            "title": analysis.title,
            "sha256": analysis.document_sha256,
            "chars": analysis.chars,
            "sentences": analysis.sentence_count,
            "model": analysis.model,
            "analyser": analysis.analyser,
            "complete": analysis.complete,
        },
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "mentions": len(a.mentions),
                "spans": [[m.start, m.end, m.sentence] for m in a.mentions],
            }
            for a in analysis.actors
        ],
        "positions": [
            {
                "id": p.id,
                "actor": p.actor,
                "cue": p.cue,
                "cue_start": p.cue_start,
                "cue_end": p.cue_end,
                "content": p.content,
                "content_start": p.content_start,
                "content_end": p.content_end,
                "sentence": sentence_text(p.sentence),
                "start": p.start,
                "end": p.end,
                "actor_id": p.actor_id,
                "source_text": p.source_text,
                "sentence_index": p.sentence,
                "citation": sents[p.sentence].citation,
            }
            for p in analysis.positions
        ],
        "questions": [
            {
                "id": q.id,
                "sentence": sentence_text(q.sentence),
                "cue": q.cue,
                "about": q.about,
                "start": q.start,
                "end": q.end,
                "cue_start": q.cue_start,
                "cue_end": q.cue_end,
                "sentence_index": q.sentence,
                "citation": sents[q.sentence].citation,
            }
            for q in analysis.questions
        ],
    }


def analysis_from_dict(data: dict[str, Any], text: str | None = None) -> Analysis:
    """Rebuild an Analysis; ``text`` (the canonical text) fills in mention surface forms."""
    d = data["document"]

    def mention(span: list[int]) -> Mention:
        start, end, sent = span
        return Mention(start, end, text[start:end] if text is not None else "", sent)

    return Analysis(
        source=d["source"],
        title=d["title"],
        document_sha256=d["sha256"],
        chars=d["chars"],
        sentence_count=d["sentences"],
        model=d["model"],
        analyser=d["analyser"],
        complete=d.get("complete", True),
        actors=[
            Actor(a["id"], a["name"], a["kind"], list(a["aliases"]), [mention(s) for s in a.get("spans", [])])
            for a in data["actors"]
        ],
        positions=[
            Position(
                id=p["id"],
                actor=p["actor"],
                actor_id=p["actor_id"],
                cue=p["cue"],
                cue_start=p["cue_start"],
                cue_end=p["cue_end"],
                content=p["content"],
                content_start=p["content_start"],
                content_end=p["content_end"],
                sentence=p["sentence_index"],
                start=p["start"],
                end=p["end"],
                source_text=p.get("source_text", ""),
            )
            for p in data["positions"]
        ],
        questions=[
            Question(
                id=q["id"],
                sentence=q["sentence_index"],
                cue=q["cue"],
                cue_start=q["cue_start"],
                cue_end=q["cue_end"],
                about=q["about"],
                start=q["start"],
                end=q["end"],
            )
            for q in data["questions"]
        ],
    )
