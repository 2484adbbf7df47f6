"""Drive the ``briefing`` console script of this environment in a real terminal (tmux)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
BRIEFING = BIN / "briefing"


def require(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None and not Path(p).exists()]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (make system-deps installs them)")


class Tmux:
    """A private tmux server (its own socket) with one window of a fixed size."""

    def __init__(self, width: int = 80, height: int = 24) -> None:
        require("tmux")
        self.socket = f"briefing-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def run(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        if check and out.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        exports = " ".join(f"{k}={_quote(v)}" for k, v in env.items())
        # the shell stays after the app exits, so the test can read what the terminal was left with
        script = f"env {exports} {command}; echo BRIEFING-EXITED-$?; sleep 600"
        self.run(
            "-f", "/dev/null", "new-session", "-d", "-x", str(self.width), "-y", str(self.height),
            "sh", "-c", script,
        )
        self.run("set-option", "-g", "status", "off", check=False)
        self.run("resize-window", "-x", str(self.width), "-y", str(self.height), check=False)

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-J")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", key)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; the screen was:\n{screen}")

    def flags(self) -> dict[str, str]:
        names = ("alternate_on", "mouse_any_flag", "mouse_standard_flag", "mouse_sgr_flag", "cursor_flag", "pane_dead")
        values = self.run("display-message", "-p", " ".join(f"#{{{n}}}" for n in names)).split()
        return dict(zip(names, values))

    def kill(self) -> None:
        self.run("kill-server", check=False)


def _quote(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"
