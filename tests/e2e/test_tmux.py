"""The installed ``briefing`` console script in a real terminal (tmux at 80x24), driven by keys."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

from e2e_support import Tmux, app_env, drive_reader, sample_facts

pytestmark = pytest.mark.slow


def test_installed_briefing_reads_moves_helps_and_quits_cleanly_in_tmux(
    installed_briefing: Path, tmux_term: Tmux, tmp_path: Path
) -> None:
    env = app_env(tmp_path / "home")
    command = shlex.join(["env", *(f"{k}={v}" for k, v in env.items()), str(installed_briefing / "briefing"), str(SAMPLE)])
    tmux_term.start(command)
    drive_reader(tmux_term, sample_facts(SAMPLE))
    # quitting saved the reading position in the temporary config directory, nowhere else
    assert any((tmp_path / "home" / "config").iterdir())
