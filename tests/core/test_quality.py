"""The sample article scored against its hand-labelled gold with the shared scorer (issue 3: overall F1 >= 0.80).

Runs through the public API (``briefing.analysis.analyse``) and the JSON contract
(``serialize.analysis_to_dict``) with the real model; the scorer is imported from ../shared/eval.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import SAMPLE, SHARED_EVAL

GOLD = SHARED_EVAL / "seed.gold.json"
SCORER = SHARED_EVAL / "score.py"


@pytest.fixture(scope="module")
def scorer():
    if not (SCORER.exists() and GOLD.exists()):
        pytest.skip(f"the shared eval tools are not beside the repo ({SHARED_EVAL})")
    spec = importlib.util.spec_from_file_location("briefing_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_reaches_the_issue_3_quality_bar(scorer, model_spec):
    from briefing import serialize
    from briefing.analysis import analyse
    from briefing.loading import load_document

    document = load_document(str(SAMPLE))
    analysis = analyse(document, model=model_spec, use_cache=False)
    product = json.loads(json.dumps(serialize.analysis_to_dict(analysis, document)))
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    summary = scorer.summarise(scorer.score_file(gold, product))
    pos_f1, q_f1 = summary["pos"][2], summary["q"][2]
    print(f"sample: posF1={pos_f1:.3f} qF1={q_f1:.3f} actF1={summary['act_f']:.3f} overall={summary['overall']:.3f}")
    assert summary["overall"] >= 0.80
    # each part must carry its weight: none may collapse while the others hide it
    assert min(pos_f1, q_f1, summary["act_f"]) >= 0.6


QUALITY_PAGES = SAMPLE.parent.parent / "tests" / "data" / "quality"


def test_our_own_pages_from_other_fields_hold_their_quality(scorer, model_spec):
    """Our own pages (13: business, science, tech, health, domestic politics, diplomacy, with boilerplate): the
    rules were tuned on them, so the bar is high and a drop means a rule broke (0.965 overall, positions P 0.984,
    source 1.000 with analyser 0.6.0; 0.980, 0.984, 1.000 with 0.7.0; figures in benchmarks/quality.py)."""
    from briefing import serialize
    from briefing.analysis import analyse
    from briefing.loading import load_document

    golds = sorted(QUALITY_PAGES.glob("*.gold.json"))
    assert len(golds) >= 13
    total = None
    for gold_path in golds:
        document = load_document(str(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))))
        analysis = analyse(document, model=model_spec, use_cache=False)
        product = json.loads(json.dumps(serialize.analysis_to_dict(analysis, document)))
        counts = scorer.score_file(json.loads(gold_path.read_text(encoding="utf-8")), product)
        total = counts if total is None else {k: total[k] + counts[k] for k in total}
    s = scorer.summarise(total)
    print(f"own pages: pos P={s['pos'][0]:.3f} F1={s['pos'][2]:.3f} src={s['src']:.3f} q F1={s['q'][2]:.3f} "
          f"act P={s['act_p']:.3f} overall={s['overall']:.3f}")
    assert s["overall"] >= 0.93
    assert s["pos"][0] >= 0.95 and s["src"] >= 0.97  # precision and the right source are the point


HELDOUT_PAGES = SAMPLE.parent.parent / "tests" / "data" / "heldout"
HELDOUT2_PAGES = SAMPLE.parent.parent / "tests" / "data" / "heldout2"
HELDOUT3_PAGES = SAMPLE.parent.parent / "tests" / "data" / "heldout3"
HELDOUT4_PAGES = SAMPLE.parent.parent / "tests" / "data" / "heldout4"
HELDOUT5_PAGES = SAMPLE.parent.parent / "tests" / "data" / "heldout5"


@pytest.mark.parametrize(
    ("pages", "at_least"),
    [
        (QUALITY_PAGES, 9),
        (HELDOUT_PAGES, 3),
        (HELDOUT2_PAGES, 4),
        (HELDOUT3_PAGES, 4),
        (HELDOUT4_PAGES, 4),
        (HELDOUT5_PAGES, 4),
    ],
    ids=["quality", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"],
)
def test_the_gold_of_our_pages_keeps_to_the_labelling_checks(scorer, capsys, pages, at_least):
    """GUIDELINES 5: every sentence, content and alias is in the raw text, 3-7 key actors, 5-12 word abouts.
    Held-out pages (heldout, heldout2 to heldout5) are only validated here, never analysed, used to tune or
    gate rules (their READMEs say why)."""
    n = len(list(pages.glob("*.gold.json")))
    assert n >= at_least
    valid = scorer.validate([str(pages)])  # True when no problem was found
    out = capsys.readouterr().out
    assert f"{n} file(s), 0 problem(s)" in out, out
    assert valid is True
