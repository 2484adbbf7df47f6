"""Stated-position rules on short texts of our own (diplomacy, domestic politics, business, science)."""

from __future__ import annotations

import pytest

from tests.conftest import said_by


def positions(analysis):
    return [(p.actor, p.cue) for p in analysis.positions]


def by_actor(analysis, name):
    found = [p for p in analysis.positions if p.actor == name]
    assert found, f"no position of {name!r}: {positions(analysis)}"
    return found


def test_reported_speech_with_that_clause(analyse_text):
    document, an = analyse_text("Finance Minister Carla Ruiz said that the deficit would shrink next year.")
    (p,) = by_actor(an, "Carla Ruiz")
    assert p.cue == "said"
    assert p.content == "the deficit would shrink next year"
    assert document.text[p.content_start : p.content_end] == p.content
    assert document.text[p.cue_start : p.cue_end] == "said"
    assert (p.start, p.end) == (document.sentences[0].start, document.sentences[0].end)


def test_direct_quote_with_speaker_after_it(analyse_text):
    _, an = analyse_text('"We will not raise prices this year," said Tomas Berg, the chief executive of Nordlys.')
    assert [p.actor for p in an.positions] == ["Tomas Berg"]
    assert "raise prices" in an.positions[0].content


def test_according_to(analyse_text):
    _, an = analyse_text("According to the European Commission, the new rules will apply from March.")
    (p,) = by_actor(an, "European Commission")
    assert p.cue == "According to"
    assert p.content.startswith("the new rules will apply")


def test_stance_verb_with_narrator_reporting(analyse_text):
    _, an = analyse_text(
        "The plan remains contested, with Poland firmly opposing the relocation of the agency's headquarters."
    )
    (p,) = by_actor(an, "Poland")
    assert p.cue == "firmly opposing"
    assert p.content == "the relocation of the agency's headquarters"


def test_relative_clause_stance_goes_to_the_antecedent(analyse_text):
    _, an = analyse_text(
        "The levy could raise tensions with Norway, which continues to resist any quota on its fishing fleet."
    )
    (p,) = by_actor(an, "Norway")
    assert p.cue == "continues to resist"


@pytest.mark.parametrize(
    ("text", "actor", "cue"),
    [
        ("The union expressed concern about the new shift rota.", None, "expressed concern"),
        ("Prime Minister Anil Kapoor ruled out early elections.", "Anil Kapoor", "ruled out"),
        ("Governor Lena Park urged lawmakers to pass the budget before June.", "Lena Park", "urged"),
        ("The regulator warned that smaller banks face higher costs.", None, "warned"),
        ("Chancellor Ingrid Vogt has signaled willingness to compromise on pensions.", "Ingrid Vogt",
         "signaled willingness"),
        ("Nordlys denied that it had misled investors.", "Nordlys", "denied"),
        ("Senator Ruth Adeyemi called for an inquiry into the contract.", "Ruth Adeyemi", "called for"),
    ],
)
def test_cue_phrases_as_they_stand(analyse_text, text, actor, cue):
    _, an = analyse_text(text)
    assert an.positions, f"no position in {text!r}"
    p = an.positions[0]
    assert p.cue == cue
    if actor:
        assert p.actor == actor


def test_pronoun_source_resolves_to_nearest_earlier_person(analyse_text):
    _, an = analyse_text(
        "Mayor Janet Osei opened the new tram line on Friday.\nShe said fares would stay frozen until 2027."
    )
    (p,) = by_actor(an, "Janet Osei")
    assert p.source_text == "She"


def test_they_resolves_to_a_group_or_state_not_a_person(analyse_text):
    _, an = analyse_text(
        "Director Paul Mensah met the Ghanaian delegation.\nAfterwards, they insisted that the loan terms be revised."
    )
    assert all(p.actor != "Paul Mensah" for p in an.positions)


def test_demonym_official_source_is_the_state(analyse_text):
    _, an = analyse_text("A senior Estonian official confirmed that the border crossing will reopen.")
    (p,) = by_actor(an, "Estonia")
    assert p.cue == "confirmed"


def test_unnamed_source_without_affiliation_is_a_group_under_its_description(analyse_text):
    _, an = analyse_text("Diplomatic sources said the summit could be postponed.")
    (p,) = an.positions
    actor = an.actor_by_id(p.actor_id)
    assert actor.kind == "group"
    assert p.actor.lower() == "diplomatic sources"


