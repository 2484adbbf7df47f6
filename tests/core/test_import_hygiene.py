"""The core stays usable without the TUI, and cheap modules stay cheap.

Each core module is imported in a fresh interpreter, which then reports what got loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

CORE_MODULES = [
    "briefing",
    "briefing.model",
    "briefing.errors",
    "briefing.paths",
    "briefing.loading",
    "briefing.loading.normalize",
    "briefing.loading.segment",
    "briefing.analysis",
    "briefing.analysis.models",
    "briefing.analysis.pipeline",
    "briefing.analysis.extract",
    "briefing.cache",
    "briefing.serialize",
    "briefing.render",
    "briefing.cli",
    "briefing.store",
    "briefing.annotations",
    "briefing.anchoring",
    "briefing.reviews",
    "briefing.notes_cli",
    "briefing.export",
    "briefing.export_cli",
    "briefing.reading",
    "briefing.background",
    "briefing.settings",
]
HEAVY = ["textual", "spacy", "trafilatura", "httpx", "markdown_it", "lxml"]


def _loaded_after_import(module: str) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_load_textual_or_heavy_parsers(module: str) -> None:
    loaded = _loaded_after_import(module)
    assert "textual" not in loaded, f"{module} imports Textual"
    assert loaded == set(), f"{module} eagerly imports {sorted(loaded)}"
