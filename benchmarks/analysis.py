"""Analysis speed and memory, measured as whole processes in one run (figures printed, nothing asserted).

1. Overhead: `briefing analyze --no-cache` on a ~50,000-word text against a bare spaCy process that
   loads the same model and runs `nlp.pipe` over the same paragraphs. Target: ratio <= 1.25.
2. The cached re-run: its wall time, and whether spaCy was imported (python -X importtime).
3. A 1 MB text: total time, words/s, peak memory (max RSS of the process). Target: < 600 MB.

Text: the PolNeAR dev articles from ../shared/eval when present (real news prose), else the bundled
sample repeated. Usage: python benchmarks/analysis.py [--runs N] [--words N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"

BARE = """
import sys, spacy
from briefing.analysis.models import resolve_model
nlp = spacy.load(resolve_model().name)
text = open(sys.argv[1], encoding="utf-8").read()
paragraphs = [line for line in text.split("\\n") if line.strip()]
for doc in nlp.pipe(paragraphs, batch_size=64):
    pass
"""


def corpus_text() -> tuple[str, str]:
    if POLNEAR.exists():
        texts = [json.loads(line)["text"] for line in POLNEAR.open(encoding="utf-8")]
        return "\n\n".join(texts), "PolNeAR dev articles"
    return SAMPLE.read_text(encoding="utf-8"), "the bundled sample"


def text_of_words(base: str, words: int) -> str:
    out, count = [], 0
    paragraphs = [p for p in base.split("\n") if p.strip()]
    while count < words:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return "\n".join(out) + "\n"


def text_of_chars(base: str, chars: int) -> str:
    text = base
    while len(text) < chars:
        text += "\n" + base
    cut = text.rfind("\n", 0, chars)
    return text[: cut if cut > 0 else chars] + "\n"


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int, subprocess.CompletedProcess | None]:
    """Wall seconds and max RSS (KiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return wall, usage.ru_maxrss, None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--words", type=int, default=50_000)
    args = ap.parse_args()
    base, origin = corpus_text()
    tmp = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    env = dict(os.environ, BRIEFING_CACHE_DIR=str(tmp / "cache"))
    briefing = [sys.executable, "-m", "briefing", "analyze", "--format", "json"]

    text50 = tmp / "50k.txt"
    text50.write_text(text_of_words(base, args.words), encoding="utf-8")
    words50 = len(text50.read_text(encoding="utf-8").split())
    print(f"text: {words50:,} words from {origin}; {args.runs} runs each, alternating, median wall time")

    ours, bare = [], []
    for _ in range(args.runs):
        bare.append(run([sys.executable, "-c", BARE, str(text50)], env)[0])
        ours.append(run([*briefing, "--no-cache", str(text50)], env)[0])
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"1. bare spaCy nlp.pipe process   {b:7.2f} s")
    print(f"   briefing analyze --no-cache    {o:7.2f} s   ratio {o / b:.3f} (target <= 1.25)")

    run([*briefing, str(text50)], env)  # fill the cache
    cached = statistics.median(run([*briefing, str(text50)], env)[0] for _ in range(args.runs))
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", *briefing[1:], str(text50)],
        capture_output=True, text=True, env=env, check=True,
    )
    spacy_loaded = any(line.rstrip().endswith((" spacy", "| spacy")) for line in probe.stderr.splitlines())
    print(f"2. cached re-run                 {cached:7.2f} s   ({o / cached:.1f}x faster); spaCy imported: {spacy_loaded}")

    text1m = tmp / "1mb.txt"
    text1m.write_text(text_of_chars(base, 1_000_000), encoding="utf-8")
    words1m = len(text1m.read_text(encoding="utf-8").split())
    wall, rss_kib, _ = run([*briefing, "--no-cache", str(text1m)], env)
    print(
        f"3. 1 MB text ({words1m:,} words)   {wall:7.2f} s   {words1m / wall:,.0f} words/s   "
        f"peak RSS {rss_kib / 1024:,.0f} MB (target < 600 MB)"
    )


if __name__ == "__main__":
    main()