def test_embedded_view_belongs_only_to_the_speaker(analyse_text):
    _, an = analyse_text(
        "Spokesperson Mira Tal stated that Israel supports the ceasefire proposal and rejects new settlements."
    )
    assert [p.actor for p in an.positions] == ["Mira Tal"]


def test_one_entry_per_actor_and_sentence(analyse_text):
    _, an = analyse_text(
        "While Premier Dana Holt has signaled openness to a tax cut, she has ruled out new borrowing."
    )
    assert [p.actor for p in an.positions] == ["Dana Holt"]


def test_group_subject_with_named_members_gives_one_entry_each(analyse_text):
    _, an = analyse_text(
        "Several Nordic countries, including Finland and Denmark, have expressed support for the treaty."
    )
    actors = {p.actor for p in an.positions}
    assert {"Finland", "Denmark"} <= actors
    assert len(an.positions) == len(actors) == 3


def test_news_outlet_is_a_channel_not_a_source(analyse_text):
    _, an = analyse_text(
        "Reuters reported that the airline will cut 400 jobs.\n"
        "According to Bloomberg, the bank is weighing a sale of its insurance arm."
    )
    assert an.positions == []


def test_actions_without_communicated_content_are_not_positions(analyse_text):
    _, an = analyse_text(
        "The minister met union leaders on Tuesday and visited the shipyard.\n"
        "The senators voted on the bill before the recess."
    )
    assert an.positions == []


def test_documents_are_not_sources(analyse_text):
    _, an = analyse_text("The report said emissions fell by four percent in the last quarter.")
    assert an.positions == []


def test_multi_sentence_quote_belongs_to_its_speaker(analyse_text):
    _, an = analyse_text(
        "“The samples are clean,” said Professor Elena Costa. “We found no trace of the toxin. "
        "The lab will publish the data next week.”"
    )
    assert len(an.positions) == 3  # one per sentence of the quote (GUIDELINES 2)
    assert {p.actor for p in an.positions} == {"Elena Costa"}


def test_quote_paragraph_after_an_attributed_quote_keeps_the_speaker(analyse_text):
    _, an = analyse_text(
        '"The vote was fair," said party chair Omar Haddad.\n'
        '"We accept the result and will work with the new council."'
    )
    assert [p.actor for p in an.positions] == ["Omar Haddad", "Omar Haddad"]
    assert an.positions[1].cue in ('"', "“")


def test_passive_quoted_as_saying(analyse_text):
    _, an = analyse_text("Coach Rita Sousa was quoted as saying the team needed more time.")
    (p,) = by_actor(an, "Rita Sousa")
    assert "quoted" in p.cue or "saying" in p.cue


def test_mental_state_verbs_need_a_person_or_body(analyse_text):
    _, an = analyse_text(
        "Researchers at Kestrel Labs believe the enzyme can break down plastics.\n"
        "The data suggest a link between diet and sleep."
    )
    assert [p.cue for p in an.positions] == ["believe"]


def test_possessed_stance_noun(analyse_text):
    _, an = analyse_text("Hungary's opposition to the sanctions package delayed the vote.")
    (p,) = by_actor(an, "Hungary")
    assert p.cue == "opposition"


def test_positions_have_verbatim_content_and_offsets(analyse_text):
    document, an = analyse_text(
        "Energy Secretary Mark Ellis warned that winter gas prices could double.\n"
        "The utilities association rejected the forecast as alarmist."
    )
    assert len(an.positions) == 2
    for p in an.positions:
        s = document.sentences[p.sentence]
        assert s.start <= p.cue_start < p.cue_end <= s.end
        assert s.start <= p.content_start < p.content_end <= s.end
        assert document.text[p.content_start : p.content_end] == p.content
        assert document.text[p.cue_start : p.cue_end] == p.cue


def test_colon_names_the_speaker_of_a_headline(analyse_text):
    _, an = analyse_text("Angela Brandt: the pension reform will not be delayed\nThe committee meets on Monday.")
    (p,) = an.positions
    assert p.actor == "Angela Brandt"
    assert p.cue == ":"
    assert p.content.startswith("the pension reform")


def test_called_x_a_y_is_a_stance(analyse_text):
    _, an = analyse_text('Mayor Tom Reyes called the stadium deal "a waste of public money".')
    (p,) = by_actor(an, "Tom Reyes")
    assert p.cue == "called"


