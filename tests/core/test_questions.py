"""Open-question rules (GUIDELINES 3) on short texts of our own."""

from __future__ import annotations

import pytest


def only_question(analysis):
    assert len(analysis.questions) == 1, [(q.cue, q.about) for q in analysis.questions]
    return analysis.questions[0]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # explicit uncertainty
        ("Any deployment of the new grid software remains uncertain.", "remains uncertain"),
        ("It is unclear how the hospital will pay for the new scanners.", "unclear"),
        ("The board has not yet decided on the merger with its rival.", "not yet decided"),
        ("The ministry has yet to publish the audit of the rail contracts.", "yet to"),
        ("Whether the trial drug helps older patients remains to be seen.", "remains to be seen"),
        ("The league will decide in May whether to expand the playoffs.", "whether"),
        ("Any NATO presence in the region remains controversial among members.", "remains controversial"),
        # hedged prospects
        ("The new telescope could detect water vapour on distant planets.", "could"),
        ("The port strike may delay deliveries of medical supplies.", "may"),
        ("Lower rates might revive the housing market in the spring.", "might"),
        ("As talks gain momentum, the firm emerged as a possible bidder for the mine.", "possible"),
        ("The mayor discussed the possibility of a new bridge with engineers.", "possibility"),
        ("The bank is not likely to raise rates before the election.", "likely"),
        # unmet conditions
        ("The club will only sign the striker if the transfer fee falls.", "only sign the striker if"),
        ("The plant will close at the end of the year unless a buyer is found.", "unless"),
        ("Lawmakers will back the bill on condition that the tax credit is kept.", "on condition that"),
        # direct question
        ("Will the council approve the tower before the summer?", "?"),
        # dispute left unsettled
        ("The company denied the union's allegation of unsafe working conditions.", "denied"),
    ],
)
def test_question_cues(analyse_text, text, cue):
    document, an = analyse_text(text)
    q = only_question(an)
    assert q.cue == cue
    assert document.text[q.cue_start : q.cue_end] == cue
    assert (q.start, q.end) == (document.sentences[0].start, document.sentences[0].end)


