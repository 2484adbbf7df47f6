"""Driving the installed reader in a real terminal: a private tmux server, read by ``capture-pane``.

``Tmux`` runs one command in a detached 80x24 session on its own socket (``tmux -L``), with a
config of our own (no status bar, so the pane is the full 80x24; TERM=xterm-256color), records
every byte the program writes (``pipe-pane``) and polls the screen with deadlines instead of sleeping.

``drive_reader`` is the scenario both end-to-end tests run (locally and over SSH): the article's
first line shows, ``j`` moves the marked sentence, ``?`` opens help, Esc closes it, ``q`` quits
with status 0 and leaves the terminal clean.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 80, 24
BAR = "▌"  # the gutter mark of the current sentence (briefing.tui.widgets.article.CURRENT_BAR)

TMUX_CONF = """\
set -g default-terminal xterm-256color
set -g default-shell /bin/sh
set -g status off
set -g history-limit 2000
set -g remain-on-exit off
set -g escape-time 10
"""

# DEC private modes a full-screen app may switch on and must switch off again when it leaves:
# X10/normal/button/any-event mouse, UTF-8/SGR/urxvt/pixel mouse encodings, focus events,
# bracketed paste, in-band resize, the alternate screen (three variants), application cursor keys.
MODES_TO_RESET = {"9", "1000", "1001", "1002", "1003", "1004", "1005", "1006", "1015", "1016", "2004", "2048", "47", "1047", "1049", "1"}
# ... and modes it may switch off and must switch on again: the cursor (25) and auto-wrap (7).
MODES_TO_RESTORE = {"25": "cursor hidden", "7": "auto-wrap off"}
MODES = re.compile(rb"\x1b\[\?([\d;]+)([hl])")
KITTY_PUSH, KITTY_POP = re.compile(rb"\x1b\[>\d*u"), re.compile(rb"\x1b\[<\d*u")


class Tmux:
    """One detached tmux session on a private server; ``kill()`` tears the server down."""

    session = "e2e"

    def __init__(self, workdir: Path, *, env: dict[str, str] | None = None) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed (make system-deps installs it)")
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.socket = f"briefing-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.conf = workdir / "tmux.conf"
        self.conf.write_text(TMUX_CONF, encoding="utf-8")
        self.log = workdir / "pane-output.bin"
        self.go = workdir / "go"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(workdir),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            **(env or {}),
        }

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=20,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def start(self, command: str, *, width: int = WIDTH, height: int = HEIGHT) -> None:
        """Run ``command`` in the pane; afterwards the shell prints STTY=same|changed and EXIT=<status>.

        The command waits for a go file, so that ``pipe-pane`` records its output from the first byte.
        """
        script = (
            f"until [ -e {shlex.quote(str(self.go))} ]; do sleep 0.02; done; "
            'before=$(stty -g); '
            f"{command}; "
            "rc=$?; "
            'if [ "$(stty -g)" = "$before" ]; then echo STTY=same; else echo STTY=changed; fi; '
            'echo "EXIT=$rc"; '
            "sleep 600"
        )
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), script)
        self.tmux("pipe-pane", "-t", self.session, f"cat >> {shlex.quote(str(self.log))}")
        self.go.touch()

    def screen(self, *, styled: bool = False) -> str:
        """The visible screen: ``capture-pane -p`` (``-e``: with SGR escapes for the styles)."""
        return self.tmux("capture-pane", "-p", "-t", self.session, *(["-e"] if styled else []))

    def lines(self, *, styled: bool = False) -> list[str]:
        return self.screen(styled=styled).split("\n")

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def flags(self) -> dict[str, str]:
        names = [
            "alternate_on",
            "mouse_any_flag",
            "mouse_all_flag",
            "mouse_button_flag",
            "mouse_standard_flag",
            "mouse_sgr_flag",
            "mouse_utf8_flag",
            "cursor_flag",
            "keypad_cursor_flag",
            "pane_width",
            "pane_height",
        ]
        out = self.tmux("display-message", "-p", "-t", self.session, " ".join(f"#{{{n}}}" for n in names))
        return dict(zip(names, out.split(), strict=True))

    def output(self) -> bytes:
        return self.log.read_bytes() if self.log.exists() else b""

    def wait_for(self, check: Callable[[str], bool], what: str, *, timeout: float = 30.0) -> str:
        """Poll the screen until ``check(screen)`` holds; fail with the last screen after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        screen = ""
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}; the screen:\n{screen}")
            time.sleep(0.05)

    def kill(self) -> None:
        self.tmux("kill-server", check=False)


