"""The streaming pipeline: preset sentence boundaries, progress, partial results, long texts."""

from __future__ import annotations

import pytest

from briefing.analysis.pipeline import ProgressReport, _block_doc, run_analysis
from briefing.loading import document_from_text

TRICKY = (
    "Rates rose 2.5 per cent after rate hikes.Governor Ueda said more could follow. Markets fell.\n"
    "U.S. officials met Dr. Jane Smith of Acme Inc. in Washington on Monday. She left early.\n"
    '"We will not move," the mayor said. "Not now." Talks resume on Friday\n'
    "Heading Without A Full Stop\n"
    "The next paragraph starts here. it continues in lower case after a full stop.\n"
)


def test_spacy_keeps_the_loaders_sentences(nlp) -> None:
    document = document_from_text(TRICKY, "t.txt")
    for block, doc in zip(document.blocks, nlp.pipe(_block_doc(nlp, document, b) for b in document.blocks)):
        sents = document.sentences[block.first_sentence : block.last_sentence + 1]
        assert doc.text == document.text[block.start : block.end]
        assert [(s.start_char + block.start, s.end_char + block.start) for s in doc.sents] == [
            (s.start, s.end) for s in sents
        ]


def test_progress_reports_every_block_and_ends_with_the_result(nlp, model_spec) -> None:
    document = document_from_text("\n".join(f"Officials in Oslo said plan {i} was ready." for i in range(30)), "p.txt")
    reports: list[ProgressReport] = []
    analysis = run_analysis(document, spec=model_spec, nlp=nlp, on_progress=reports.append)
    assert [r.done for r in reports][:-1] == list(range(1, len(document.blocks) + 1))
    assert all(r.total == len(document.blocks) for r in reports)
    assert reports[-1].partial is analysis and analysis.complete


def test_partial_results_are_marked_incomplete(nlp, model_spec, monkeypatch) -> None:
    from briefing.analysis import pipeline

    monkeypatch.setattr(pipeline, "PARTIAL_EVERY_S", 0.0)
    document = document_from_text("\n".join(f"The mayor of Lyon said bridge {i} would reopen." for i in range(5)), "q.txt")
    partials = []
    run_analysis(document, spec=model_spec, nlp=nlp, on_progress=lambda r: partials.append(r.partial))
    assert all(p is not None for p in partials)
    assert [p.complete for p in partials] == [False] * 5 + [True]
    assert len(partials[0].actors) >= 1


def test_should_stop_cancels_between_blocks(nlp, model_spec) -> None:
    document = document_from_text("\n".join(f"Paragraph {i} is here." for i in range(200)), "s.txt")
    seen = []
    analysis = run_analysis(
        document, spec=model_spec, nlp=nlp, on_progress=seen.append, should_stop=lambda: len(seen) >= 3
    )
    assert not analysis.complete
    assert seen[-1].done < len(document.blocks)


@pytest.mark.slow
def test_a_text_longer_than_spacys_max_length_analyses(nlp, model_spec) -> None:
    from tests.conftest import SAMPLE

    base = SAMPLE.read_text(encoding="utf-8")
    text = "\n".join([base] * (nlp.max_length // len(base) + 2))
    assert len(text) > nlp.max_length
    document = document_from_text(text, "long.txt")
    analysis = run_analysis(document, spec=model_spec, nlp=nlp)
    assert analysis.complete
    last = document.sentences[-1]
    assert any(m.start >= document.blocks[-5].start for a in analysis.actors for m in a.mentions)
    assert last.end <= len(document.text)
