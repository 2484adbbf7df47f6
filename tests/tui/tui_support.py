"""Shared helpers of the reader's tests: the sample and its recorded real analysis."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.model import Analysis, Document
from briefing.serialize import analysis_from_dict

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"
RECORDED = ROOT / "tests" / "data" / "sample.analysis.json"
STABLE_SOURCE = "seeds/turkey-ukraine-peacekeeping.txt"  # same text, a path that is the same everywhere


def recorded_analysis(document: Document) -> Analysis:
    data = json.loads(RECORDED.read_text(encoding="utf-8"))
    analysis = analysis_from_dict(data, document.text)
    analysis.source, analysis.title = document.source, document.title
    return analysis


def recorded_analyser(document: Document, *, use_cache: bool = True, on_progress=None, should_stop=None) -> Analysis:
    """An analyser that returns the recording (reporting progress like the real one)."""
    analysis = recorded_analysis(document)
    if on_progress is not None:
        from briefing.analysis.pipeline import ProgressReport

        on_progress(ProgressReport(len(document.blocks), len(document.blocks), analysis))
    return analysis