@pytest.mark.parametrize(
    "text",
    [
        # a modal inside a firm quoted position
        '"We may be a small team, but we will win this case," said lawyer Ana Lopes.',
        # normative should
        "The report argued that the government should invest more in regional rail.",
        # past hopes
        "The organisers had hoped to open the stadium last spring.",
        # fixed phrases that only look hedged
        "The minister asked for the repairs to be finished as soon as possible.",
        "The grant made possible a new wing of the children's hospital.",
        # settled facts and firm commitments
        "The central bank raised its main rate by half a point on Thursday.",
        "We will act, the minister said.",
        "There is no doubt that the bridge was poorly maintained.",
    ],
)
def test_not_questions(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


def test_one_question_per_sentence_with_the_strongest_cue(analyse_text):
    _, an = analyse_text("The outcome remains unclear, and the ruling could be appealed if the court allows it.")
    q = only_question(an)
    assert q.cue == "remains unclear"


def test_condition_inside_a_quote_still_counts(analyse_text):
    _, an = analyse_text('"We will only join the consortium if the state guarantees the loans," said Ines Maro.')
    q = only_question(an)
    assert q.cue.endswith("if")


def test_about_is_5_to_12_words_taken_from_the_sentence(analyse_text):
    text = (
        "While the merger could strengthen the company's position in Asia, regulators in three countries "
        "have yet to approve it and analysts say the outcome remains uncertain.\n"
        "Researchers may soon know whether the coral reefs can recover.\n"
        "Short talks failed.\n"
        "Could the vote be delayed?"
    )
    document, an = analyse_text(text)
    assert len(an.questions) == 3
    for q in an.questions:
        sentence = document.text[q.start : q.end]
        assert 5 <= len(q.about.split()) <= 12, q.about
        assert q.about in sentence
        assert q.cue in sentence


def test_about_names_the_clause_the_cue_governs(analyse_text):
    _, an = analyse_text("However, the launch of the new satellite remains uncertain, as engineers are still testing it.")
    q = only_question(an)
    assert q.about.startswith("the launch of the new satellite remains uncertain")


@pytest.mark.parametrize(
    "text",
    [
        "The singer is once again touring the country with her old band.",
        "Party delegates cheered the likely nominee at the convention in Ohio.",
        "A generous donor made the new library wing possible last year.",
        "Refugees were denied entry at the border crossing on Monday.",
    ],
)
def test_words_that_only_look_like_cues(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


def test_not_yet_done_is_pending(analyse_text):
    _, an = analyse_text("The budget office has not yet released its analysis of the package.")
    assert only_question(an).cue == "not yet"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a decision still to take, also in reported speech and with "would"
        ("Diplomatic sources said Latvia was considering a request for mediation by the Nordic Council.", "considering"),
        ("The park authority said it would consider a larger trial of the coral nursery next year.", "would consider"),
        # an indirect question the speaker left unanswered
        ("The operator did not say how many routers were affected by the flaw.", "not say"),
        ("The club has not disclosed whether the coach will stay.", "not disclosed"),
    ],
)
def test_pending_decisions_and_undisclosed_matters(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "The ministers will discuss the budget at their meeting on Monday.",  # a scheduled event
        "The spokesman did not say anything else to reporters.",  # nothing left open
        "The company would not consider the offer, its chairman said flatly.",  # negated: a firm refusal
    ],
)
def test_not_pending(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a refusal to comment on an indirect question leaves that matter open
        ("The club declined to comment on whether it will appeal the points deduction.", "declined to comment"),
        ("The developer declined to say how much it paid for the harbour site.", "declined to say"),
    ],
)
def test_a_refusal_to_comment_on_an_open_matter(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        # after a settled fact a refusal to comment states nothing open (GUIDELINES 3: the main point)
        "The league docked the club ten points on Monday. The club declined to comment.",
        "A spokesman for the ministry declined to comment on the audit.",
        "Representatives for the singer declined to comment when contacted by email.",
        "The minister refused to say.",
    ],
)
def test_a_bare_refusal_to_comment_is_no_question(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    "text",
    [
        # a generic rule without a pending event (GUIDELINES 3, Conditions)
        "New members must be approved only if two thirds of the club agree.",
        "Players can be registered only if they hold a valid licence.",
        "A candidate may stand for the board only if ten members nominate her.",
        "Pupils may leave early if a parent signs the form.",
    ],
)
def test_a_condition_in_a_generic_rule_is_no_question(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a condition about a specific pending event stays open
        ("The union will call off the strike only if the hospital raises pay.", "only if"),
        ("The minister said the plant can reopen only if inspectors approve the repairs.", "only if"),
        ("Regulators may block the merger if prices rise.", "if"),
        ("Shareholders must approve the merger if it is to close this year.", "if"),
    ],
)
def test_a_condition_about_a_pending_event_is_a_question(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        # a modal in a relative clause that defines the class a rule is about (GUIDELINES 3: a generic rule)
        "Under the treaty, ships that could harm the reef need a permit from all three states.",
        "Any drug that may cause birth defects must carry a warning.",
        # a participle that describes a thing states no denial
        "Troops moved into the disputed border region on Monday.",
        # a denied doubt is firm
        "The auditor said the review did not reflect any doubt about the accounts.",
        # "never" with a verb reports a settled past, not a pending matter
        "Exports fell after the firm shipped goods to buyers that had never agreed to take them.",
    ],
)
def test_hedges_and_denials_that_leave_nothing_open(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the same words where a matter stays open
        ("Farmers said measures that could raise costs were rushed through.", "could"),
        ("The union disputed the figures.", "disputed"),
        ("The deal has not been agreed.", "not been agreed"),
    ],
)
def test_hedges_and_denials_that_stay_open(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a deliberation under way, in the news present of a headline
        ("Budget deal agreed as smaller party weighs its options", "weighs"),
        # a decision still to take, with the matter it settles
        ("Its chairman said the council would decide how to spend the grant after the audit.", "would decide"),
        # nobody so far
        ("None of the labs has yet been able to repeat the experiment.", "has yet been"),
        # a condition not yet met
        ("The bank said it would lend the city another €40 million only after auditors had checked the accounts.",
         "only after"),
        # a refusal to give the date, figure or name of a pending matter
        ("Asked when the bridge would reopen, the mayor would not give a date.", "would not give"),
        ("The minister declined to give a figure for the cost of the new line.", "declined to give"),
        # a phrasal dismissal of a claim (GUIDELINES 3, Disputes)
        ("Smith brushed the objection aside.", "brushed the objection aside"),
        ("The minister shrugged off the criticism from the opposition.", "shrugged off the criticism"),
    ],
)
def test_more_open_matters(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "The committee considers each application on its merits.",  # a routine, not a decision under way
        "The unions praise what they consider modest gains in the new contract.",  # a view
        "The court will decide the case in May.",  # a scheduled decision without a named open matter
        "The museum reopened only after the roof had been repaired.",  # a condition met in the past
        "The champion shrugged off the defeat.",  # no claim dismissed
    ],
)
def test_look_alikes_of_open_matters(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a deliberation under way in a headline, where the parser takes the verb for an adjective or a noun
        ('Farmers "furious" and weigh legal action; ministers defend quota cuts', "weigh"),
        ("Unions mull strike as pay talks stall", "mull"),
        # an undecided stance: an actor keeps or leaves a matter open
        ("Brussels keeps its options open on tariffs", "keeps its options open"),
        ("The court left the question open.", "left the question open"),
    ],
)
def test_headline_deliberations_and_options_kept_open(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "Police keep the road open during the festival",  # open of a thing, not of a matter
        "Residents consider the plan a step backwards",  # a view, not a deliberation
        "Ministers weigh in on budget row",  # "weigh in": to comment
    ],
)
def test_headline_look_alikes_of_deliberations(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # an explicit rejection of a declared result or finding (GUIDELINES 3, Disputes)
        ("The nurses union refused to accept the findings of the safety inquiry.", "refused"),
        ("The losing candidate said she would not recognise the outcome of the vote.", "not recognise"),
        ("Miners reject audit result", "reject"),
    ],
)
def test_a_rejected_result_is_disputed(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        "The club refused to accept the offer from the Spanish side.",  # an offer turned down, no claim disputed
        "The minister refused to accept responsibility for the delays.",
        "The board accepted the results of the audit.",
    ],
)
def test_refusals_that_dispute_no_claim(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a condition still pending, told in the backshifted tenses of reported speech
        ("The coach said he would not sign a new contract until the club had found a new owner.", "until"),
        ("The airline said it had grounded its jets until the engine checks were complete.", "until"),
    ],
)
def test_a_pending_condition_in_reported_speech(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        # a settled past: the event the clause waits for has happened
        "He said he had waited until the market closed.",
        "The ferry stayed in port until the storm passed.",
        "He would have stayed until the end of the match.",
    ],
)
def test_until_in_a_settled_past(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a claim the actor would not make: the matter stays open
        ("Doctors stopped short of saying the drug caused the deaths.", "stopped short of saying"),
        ("The inspectors stopped short of blaming the pilots for the crash.", "stopped short of blaming"),
    ],
)
def test_a_claim_stopped_short_of_stays_open(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


def test_a_stance_stopped_short_of_is_no_question(analyse_text):
    _, an = analyse_text("The EU stopped short of calling for sanctions.")
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    "text",
    [
        # "depend on" as a norm or a reliance is a firm claim, not an outcome left open
        "Our future cannot depend on the goodwill of one donor, the mayor said.",
        "Aid should depend on need, not on politics.",
        "We depend on the river for irrigation.",
        "Families here depend on it for their water.",
    ],
)
def test_a_firm_dependence_is_no_question(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The fate of the deal depends on support for the bill.", "depends on"),
        ("Whether the plant reopens will depend on the inspectors.", "depend on"),
    ],
)
def test_an_outcome_that_depends_on_a_pending_matter(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    "text",
    [
        # a general condition: any member of a class, and a need or norm for every such case (GUIDELINES 3)
        "If a patient is refused treatment, the hospital must explain why in writing.",
        '"If a ship is going to dump ballast near the reef, we need to know about it weeks ahead," she said.',
    ],
)
def test_a_general_condition_is_no_question(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a specific pending event stays open
        ("If a buyer is found, the plant will stay open.", "If"),
        ("If a deal is reached this week, unions need to call off the strike.", "If"),
    ],
)
def test_a_specific_condition_with_an_indefinite_subject_stays_open(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        # a warning stated as a firm claim is no question (GUIDELINES 3), even with a modal of risk in it
        ("Doctors cautioned that the new strain may spread faster in winter.", []),
        ("The agency warned that unpatched routers could be targeted by attackers.", []),
        # a prospect told without a warning, or a warning with a pending condition, stays open
        ("Analysts said the strike could delay deliveries.", ["could"]),
        ("The union warned that it might strike if the talks fail.", ["if"]),
    ],
)
def test_a_warning_is_a_firm_claim(analyse_text, text, questions):
    _, an = analyse_text(text)
    assert [q.cue for q in an.questions] == questions


