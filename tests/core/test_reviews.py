"""Reviews are operations on ids and surface forms, re-applied after every (re-)analysis."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from briefing import reviews as rv
from briefing.annotations import Notebook
from briefing.errors import BriefingError
from briefing.model import Actor
from briefing.store import Store

TEXT = """Turkey weighs peacekeeping role

Turkish President Recep Tayyip Erdogan said Turkey was ready to send troops to Ukraine. Erdogan told reporters that the force would need a UN mandate.

Russian Foreign Minister Sergei Lavrov said Moscow would not accept NATO troops. Lavrov added that any deployment must be agreed with Russia.

It remains unclear whether Kyiv will accept the plan. Officials did not say who would pay for the mission.

Ukrainian President Volodymyr Zelensky said Ukraine welcomed the offer.
"""
# a new paragraph first, words changed around (not inside) the reviewed claims
EDITED = (
    TEXT.replace("Turkey weighs peacekeeping role\n", "Turkey weighs peacekeeping role\n\nUpdated on Tuesday.\n")
    .replace("Russian Foreign Minister Sergei Lavrov said", "Russia's foreign minister, Sergei Lavrov, said")
    .replace("It remains unclear whether Kyiv will accept the plan.", "It remains unclear whether Kyiv will accept the plan at all.")
)


def by_cue(analysis, cue: str, actor: str | None = None):
    return next(p for p in analysis.positions if p.cue == cue and (actor is None or p.actor == actor))


def actor(analysis, name: str):
    return next(a for a in analysis.actors if a.name == name)


REVIEWED_ACTORS = ("Recep Tayyip Erdoğan", "Kremlin", "Ukraine", "the force")


def summary(reviewed) -> dict:
    """What the reviews did, without ids or offsets (those move with the text) and without what
    an edit of the text may legitimately change in the analysis itself."""
    status = reviewed.status
    return {
        "status": sorted(
            [("position", p.actor, p.cue, p.content, status[p.id]) for p in reviewed.positions if p.id in status]
            + [("question", q.cue, "", "", status[q.id]) for q in reviewed.questions if q.id in status]
            + [("actor", a.name, a.kind, "", status[a.id]) for a in reviewed.actors if a.id in status]
        ),
        "actors": sorted(a.name for a in reviewed.actors),
        "aliases": {a.name: sorted(a.aliases) for a in reviewed.actors if a.name in REVIEWED_ACTORS},
        "erdogan's positions": sorted(p.cue for p in reviewed.positions if p.actor == "Recep Tayyip Erdoğan"),
        "ukraine's positions": sorted(p.cue for p in reviewed.positions if p.actor == "Ukraine"),
        "rejected": sorted(x.cue for x in reviewed.rejected),
        "unapplied": [r.op for r in reviewed.unapplied],
    }


def make_reviews(nb: Notebook, document, analysis) -> None:
    erdogan = actor(analysis, "Recep Tayyip Erdogan")
    russia = next(a for a in analysis.actors if "Moscow" in {m.text for m in a.mentions})
    ukraine = actor(analysis, "Ukraine")
    officials = actor(analysis, "Officials")
    nb.review(rv.confirm(document, by_cue(analysis, "said", "Recep Tayyip Erdogan")))
    nb.review(rv.reject(document, by_cue(analysis, "say", "Officials")))
    nb.review(rv.confirm(document, analysis.questions[0]))
    nb.review(rv.rename_actor(erdogan, "Recep Tayyip Erdoğan"))
    nb.review(rv.add_actor("Kremlin", "organization", ["the Kremlin"]))
    kremlin = Actor(Actor.make_id("organization", "Kremlin"), "Kremlin", "organization")
    nb.review(rv.move_alias("Moscow", russia, kremlin))  # Moscow as a metonym of the Kremlin
    nb.review(rv.merge_actors(officials, ukraine))
    text = document.text
    s = text.index("Ukraine welcomed the offer")
    nb.review(
        rv.add_position(document, s, s + len("Ukraine welcomed the offer"), actor="Ukraine", cue="welcomed", content="the offer", actor_kind="state")
    )
    s = text.index("Officials did not say who would pay for the mission.")
    nb.review(rv.add_question(document, s, s + 52, cue="did not say", about="who would pay for the mission"))
    nb.review(rv.add_actor("the force", "group", ["peacekeeping force"]))


def test_reviews_reapply_to_a_reanalysis_of_the_same_and_of_an_edited_text(analyse_text, tmp_path: Path) -> None:
    db = tmp_path / "briefing.json"
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    with Store(db) as store:
        make_reviews(Notebook(store, document), document, analysis)

    with Store(db) as store:  # another session, after the store was closed
        saved = rv.document_reviews(store, document)
    assert len(saved) == 10
    first = rv.apply_reviews(analysis, document, saved)
    expected = summary(first)
    assert expected["unapplied"] == []
    assert expected["status"] == [
        ("actor", "Kremlin", "organization", "", "added"),
        ("actor", "the force", "group", "", "added"),
        ("position", "Recep Tayyip Erdoğan", "said", "Turkey was ready to send troops to Ukraine", "confirmed"),
        ("position", "Ukraine", "welcomed", "the offer", "added"),
        ("question", "did not say", "", "", "added"),
        ("question", "remains unclear", "", "", "confirmed"),
    ]
    assert expected["rejected"] == ["say"]
    assert "Officials" not in expected["actors"] and "Officials" in expected["aliases"]["Ukraine"]
    assert "Recep Tayyip Erdogan" in expected["aliases"]["Recep Tayyip Erdoğan"]  # the old name kept
    assert expected["erdogan's positions"] == ["said", "told"]
    assert "Moscow" in expected["aliases"]["Kremlin"]
    moscow = [(a.name, m.text) for a in first.actors for m in a.mentions if m.text == "Moscow"]
    assert moscow == [("Kremlin", "Moscow")]  # the mention moved with the alias
    assert [len(a.mentions) for a in first.actors if a.name == "the force"] == [1]  # found in the text
    assert len(analysis.positions) == 6  # the analysis itself is left alone

    again_doc, again = analyse_text(TEXT, "/texts/turkey.txt")  # a new analysis run of the same text
    assert summary(rv.apply_reviews(again, again_doc, saved)) == expected

    edited_doc, edited = analyse_text(EDITED, "/texts/turkey.txt")
    assert edited_doc.doc_id == document.doc_id
    changed_ids = {p.id for p in analysis.positions} ^ {p.id for p in edited.positions}
    assert changed_ids, "the edit should change some ids (sentence keys), or this test proves nothing"
    with Store(db) as store:
        reviewed = Notebook(store, edited_doc).apply_reviews(edited)
    assert summary(reviewed) == expected


def test_a_review_whose_text_is_gone_is_kept_unapplied_and_touches_nothing_else(analyse_text) -> None:
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    officials = by_cue(analysis, "say", "Officials")
    op = rv.reject(document, officials)
    review = rv.Review("r-1", document.source, document.doc_id, op.op, op.args, "me", "2025-01-01T00:00:00+00:00")
    cut_doc, cut = analyse_text(TEXT.replace(" Officials did not say who would pay for the mission.", ""), "/texts/turkey.txt")
    reviewed = rv.apply_reviews(cut, cut_doc, [review])
    assert reviewed.unapplied == [review]
    assert len(reviewed.positions) == len(cut.positions) and reviewed.rejected == []


def test_targets_are_found_by_their_quote_when_ids_change(analyse_text) -> None:
    """As after a new id scheme or another model: the surface forms still find the items."""
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    target = by_cue(analysis, "told")
    ops = [rv.confirm(document, target), rv.reject(document, analysis.questions[0])]
    reviews = [rv.Review(f"r-{i}", document.source, document.doc_id, o.op, o.args, "me", f"2025-01-0{i + 1}") for i, o in enumerate(ops)]
    renamed = copy.deepcopy(analysis)
    for item in [*renamed.positions, *renamed.questions]:
        item.id = item.id + "-v2"
    reviewed = rv.apply_reviews(renamed, document, reviews)
    assert reviewed.unapplied == []
    assert reviewed.status == {target.id + "-v2": "confirmed"}
    assert reviewed.questions == [] and reviewed.rejected[0].cue == "remains unclear"


def test_later_reviews_win_and_undo_removes_a_review(analyse_text, tmp_path: Path) -> None:
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    target = by_cue(analysis, "added")
    with Store(tmp_path / "b.json") as store:
        nb = Notebook(store, document)
        nb.review(rv.confirm(document, target))
        nb.review(rv.reject(document, target))
        assert target.id not in nb.apply_reviews(analysis).status
        nb.undo()  # the reject
        assert nb.apply_reviews(analysis).status == {target.id: "confirmed"}
        nb.unreview(nb.reviews()[0].id)
        assert nb.apply_reviews(analysis).status == {}


def test_bad_reviews_are_refused() -> None:
    a = Actor("a-1", "X", "person")
    with pytest.raises(BriefingError):
        rv.merge_actors(a, a)
    with pytest.raises(BriefingError):
        rv.rename_actor(a, "  ")
    with pytest.raises(BriefingError):
        rv.add_actor("Y", "planet")
