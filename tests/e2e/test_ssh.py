"""The installed reader over real SSH: ``ssh -tt`` into a throwaway sshd on 127.0.0.1, inside tmux."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

from e2e_support import Sshd, Tmux, app_env, drive_reader, sample_facts

pytestmark = pytest.mark.slow


def test_sshd_fixture_accepts_only_our_key(sshd: Sshd, tmp_path: Path) -> None:
    ok = subprocess.run([*sshd.ssh_argv(tty=False), "echo", "hello over ssh"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.strip() == "hello over ssh", f"{ok.stderr}\nsshd log:\n{sshd.log_tail()}"
    stranger = tmp_path / "stranger"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(stranger)], check=True, timeout=60)
    argv = sshd.ssh_argv(tty=False)
    argv[argv.index(str(sshd.key))] = str(stranger)
    refused = subprocess.run([*argv, "true"], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 255, "another key must be refused"


def test_installed_briefing_over_ssh_reads_moves_helps_and_quits_cleanly(
    installed_briefing: Path, sshd: Sshd, tmux_term: Tmux, tmp_path: Path
) -> None:
    # the remote side runs in sshd's environment, not ours: everything the app needs goes on its command line
    remote = shlex.join(
        ["env", *(f"{k}={v}" for k, v in app_env(tmp_path / "home").items() if k != "TERM"),
         str(installed_briefing / "briefing"), str(SAMPLE)]
    )
    # TERM reaches the remote pty through ssh's pty request: the pane's TERM (xterm-256color)
    tmux_term.start(shlex.join([*sshd.ssh_argv(tty=True), remote]))
    try:
        drive_reader(tmux_term, sample_facts(SAMPLE), marker=str(tmp_path / "home"))
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- sshd log ---\n{sshd.log_tail()}") from None
    assert any((tmp_path / "home" / "config").iterdir())
