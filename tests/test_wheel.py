"""The built wheel works on its own: installed (not editable) in a fresh venv, run from elsewhere."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

pytestmark = pytest.mark.slow

HTML = """<!doctype html><html><head><title>Harbour plan stalls | Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour plan stalls</h1>
<p>The port authority said on Tuesday that the expansion would be delayed until the environmental review is complete.</p>
<p>City councillors insisted that the project must not proceed without a public hearing, and the mayor's office declined to comment.</p>
<p>It remains unclear whether the regional government will fund the second phase of the plan.</p>
</article><footer>Share on social media. Copyright Example News.</footer></body></html>
"""


def test_wheel_ships_styles(installed_briefing: Path) -> None:
    site = next((installed_briefing.parent / "lib").glob("python3*/site-packages"))
    pkg = site / "briefing"
    assert not (site / "__editable__.briefing-0.1.0.pth").exists()
    assert list((pkg / "styles").glob("*.tcss")), "styles/*.tcss are in the wheel"


def test_installed_console_script_analyses_txt_and_html_from_another_directory(
    installed_briefing: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.html").write_text(HTML, encoding="utf-8")
    (elsewhere / "note.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    env = {"PATH": f"{installed_briefing}:/usr/bin:/bin", "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    for name in ("note.txt", "page.html"):
        out = subprocess.run(
            [str(installed_briefing / "briefing"), "analyze", "--format", "json", name],
            capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300,
        )
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        assert data["document"]["source"] == str(elsewhere / name)
        assert data["actors"], name
    html = json.loads(
        subprocess.run(
            [str(installed_briefing / "briefing"), "analyze", "--format", "json", "page.html"],
            capture_output=True, text=True, cwd=elsewhere, env=env, check=True,
        ).stdout
    )
    assert html["document"]["title"].startswith("Harbour plan stalls")
    assert not any("Sport" in a["name"] for a in html["actors"]), "navigation is not article text"
