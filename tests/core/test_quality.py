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