def leftover_modes(output: bytes) -> dict[str, str]:
    """Terminal modes the program changed and did not change back (empty: the terminal is clean)."""
    last: dict[str, str] = {}
    for params, action in MODES.findall(output):
        for mode in params.decode().split(";"):
            last[mode] = action.decode()
    left = {m: "on" for m, a in last.items() if m in MODES_TO_RESET and a == "h"}
    left.update({m: what for m, what in MODES_TO_RESTORE.items() if last.get(m) == "l"})
    pushed, popped = len(KITTY_PUSH.findall(output)), len(KITTY_POP.findall(output))
    if pushed > popped:
        left["kitty keyboard"] = f"pushed {pushed}, popped {popped}"
    return left


def processes_with_env(marker: str) -> dict[int, str]:
    """Live processes whose environment mentions ``marker`` (e.g. the test's own temp HOME): {pid: cmdline}."""
    found = {}
    needle = marker.encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if needle in (proc / "environ").read_bytes():
                found[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
    return found


def wait_gone(marker: str, timeout: float = 10.0) -> dict[int, str]:
    """Wait until no process carries ``marker`` in its environment; returns those left after ``timeout``."""
    deadline = time.monotonic() + timeout
    while (left := processes_with_env(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


@dataclass(frozen=True)
class SampleFacts:
    """What the sample should look like on screen, from the real loader (not hard-coded)."""

    first: str  # the first words of sentence 1
    second: str  # the first words of sentence 2
    total: int  # number of sentences


def sample_facts(path: Path) -> SampleFacts:
    from briefing.loading import load_document

    document = load_document(str(path))

    def opening(index: int) -> str:
        words = document.sentence_text(index).split()
        return " ".join(words[:4])

    return SampleFacts(opening(0), opening(1), len(document.sentences))


def marked_lines(screen: str) -> list[str]:
    """The screen lines carrying the current-sentence bar in the gutter."""
    return [line[2:] for line in screen.split("\n") if line.startswith(BAR + " ")]


def line_with(lines: list[str], text: str) -> str:
    return next((line for line in lines if text in strip_sgr(line)), "")


def strip_sgr(text: str) -> str:
    return re.sub(r"\x1b\[[\d;:]*m", "", text)


def drive_reader(
    term: Tmux, facts: SampleFacts, *, marker: str, mouse: bool = True, start_timeout: float = 120.0
) -> None:
    """The user's round trip: read, move, help, quit; then check the terminal is left as it was.

    ``marker``: a string in the app's environment only (its temporary HOME): its processes are found
    by it while it runs, and none may be left once it has quit (an analysis child, say).
    ``mouse=False``: the app was started with ``--no-mouse`` and must not capture the mouse.
    """
    counter = re.compile(r"¶\d+\.\d+ \((\d+)/(\d+)\)")

    def status_sentence(screen: str) -> int | None:
        found = counter.findall(screen)
        return int(found[-1][0]) if found else None

    # 1. the article's first line shows, marked as the current sentence; the status counts 1/N
    screen = term.wait_for(
        lambda s: any(line.startswith(facts.first) for line in marked_lines(s)) and status_sentence(s) == 1,
        f"the article's first line “{facts.first}…” marked current and the status at sentence 1",
        timeout=start_timeout,
    )
    assert f"(1/{facts.total})" in screen, screen
    flags = term.flags()
    assert (flags["pane_width"], flags["pane_height"]) == (str(WIDTH), str(HEIGHT)), flags
    assert flags["alternate_on"] == "1", f"the app runs on the alternate screen: {flags}"
    if mouse:
        assert flags["mouse_any_flag"] == "1", f"the app captures the mouse while it runs: {flags}"
    else:
        captured = {k: v for k, v in flags.items() if k.startswith("mouse_") and v != "0"}
        assert not captured, f"--no-mouse, yet the app captures the mouse: {flags}"
    styled_before = term.lines(styled=True)
    first_before = line_with(styled_before, facts.first)
    second_before = line_with(styled_before, facts.second)
    assert first_before and second_before, "\n".join(styled_before)

    # 2. j: the mark moves to sentence 2 (gutter bar, background style, status counter)
    term.send("j")
    screen = term.wait_for(
        lambda s: status_sentence(s) == 2 and any(line.startswith(facts.second) for line in marked_lines(s)),
        f"j to move the mark to sentence 2 (“{facts.second}…”)",
    )
    assert not any(line.startswith(facts.first) for line in marked_lines(screen)), screen
    assert f"(2/{facts.total})" in screen, screen
    styled_after = term.lines(styled=True)
    assert line_with(styled_after, facts.first) != first_before, "sentence 1 lost its current-sentence style"
    assert line_with(styled_after, facts.second) != second_before, "sentence 2 gained the current-sentence style"

    # 3. ?: the help screen, built from the live bindings
    term.send("?")
    screen = term.wait_for(
        lambda s: "esc, ? or q closes" in s and "Next sentence" in s and "Previous sentence" in s,
        "? to open the help screen",
    )

    # 4. Esc closes it; the reader is where it was
    term.send("Escape")
    screen = term.wait_for(
        lambda s: "esc, ? or q closes" not in s and status_sentence(s) == 2,
        "Esc to close the help screen",
    )
    assert any(line.startswith(facts.second) for line in marked_lines(screen)), screen

    # 5. q quits: exit status 0, the shell's screen is back, no mode left switched on, no process left
    assert processes_with_env(marker), f"the running app is found by its environment ({marker})"
    term.send("q")
    screen = term.wait_for(lambda s: "EXIT=" in s, "q to quit the app", timeout=30)
    assert "EXIT=0" in screen, screen
    assert "STTY=same" in screen, f"the tty's settings (stty -g) differ after the app left:\n{screen}"
    assert facts.first not in screen and BAR not in screen and "¶" not in screen, (
        f"the app's screen is still showing after it quit (alternate screen not left?):\n{screen}"
    )
    flags = term.flags()
    assert flags["alternate_on"] == "0", flags
    for name in ("mouse_any_flag", "mouse_all_flag", "mouse_button_flag", "mouse_standard_flag", "mouse_sgr_flag", "mouse_utf8_flag"):
        assert flags[name] == "0", f"{name} left on after quitting: {flags}"
    assert flags["cursor_flag"] == "1", f"the cursor is left hidden: {flags}"
    output = term.output()
    assert b"\x1b[?1049h" in output, "pipe-pane recorded the app's output"
    assert leftover_modes(output) == {}, f"terminal modes switched on and never off: {leftover_modes(output)}"
    left = wait_gone(marker)
    assert left == {}, f"processes of the app still running after it quit: {left}"


def app_env(home: Path) -> dict[str, str]:
    """Everything the app writes goes under ``home`` (cache, store, settings, HOME itself)."""
    return {
        "HOME": str(home),
        "BRIEFING_CACHE_DIR": str(home / "cache"),
        "BRIEFING_DB": str(home / "data" / "briefing.json"),
        "BRIEFING_CONFIG_DIR": str(home / "config"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }


@dataclass
class Sshd:
    port: int
    user: str
    key: Path
    log: Path

    def ssh_argv(self, *, tty: bool = True) -> list[str]:
        return [
            "ssh",
            *(["-tt"] if tty else ["-T"]),
            "-F", "/dev/null",
            "-p", str(self.port),
            "-i", str(self.key),
            "-l", self.user,
            "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none",
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR",
            "-o", "ConnectTimeout=10",
            "127.0.0.1",
        ]

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else "(no sshd log)"
