"""Annotation store speed, measured in one run (figures printed, nothing asserted).

1. Save latency -- from the call to durable on disk -- with N annotations (default 10,000) already
   in the store: p50/p95/max of ``add_annotation`` (briefing's journaled store) and of an edit
   (``update_annotation``). Target: p95 < 20 ms.
2. The same saves with TinyDB's default ``JSONStorage`` (it rewrites and fsyncs the whole file on
   every change), on the same records, in the same run.
3. Open time of that store: a fresh process-like open (snapshot only, and snapshot + a journal of
   1,000 changes), and the first listing of one document's annotations.

Usage: python benchmarks/store.py [--notes N] [--saves N] [--dir PATH]
The store lives in a temporary directory on the same file system as --dir (default: the system
temp dir); saves are real fsyncs, so figures depend on the disk.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.annotations import (  # noqa: E402
    ANNOTATIONS,
    add_annotation,
    new_annotation,
    placed_annotations,
    sentence_selector,
    update_annotation,
)
from briefing.loading import document_from_text  # noqa: E402
from briefing.store import Store  # noqa: E402

PARAGRAPH = (
    "Turkish President Recep Tayyip Erdogan said Turkey was ready to send troops to Ukraine. "
    "Russian Foreign Minister Sergei Lavrov said Moscow would not accept NATO troops. "
    "It remains unclear whether Kyiv will accept the plan."
)
NOTE = "Check against the ministry's statement of Tuesday; the wording differs.\nFollow up with the desk."


def percentiles(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p = statistics.quantiles(ms, n=100)
    return f"p50 {p[49]:6.2f} ms   p95 {p[94]:6.2f} ms   max {ms[-1]:6.2f} ms   (n={len(ms)})"


def documents(count: int):
    return [document_from_text(f"Report {i}\n\n{PARAGRAPH}\n", f"/texts/report-{i}.txt") for i in range(count)]


def seed_records(docs, notes: int) -> list[tuple[str, dict]]:
    out = []
    for i in range(notes):
        doc = docs[i % len(docs)]
        a = new_annotation(doc, sentence_selector(doc, 1 + i % 3), note=f"{i}: {NOTE}", tags=["key", "doubt"], author="bench")
        out.append((a.id, a.to_record()))
    return out


def bench_journal(base: Path, records, docs, saves: int) -> None:
    db = base / "journal" / "briefing.json"
    with Store(db) as store:
        t = store.table(ANNOTATIONS)
        for start in range(0, len(records), 1000):
            t.put_many(records[start : start + 1000])
        store.compact()
    size = db.stat().st_size

    start = time.perf_counter()
    store = Store(db)
    opened = time.perf_counter() - start
    doc = docs[0]
    add, edit = [], []
    for i in range(saves):
        t0 = time.perf_counter()
        a = add_annotation(store, doc, sentence_selector(doc, 1 + i % 3), note=f"new {i}: {NOTE}", tags=["key"])
        add.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        update_annotation(store, a.id, note=f"edited {i}: {NOTE}")
        edit.append(time.perf_counter() - t0)
    journal = store.stats["journal_bytes"]
    compactions = store.stats["compactions"]
    store.close()

    print(f"briefing journaled store, {len(records):,} annotations ({size / 1e6:.1f} MB snapshot):")
    print(f"  add  {percentiles(add)}")
    print(f"  edit {percentiles(edit)}")
    print(f"  ({compactions} compaction(s) during the run; journal now {journal / 1e3:.0f} kB)")

    t0 = time.perf_counter()
    s = Store(db, open_compact_bytes=1 << 40)  # no compaction: replays the journal
    opened_j = time.perf_counter() - t0
    t0 = time.perf_counter()
    placed = placed_annotations(s, doc)
    listed = time.perf_counter() - t0
    s.close()
    t0 = time.perf_counter()
    Store(db).close()  # compacts on open (journal > 64 KiB)
    opened_c = time.perf_counter() - t0
    t0 = time.perf_counter()
    Store(db).close()
    opened_s = time.perf_counter() - t0
    print(f"  open (first, snapshot only)            {opened * 1000:7.1f} ms")
    print(f"  open, snapshot + journal of those saves {opened_j * 1000:6.1f} ms")
    print(f"  open that compacts the journal away    {opened_c * 1000:7.1f} ms")
    print(f"  open (snapshot only, after compaction) {opened_s * 1000:7.1f} ms")
    print(f"  first listing of one document ({len(placed)} notes, placed) {listed * 1000:.1f} ms")


def bench_tinydb_default(base: Path, records, docs, saves: int) -> None:
    from tinydb import TinyDB
    from tinydb.table import Document

    path = base / "default" / "db.json"
    path.parent.mkdir(parents=True)
    db = TinyDB(path)
    t = db.table(ANNOTATIONS)
    t.insert_multiple(Document(rec, doc_id=i + 1) for i, (_, rec) in enumerate(records))
    db.close()
    t0 = time.perf_counter()
    db = TinyDB(path)
    t = db.table(ANNOTATIONS)
    count = len(t)  # TinyDB reads the file on first access
    opened = time.perf_counter() - t0
    doc = docs[0]
    add = []
    for i in range(saves):
        a = new_annotation(doc, sentence_selector(doc, 1 + i % 3), note=f"new {i}: {NOTE}", tags=["key"])
        t0 = time.perf_counter()
        t.insert(a.to_record())  # JSONStorage.write: whole file rewritten in place, then fsync
        add.append(time.perf_counter() - t0)
    db.close()
    print(f"TinyDB default JSONStorage, same {count:,} annotations ({path.stat().st_size / 1e6:.1f} MB file):")
    print(f"  add  {percentiles(add)}")
    print(f"  open + first read                      {opened * 1000:7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--notes", type=int, default=10_000)
    ap.add_argument("--saves", type=int, default=300)
    ap.add_argument("--dir", default=None, help="where to make the temporary stores")
    args = ap.parse_args()
    docs = documents(200)
    records = seed_records(docs, args.notes)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        base = Path(tmp)
        print(f"stores in {base} ({os.uname().sysname}), {args.saves} saves each\n")
        bench_journal(base, records, docs, args.saves)
        print()
        bench_tinydb_default(base, records, docs, args.saves)


if __name__ == "__main__":
    main()
