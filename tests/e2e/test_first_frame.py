"""The installed reader on a real pseudo-terminal paints the article first (issue 4: "the article
paints first"): the first frame that shows the article's opening words has no footer yet, and the
footer, panels and analysis follow in later frames.

Frames are told apart by the synchronized-output markers Textual puts around each frame once the
terminal says it supports them (``CSI ? 2026 $ p`` answered with "supported", as
``benchmarks/tui.py`` does).
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

from e2e_support import HEIGHT, WIDTH, app_env, sample_facts

pytestmark = pytest.mark.slow

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_SUPPORTED = b"\x1b[?2026;2$y"
SYNC_END = b"\x1b[?2026l"
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]")


def plain(data: bytes) -> str:
    return ESCAPES.sub(b"", data).decode("utf-8", errors="replace")


def test_the_first_frame_is_the_article_and_the_footer_follows(installed_briefing: Path, tmp_path: Path) -> None:
    opening = sample_facts(SAMPLE).first
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", HEIGHT, WIDTH, 0, 0))
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "TEXTUAL", "NO_COLOR"))}, **app_env(tmp_path / "home")}
    proc = subprocess.Popen(
        [str(installed_briefing / "briefing"), str(SAMPLE)],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
    )
    os.close(slave)
    raw, answered, frames = bytearray(), False, []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("Quit" in f for f in frames):
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            raw += os.read(master, 1 << 16)
            if not answered and SYNC_QUERY in raw:
                os.write(master, SYNC_SUPPORTED)
                answered = True
            parts = bytes(raw).split(SYNC_END)
            frames = [plain(p) for p in parts[:-1]]  # each ends with the frame-end marker
        showing = [i for i, f in enumerate(frames) if opening in f]
        assert showing, f"the article's opening words never showed: {plain(bytes(raw))[-1500:]!r}"
        first = frames[showing[0]]
        assert "Quit" not in first, "the first frame with the article already has the footer: the rest did not wait for it"
        assert any("Quit" in f for f in frames[showing[0] + 1 :]), "the footer never followed the article"
    finally:
        if proc.poll() is None:
            os.write(master, b"q")
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=15)
        os.close(master)
    assert proc.returncode == 0
