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


def actor(analysis, name: str):
    return next(a for a in analysis.actors if a.name == name)


def summary(reviewed) -> dict:
    """What the reviews did, without ids or offsets (those move with the text) and without what
    an edit of the text may legitimately change in the analysis itself."""
    status = reviewed.status
    reviewed_names = {a.name for a in reviewed.actors if a.id in status} | {"Kremlin"}
    return {
        "status": sorted(
            [("position", p.actor, p.cue, p.content, status[p.id]) for p in reviewed.positions if p.id in status]
            + [("question", q.cue, "", "", status[q.id]) for q in reviewed.questions if q.id in status]
            + [("actor", a.name, a.kind, "", status[a.id]) for a in reviewed.actors if a.id in status]
        ),
        "actors": sorted(a.name for a in reviewed.actors),
        "aliases": {a.name: sorted(a.aliases) for a in reviewed.actors if a.name in reviewed_names},
        "renamed actor's positions": sorted((p.actor, p.cue) for p in reviewed.positions if p.actor.endswith("(renamed)")),
        "rejected": sorted((x.cue, getattr(x, "content", "")) for x in reviewed.rejected),
        "unapplied": [r.op for r in reviewed.unapplied],
    }


class Targets:
    """Review targets picked by role from whatever the analysis found (the engine evolves)."""

    def __init__(self, analysis) -> None:
        positions = analysis.positions
        assert len(positions) >= 3 and analysis.questions, "the analysis found too little to review"
        self.confirmed = positions[0]  # Erdogan's "said" (first sentence)
        self.rejected = positions[-1]  # the last paragraph's
        # "It remains unclear whether ..." (its sentence gets edited)
        self.question = next(q for q in analysis.questions if q.cue.startswith("remains unclear"))
        self.renamed = analysis.actor_by_id(self.confirmed.actor_id)
        self.moscow_holder = next(a for a in analysis.actors if "Moscow" in {m.text for m in a.mentions})
        busy = {self.renamed.id, self.moscow_holder.id, self.rejected.actor_id}
        spare = [a for a in analysis.actors if a.id not in busy]
        assert len(spare) >= 2, [a.name for a in analysis.actors]
        self.merged, self.merged_into = spare[-1], spare[-2]


def make_reviews(nb: Notebook, document, analysis) -> Targets:
    t = Targets(analysis)
    nb.review(rv.confirm(document, t.confirmed))
    nb.review(rv.reject(document, t.rejected))
    nb.review(rv.confirm(document, t.question))
    nb.review(rv.rename_actor(t.renamed, t.renamed.name + " (renamed)"))
    nb.review(rv.add_actor("Kremlin", "organization", ["the Kremlin"]))
    kremlin = Actor(Actor.make_id("organization", "Kremlin"), "Kremlin", "organization")
    nb.review(rv.move_alias("Moscow", t.moscow_holder, kremlin))  # Moscow as a metonym of the Kremlin
    nb.review(rv.merge_actors(t.merged, t.merged_into))
    text = document.text
    s = text.index("Ukraine welcomed the offer")
    nb.review(
        rv.add_position(document, s, s + len("Ukraine welcomed the offer"), actor="Ukraine", cue="welcomed", content="the offer", actor_kind="state")
    )
    s = text.index("Officials did not say who would pay for the mission.")
    nb.review(rv.add_question(document, s, s + 52, cue="did not say", about="who would pay for the mission"))
    nb.review(rv.add_actor("the force", "group", ["peacekeeping force"]))
    return t


