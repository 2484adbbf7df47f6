"""The reader's speed on a real pseudo-terminal (figures printed, nothing asserted).

Every figure comes from the real program, ``python -m briefing FILE``, spawned on a pty of 80x24
(``os.openpty`` + ``subprocess``, the pty made its controlling terminal, TERM=xterm-256color, fresh
temporary cache/settings/store directories). This script plays the terminal: it reads everything the
app writes and types keys into the pty.

1. Time to first paint of the sample: from just before the process is spawned to the moment the
   bytes it wrote, with escape sequences removed, contain the first words of the article's first
   line. Median of N runs (default 10), against a minimal Textual app (one ``Static`` holding the same
   line) launched the same way with the same interpreter, runs interleaved. Target: ratio <= 1.5.
   The reader draws the article first and mounts the rest (panels, search bar, footer, annotation
   store, analysis) right after that frame: the time until the whole screen is up (the footer's
   "Quit" drawn) is printed too. The same figure for the 1 MB article is printed as well (loading
   and segmenting 1 MB is part of it). The package's bytecode is compiled first (as an installed
   wheel has it), so a stale .pyc, or PYTHONDONTWRITEBYTECODE, does not add compiling to each run.

2. Keypress-to-repaint latency on a 1 MB article while its analysis is still running (empty cache).
   Textual wraps each frame in synchronized-output markers (``CSI ? 2026 h`` ... ``CSI ? 2026 l``)
   once the terminal says it supports them; this script answers Textual's query (``CSI ? 2026 $ p``)
   with "supported", so every frame's end is known exactly. Latency of a key = time from writing
   its bytes to the pty to the end of the first frame (ended after the write) that shows the
   expected change, parsed from the status line:
     j / k    the sentence counter ``(i/N)`` moves by one;
     n        after ``/`` + a query + Enter, the counter shows the sentence of the next search hit
              (computed with ``briefing.reading`` on the same text; the query is chosen so that
              consecutive hits lie in different sentences);
     Enter    on a row of the Actors panel: the status line says ``n/N: mentions of <actor>`` (all
              its mentions highlighted, Positions filtered to it). The keys leading there (Esc back
              to the article, Esc to clear the last choice, ``2`` for the Actors panel, ``down`` for
              the next actor) are each waited for and printed in brackets, outside the target.
   Keys are typed one at a time, the next one a short pause after the previous frame arrived (a
   user reading, not a key-repeat burst). p50/p95 per key and overall. Target: p95 < 50 ms.
   Peak memory = VmHWM (peak resident set) from /proc of the reader and of every process it started
   (the analysis may run in a child), read just before it is told to quit, the analysis still
   running; their sum is printed as an upper bound. Target: < 600 MB. The time from ``q`` to the process's exit is printed.

3. Bytes written to the terminal per ``j`` on the sample at 80x24, analysis loaded from the cache
   (so nothing else draws): everything the app writes after the key until it has been quiet for
   0.3 s, mean over 20 presses (what a slow SSH link carries per keypress).

The 1 MB article: the PolNeAR dev articles from ../shared/eval when present (real news prose, read
at run time only), else the bundled sample repeated. Usage: python benchmarks/tui.py [--runs N]
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import json
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"
COLS, ROWS = 80, 24

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_SUPPORTED = b"\x1b[?2026;2$y"  # DECRPM: mode 2026 known, currently reset
SYNC_END = b"\x1b[?2026l"
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]")
STATUS = re.compile(r"¶\d+\.\d+ \((\d+)/(\d+)\)")
MENTIONS_OF = re.compile(r"n/N: mentions of ([^\r\n·…]+?)(?: \d+(?:/\d+)?)? *(?:·|…|\r|\n|$)")
ANALYSING = re.compile(r"analysing (\d+)/(\d+) blocks")

BASELINE_APP = """
import sys
from rich.text import Text
from textual.app import App
from textual.widgets import Static

LINE = open(sys.argv[1], encoding="utf-8").readline().strip()


class Baseline(App):
    def compose(self):
        yield Static(Text(LINE))