def test_negated_or_refused_saying_is_no_position(analyse_text):
    _, an = analyse_text(
        "Speaker Ann Cole has not said whether she will allow a vote.\n"
        "The airline declined to comment on the report.\n"
        "The ministry refused to say how many staff were affected."
    )
    assert an.positions == []


def test_a_stance_inside_a_condition_is_no_position(analyse_text):
    _, an = analyse_text("If the assembly rejects the budget, the city could run out of cash by June.")
    assert an.positions == []


def test_definite_body_resolves_to_the_named_organisation_and_becomes_an_alias(analyse_text):
    _, an = analyse_text(
        "Harbor Bank fired its chief risk officer on Monday.\nThe bank said the dismissal was unrelated to the fraud."
    )
    (p,) = an.positions
    assert p.actor == "Harbor Bank"
    bank = an.actor_by_id(p.actor_id)
    assert "The bank" in bank.aliases


def test_role_phrase_resolves_to_the_person_introduced_with_that_title(analyse_text):
    _, an = analyse_text(
        "Government spokesperson Lina Haddad met reporters on Monday.\n"
        "The spokesperson said the talks would resume next week."
    )
    (p,) = an.positions
    assert p.actor == "Lina Haddad"


def test_they_refers_back_to_people_named_by_a_description(analyse_text):
    _, an = analyse_text(
        "Engineers at Voltaro tested the battery for six months, and they say it keeps 90 percent of its charge."
    )
    assert [p.actor for p in an.positions] == ["Voltaro"]


def test_pronoun_never_resolves_to_a_news_outlet(analyse_text):
    _, an = analyse_text(
        "The Daily Courier published the memo on Sunday.\nIt says the plant must close within a year."
    )
    assert all(p.actor != "The Daily Courier" and p.actor != "Daily Courier" for p in an.positions)


def test_idiom_goes_without_saying_is_no_position(analyse_text):
    _, an = analyse_text("It goes without saying that the museum needs a new roof.")
    assert an.positions == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("LISBON - The fisheries ministry said the quota talks would resume in May.", "Fisheries Ministry"),
        ("NAIROBI (Newswire) – Energy Minister Ruth Wanjiru said on Friday the grid deal was final.", "Ruth Wanjiru"),
    ],
)
def test_dateline_place_is_no_actor_and_no_source(analyse_text, text, source):
    _, an = analyse_text(text)
    assert [p.actor for p in an.positions] == [source]
    assert not {"Lisbon", "LISBON", "Portugal", "Nairobi", "NAIROBI", "Kenya"} & {a.name for a in an.actors}


def test_body_named_through_its_parent_is_its_own_organisation(analyse_text):
    _, an = analyse_text("Candidate Rosa Ibarra toured the valley.\nIbarra’s campaign said the tour raised $2 million.")
    (p,) = an.positions
    campaign = an.actor_by_id(p.actor_id)
    assert campaign.kind == "organization"
    assert "campaign" in campaign.name.lower() and "Ibarra" in campaign.name


def test_government_of_a_state_is_the_state(analyse_text):
    _, an = analyse_text("Chile's government said the lithium contracts would be reviewed.")
    (p,) = an.positions
    assert p.actor == "Chile"


def test_colon_introduced_quote_in_the_next_paragraph(analyse_text):
    _, an = analyse_text(
        "Transport Minister Eva Lund told the assembly:\n"
        "“We will build the bridge. Work starts in May, whatever the weather.”\n"
        "The opposition walked out."
    )
    lund = [p for p in an.positions if p.actor == "Eva Lund"]
    assert len(lund) == 3  # the introduction and both sentences of the quote paragraph
    assert {p.sentence for p in lund} == {0, 1, 2}
    assert lund[1].cue == "“"


def test_the_company_refers_back_to_the_company_not_the_regulator(analyse_text):
    _, an = analyse_text(
        "The Competition Authority fined carmaker Veltro AG 300 million euros on Monday.\n"
        '"We will challenge the ruling in court," the company said in a statement.'
    )
    (p,) = an.positions
    assert p.actor == "Veltro AG"


def test_parenthetical_attribution_reports_the_clause_it_interrupts(analyse_text):
    _, an = analyse_text(
        "Economy Minister Paula Reis spoke in Lisbon on Monday.\n"
        "The new tariffs, she added, would hurt exporters more than importers."
    )
    assert [(p.actor, p.sentence) for p in an.positions] == [("Paula Reis", 1)]


