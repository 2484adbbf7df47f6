"""Ids of positions, questions and actors: derived from content, stable, distinct for repeated text, model-free."""

from __future__ import annotations

from briefing.analysis.models import ModelSpec
from briefing.model import Actor, Position, Question

PARAGRAPH = (
    "Health Minister Sara Lind said that the clinic will reopen in June.\n"
    "The reopening could be delayed if the builders strike again."
)


def test_duplicated_paragraph_gives_distinct_ids(analyse_text):
    document, an = analyse_text(PARAGRAPH + "\n" + PARAGRAPH)
    assert len(an.positions) == 2
    assert len(an.questions) == 2
    assert len({p.id for p in an.positions}) == 2
    assert len({q.id for q in an.questions}) == 2
    # the two copies have the same text but not the same sentence key
    a, b = (document.sentences[p.sentence] for p in an.positions)
    assert document.sentence_text(a) == document.sentence_text(b)
    assert a.key != b.key


def test_reanalysis_gives_identical_ids(analyse_text):
    _, first = analyse_text(PARAGRAPH + "\n" + PARAGRAPH)
    _, second = analyse_text(PARAGRAPH + "\n" + PARAGRAPH)
    assert [p.id for p in first.positions] == [p.id for p in second.positions]
    assert [q.id for q in first.questions] == [q.id for q in second.questions]
    assert [a.id for a in first.actors] == [a.id for a in second.actors]


def test_first_copy_keeps_its_ids_when_a_copy_is_added(analyse_text):
    _, single = analyse_text(PARAGRAPH)
    _, double = analyse_text(PARAGRAPH + "\n" + PARAGRAPH)
    assert single.positions[0].id == double.positions[0].id
    assert single.questions[0].id == double.questions[0].id


def test_ids_are_content_hashes_that_do_not_depend_on_the_model(analyse_text, nlp):
    from briefing.analysis.pipeline import run_analysis
    from briefing.loading import document_from_text

    document, an = analyse_text(PARAGRAPH)
    for p in an.positions:
        key = document.sentences[p.sentence].key
        assert p.id == Position.make_id(key, p.cue, p.source_text)
    for q in an.questions:
        assert q.id == Question.make_id(document.sentences[q.sentence].key, q.cue)
    for a in an.actors:
        assert a.id == Actor.make_id(a.kind, a.name)
    # the same findings under another model label give the same ids (the model is in no id)
    other = run_analysis(document_from_text(PARAGRAPH, "test.txt"), spec=ModelSpec("other_model", "9.9.9"), nlp=nlp)
    assert other.model != an.model
    assert [p.id for p in other.positions] == [p.id for p in an.positions]
    assert [q.id for q in other.questions] == [q.id for q in an.questions]


def test_position_id_ignores_case_quotes_and_spacing_of_the_cue():
    assert Position.make_id("k", "Ruled  out", "The Minister") == Position.make_id("k", "ruled out", "the minister")
    assert Question.make_id("k", "Remains  Uncertain") == Question.make_id("k", "remains uncertain")
    assert Position.make_id("k", "said", "he") != Position.make_id("k2", "said", "he")
