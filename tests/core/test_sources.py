"""Source resolution across sentences (briefing/analysis/extract.py): pronouns, role phrases and headline nouns
resolved to the actor the article ties them to, each rule on a short text of our own."""

from __future__ import annotations

from tests.conftest import said_by


def test_they_is_the_main_clause_subject_not_one_inside_a_clause(analyse_text):
    doc, an = analyse_text(
        "The Dock Workers’ Union, which speaks for most of the port's staff, wants a written promise of jobs at "
        "the terminal that Harbor Freight is building on the quay. Union delegates met Harbor Freight managers "
        "on Friday. They said afterwards that no promise had been made.\n"
    )
    assert said_by(doc, an, "no promise had been made") == {"Dock Workers’ Union"}