# ---------------------------------------------------------------------------------------- session 2 rules
def test_quantified_subject_takes_the_group_it_picks_from(analyse_text):
    _, an = analyse_text("Many of the striking nurses believe the hospital board misled them.")
    (p,) = an.positions
    assert p.cue == "believe"
    assert "nurses" in p.actor


def test_the_noun_of_an_organisations_name_refers_back_to_it(analyse_text):
    _, an = analyse_text(
        "The International Monetary Fund cut its growth forecast for Europe on Tuesday.\n"
        "The fund warned that the trade dispute would weigh on investment."
    )
    (p,) = [p for p in an.positions if p.sentence == 1]
    assert (p.actor, p.cue) == ("International Monetary Fund", "warned")


def test_the_noun_of_no_named_organisation_is_no_source(analyse_text):
    _, an = analyse_text("The storm hit the coast overnight. The move signals that the season has started early.")
    assert an.positions == []


def test_a_document_issued_by_an_actor_states_the_actors_position(analyse_text):
    _, an = analyse_text("Lawyers for the Farmers Union filed papers opposing the new water charges.")
    (p,) = an.positions
    assert p.actor == "Farmers Union"
    assert p.cue == "opposing"


def test_light_verb_with_a_remark(analyse_text):
    _, an = analyse_text("On Monday, Senator Ada Moreno made the following comment: the budget is a fiction.")
    (p,) = an.positions
    assert p.actor == "Ada Moreno"
    assert p.cue.startswith("made") and p.cue.endswith("comment")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the parser gives the verb the quote's own subject as a second subject: the nearest one speaks
        ('"Our reaction, that was outrageous," the union\'s former negotiator Omar Haddad said on Tuesday.',
         "Omar Haddad"),
        ('"The plant is in panic mode. Full panic mode," said Leslie Wimes, a board member of the co-operative.',
         "Leslie Wimes"),
    ],
)
def test_inverted_attribution_after_a_quote_with_its_own_subject(analyse_text, text, speaker):
    _, an = analyse_text(text)
    assert an.positions and {p.actor for p in an.positions} == {speaker}
    assert any(p.cue == "said" for p in an.positions)


def test_a_cue_inside_a_quote_is_the_quoted_speakers_sentence(analyse_text):
    _, an = analyse_text(
        "Mayor Lina Sorensen spoke after the vote.\n"
        "“My reaction was anger,” Sorensen said. “The governor has refused to fund the bridge. He should.”"
    )
    assert {p.actor for p in an.positions} == {"Lina Sorensen"}
    assert sorted(p.sentence for p in an.positions) == [1, 2, 3]


def test_a_cue_verb_tagged_as_a_noun(analyse_text):
    # the small model tags "claims" a noun here (a parse this rule exists for)
    _, an = analyse_text("Donald Trump spoke in Ohio. But Trump claims that he should be the exception.")
    assert [(p.actor, p.cue, p.sentence) for p in an.positions] == [("Donald Trump", "claims", 1)]


def test_call_with_a_predicate_naming_a_view(analyse_text):
    # the parser makes both the person and the epithet predicates of "called" here (no object)
    _, an = analyse_text(
        'Ted Cruz and Donald Trump traded insults for months. Cruz called Trump a "pathological liar" who is '
        '"utterly amoral" and a "bully."'
    )
    assert [(p.actor, p.cue, p.sentence) for p in an.positions] == [("Ted Cruz", "called", 1)]


def test_tell_without_an_addressee_or_a_clause_is_no_statement(analyse_text):
    _, an = analyse_text("Carmaker boss Ingrid Holm needs to tell the truth about the recall. She told reporters the plan was dead.")
    assert [(p.actor, p.sentence) for p in an.positions] == [("Ingrid Holm", 1)]


def test_a_surname_tagged_as_a_common_noun_joins_the_named_person(analyse_text):
    _, an = analyse_text(
        "Donald Trump spoke to supporters in Ohio.\n"
        "Trump further described the incident as a “terrible situation,” but stopped short of calling it a crime."
    )
    assert [(p.actor, p.cue) for p in an.positions] == [("Donald Trump", "described")]


def test_a_capitalised_common_noun_is_no_actor_of_its_own(analyse_text):
    _, an = analyse_text("Work starts in May, the builders said. Snow said nothing to anyone.")
    assert "Work" not in {a.name for a in an.actors}


