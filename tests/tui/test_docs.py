"""docs/keys.md is generated from the bindings: it fails here when a key changes and the doc did not."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.commands import keys_markdown
from briefing.tui.screens.reader import ReaderScreen

KEYS = Path(__file__).resolve().parents[2] / "docs" / "keys.md"


def test_keys_doc_is_current() -> None:
    assert KEYS.read_text(encoding="utf-8") == keys_markdown(), (
        "docs/keys.md is stale: regenerate with `python -m briefing.tui.commands > docs/keys.md`"
    )


def test_keys_doc_lists_every_reader_binding() -> None:
    text = keys_markdown()
    for binding in ReaderScreen.BINDINGS:
        assert f"| {binding.description} | {binding.tooltip} |" in text
