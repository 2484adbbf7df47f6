"""briefing.background: the analysis in a child process, same results as in-process analyse()."""

from __future__ import annotations

import pytest

from briefing.background import AnalysisCancelled, analyse_in_process
from briefing.errors import BriefingError
from briefing.loading import document_from_text
from briefing.serialize import analysis_to_dict

TEXT = (
    "Talks stall in Geneva\n"
    "The French foreign minister said on Monday that Paris would not send troops. "
    "Germany insisted that sanctions must stay. It remains unclear whether Russia will attend.\n"
)


def test_child_process_gives_the_same_analysis_and_fills_the_cache(model_spec, nlp) -> None:
    from briefing.analysis.pipeline import run_analysis

    document = document_from_text(TEXT, "bg.txt")
    reports = []
    result = analyse_in_process(document, model=model_spec, on_progress=reports.append)
    expected = run_analysis(document, spec=model_spec, nlp=nlp)
    assert analysis_to_dict(result, document) == analysis_to_dict(expected, document)
    assert reports and reports[-1].done == reports[-1].total == len(document.blocks)
    # the second call is a cache hit in this process: no child, no progress
    again = []
    cached = analyse_in_process(document, model=model_spec, on_progress=again.append)
    assert analysis_to_dict(cached, document) == analysis_to_dict(expected, document)
    assert again == []


def test_should_stop_kills_the_child(model_spec) -> None:
    document = document_from_text(TEXT, "stop.txt")
    with pytest.raises(AnalysisCancelled):
        analyse_in_process(document, model=model_spec, use_cache=False, should_stop=lambda: True)


def test_a_model_that_cannot_load_is_one_line(tmp_path) -> None:
    from briefing.analysis import ModelSpec

    document = document_from_text(TEXT, "bad.txt")
    broken = ModelSpec(str(tmp_path / "no-such-model"), "0", is_path=True)
    with pytest.raises(BriefingError) as info:
        analyse_in_process(document, model=broken, use_cache=False)
    assert "\n" not in str(info.value)
    assert "no-such-model" in str(info.value)