def test_point_to_cites_evidence(analyse_text):
    _, an = analyse_text("The World Bank pointed to falling copper prices as the main risk for Chile.")
    (p,) = an.positions
    assert (p.actor, p.cue) == ("World Bank", "pointed to")


def test_naming_verbs_with_a_predicate_and_a_quoted_phrase_in_narrative(analyse_text):
    _, an = analyse_text(
        'Japan branded the regime an "outlaw nation in the neighborhood." '
        'Russia insisted that the North "stop its dangerous escapades."'
    )
    # the first sentence is Japan's (a naming verb), not a continuation of Russia's quote
    assert [(p.actor, p.cue, p.sentence) for p in an.positions] == [("Japan", "branded", 0), ("Russia", "insisted", 1)]


@pytest.mark.parametrize(
    "text, actor, cue",
    [
        ("Younger voters have expressed misgivings about the pension plan.", "Younger voters", "expressed misgivings"),
        ("A federal appeals court ruled against the state's procedure for removing voters.", "federal appeals court",
         "ruled against"),
        ("Governor Ellen Park has portrayed herself as a careful steward of the budget.", "Ellen Park", "portrayed"),
        ("Senator Rui Costa told one of his aides that the bill was dead.", "Rui Costa", "told"),
    ],
)
def test_more_cue_classes(analyse_text, text, actor, cue):
    _, an = analyse_text(text)
    assert [(p.actor, p.cue) for p in an.positions] == [(actor, cue)]


def test_rule_without_a_decision_is_no_position(analyse_text):
    _, an = analyse_text("King Harald ruled for decades from the old palace.")
    assert an.positions == []


def test_a_view_reported_by_a_speaker_we_cannot_name_is_nobody_elses_position(analyse_text):
    _, an = analyse_text(
        "Governor Terry Vance spoke on Monday.\n"
        "Those close to him say that he would have to consider the budget director for the post."
    )
    assert [p.sentence for p in an.positions] == []  # not "Terry Vance | consider"


def test_an_outlet_reporting_a_statement_does_not_silence_its_speaker(analyse_text):
    _, an = analyse_text("Reuters reported that Health Minister Ana Lopes said the hospital deal was dead.")
    assert [(p.actor, p.cue) for p in an.positions] == [("Ana Lopes", "said")]


def test_a_signature_line_names_the_speaker_of_the_quote_before_it(analyse_text):
    _, an = analyse_text(
        "Readers sent us their views on the stadium vote.\n\n"
        "“The council ignored us. It will regret this.” ― Marta Quintero\n"
        "“The vote was fair. Move on.” — Colin Avery"
    )
    assert [(p.actor, p.sentence) for p in an.positions] == [
        ("Marta Quintero", 1), ("Marta Quintero", 2), ("Colin Avery", 4), ("Colin Avery", 5)]
    # the signature line itself states nothing
    assert all(p.cue not in ("―", "—") for p in an.positions)


@pytest.mark.parametrize(
    ("text", "actor", "cue"),
    [
        ("Club says it will appeal points deduction\n\n"
         "Ashby Town Football Club will challenge the ten-point penalty, its chairman said on Monday.",
         "Ashby Town Football Club", "says"),
        ("Appeal court rules airline must refund passengers\n\n"
         "The Court of Appeal in Leeds found on Tuesday that Skyway Air broke consumer law.",
         "Court of Appeal", "rules"),
        ("Regulator warns banks over overdraft fees\n\n"
         "The Financial Conduct Authority said on Friday that lenders were charging too much.",
         "Financial Conduct Authority", "warns"),
        ("Minister vows to cut waiting lists\n\n"
         "Health Minister Clara Dunn said the government would hire 2,000 nurses.", "Clara Dunn", "vows"),
    ],
)
def test_a_headline_bare_noun_is_the_actor_the_article_names(analyse_text, text, actor, cue):
    document, an = analyse_text(text)
    head = [p for p in an.positions if p.sentence == 0]
    assert [(p.actor, p.cue) for p in head] == [(actor, cue)]
    assert document.text.startswith(head[0].source_text)  # "Club", "Appeal court": the headline's own words


def test_a_headline_that_only_names_a_topic_is_no_position(analyse_text):
    _, an = analyse_text("Club in crisis over points deduction\n\n"
                         "Ashby Town Football Club lost ten points on Monday.")
    assert an.positions == []


