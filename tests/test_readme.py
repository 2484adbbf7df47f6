"""The README documents every key, and its commands are the ones the project runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_key_tables_match_the_live_bindings() -> None:
    from briefing.tui.commands import keys_markdown
    from briefing.tui.docs import BEGIN, END, readme_block

    start, end = README.index(BEGIN), README.index(END) + len(END)
    assert README[start:end] == readme_block(keys_markdown()), "README keys are stale: run `make docs`"


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one() -> None:
    setup = README[README.index("## Set-up") :]
    block = re.search(r"```sh\n(.*?)```", setup, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_screenshot_exists() -> None:
    assert "docs/screenshot.svg" in README
    assert (ROOT / "docs" / "screenshot.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
