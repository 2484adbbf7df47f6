"""Fixtures for the reader: the sample document (real loader) and its recorded real analysis.

UI tests inject the recorded analysis through the app factory (``analyser=``), so they do not
churn when extraction improves; they assert on relations between the analysis and the screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loading import document_from_text, load_document
from briefing.model import Document

from tui_support import SAMPLE, STABLE_SOURCE, recorded_analyser


@pytest.fixture(autouse=True)
def _config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings (theme, reading positions) go to a fresh directory for every test."""
    path = tmp_path_factory.mktemp("briefing-config")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(path))
    return path


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