@pytest.mark.parametrize(
    ("text", "actor", "cue"),
    [
        # a curly quote closed by a straight one, and the other way round: the quote ends there
        ('“Plea deals should not be a reward for silence," Senator Hal Brody said in a statement.', "Hal Brody",
         "said"),
        ('"The regulator has a huge pulpit, with the whole ministry behind it,” said Dana Wirth, a professor of law.',
         "Dana Wirth", "said"),
    ],
)
def test_mixed_quote_marks_close_the_quote(analyse_text, text, actor, cue):
    _, an = analyse_text(text)
    assert [(p.actor, p.cue) for p in an.positions] == [(actor, cue)]


def test_an_attribution_after_a_quote_that_reports_someone_else(analyse_text):
    # the quote's own "he said" is the quoted speaker's report; the parser hangs "recalled" under it
    _, an = analyse_text(
        "\"In my first meeting with the minister in 2019, he said, 'Our approach has failed; we want to work with "
        "you,'\" Ambassador Lena Ortiz recalled in an interview."
    )
    assert [(p.actor, p.cue) for p in an.positions] == [("Lena Ortiz", "recalled")]


def test_a_that_clause_the_parser_hung_on_the_object(analyse_text):
    # "that" is the complementiser of what was told, parsed as a relative clause on "a meeting"
    _, an = analyse_text(
        "Prime Minister Tala Vaai spoke in Apia. In Apia last week, she told a meeting of Pacific Island leaders "
        "that few people understood the stakes of rising seas better than residents of their part of the planet."
    )
    told = [p for p in an.positions if p.cue == "told"]
    assert [p.actor for p in told] == ["Tala Vaai"]
    assert told[0].content.startswith("few people understood")


def test_a_relative_clause_on_what_was_told_is_no_statement(analyse_text):
    _, an = analyse_text("The mayor told a story that nobody believed.")
    assert an.positions == []


def test_joked_that_reports_speech(analyse_text):
    _, an = analyse_text("Senator Rui Costa joked that, among young voters, his rival ranks fourth.")
    assert [(p.actor, p.cue) for p in an.positions] == [("Rui Costa", "joked")]


@pytest.mark.parametrize(
    ("text", "actor", "cue"),
    [
        # a phrasal dismissal of something said (GUIDELINES 2: rejects)
        ("Huseynli brushed the objection aside.", "Huseynli", "brushed the objection aside"),
        ("Mayor Jon Reiss shrugged off the criticism from the opposition.", "Jon Reiss", "shrugged off"),
        # the narrator reports that a named actor is not persuaded: the stance of the one persuaded, not the agent's
        ("Union leader Maria Kolb was not persuaded.", "Maria Kolb", "was not persuaded"),
        ("The Finance Ministry was not convinced by the bank's figures.", "Finance Ministry", "was not convinced"),
    ],
)
def test_dismissals_and_narrated_persuasion(analyse_text, text, actor, cue):
    _, an = analyse_text(text)
    assert positions(an) == [(actor, cue)]


@pytest.mark.parametrize(
    "text",
    [
        "His unorthodox moves have brushed aside traditional politicking.",  # nothing said is dismissed
        "Oskar Lind was persuaded to sign the deal.",  # an act, no stance
        # nothing stated so far (an open question instead)
        "Norway has yet to say whether it will support the treaty.",
        "The Rail Union is yet to back the offer.",
        # how long a process took is background
        "The Caspian states took two decades to agree on how to divide the sea.",
        # the reason for a fine is what the fined company did, no position of the regulator's
        "The Financial Conduct Board fined Harlan Foods £3 million in 2019 for announcing a merger too early.",
    ],
)
def test_cues_that_state_nothing_in_the_story(analyse_text, text):
    _, an = analyse_text(text)
    assert an.positions == [], positions(an)


@pytest.mark.parametrize(
    ("text", "actor", "cue"),
    [
        # a gerund after "for" without an object to do it is the subject's own
        ("Senator Ada Ostrova apologised for saying the bill was dead.", "Ada Ostrova", "saying"),
        ("Senator Ada Ostrova was criticised for saying the court was biased.", "Ada Ostrova", "saying"),
    ],
)
def test_a_gerund_after_for_is_the_subjects_when_there_is_no_object(analyse_text, text, actor, cue):
    _, an = analyse_text(text)
    assert positions(an) == [(actor, cue)]


