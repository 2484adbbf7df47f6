"""The console script under tmux at 80x24, with and without ``--no-mouse``.

It shows the article, moves with j, opens help with ?, quits with q, and leaves the terminal clean
(normal screen, mouse reporting off, cursor visible). ``--no-mouse`` never switches mouse
reporting on, so the terminal's own selection keeps working. (The installed-wheel round trip in
tmux and over real SSH is tests/e2e.)
"""

from __future__ import annotations

import os
import re

import pytest
from terminal_support import BRIEFING, Tmux
from tui_support import SAMPLE

pytestmark = pytest.mark.slow

FIRST_WORDS = "As discussions about a potential ceasefire"


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    return {
        "BRIEFING_CONFIG_DIR": str(tmp_path / "config"),
        "BRIEFING_CACHE_DIR": os.environ["BRIEFING_CACHE_DIR"],
        "BRIEFING_DB": os.environ["BRIEFING_DB"],
        "TERM": "tmux-256color",
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }


@pytest.fixture
def tmux():
    t = Tmux(80, 24)
    yield t
    t.kill()


def drive(tmux: Tmux, *, no_mouse: bool) -> None:
    screen = tmux.wait_for(FIRST_WORDS)
    assert re.search(r"¶\d+\.\d+ \(1/\d+\)", screen)  # the status line
    flags = tmux.flags()
    assert flags["alternate_on"] == "1"
    if no_mouse:
        assert flags["mouse_any_flag"] == flags["mouse_standard_flag"] == flags["mouse_sgr_flag"] == "0", flags
    else:
        assert flags["mouse_any_flag"] == "1", flags
    tmux.keys("j")
    tmux.wait_for(" (2/")
    tmux.keys("?")
    help_screen = tmux.wait_for("Next sentence")
    assert "Previous paragraph" in help_screen
    tmux.keys("Escape")
    tmux.wait_for(FIRST_WORDS)
    tmux.keys("q")
    after = tmux.wait_for("BRIEFING-EXITED-")
    assert "BRIEFING-EXITED-0" in after
    assert FIRST_WORDS not in after  # the alternate screen is gone
    flags = tmux.flags()
    assert flags["alternate_on"] == "0"
    assert flags["mouse_any_flag"] == "0" and flags["mouse_standard_flag"] == "0" and flags["mouse_sgr_flag"] == "0"
    assert flags["cursor_flag"] == "1"
    assert not re.search(r"Traceback|Error", after)


def test_console_script_in_tmux(tmux, env) -> None:
    tmux.start(f"{BRIEFING} {SAMPLE}", env)
    drive(tmux, no_mouse=False)


def test_console_script_in_tmux_without_mouse(tmux, env) -> None:
    tmux.start(f"{BRIEFING} --no-mouse {SAMPLE}", env)
    drive(tmux, no_mouse=True)