Baseline().run()
"""


def plain(data: bytes) -> str:
    """What the bytes show, escape sequences removed (segments of one line stay contiguous)."""
    return ESCAPES.sub(b"", data).decode("utf-8", errors="replace")


class PtyApp:
    """A program on a pseudo-terminal: its output with arrival times, its frames, and key input."""

    def __init__(self, argv: list[str], env: dict[str, str], *, answer_sync: bool = True) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.master = master
        self.raw = bytearray()
        self.frames: list[tuple[float, int, int]] = []  # (end time, start, end) offsets into raw
        self._frame_start = 0
        self._scan = 0
        self.answer_sync = answer_sync
        self.sync_answered = False
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)

    # ------------------------------------------------------------------ reading

    def pump(self, timeout: float) -> float | None:
        """Read what is available within ``timeout`` s; returns the arrival time, None if nothing came."""
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the program has gone
            chunk = b""
        now = time.perf_counter()
        if not chunk:
            raise EOFError("the program closed the terminal")
        self.raw += chunk
        if self.answer_sync and not self.sync_answered and SYNC_QUERY in self.raw:
            os.write(self.master, SYNC_SUPPORTED)
            self.sync_answered = True
        while True:
            i = self.raw.find(SYNC_END, max(self._scan, self._frame_start))
            if i < 0:
                self._scan = max(self._frame_start, len(self.raw) - len(SYNC_END))
                break
            end = i + len(SYNC_END)
            self.frames.append((now, self._frame_start, end))
            self._frame_start = self._scan = end
        return now

    def wait_text(self, needle: str, timeout: float) -> float:
        """Arrival time of the chunk that made ``needle`` appear in the output."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            now = self.pump(deadline - time.perf_counter())
            if now is not None and needle in plain(bytes(self.raw[-200_000:])):
                return now
        raise TimeoutError(f"“{needle}” did not appear within {timeout} s; last output: {plain(bytes(self.raw[-2000:]))!r}")

    def wait_frame(self, check: Callable[[str], bool], after: float, timeout: float) -> tuple[float, str]:
        """The first frame ending after ``after`` whose text satisfies ``check``: (end time, text)."""
        deadline = time.perf_counter() + timeout
        seen = 0
        while True:
            while seen < len(self.frames):
                t, a, b = self.frames[seen]
                seen += 1
                if t >= after:
                    text = plain(bytes(self.raw[a:b]))
                    if check(text):
                        return t, text
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no matching frame within {timeout} s; last frame: {self.last_text()[-600:]!r}")
            self.pump(remaining)

    def settle(self, quiet: float, timeout: float = 30.0) -> None:
        """Read until nothing has arrived for ``quiet`` s."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.pump(quiet) is None:
                return

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            self.pump(left)

    def last_text(self) -> str:
        return plain(bytes(self.raw[-20_000:]))

    # ------------------------------------------------------------------ keys and the end

    def send(self, data: bytes) -> float:
        t = time.perf_counter()
        os.write(self.master, data)
        return t

    def process_tree(self) -> list[int]:
        """The program's pid and its descendants' (the reader analyses in a child process)."""
        pids, i = [self.proc.pid], 0
        while i < len(pids):
            for task in Path(f"/proc/{pids[i]}/task").glob("*"):
                try:
                    pids += [int(p) for p in (task / "children").read_text().split()]
                except OSError:
                    pass
            i += 1
        return pids

    def peak_rss_mb(self) -> dict[int, tuple[str, float]]:
        """Peak resident set (VmHWM) per live process of the tree: {pid: (command, MB)}."""
        peaks = {}
        for pid in self.process_tree():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks[pid] = (cmd, int(line.split()[1]) / 1024)
        return peaks

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=30)
        os.close(self.master)


# ---------------------------------------------------------------------------------- set-up


def fresh_env(base: Path) -> dict[str, str]:
    base.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "TEXTUAL", "NO_COLOR", "COLORTERM"))}
    env.update(
        HOME=str(base),
        BRIEFING_CACHE_DIR=str(base / "cache"),
        BRIEFING_DB=str(base / "data" / "briefing.json"),
        BRIEFING_CONFIG_DIR=str(base / "config"),
        TERM="xterm-256color",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        COLUMNS=str(COLS),
        LINES=str(ROWS),
    )
    return env


def big_text(tmp: Path, chars: int = 1_000_000) -> tuple[Path, str]:
    if POLNEAR.exists():
        base = "\n\n".join(json.loads(line)["text"] for line in POLNEAR.open(encoding="utf-8"))
        origin = "PolNeAR dev articles"
    else:
        base, origin = SAMPLE.read_text(encoding="utf-8"), "the bundled sample repeated"
    text = base
    while len(text.encode()) < chars:
        text += "\n\n" + base
    cut = text.rfind("\n", 0, chars)
    path = tmp / "1mb.txt"
    path.write_text(text[: cut if cut > 0 else chars] + "\n", encoding="utf-8")
    return path, origin


def opening_words(path: Path, words: int = 5) -> str:
    from briefing.loading import load_document

    document = load_document(str(path))
    return " ".join(document.sentence_text(0).split()[:words])


APP_COMMAND = [sys.executable, "-m", "briefing"]  # --app replaces it (A/B experiments)


def briefing_argv(path: Path) -> list[str]:
    return [*APP_COMMAND, str(path)]


def warm_cache(env: dict[str, str]) -> None:
    """Analyse the sample into the cache of ``env``: the app then shows it at once, nothing else draws."""
    subprocess.run(
        [sys.executable, "-m", "briefing", "analyze", "--format", "json", str(SAMPLE)],
        env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600,
    )


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def first_paint(argv: list[str], env: dict[str, str], needle: str, then: str | None = None) -> float | tuple[float, float]:
    """Seconds from spawn to ``needle`` on the terminal; with ``then``, also to ``then`` (shown later)."""
    app = PtyApp(argv, env)
    try:
        first = app.wait_text(needle, timeout=120) - app.started
        if then is None:
            return first
        return first, app.wait_text(then, timeout=120) - app.started
    finally:
        app.close()


# ---------------------------------------------------------------------------------- 1. first paint


def bench_first_paint(tmp: Path, runs: int, big: Path) -> None:
    needle = opening_words(SAMPLE)
    baseline = tmp / "baseline_app.py"
    baseline.write_text(BASELINE_APP, encoding="utf-8")
    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)
    ours, bare, whole = [], [], []
    for i in range(runs):
        bare.append(first_paint([sys.executable, str(baseline), str(SAMPLE)], fresh_env(tmp / f"fp-bare-{i}"), needle))
        paint, complete = first_paint(briefing_argv(SAMPLE), fresh_env(tmp / f"fp-ours-{i}"), needle, then="Quit")
        ours.append(paint)
        whole.append(complete)
    b, o, w = statistics.median(bare), statistics.median(ours), statistics.median(whole)
    print(f"1. time to first paint at {COLS}x{ROWS}, median of {runs} (spawn -> “{needle}” on the pty)")
    print(f"   minimal Textual app (one Static)   {b * 1000:7.0f} ms   (min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f})")
    print(f"   briefing on the sample             {o * 1000:7.0f} ms   (min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f})")
    print(f"   ratio {o / b:.2f} (target <= 1.5)")
    print(f"   briefing, whole screen (footer)    {w * 1000:7.0f} ms   (min {min(whole) * 1000:.0f}, max {max(whole) * 1000:.0f})")
    needle_big = opening_words(big)
    big_runs = [first_paint(briefing_argv(big), fresh_env(tmp / f"fp-big-{i}"), needle_big) for i in range(3)]
    print(f"   briefing on the 1 MB article       {statistics.median(big_runs) * 1000:7.0f} ms   (median of 3)")


# ---------------------------------------------------------------------------------- 2. latency


def choose_query(big: Path, presses: int):
    """A word whose consecutive hits lie in different sentences; returns (query, sentence numbers 1-based)."""
    from briefing import reading
    from briefing.loading import load_document

    document = load_document(str(big))
    words = Counter(re.findall(r"\b[A-Z][a-z]{4,}\b", document.text))
    for word, count in words.most_common(200):
        if count < presses + 5:
            break
        hits = reading.search(document.text, word)
        sentences = [reading.sentence_of_offset(document, s) + 1 for s, _ in hits[: presses + 2]]
        if all(a != b for a, b in zip(sentences, sentences[1:])):
            return word, sentences, len(document.sentences)
    raise SystemExit("no search word with hits in distinct sentences")


def status_of(text: str, total: int) -> int | None:
    found = [int(i) for i, n in STATUS.findall(text) if int(n) == total]
    return found[-1] if found else None


ESC = b"\x1b[27u"  # Escape in the CSI-u form Textual parses: a lone ESC byte would wait ESCDELAY and,
# with the main thread busy, could merge with the next key (ESC + "2" reads as alt+2)


def drive(app: PtyApp, total: int, presses: int, enters: int, query: str | None = None, hit_sentences=()):
    """Type j, k, (n), Enter; returns the latencies per key (to the frame showing the change, and to
    the first frame of any kind after the key) and the presses that never repainted."""
    lat: dict[str, list[float]] = {"j": [], "k": [], "n": [], "Enter": []}
    first: dict[str, list[float]] = {"j": [], "k": [], "n": [], "Enter": []}
    lost: Counter[str] = Counter()
    pause = 0.03

    def press(name: str, data: bytes, check: Callable[[str], bool]) -> None:
        seen = len(app.frames)
        sent = app.send(data)
        try:
            t, _ = app.wait_frame(check, after=sent, timeout=5)
        except TimeoutError:
            lost[name] += 1  # no frame with the change within 5 s: counted apart, not as a latency
            if name in ("j", "k", "n"):  # the next expectations would be off: stop here
                raise
            return
        lat.setdefault(name, []).append(t - sent)
        first.setdefault(name, []).append(next(end for end, _, _ in app.frames[seen:] if end >= sent) - sent)
        app.drain(pause)

    current = 1
    for _ in range(presses):  # j / k: down then up again
        current += 1
        press("j", b"j", lambda t, want=current: status_of(t, total) == want)
    for _ in range(presses):
        current -= 1
        press("k", b"k", lambda t, want=current: status_of(t, total) == want)

    if query:  # n: search from the start, then step through the hits
        app.send(b"g")  # back at sentence 1 already after as many k as j; g makes sure
        app.drain(0.3)
        app.send(b"/")
        app.drain(0.3)
        app.send(query.encode())
        app.drain(0.5)
        sent = app.send(b"\r")
        app.wait_frame(lambda t: status_of(t, total) == hit_sentences[0], after=sent, timeout=10)
        app.drain(0.3)
        for want in hit_sentences[1 : presses + 1]:
            press("n", b"n", lambda t, want=want: status_of(t, total) == want)

    # Enter on an actor. Before it, each step waits for its own repaint, so that Enter does not
    # queue behind them: Esc returns to the article ("[1 Article]" in the tab strip), Esc clears the
    # chosen actor (the status line no longer says "mentions of"), 2 shows the Actors panel
    # ("[2 Actors"), down highlights the next actor (its detail line "… · also: …"), then Enter
    # chooses it: the status line says it steps through that actor's mentions.
    steps = (
        ("Esc (to article)", ESC, lambda t: "[1 Article]" in t),
        ("Esc (clear)", ESC, lambda t: bool(STATUS.search(t)) and not MENTIONS_OF.search(t)),
        ("2 (Actors panel)", b"2", lambda t: "[2 Actors" in t),
        ("down (next actor)", b"\x1b[B", lambda t: " · also: " in t),
    )
    for i in range(enters):
        for name, key, check in steps[0 if i else 2 :]:
            press(name, key, check)
        press("Enter", b"\r", lambda t: bool(MENTIONS_OF.search(t)))
    return lat, first, lost


MEASURED = ("j", "k", "n", "Enter")  # the keys the target is about; the others are the way to Enter


def report(lat: dict[str, list[float]], lost: Counter, query: str | None = None) -> None:
    every = [x for name, v in lat.items() if name in MEASURED for x in v]
    for name, values in lat.items():
        if not values:
            continue
        label = {"n": f"n (search “{query}”)", "Enter": "Enter (actor)"}.get(name, name)
        label = label if name in MEASURED else f"({label})"
        print(
            f"   {label:24s} p50 {pct(values, .5) * 1000:6.1f} ms   p95 {pct(values, .95) * 1000:6.1f} ms   "
            f"max {max(values) * 1000:6.1f} ms   ({len(values)} presses)"
        )
    if lost:
        print(f"   presses with no repaint within 5 s (not in the figures): {dict(lost)}")
    print(f"   {'j, k, n, Enter':24s} p50 {pct(every, .5) * 1000:6.1f} ms   p95 {pct(every, .95) * 1000:6.1f} ms   (target p95 < 50 ms)")


def bench_latency(tmp: Path, big: Path, presses: int) -> None:
    query, hit_sentences, total = choose_query(big, presses)
    app = PtyApp(briefing_argv(big), fresh_env(tmp / "latency"))
    try:
        app.wait_text(opening_words(big), timeout=120)
        app.wait_frame(lambda t: "analysing" in t, after=0, timeout=60)
        if not app.sync_answered:
            raise SystemExit("the app never asked for synchronized output: frames cannot be delimited")
        app.drain(0.5)
        lat, _, lost = drive(app, total, presses, min(presses, 20), query, hit_sentences)
        peak = app.peak_rss_mb()
        progress = ANALYSING.findall(app.last_text())
        sent = app.send(b"q")
        app.proc.wait(timeout=600)
        quit_s = time.perf_counter() - sent
    finally:
        app.close()
    print(f"2. keypress -> repaint on a 1 MB article ({total:,} sentences) while it is analysed, {COLS}x{ROWS}")
    report(lat, lost, query)
    if progress:
        done, blocks = progress[-1]
        print(f"   analysis at the end: {done}/{blocks} blocks (still running: {int(done) < int(blocks)})")
    else:
        print("   analysis at the end: no progress shown (finished?)")
    for pid, (cmd, mb) in peak.items():
        role = "the reader" if pid == min(peak) else "child"
        print(f"   peak memory (VmHWM) {mb:6,.0f} MB  {role}: {cmd[:70]}")
    print(f"   peak memory, all processes together (upper bound) {sum(mb for _, mb in peak.values()):,.0f} MB (target < 600 MB)")
    print(f"   q -> process exit while analysing: {quit_s:.2f} s")

    # the reference: the same keys on the sample with its analysis cached (an idle app)
    env = fresh_env(tmp / "latency-idle")
    warm_cache(env)
    from briefing.loading import load_document

    total = len(load_document(str(SAMPLE)).sentences)
    app = PtyApp(briefing_argv(SAMPLE), env)
    try:
        app.wait_text(opening_words(SAMPLE), timeout=120)
        app.settle(0.5)
        lat, first, lost = drive(app, total, min(presses, total - 1), min(presses, 10))
    finally:
        app.close()
    print("   reference: the sample, analysis cached (nothing running in the background), to the frame showing the change")
    report(lat, lost)
    print("   ... and to the first frame after the key (the article repaints a frame before the status line)")
    report(first, Counter())


# ---------------------------------------------------------------------------------- 3. bytes per j


def bench_bytes_per_j(tmp: Path, presses: int = 20) -> None:
    env = fresh_env(tmp / "bytes")
    warm_cache(env)
    from briefing.loading import load_document

    total = len(load_document(str(SAMPLE)).sentences)
    app = PtyApp(briefing_argv(SAMPLE), env)
    sizes, frames = [], []
    try:
        app.wait_text(opening_words(SAMPLE), timeout=120)
        app.settle(0.5)
        for want in range(2, 2 + presses):
            before_bytes, before_frames = len(app.raw), len(app.frames)
            sent = app.send(b"j")
            app.wait_frame(lambda t, want=want: status_of(t, total) == want, after=sent, timeout=10)
            app.settle(0.3)
            sizes.append(len(app.raw) - before_bytes)
            frames.append(len(app.frames) - before_frames)
    finally:
        app.close()
    print(f"3. bytes written per j on the sample at {COLS}x{ROWS} (cached analysis), {presses} presses")
    print(
        f"   mean {statistics.mean(sizes):,.0f} B   median {statistics.median(sizes):,.0f} B   "
        f"min {min(sizes):,} B   max {max(sizes):,} B   frames per press {statistics.mean(frames):.1f}"
    )
    print(f"   per press: {' '.join(str(s) for s in sizes)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="first-paint runs per program")
    ap.add_argument("--presses", type=int, default=40, help="presses per key for the latency")
    ap.add_argument("--only", choices=("paint", "latency", "bytes"), help="run one part")
    ap.add_argument("--app", help="command to run instead of `python -m briefing` (e.g. a patched copy), split on spaces")
    args = ap.parse_args()
    if args.app:
        APP_COMMAND[:] = args.app.split()
    tmp = Path(tempfile.mkdtemp(prefix="briefing-tui-bench-"))
    big, origin = big_text(tmp)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; 1 MB article: {big.stat().st_size:,} bytes from {origin}")
    if args.only in (None, "paint"):
        bench_first_paint(tmp, args.runs, big)
    if args.only in (None, "latency"):
        bench_latency(tmp, big, args.presses)
    if args.only in (None, "bytes"):
        bench_bytes_per_j(tmp)
    print(f"load average at the end {os.getloadavg()[0]:.1f} (other processes on the machine inflate every figure)")


if __name__ == "__main__":
    main()
