"""The JSON briefing: :func:`briefing_to_dict` and :func:`render_json` (schema: ``briefing.export``)."""

from __future__ import annotations

import json
import re
from typing import Any

from briefing.export.build import Briefing, DocumentBriefing, claim_span
from briefing.model import Analysis, Position, Question

FORMAT_NAME = "briefing-export"
FORMAT_VERSION = 1
# Characters a terminal may act on or that reorder text on display, should the JSON be printed
# raw: written as \\u escapes (json already escapes U+0000-U+001F).
_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _with_status(d: DocumentBriefing, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["status"] = d.status(row["id"])
    return rows


def _rejected(d: DocumentBriefing) -> list[dict[str, Any]]:
    from briefing.serialize import analysis_to_dict

    a = d.analysis
    positions = [x for x in d.reviewed.rejected if isinstance(x, Position)]
    questions = [x for x in d.reviewed.rejected if isinstance(x, Question)]
    holder = Analysis(a.source, a.title, a.document_sha256, a.chars, a.sentence_count, a.model, a.analyser,
                      positions=positions, questions=questions)  # fmt: skip
    data = analysis_to_dict(holder, d.document)
    return [{"kind": "position", **p} for p in data["positions"]] + [{"kind": "question", **q} for q in data["questions"]]


def _document(d: DocumentBriefing) -> dict[str, Any]:
    from briefing.serialize import analysis_to_dict

    analysis = analysis_to_dict(d.reviewed, d.document)
    for key in ("actors", "positions", "questions"):
        _with_status(d, analysis[key])
    unapplied = {r.id for r in d.unapplied}
    return {
        "number": d.number,
        "source": d.document.source,
        "shown_source": d.source,
        "doc_id": d.document.doc_id,
        "title": d.document.title,
        "sha256": d.document.sha256,
        "format": d.document.format,
        "analysis": analysis,
        "rejected": _rejected(d),
        "annotations": [p.to_dict() for p in d.notes],
        "reviews": [
            {
                "id": r.id,
                "op": r.op,
                "args": r.args,
                "author": r.author,
                "created": r.created,
                "status": "unapplied" if r.id in unapplied else "applied",
            }
            for r in d.reviews
        ],
        "reviews_from_other_documents": [
            {
                "id": a.review.id,
                "op": a.review.op,
                "args": a.review.args,
                "author": a.review.author,
                "created": a.review.created,
                "made_in": a.made_in,
                "status": "applied" if a.applied else "not confirmed",
            }
            for a in d.across
        ],
    }


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    from briefing import __version__

    by_number = {d.number: d for d in briefing.documents}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "generated": briefing.date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generator": f"briefing {__version__}",
        "apply_reviews_across": briefing.apply_reviews_across,
        "documents": [_document(d) for d in briefing.documents],
        "actors": [
            {
                "name": e.name,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "mentions": e.mentions,
                "positions": len(e.positions),
                "confirmed": e.confirmed,
                "added": e.added,
                "documents": e.documents,
                "members": [{"document": n, "id": a.id} for n, a in e.members],
            }
            for e in briefing.actors
        ],
        "bluf": [
            {
                "actor": b.actor.name,
                "document": b.entry.number,
                "position": b.position.id,
                "quote": _claim(by_number[b.entry.number], b.position),
                "citation": b.entry.document.sentences[b.position.sentence].citation,
                "status": b.entry.status(b.position.id),
            }
            for b in briefing.bluf
        ],
    }


def _claim(d: DocumentBriefing, p: Position) -> str:
    start, end = claim_span(p)
    return d.document.text[start:end] or p.content


def render_json(briefing: Briefing) -> str:
    """The briefing as JSON text (UTF-8, indented, ends with one newline)."""
    text = json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
