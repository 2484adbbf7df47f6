"""Fixtures for the reader: the sample document (real loader) and its recorded real analysis.

UI tests inject the recorded analysis through the app factory (``analyser=``), so they do not
churn when extraction improves; they assert on relations between the analysis and the screen.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.loading import document_from_text, load_document
from briefing.model import Analysis, Document
from briefing.serialize import analysis_from_dict

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"
RECORDED = ROOT / "tests" / "data" / "sample.analysis.json"
STABLE_SOURCE = "seeds/turkey-ukraine-peacekeeping.txt"  # same text, a path that is the same everywhere


@pytest.fixture(autouse=True)
def _config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings (theme, reading positions) go to a fresh directory for every test."""
    path = tmp_path_factory.mktemp("briefing-config")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(path))
    return path


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


@pytest.fixture
def sample_document() -> Document:
    return load_document(str(SAMPLE))


@pytest.fixture
def stable_document() -> Document:
    """The sample under a machine-independent source name (for snapshots)."""
    return document_from_text(SAMPLE.read_text(encoding="utf-8"), STABLE_SOURCE)


@pytest.fixture
def reader_app(sample_document):
    """A factory of reader apps on the sample with the recorded analysis."""
    from briefing.tui.app import make_app

    def make(document: Document | None = None, **kwargs):
        doc = document or sample_document
        kwargs.setdefault("analyser", recorded_analyser)
        return make_app([doc.source], documents={doc.source: doc}, **kwargs)

    return make
