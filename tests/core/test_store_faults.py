"""Fault injection: writers killed with SIGKILL at random moments lose nothing they reported.

SIGKILL tests what a crashed or killed process leaves behind (the kernel keeps every byte it was
given); it does not test power loss, which depends on the disk honouring fsync.

A kill "lands mid-write" when the journal it leaves does not end with a complete line (no final
newline, or an unparsable last line): that is counted before the store is reopened. Big notes
(1 MiB) make the journal write a large share of the writer's time, honestly: lines are encoded
and written in 64 KiB pieces (bounded memory), so a kill during one leaves a torn tail.
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
    """Each process adds one 8 MiB note read from stdin (a pasted document) and is killed with
    SIGKILL at a moment drawn uniformly over its write phase.

    A process's life is interpreter start-up, reading stdin, the journal write (64 KiB ``O_DSYNC``
    pieces), then a compaction (the line passes the journal's size limit); a kill outside the journal
    write cannot tear it. So the write phase is measured: in three unkilled calibration runs, from
    the moment the journal file starts growing to the moment it holds the whole line (the median,
    the machine is shared). Each killed process is watched the same way, and killed a uniform random
    time in [0, that duration) after its journal starts growing: most kills land mid-write, and
    those that do not (a faster write) land in the compaction, which must be safe too.
    """
    import threading

    db = tmp_path / "briefing.json"
    journal = db.with_name(db.name + ".journal")
    article = tmp_path / "article.txt"
    article.write_text("Ankara said it would send troops. Kyiv welcomed the offer.\n")
    note = ("a pasted document " * 466_034)[: 8 * 1024 * 1024]
    POLL_S = 0.001

    def journal_size() -> int:
        try:
            return journal.stat().st_size
        except FileNotFoundError:
            return 0

    def run(kill_fraction: float | None, write_s: float = 0.0) -> tuple[str, bool, float, float]:
        """One process; returns (stdout, killed, s from start to journal growth, s of the write)."""
        base = journal_size()
        started = time.perf_counter()
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
        grow_at = written_at = float("nan")
        while proc.poll() is None and journal_size() <= base:  # start-up and reading stdin
            time.sleep(POLL_S)
        if proc.poll() is None:
            grow_at = time.perf_counter()
            if kill_fraction is not None:
                time.sleep(kill_fraction * write_s)
                proc.send_signal(signal.SIGKILL)
            else:
                while proc.poll() is None and base < journal_size() < base + len(note):
                    time.sleep(POLL_S)
                written_at = time.perf_counter()
        feeder.join()
        out = proc.stdout.read()  # type: ignore[union-attr]
        err = proc.stderr.read()  # type: ignore[union-attr]
        proc.wait()
        if kill_fraction is None:
            assert proc.returncode == 0, err
        return out, proc.returncode == -signal.SIGKILL, grow_at - started, written_at - grow_at

    def forget(ids: set[str]) -> None:
        with Store(db) as store:  # housekeeping: keep the store small between runs
            for ident in ids:
                store.delete("annotations", ident)
            store.compact()

    starts, writes = [], []
    for _ in range(3):  # calibration: when the journal write starts and how long it lasts
        out, _, start, write = run(None)
        starts.append(start)
        writes.append(write)
        check_reported(db, ["+" + out.strip()])
        forget({out.strip()})
    assert all(w == w for w in writes), f"an unkilled process's journal write was not seen: {writes}"
    write_s = statistics.median(writes)

    rng = random.Random(20250302)
    kills, torn, killed, reported = 30, 0, 0, len(writes)
    sentinels: list[str] = []  # small notes saved between kills: all must survive every later kill
    for i in range(kills):
        out, was_killed, _, _ = run(rng.random(), write_s)
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
        f"\n{kills} `briefing notes add` processes (journal write starts after {statistics.median(starts):.2f} s, "
        f"lasts {write_s:.2f} s; calibration {', '.join(f'{w:.2f}' for w in writes)} s), "
        f"{killed} killed before exiting: {torn} landed mid-write (torn journal tail), "
        f"{reported} ids printed (calibration runs included), {len(sentinels)} sentinels kept"
    )
    assert torn > kills // 2, f"only {torn} of {kills} kills landed mid-write"
