"""Fault injection: writers killed with SIGKILL at random moments lose nothing they reported.

SIGKILL tests what a crashed or killed process leaves behind (the kernel keeps every byte it was
given); it does not test power loss, which depends on the disk honouring fsync.

A kill "lands mid-write" when the journal it leaves does not end with a complete line (no final
newline, or an unparsable last line): that is counted before the store is reopened. Big notes
(1 MiB) make the journal write a large share of the writer's time, honestly: lines are encoded
and written in 256 KiB pieces (bounded memory), so a kill during one leaves a torn tail.
"""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.store import Store

ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys
from collections import deque
from briefing.annotations import add_annotation, delete_annotation, sentence_selector
from briefing.loading import document_from_text
from briefing.store import Store

db, note_size, live_max = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
doc = document_from_text("Ankara said it would send troops. Kyiv welcomed the offer.", "/texts/fault.txt")
sel = sentence_selector(doc, 0)
# a high compaction threshold keeps most of the time in journal writes (the store reopens compacted)
store = Store(db, compact_journal_bytes=32 * 1024 * 1024)
live = deque(store.all("annotations"))
print("ready", flush=True)
i = 0
while True:
    a = add_annotation(store, doc, sel, note=f"{i} " + "n" * note_size, tags=["key"])
    print("+" + a.id, flush=True)  # durable: add_annotation returned after fsync
    live.append(a.id)
    while len(live) > live_max:
        old = live.popleft()
        print("~" + old, flush=True)  # about to delete: may or may not be done if killed now
        delete_annotation(store, old)
        print("-" + old, flush=True)
    i += 1
"""


def journal_state(db: Path) -> str:
    """'empty', 'clean' (ends with a complete line) or 'torn'."""
    journal = db.with_name(db.name + ".journal")
    data = journal.read_bytes() if journal.exists() else b""
    if not data:
        return "empty"
    if not data.endswith(b"\n"):
        return "torn"
    last = data[:-1].rsplit(b"\n", 1)[-1]
    try:
        json.loads(last)
    except ValueError:
        return "torn"
    return "clean"


def check_reported(db: Path, lines: list[str]) -> None:
    added, deleting, deleted = set(), set(), set()
    for line in lines:
        kind, ident = line[:1], line[1:]
        {"+": added, "~": deleting, "-": deleted}.get(kind, set()).add(ident)
    with Store(db) as store:
        present = set(store.all("annotations"))
    missing = (added - deleting) - present
    assert not missing, f"reported durable, then lost: {sorted(missing)}"
    assert not (deleted & present), "reported deleted, still there"


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.mark.slow
def test_core_writer_killed_at_random_moments_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "briefing.json"
    rng = random.Random(20250301)
    kills, torn, reported = 100, 0, 0
    states: dict[str, int] = {}
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), str(1024 * 1024), "3"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first == "ready\n", proc.communicate()[1]
        time.sleep(rng.uniform(0.01, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err
        state = journal_state(db)
        states[state] = states.get(state, 0) + 1
        torn += state == "torn"
        lines = out.splitlines()
        reported += sum(line.startswith("+") for line in lines)
        check_reported(db, lines)
    print(f"\n{kills} kills: {torn} landed mid-write (torn journal tail), journal states {states}, {reported} ids reported")
    assert reported > kills  # the writers did write
    assert torn > kills // 2, f"only {torn} of {kills} kills landed mid-write"


def _cli(article: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "briefing", "notes", "--db", str(db), "add", str(article), "--sentence", "1", "--tag", "key", "--note", "-"]


@pytest.mark.slow
def test_notes_add_processes_killed_at_random_moments_lose_nothing(tmp_path: Path) -> None:
    """Each process adds one 8 MiB note read from stdin (a pasted document). Its life is about
    half interpreter start-up (measured: the fastest of three ``briefing notes --help``), which
    touches nothing on disk, and half work; it is killed at a moment drawn uniformly between the
    end of start-up and the end of an unkilled run's life (the median of three: the machine is shared)."""
    import threading

    db = tmp_path / "briefing.json"
    article = tmp_path / "article.txt"
    article.write_text("Ankara said it would send troops. Kyiv welcomed the offer.\n")
    note = ("a pasted document " * 466_034)[: 8 * 1024 * 1024]

    def run(kill_after: float | None) -> tuple[str, bool]:
        proc = subprocess.Popen(
            _cli(article, db), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
        )

        def feed() -> None:
            try:
                proc.stdin.write(note)  # type: ignore[union-attr]
                proc.stdin.close()  # type: ignore[union-attr]
            except (BrokenPipeError, ValueError):
                pass

        feeder = threading.Thread(target=feed)
        feeder.start()
        if kill_after is not None:
            time.sleep(kill_after)
            proc.send_signal(signal.SIGKILL)
        feeder.join()
        out = proc.stdout.read()  # type: ignore[union-attr]
        err = proc.stderr.read()  # type: ignore[union-attr]
        proc.wait()
        if kill_after is None:
            assert proc.returncode == 0, err
        return out, proc.returncode == -signal.SIGKILL

    def forget(ids: set[str]) -> None:
        with Store(db) as store:  # housekeeping: keep the store small between runs
            for ident in ids:
                store.delete("annotations", ident)
            store.compact()

    lifetimes = []
    for _ in range(3):  # calibration: how long one process lives
        started = time.perf_counter()
        out, _ = run(None)
        lifetimes.append(time.perf_counter() - started)
        check_reported(db, ["+" + out.strip()])
        forget({out.strip()})
    lifetime = statistics.median(lifetimes)
    startups = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "briefing", "notes", "--help"], capture_output=True, env=_env(), check=True)
        startups.append(time.perf_counter() - started)
    startup = min(statistics.median(startups), lifetime / 2)

    rng = random.Random(20250302)
    kills, torn, killed, reported = 30, 0, 0, len(lifetimes)
    sentinels: list[str] = []  # small notes saved between kills: all must survive every later kill
    for i in range(kills):
        out, was_killed = run(rng.uniform(startup, lifetime))
        killed += was_killed
        torn += journal_state(db) == "torn"
        ids = {line for line in out.split() if line.startswith("n-")}
        reported += len(ids)
        # the store loads; every printed id and every earlier sentinel is there
        check_reported(db, ["+" + x for x in [*ids, *sentinels]])
        forget(ids)
        with Store(db) as store:
            store.put("annotations", f"n-sentinel-{i}", {"note": f"saved after kill {i}"})
        sentinels.append(f"n-sentinel-{i}")
    check_reported(db, ["+" + x for x in sentinels])
    print(
        f"\n{kills} `briefing notes add` processes (start-up {startup:.2f} s, unkilled lifetime {lifetime:.2f} s), "
        f"{killed} killed before exiting: {torn} landed mid-write (torn journal tail), "
        f"{reported} ids printed (calibration runs included), {len(sentinels)} sentinels kept"
    )
    # On a shared 2-core machine this share swings with disk load (6 to 19 of 30 seen): the
    # requirement that most kills land mid-write is carried by the core-writer test above.
    assert torn >= 3, f"only {torn} of {kills} kills landed mid-write"