def test_a_person_who_is_doubtful_holds_a_stance_not_an_open_matter(analyse_text):
    doc, an = analyse_text(
        "Councilmember Alisha Corwin, who voted for the plan, was doubtful.\n"
        "It remains doubtful whether the plan will pass.\n"
        "Kobari rejected that explanation.\n"
    )
    open_ = {doc.text[q.start : q.end][:12] for q in an.questions}
    assert open_ == {"It remains d", "Kobari rejec"}


def test_subscription_pleas_are_no_questions(analyse_text):
    _, an = analyse_text(
        "Already a subscriber?\nIf you value our reporting, please consider a monthly contribution.\n"
    )
    assert an.questions == [] and an.actors == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a rejected award, ruling or comparison: whether it stands is left open (GUIDELINES 3, Disputes)
        ("The fisheries ministry rejected the tribunal's award.", "rejected"),
        ("Opposition rejects court ruling on ballot papers", "rejects"),
        ("The observatory dismissed the comparison with last year's forecast.", "dismissed"),
    ],
)
def test_a_rejected_award_ruling_or_comparison_is_disputed(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


def test_a_rejected_proposal_is_a_stance_not_a_dispute(analyse_text):
    _, an = analyse_text("The council rejected the proposal for a new car park.")
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a course of action weighed in the gerund: a deliberation under way
        ("Retailer weighs closing its northern stores", "weighs"),
        ("The board considers selling its cable unit.", "considers"),
        # a decision on the actor's own course still to take
        ("The union said its members would decide their position at a meeting on Friday.", "would decide"),
        ("The board will decide next week.", "will decide"),
        ("Growers said they would decide on further action after the harvest.", "would decide"),
    ],
)
def test_a_course_weighed_or_still_to_decide(analyse_text, text, cue):
    _, an = analyse_text(text)
    assert only_question(an).cue == cue


