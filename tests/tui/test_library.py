"""Several files or a directory: the library screen, switching documents, reading positions kept."""

from __future__ import annotations

import shutil

import pytest
from test_app import NARROW, ready, reader
from tui_support import SAMPLE, recorded_analysis

from briefing.model import Analysis
from briefing.tui.app import make_app
from briefing.tui.commands import live_commands
from briefing.tui.screens.library import LibraryScreen, LibraryTable

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def analyser(document, *, use_cache=True, on_progress=None, should_stop=None) -> Analysis:
    """The recording for the sample; an empty (real) analysis for any other text."""
    sample = SAMPLE.read_text(encoding="utf-8")
    if document.text.strip() == sample.strip():
        return recorded_analysis(document)
    return Analysis(document.source, document.title, document.sha256, len(document.text), len(document.sentences), "m==1", "0")


@pytest.fixture
def folder(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "a-sample.txt")
    (tmp_path / "b-other.md").write_text("# Other briefing\n\nA short text. It has two sentences.\n", encoding="utf-8")
    return tmp_path


async def test_library_lists_documents_opens_and_switches(folder) -> None:
    from briefing.reading import expand_sources

    sources = expand_sources([str(folder)])
    app = make_app(sources, analyser=analyser)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, LibraryScreen)
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 2
        titles = [str(table.get_cell_at((i, 0))) for i in range(2)]
        assert titles[1] == "Other briefing"
        assert all(app.entries[i].document is not None for i in range(2))
        # open the first, move, go back with L
        await pilot.press("enter")
        await ready(pilot)
        first = reader(app)
        assert first.document.source == sources[0]
        await pilot.press("j", "j")
        assert any(c.binding_id == "library" for c in live_commands(first))
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        # the counts of the analysed document are filled in
        actors = str(table.get_cell_at((0, 3)))
        assert actors == str(len(recorded_analysis(first.document).actors))
        # the second document
        await pilot.press("j", "enter")
        await ready(pilot)
        assert reader(app).document.source == sources[1]
        await pilot.press("L", "k", "enter")
        await ready(pilot)
        again = reader(app)
        assert again.document.source == sources[0]
        assert again.article.sentence == 2  # where the reader left it
        assert again.analysis is not None  # no second analysis needed


async def test_a_file_that_cannot_be_loaded_shows_its_error(folder) -> None:
    bad = folder / "c-missing.txt"
    app = make_app([str(folder / "a-sample.txt"), str(bad)], analyser=analyser)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        table = app.screen.query_one(LibraryTable)
        assert str(table.get_cell_at((1, 0))).startswith("error:")
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any(n.severity == "warning" for n in app._notifications)


async def test_single_document_has_no_library_binding(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert not any(c.binding_id == "library" for c in live_commands(reader(app)))
        await pilot.press("L")
        assert isinstance(app.screen, type(reader(app)))
