"""Two processes writing to one store at the same time lose nothing and never fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing.store import Store

ROOT = Path(__file__).resolve().parents[2]

WRITER = r"""
import sys, time
from briefing.annotations import Notebook
from briefing.loading import document_from_text
from briefing.store import Store

db, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
doc = document_from_text("Ankara said it would send troops. Kyiv welcomed the offer. Moscow said nothing.", "/texts/shared.txt")
store = Store(db)
nb = Notebook(store, doc, author=name)
print("ready", flush=True)
sys.stdin.readline()  # both start together
for i in range(count):
    nb.annotate_sentence(i % 3, note=f"{name} {i}", tags=["key"] if i % 2 else ["doubt"])
    if i % 50 == 0:
        nb.annotations()  # reads (and re-reads the other's changes) while the other writes
deadline = time.monotonic() + 60
while len(nb.annotations()) < 2 * count and time.monotonic() < deadline:
    nb.poll()  # the app's way of noticing the other session
    time.sleep(0.05)
print("saw", len(nb.annotations()), flush=True)
"""


def test_two_writers_500_each_at_the_same_time(tmp_path: Path) -> None:
    db = tmp_path / "briefing.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), name, "500"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("alice", "bob")
    ]
    for p in procs:
        assert p.stdout.readline() == "ready\n", p.communicate()[1]
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0 and err == "", err
        assert out.strip() == "saw 1000"  # each saw the other's notes too

    with Store(db) as store:
        records = list(store.all("annotations").values())
    assert len(records) == 1000
    notes = {r["note"] for r in records}
    assert notes == {f"{name} {i}" for name in ("alice", "bob") for i in range(500)}
    # they really wrote at the same time: each one's span of creation times overlaps the other's
    spans = {
        name: (min(r["created"] for r in records if r["author"] == name), max(r["created"] for r in records if r["author"] == name))
        for name in ("alice", "bob")
    }
    assert spans["alice"][0] < spans["bob"][1] and spans["bob"][0] < spans["alice"][1]
