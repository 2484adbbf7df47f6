"""The installed ``briefing`` console script in a real terminal (tmux at 80x24), driven by keys."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

from e2e_support import Tmux, app_env, drive_reader, sample_facts

pytestmark = pytest.mark.slow


def briefing_command(bin_dir: Path, home: Path, *options: str) -> str:
    env = app_env(home)
    return shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), str(bin_dir / "briefing"), *options, str(SAMPLE)])


def test_installed_briefing_reads_moves_helps_and_quits_cleanly_in_tmux(
    installed_briefing: Path, tmux_term: Tmux, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    tmux_term.start(briefing_command(installed_briefing, home))
    drive_reader(tmux_term, sample_facts(SAMPLE), marker=str(home))
    # quitting saved the reading position in the temporary config directory, nowhere else
    assert any((home / "config").iterdir())


def test_no_mouse_leaves_the_mouse_to_the_terminal(installed_briefing: Path, tmux_term: Tmux, tmp_path: Path) -> None:
    """``--no-mouse``: no mouse reporting is ever switched on, so the terminal's own selection works."""
    tmux_term.start(briefing_command(installed_briefing, tmp_path / "home", "--no-mouse"))
    drive_reader(tmux_term, sample_facts(SAMPLE), marker=str(tmp_path / "home"), mouse=False)
    output = tmux_term.output()
    for mode in (b"1000", b"1002", b"1003", b"1006", b"1015"):
        assert b"\x1b[?" + mode + b"h" not in output, f"mouse mode {mode.decode()} switched on despite --no-mouse"
