"""Extraction quality: run every scorer it is given against this checkout and print one table.

Each argument picks its scorer by what it is:
  GOLD.json        a hand-labelled gold file (GUIDELINES.md) with its article <stem>.txt / <stem>.raw.txt
                   beside it: the article is analysed and scored with ``score.py GOLD PRODUCT``;
  DIR/             a directory of <stem>.gold.json + <stem>.txt: ``score.py --dir DIR --run ...``;
  FILE.jsonl       PolNeAR-style attribution gold: ``score_attribution.py FILE --batch ...`` (one process
                   analyses every article).

The product is always this checkout's ``python -m briefing analyze --no-cache`` (the interpreter running this
script, with the repository first on PYTHONPATH), so the figures are those of the code in front of you, never
of a cache. The scorers live in ../shared/eval beside the repository (``--eval-dir`` to point elsewhere).

    python benchmarks/quality.py ../shared/eval/seed.gold.json tests/data/quality ../shared/eval/polnear/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
COLUMNS = ("posP", "posR", "posF1", "src", "qP", "qR", "qF1", "actF1", "overall")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _analyze_cmd(fmt: str) -> str:
    return f"{shlex.quote(sys.executable)} -m briefing analyze --no-cache --format {fmt}"


def _run(cmd: list[str]) -> str:
    r = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT)
    if r.returncode != 0:
        tail = (r.stderr or r.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{' '.join(cmd[:3])} ... exited {r.returncode}: {' | '.join(tail)}")
    return r.stdout


def _micro(output: str) -> dict[str, float]:
    """The MICRO row of score.py's table as figures (its column order is documented in score.py)."""
    line = next((ln for ln in output.splitlines() if ln.startswith("MICRO")), None)
    if line is None:
        raise RuntimeError("score.py printed no MICRO row:\n" + output[-500:])
    nums = [float(x) for x in re.findall(r"\d+\.\d+", line.split(")", 1)[1])]
    # posP posR posF1 src | qP qR qF1 | keyR actR actP actF1 | merge | overall
    names = ("posP", "posR", "posF1", "src", "qP", "qR", "qF1", "keyR", "actR", "actP", "actF1", "merge", "overall")
    return dict(zip(names, nums))


def score_gold_file(scorer: Path, gold: Path) -> dict[str, float]:
    stem = gold.name[: -len(".gold.json")] if gold.name.endswith(".gold.json") else gold.stem
    article = next((gold.parent / n for n in (stem + ".raw.txt", stem + ".txt") if (gold.parent / n).exists()), None)
    if article is None:
        raise RuntimeError(f"no article text beside {gold} ({stem}.txt or {stem}.raw.txt)")
    product = _run([sys.executable, "-m", "briefing", "analyze", "--no-cache", "--format", "json", str(article)])
    json.loads(product)  # fail here, not inside the scorer, when the product is not JSON
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        fh.write(product)
    try:
        return _micro(_run([sys.executable, str(scorer), str(gold), fh.name]))
    finally:
        os.unlink(fh.name)


def score_gold_dir(scorer: Path, directory: Path) -> dict[str, float]:
    out = _run([sys.executable, str(scorer), "--dir", str(directory), "--run", _analyze_cmd("json") + " {file}"])
    if "FAILED" in out:
        raise RuntimeError("an article failed to analyse:\n" + "\n".join(ln for ln in out.splitlines() if "FAILED" in ln))
    return _micro(out)


def score_polnear(scorer: Path, jsonl: Path) -> dict[str, float]:
    out = _run([sys.executable, str(scorer), str(jsonl), "--batch", _analyze_cmd("jsonl") + " {files}"])
    m = re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+) source accuracy=([\d.]+) \(on (\d+)", out)
    if m is None:
        raise RuntimeError("score_attribution.py printed no figures:\n" + out[-500:])
    n = re.search(r"articles=(\d+) gold attributions=(\d+) product positions=(\d+)", out)
    figures = {"posP": float(m[1]), "posR": float(m[2]), "posF1": float(m[3]), "src": float(m[4])}
    note = f"{n[1]} articles, {n[2]} gold attributions, {n[3]} positions, source on {m[5]}" if n else ""
    return figures | {"_note": note}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], epilog=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="gold .json files, gold directories and/or PolNeAR .jsonl files")
    ap.add_argument("--eval-dir", type=Path, default=EVAL, help=f"where score.py and score_attribution.py are ({EVAL})")
    a = ap.parse_args(argv)
    score_py, attribution_py = a.eval_dir / "score.py", a.eval_dir / "score_attribution.py"

    rows: list[tuple[str, str, dict, float]] = []
    failed = 0
    for raw in a.paths:
        path = Path(raw).resolve()
        t0 = time.perf_counter()
        try:
            if path.is_dir():
                kind, figures = "score.py --dir", score_gold_dir(score_py, path)
            elif path.suffix == ".jsonl":
                kind, figures = "score_attribution.py", score_polnear(attribution_py, path)
            elif path.suffix == ".json":
                kind, figures = "score.py", score_gold_file(score_py, path)
            else:
                raise RuntimeError("not a gold .json, a gold directory or a .jsonl")
        except (RuntimeError, OSError, ValueError) as e:
            print(f"{raw}: {e}", file=sys.stderr)
            failed += 1
            continue
        rows.append((raw, kind, figures, time.perf_counter() - t0))

    head = f"{'input':<44} {'scorer':<21}" + "".join(f"{c:>8}" for c in COLUMNS) + f"{'time':>8}"
    print(head)
    print("-" * len(head))
    for raw, kind, figures, secs in rows:
        name = raw if len(raw) <= 44 else "..." + raw[-41:]
        cells = "".join(f"{figures[c]:>8.3f}" if c in figures else f"{'-':>8}" for c in COLUMNS)
        print(f"{name:<44} {kind:<21}{cells}{secs:>7.0f}s")
    for raw, _, figures, _ in rows:
        if figures.get("_note"):
            print(f"{raw}: {figures['_note']}")
    print("posP/posR/posF1: stated positions (for a .jsonl: attributions found by a position's sentence); "
          "src: source accuracy; q*: open questions; actF1: actors; overall: mean of the three F1s (score.py)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
