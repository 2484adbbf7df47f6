"""Rules for messy web pages (GUIDELINES 0-2), each on a short text of our own, through the real pipeline:
page furniture (menus, time stamps, "Read also" lists), datelines with a date, gender-aware "he"/"she",
names in apposition the parser misses, public bodies whose names end like a news outlet's."""

from __future__ import annotations


def names(analysis):
    return {a.name for a in analysis.actors}


def sources(analysis, needle):
    """The actors of the positions whose sentence contains ``needle``."""
    out = set()
    for p in analysis.positions:
        if needle in analysis_text(analysis, p):
            out.add(p.actor)
    return out


def analysis_text(analysis, p):
    return p.content + " " + p.cue + " " + p.source_text


def position_actors(document, analysis, needle):
    return {p.actor for p in analysis.positions if needle in document.text[p.start : p.end]}


def test_menu_lines_and_time_stamps_make_no_actors(analyse_text):
    doc, an = analyse_text(
        "News | Tech | Elections | Science | Podcasts\n"
        "Updated 14:05 GMT, 3 March\n"
        "The Harbour Authority said on Monday that ferry fares would rise in May.\n"
    )
    assert names(an) == {"Harbour Authority"}


def test_headlines_in_a_read_also_list_are_furniture(analyse_text):
    doc, an = analyse_text(
        "The Harbour Authority said on Monday that ferry fares would rise in May.\n"
        "Read also:\n"
        "Why Hana Ito thinks search is broken\n"
        "Senator Jim Ward announces retirement\n"
        "Mental health apps: do they work?\n"
    )
    assert names(an) == {"Harbour Authority"}
    assert [p.actor for p in an.positions] == ["Harbour Authority"]
    assert an.questions == []


def test_a_paragraph_after_a_list_is_article_text_again(analyse_text):
    doc, an = analyse_text(
        "Most read\n"
        "Flour prices hit a ten-year high\n"
        "The Harbour Authority said on Monday that ferry fares would rise in May, a decision that angered the "
        "ferry workers' union and several councils along the coast.\n"
    )
    assert "Harbour Authority" in names(an)


def test_dateline_with_a_date_and_an_agency(analyse_text):
    doc, an = analyse_text(
        "OSLO, June 10 (Nordwire) — The National Public Health Agency said on Tuesday it would offer free "
        "vaccination to every child.\n"
    )
    assert "OSLO" not in names(an) and "Norway" not in names(an)
    assert position_actors(doc, an, "offer free") == {"National Public Health Agency"}
    wire = [a for a in an.actors if a.name == "Nordwire"]
    assert wire and wire[0].kind == "organization"


def test_two_word_agency_in_a_dateline_bracket(analyse_text):
    doc, an = analyse_text("WASHINGTON (Capitol Wire) — The mayor's office said on Thursday it would appeal.\n")
    assert "Capitol Wire" in names(an)
    assert "Capitol Wire" not in {p.actor for p in an.positions}


def test_he_after_a_woman_mentioned_last_goes_to_the_man_who_spoke(analyse_text):
    doc, an = analyse_text(
        "Authority chair Ingrid Salo said the rules were a floor, not a ceiling, she said.\n"
        "Its chief executive, Marco Bellandi, said the company had raised its concerns with Salo in January. "
        "He warned that a 30-day limit would make the tools less safe.\n"
    )
    assert position_actors(doc, an, "He warned") == {"Marco Bellandi"}


def test_she_after_a_man_mentioned_last_goes_to_the_subject_before(analyse_text):
    doc, an = analyse_text(
        "Senate leader Tom Hadley said he would bring the bill to a vote on Friday.\n"
        "Senator Grace Whitford struck a softer tone after a lunch with Hadley. "
        "She said a compromise was still possible.\n"
    )
    assert position_actors(doc, an, "She said") == {"Grace Whitford"}


def test_a_title_gives_the_gender(analyse_text):
    doc, an = analyse_text(
        "Ms. Dana Roy, the finance minister, met Paul Kern on Monday. Kern's aides were present. "
        "She said the budget would balance by 2027.\n"
    )
    assert position_actors(doc, an, "She said") == {"Dana Roy"}


def test_a_name_before_its_description_is_the_source(analyse_text):
    doc, an = analyse_text(
        "Tutorly, the largest supplier of classroom chatbots in the region, welcomed the transparency rule.\n"
    )
    assert position_actors(doc, an, "welcomed") == {"Tutorly"}
    assert "largest supplier" not in names(an)


def test_a_public_agency_is_not_a_news_outlet(analyse_text):
    doc, an = analyse_text("The National Public Health Agency warned that measles cases would rise this winter.\n")
    assert position_actors(doc, an, "warned") == {"National Public Health Agency"}