def test_reviews_reapply_to_a_reanalysis_of_the_same_and_of_an_edited_text(analyse_text, tmp_path: Path) -> None:
    db = tmp_path / "briefing.json"
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    with Store(db) as store:
        t = make_reviews(Notebook(store, document), document, analysis)

    with Store(db) as store:  # another session, after the store was closed
        saved = rv.document_reviews(store, document)
    assert len(saved) == 10
    first = rv.apply_reviews(analysis, document, saved)
    expected = summary(first)
    assert expected["unapplied"] == []
    new_name = t.renamed.name + " (renamed)"
    assert expected["status"] == sorted(
        [
            ("actor", "Kremlin", "organization", "", "added"),
            ("actor", "the force", "group", "", "added"),
            ("position", new_name, t.confirmed.cue, t.confirmed.content, "confirmed"),
            ("position", "Ukraine", "welcomed", "the offer", "added"),
            ("question", "did not say", "", "", "added"),
            ("question", t.question.cue, "", "", "confirmed"),
        ]
    )
    assert expected["rejected"] == [(t.rejected.cue, t.rejected.content)]
    renamed = actor(first, new_name)
    assert renamed.id == t.renamed.id and t.renamed.name in renamed.aliases  # same id, old name kept
    assert all(p.actor == new_name for p in first.positions if p.actor_id == renamed.id)
    assert t.merged.name not in expected["actors"] and t.merged.name in actor(first, t.merged_into.name).aliases
    moscow = [(a.name, m.text) for a in first.actors for m in a.mentions if m.text == "Moscow"]
    assert moscow == [("Kremlin", "Moscow")]  # the mention moved with the alias
    assert "Moscow" not in actor(first, t.moscow_holder.name).aliases
    assert [len(a.mentions) for a in first.actors if a.name == "the force"] == [1]  # found in the text
    assert analysis.positions[-1] is t.rejected  # the analysis itself is left alone

    again_doc, again = analyse_text(TEXT, "/texts/turkey.txt")  # a new analysis run of the same text
    assert summary(rv.apply_reviews(again, again_doc, saved)) == expected

    edited_doc, edited = analyse_text(EDITED, "/texts/turkey.txt")
    assert edited_doc.doc_id == document.doc_id
    old_ids = {x.id for x in [*analysis.positions, *analysis.questions]}
    new_ids = {x.id for x in [*edited.positions, *edited.questions]}
    assert t.question.id not in new_ids, "the edit should change the question's id, or this proves little"
    assert old_ids != new_ids
    with Store(db) as store:
        reviewed = Notebook(store, edited_doc).apply_reviews(edited)
    assert summary(reviewed) == expected


def test_a_review_whose_text_is_gone_is_kept_unapplied_and_touches_nothing_else(analyse_text) -> None:
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    last = analysis.positions[-1]
    op = rv.reject(document, last)
    review = rv.Review("r-1", document.source, document.doc_id, op.op, op.args, "me", "2025-01-01T00:00:00+00:00")
    sentence = document.sentence_text(last.sentence)
    cut_doc, cut = analyse_text(TEXT.replace(sentence, ""), "/texts/turkey.txt")
    reviewed = rv.apply_reviews(cut, cut_doc, [review])
    assert reviewed.unapplied == [review]
    assert len(reviewed.positions) == len(cut.positions) and reviewed.rejected == []


def test_targets_are_found_by_their_quote_when_ids_change(analyse_text) -> None:
    """As after a new id scheme or another model: the surface forms still find the items."""
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    target = analysis.positions[1]
    ops = [rv.confirm(document, target), rv.reject(document, analysis.questions[0])]
    reviews = [rv.Review(f"r-{i}", document.source, document.doc_id, o.op, o.args, "me", f"2025-01-0{i + 1}") for i, o in enumerate(ops)]
    renamed = copy.deepcopy(analysis)
    for item in [*renamed.positions, *renamed.questions]:
        item.id = item.id + "-v2"
    reviewed = rv.apply_reviews(renamed, document, reviews)
    assert reviewed.unapplied == []
    assert reviewed.status == {target.id + "-v2": "confirmed"}
    assert len(reviewed.questions) == len(analysis.questions) - 1
    assert reviewed.rejected[0].cue == analysis.questions[0].cue


def test_later_reviews_win_and_undo_removes_a_review(analyse_text, tmp_path: Path) -> None:
    document, analysis = analyse_text(TEXT, "/texts/turkey.txt")
    target = analysis.positions[0]
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