@pytest.mark.parametrize(
    ("text", "actor", "cue"),
    [
        # a statement or letter the subject responded with speaks for the subject
        ("Senator Hal Brody responded with a statement calling the report a smear.", "Hal Brody", "calling"),
        ("Vantra Airways hit back in a letter accusing the union of lying.", "Vantra Airways", "accusing"),
    ],
)
def test_responded_with_a_statement(analyse_text, text, actor, cue):
    _, an = analyse_text(text)
    assert positions(an) == [(actor, cue)]


def test_according_to_frame_owns_the_clause_it_reports(analyse_text):
    doc, an = analyse_text(
        "The administration had pushed for wording that would also cover attacks on peacekeepers, "
        "according to two Western diplomats.\n"
        "The company said sales fell, according to Reuters.\n"
    )
    by_sentence = {doc.text[p.start : p.end][:20]: p.actor for p in an.positions}
    assert by_sentence == {"The administration h": "Western diplomats", "The company said sal": "company"}


def test_stopping_short_of_saying_and_past_aims_state_nothing(analyse_text):
    _, an = analyse_text(
        "The group stopped short of saying that the problems had changed the outcome.\n"
        "Halcyon had planned to raise another 90 million pounds this summer.\n"
        "The organisers had hoped to open the stadium last spring.\n"
    )
    assert an.positions == []


def test_votes_and_what_was_not_yet_said_hold_no_positions(analyse_text):
    _, an = analyse_text(
        "The company has yet to say whether it will keep Kobari as a supplier for the new models it plans to launch.\n"
        "The City Council voted 8-5 late Thursday to reject the mayor's budget.\n"
    )
    assert an.positions == []


def test_a_report_joined_by_comma_and_is_its_own_speakers(analyse_text):
    doc, an = analyse_text(
        "Obama emphasized that Burma's reforms were not complete, and human rights groups warned that the "
        "administration was relinquishing critical leverage over the military.\n"
        "The minister said prices had risen and traders expected more increases.\n"
    )
    first = {p.actor for p in an.positions if doc.text[p.start : p.end].startswith("Obama")}
    second = {p.actor for p in an.positions if doc.text[p.start : p.end].startswith("The minister")}
    assert first == {"Obama", "human rights groups"}
    assert second == {"minister"}  # no comma: the traders are inside what the minister said


def test_nobody_saying_is_no_position(analyse_text):
    _, an = analyse_text(
        "The chief executive met the minister on Monday. Neither side would say whether any help was offered.\n"
        "No one at the ministry would confirm the figure.\n"
    )
    assert an.positions == []


def test_a_report_hung_under_what_it_reports_is_its_attribution(analyse_text):
    doc, an = analyse_text(
        "A model trained on satellite records predicted the failure of the rains in June, four months before the "
        "official outlook, researchers at the Harlow Climate Institute reported on Tuesday.\n"
    )
    assert said_by(doc, an, "predicted the failure") == {"Harlow Climate Institute"}
    (p,) = an.positions
    assert p.cue == "reported" and p.content.startswith("A model trained") and "researchers" not in p.content


def test_a_headline_of_clauses_split_by_a_semicolon_gives_each_clause_its_speaker(analyse_text):
    doc, an = analyse_text(
        "Airline says it will appeal; pilots' union warns of more strikes\n"
        "Northwind Airways said on Monday it would appeal the ruling. The Pilots' Union, which represents 900 pilots, "
        "warned that more strikes were likely.\n"
    )
    head = {(p.actor, p.cue) for p in an.positions if p.sentence == 0}
    assert head == {("Northwind Airways", "says"), ("Pilots' Union", "warns of")}
    says = next(p for p in an.positions if p.sentence == 0 and p.cue == "says")
    assert says.content == "it will appeal"  # not the other clause
    # a bare description in a headline clause stands for a body named below that the headline does not say
    doc, an = analyse_text(
        "Carriers weigh appeal; union and passenger campaigners welcome ruling\n"
        "The Transport Workers' Union welcomed the ruling on Monday. Fair Fares, a passenger group, said the decision "
        "would cut prices.\n"
    )
    assert said_by(doc, an, "Carriers weigh") == {"Transport Workers' Union"}
    assert "passenger campaigners" not in {a.name for a in an.actors}


