"""Snapshot tests (pytest-textual-snapshot): the main screen at 80x24 and 160x48, help, library.

Update deliberately with ``pytest tests/tui/test_snapshots.py --snapshot-update`` and review the SVGs.
"""

from __future__ import annotations

from tui_support import STABLE_SOURCE, recorded_analyser

from briefing.loading import document_from_text
from briefing.tui.app import make_app


async def settle(pilot) -> None:
    from test_app import ready

    await ready(pilot)


def sample_app(stable_document):
    return make_app([STABLE_SOURCE], documents={STABLE_SOURCE: stable_document}, analyser=recorded_analyser)


def test_main_screen_80x24(snap_compare, stable_document) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j")

    assert snap_compare(sample_app(stable_document), terminal_size=(80, 24), run_before=run_before)


def test_main_screen_160x48(snap_compare, stable_document) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j", "2", "enter", "1")

    assert snap_compare(sample_app(stable_document), terminal_size=(160, 48), run_before=run_before)


def test_actors_tab_80x24(snap_compare, stable_document) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("2")

    assert snap_compare(sample_app(stable_document), terminal_size=(80, 24), run_before=run_before)


def test_help_screen(snap_compare, stable_document) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(sample_app(stable_document), terminal_size=(100, 40), run_before=run_before)


def test_library_screen(snap_compare, stable_document) -> None:
    other = document_from_text("# Other briefing\n\nA short text. It has two sentences.\n", "seeds/other.md")
    documents = {STABLE_SOURCE: stable_document, "seeds/other.md": other}
    app = make_app(list(documents), documents=documents, analyser=recorded_analyser)

    async def run_before(pilot) -> None:
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 24), run_before=run_before)
