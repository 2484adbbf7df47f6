"""The reader with the real spaCy model, end to end (no recording): analysis, cache, panels."""

from __future__ import annotations

import pytest
from test_app import WIDE, ready, reader

from briefing.tui.app import make_app
from briefing.tui.widgets.panels import PanelTable

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_real_model_fills_the_panels_and_the_cache_makes_reopening_instant(sample_document, model_spec, nlp) -> None:
    from briefing import cache

    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, model=model_spec)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        analysis = screen.analysis
        assert analysis is not None and analysis.complete, (screen.failed, [n.message for n in app._notifications])
        assert analysis.model == model_spec.label
        assert screen.query_one("#actors-table", PanelTable).row_count == len(analysis.actors) > 0
        assert model_spec.label in screen.query_one("#status").plain
        assert not any(n.severity == "error" for n in app._notifications)
    # the analysis is cached: the next open reads it without the model
    assert cache.load(cache.cache_key(sample_document, model_spec), sample_document) is not None