def test_a_headline_study_is_the_research_body_the_article_names(analyse_text):
    doc, an = analyse_text(
        "Sensor network spotted the quake early, study says\n"
        "A network of seabed sensors detected the tremor eight minutes before it struck, according to a study "
        "published on Monday by researchers at the Baltic Institute of Geophysics.\n"
    )
    assert said_by(doc, an, "study says") == {"Baltic Institute of Geophysics"}
    assert all(a.name != "study" and "study" not in a.aliases for a in an.actors)
    # no research body named: the study speaks for nobody
    doc, an = analyse_text(
        "Sensor network spotted the quake early, study says\n"
        "A network of seabed sensors detected the tremor eight minutes before it struck. The Meteorological Office "
        "said the result was interesting.\n"
    )
    assert said_by(doc, an, "study says") == set()


def test_a_headline_start_up_or_service_is_the_body_named_after_it(analyse_text):
    doc, an = analyse_text(
        "Start-up says its battery lasts twice as long. Engineers want to see proof\n"
        "Celvion Energy, a battery start-up in Lyon, said on Monday that its new cell kept 90 percent of its charge.\n"
    )
    assert "Celvion Energy" in said_by(doc, an, "Start-up says")
    doc, an = analyse_text(
        "Fire service rejects the union's staffing figures\n"
        "The Northern Fire and Rescue Service said on Tuesday that the union's figures were out of date.\n"
    )
    assert said_by(doc, an, "Fire service rejects") == {"Northern Fire and Rescue Service"}


def test_a_headline_speaker_named_after_the_colon(analyse_text):
    # the NER takes neither "Tchalla" nor "Akakpo" for a person in the headline
    doc, an = analyse_text(
        'Verdict is "a line drawn in Cotonou": Tchalla\n'
        "Niger's trade minister, Aïcha Tchalla, criticised the verdict on Friday.\n"
    )
    assert said_by(doc, an, "Verdict is") == {"Aïcha Tchalla"}
    doc, an = analyse_text(
        'Verdict is "a line drawn in Cotonou": Akakpo; Benin promises calm\n'
        "Niger's trade minister, Aïcha Akakpo, criticised the verdict on Friday.\n"
    )
    assert said_by(doc, an, "Verdict is") == {"Aïcha Akakpo", "Benin"}


def test_an_offer_is_a_proposal_but_not_an_offer_of_nothing(analyse_text):
    doc, an = analyse_text(
        "Norway's foreign minister, Ine Dahl, offered Sweden joint patrols of the fishing grounds.\n"
        "The African Union offered to mediate between the two governments.\n"
        "The minister offered no details about the cost.\n"
        "Senator Hal Brooks offered his resignation on Friday.\n"
        "The reforms could offer a reply to critics in both parties.\n"
    )
    assert said_by(doc, an, "joint patrols") and said_by(doc, an, "to mediate") == {"African Union"}
    assert not said_by(doc, an, "no details") and not said_by(doc, an, "resignation")
    assert not said_by(doc, an, "a reply to critics")


def test_a_thing_described_by_who_claims_it_is_background(analyse_text):
    _, an = analyse_text(
        "The truce held after weeks of shelling around hilltop shrines claimed by both countries.\n"
        "A tribunal divided a stretch of sea claimed by both Peru and Chile.\n"
    )
    assert an.positions == []


def test_a_tribunals_award_is_its_announced_decision(analyse_text):
    doc, an = analyse_text(
        "An international arbitral tribunal on Wednesday awarded Peru about two thirds of the disputed zone.\n"
        "The company gave its staff a bonus in March.\n"
        "The groups appealed after the district court upheld the law.\n"
    )
    (who,) = said_by(doc, an, "awarded Peru")
    assert "tribunal" in who.lower()
    assert not said_by(doc, an, "bonus") and not said_by(doc, an, "upheld")


def test_a_company_cutting_its_forecast_states_what_it_expects(analyse_text):
    doc, an = analyse_text(
        "Velomar cut its profit forecast for the year on Tuesday.\n"
        "The central bank cut interest rates by a quarter point.\n"
    )
    (p,) = an.positions
    assert (p.actor, p.cue) == ("Velomar", "cut its profit forecast")


def test_a_headline_verb_the_tagger_took_for_a_noun(analyse_text):
    # the small model reads "rejects calls" as a noun and its verb
    doc, an = analyse_text(
        "Government rejects calls for an inquiry into the port deal\n"
        "Insurance claims soar after the storm\n"
        "Portugal's government said on Monday it would not open an inquiry.\n"
    )
    assert said_by(doc, an, "rejects calls") == {"Portugal"}
    (p,) = [p for p in an.positions if p.sentence == 0]
    assert p.cue == "rejects" and p.content == "calls for an inquiry into the port deal"
    assert not said_by(doc, an, "claims soar")
