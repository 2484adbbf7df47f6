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


def test_officials_of_a_body_named_after_its_leader_speak_for_the_body(analyse_text):
    doc, an = analyse_text(
        "Mayor Ruth Calloway presented her budget on Monday.\n"
        "Two senior officials in the Calloway administration, who asked not to be named, said the mayor would "
        "drop the library cuts.\n"
    )
    assert said_by(doc, an, "drop the library cuts") == {"Calloway administration"}
    assert "Ruth Calloway" in {a.name for a in an.actors}


def test_a_state_run_outlet_speaks_for_the_state_the_article_named(analyse_text):
    doc, an = analyse_text(
        "Beijing said it firmly opposes the ban. Chinese state media went further. The Eastern Herald, a "
        "state-run newspaper, warned in an editorial that Dutch firms should expect closer inspections.\n"
    )
    assert said_by(doc, an, "closer inspections") == {"China"}
    assert "The Eastern Herald" in next(a for a in an.actors if a.name == "China").aliases


def test_headline_nouns_find_the_club_named_below(analyse_text):
    _, an = analyse_text(
        "Harlow Rovers docked 12 points for breaking spending rules\n"
        "Club says it will appeal; players' union warns wages are at risk\n"
        "The Coastal Football League on Friday deducted 12 points from Harlow Rovers and fined the club.\n"
        "The Professional Players’ Association warned that wages were at risk.\n"
    )
    by_cue = {p.cue: p.actor for p in an.positions if p.sentence == 1}
    assert by_cue == {"says": "Harlow Rovers", "warns": "Professional Players’ Association"}
    assert next(a for a in an.actors if a.name == "Harlow Rovers").kind == "organization"


def test_the_two_ministries_are_the_two_states_named_before(analyse_text):
    doc, an = analyse_text(
        "Georgia and Armenia signed the cable deal on Monday. The two neighbours have argued over the route for "
        "years. According to the two foreign ministries, the cable will cost about 2 billion euros.\n"
    )
    assert said_by(doc, an, "2 billion euros") == {"Georgia", "Armenia"}
    assert {a.name for a in an.actors} == {"Georgia", "Armenia"}