def test_a_gerund_judged_is_a_view(analyse_text):
    _, an = analyse_text("The company considers cutting jobs unthinkable.")
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


@pytest.mark.parametrize(
    "text",
    [
        # an act demanded, urged or ruled out "until" an event: the condition is pending despite the past perfect
        "The tenants demanded that the landlord freeze the rents until the repairs had been finished.",
        "The general ruled out withdrawing the tanks until the rebels had handed over their weapons.",
        "The union urged the company to halt the layoffs until the audit had been published.",
    ],
)
def test_a_demanded_act_until_an_event(analyse_text, text):
    _, an = analyse_text(text)
    assert only_question(an).cue == "until"


def test_an_act_itself_until_an_event_may_be_a_settled_past(analyse_text):
    _, an = analyse_text("Protesters refused to leave the square until police had arrived.")
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


def test_a_quoted_hope_for_an_outcome_stays_open(analyse_text):
    _, an = analyse_text('"The trial went well, and I hope the results hold up," said Dr Ana Ruiz.')
    assert only_question(an).cue == "hope"


@pytest.mark.parametrize(
    "text",
    [
        '"I hope you enjoyed the concert," the singer told the crowd.',  # a hope about the past
        # the question put to people about their own wish or view frames a choice or a poll
        '"Voters are being asked whether they want one chamber or two," the prime minister said.',
        "In the survey, farmers were asked whether they trust the water board.",
        # a hedge in the reason given for a firm main point
        "The regulator ruled out a ban, arguing that the risks were small and that a ban could push buyers "
        "to riskier products.",
        # a hedge in a clause that only measures something else
        "The settlement was a fraction of what the lawsuit was likely to cost the firm.",
        # a hope for the speaker's own act is an aim; a judgment questioned is a mind, not a ruling
        '"I hope I can coach here one day," the player said.',
        "Critics are questioning the mayor's judgment in backing the stadium.",
        # a verb of choosing whose object stands elsewhere is no course left open
        "That is the kind of judge many senators fear she would choose.",
    ],
)
def test_hopes_questions_and_hedges_that_leave_nothing_open(analyse_text, text):
    _, an = analyse_text(text)
    assert an.questions == [], [(q.cue, q.about) for q in an.questions]


def test_a_measure_stated_with_a_hedge_stays_open(analyse_text):
    _, an = analyse_text("The recall is likely to cost more than £40 million.")
    assert only_question(an).cue == "likely"


def test_a_hedge_added_to_what_was_said_stays_open(analyse_text):
    _, an = analyse_text("The minister said the plan was sound, adding that it could save millions.")
    assert only_question(an).cue == "could"
