"""Several documents in one briefing: the document list, actors merged across documents,
positions per document, and reviews applied across documents only when confirmed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_export_support import EPOCH, fixed_clock, hand_analysis, headings, section, seed_cache, stepping_clock, tokens

from briefing import reviews as rv
from briefing.annotations import Notebook, quote_selector
from briefing.export import build_briefing, export_json, export_markdown
from briefing.loading import load_document
from briefing.store import Store

A = (
    "Ankara weighs a role\n\n"
    "Turkey said it was ready to send troops. Russia warned that NATO troops were unacceptable. Moscow gave no date.\n"
)
B = (
    "# Kyiv's view\n\n"
    "Ukraine welcomed the offer. Turkey insisted on a UN mandate.\n\n"
    "It is unclear whether Moscow will agree to Russia's terms.\n"
)


def analyses(doc_a, doc_b):
    a = hand_analysis(
        doc_a,
        [("Turkey", "state", ["Turkey"]), ("Russia", "state", ["Russia"]), ("Moscow", "state", ["Moscow"])],
        [("Turkey", "Turkey", "said", "it was ready to send troops"), ("Russia", "Russia", "warned", "NATO troops were unacceptable")],
    )
    b = hand_analysis(
        doc_b,
        [("Ukraine", "state", ["Ukraine"]), ("Turkey", "state", ["Turkey"]), ("Moscow", "state", ["Moscow"]), ("Russia", "state", ["Russia"])],
        [("Ukraine", "Ukraine", "welcomed", "the offer"), ("Turkey", "Turkey", "insisted on", "a UN mandate")],
        ["unclear whether"],
    )
    return a, b


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # not a readable suffix: skipped
    doc_a, doc_b = load_document(str(folder / "a.txt")), load_document(str(folder / "b.md"))
    an_a, an_b = analyses(doc_a, doc_b)
    seed_cache(doc_a, an_a)
    seed_cache(doc_b, an_b)
    return folder, [(doc_a, an_a), (doc_b, an_b)]


def rows(markdown: str) -> list[list[str]]:
    table = [line for line in section(markdown, "Actors").splitlines() if line.startswith("| ")]
    return [[c.strip() for c in line.strip("|").split("|")] for line in table[2:]]


def rename_turkey_in_a(items) -> None:
    (doc_a, an_a), _ = items
    with Store() as store:
        nb = Notebook(store, doc_a, author="Ada", clock=stepping_clock())
        nb.review(rv.rename_actor(next(x for x in an_a.actors if x.name == "Turkey"), "Türkiye"))


def test_two_documents_sharing_an_actor_make_one_row(library, tmp_path: Path) -> None:
    _, items = library
    markdown = export_markdown(items, clock=fixed_clock, base_dir=tmp_path)
    assert rows(markdown) == [
        ["Turkey", "state", "—", "2", "1, 2"],
        ["Russia", "state", "—", "2", "1, 2"],
        ["Ukraine", "state", "—", "1", "2"],
        ["Moscow", "state", "—", "2", "1, 2"],
    ]
    assert headings(markdown)[0] == ("h1", "Briefing: 2 documents")
    docs = section(markdown, "Documents")
    assert "1. **Ankara weighs a role** — library/a.txt\\" in docs and "2. **Kyiv's view** — library/b.md\\" in docs
    # positions listed per document, then by actor; citations name the document
    positions = section(markdown, "Positions")
    first, second = positions.split("### Document 2: Kyiv's view")
    assert "### Document 1: Ankara weighs a role" in first
    assert "#### Turkey\n\n- *said:* “it was ready to send troops” [doc 1, ¶2.1]" in first
    assert "#### Turkey\n\n- *insisted on:* “a UN mandate” [doc 2, ¶2.2]" in second
    assert "#### Ukraine" in second and "#### Ukraine" not in first
    assert "- *unclear whether:* “It is unclear whether Moscow will agree to Russia's terms.” [doc 2, ¶3.1]" in section(markdown, "Open questions")
    b = build_briefing(items, clock=fixed_clock)
    assert [x.actor.name for x in b.bluf] == ["Turkey", "Russia", "Ukraine"]
    assert not {t.type for t in tokens(markdown)} & {"html_block", "code_block", "blockquote_open"}


def test_a_review_applies_across_documents_only_when_confirmed(library) -> None:
    _, items = library
    rename_turkey_in_a(items)
    with Store() as store:
        apart = export_markdown(items, store=store, clock=fixed_clock)
        together = export_markdown(items, store=store, clock=fixed_clock, apply_reviews_across=True)
        data_apart = json.loads(export_json(items, store=store, clock=fixed_clock))
        data_together = json.loads(export_json(items, store=store, clock=fixed_clock, apply_reviews_across=True))
    names = [r[0] for r in rows(apart)]
    assert "Türkiye" in names and "Turkey" in names
    assert ["Türkiye", "state", "Turkey", "1", "1"] in rows(apart) and ["Turkey", "state", "—", "1", "2"] in rows(apart)
    assert "made in one document also fit others, not applied there (not confirmed)" in apart
    assert rows(together)[0] == ["Türkiye", "state", "Turkey", "2", "1, 2"]
    assert "Turkey" not in [r[0] for r in rows(together)]
    assert "applied to the others" in together

    (own,) = data_apart["documents"][0]["reviews"]
    assert own["op"] == "rename_actor" and own["status"] == "applied"
    assert data_apart["documents"][0]["reviews_from_other_documents"] == []
    (across,) = data_apart["documents"][1]["reviews_from_other_documents"]
    assert across["made_in"] == 1 and across["status"] == "not confirmed" and across["id"] == own["id"]
    assert data_together["documents"][1]["reviews_from_other_documents"][0]["status"] == "applied"
    assert data_together["documents"][1]["reviews"] == []  # not counted as the other document's own
    assert [a["name"] for a in data_together["actors"]][0] == "Türkiye"


def test_a_merge_across_documents(library) -> None:
    _, items = library
    (doc_a, an_a), _ = items
    with Store() as store:
        nb = Notebook(store, doc_a, author="Ada", clock=stepping_clock())
        by_name = {x.name: x for x in an_a.actors}
        nb.review(rv.merge_actors(by_name["Moscow"], by_name["Russia"]))
        apart = export_markdown(items, store=store, clock=fixed_clock)
        together = export_markdown(items, store=store, clock=fixed_clock, apply_reviews_across=True)
    assert ["Russia", "state", "Moscow", "3", "1, 2"] in rows(apart)
    assert ["Moscow", "state", "—", "1", "2"] in rows(apart)  # document 2's Moscow: not merged
    assert ["Russia", "state", "Moscow", "4", "1, 2"] in rows(together)
    assert "Moscow" not in [r[0] for r in rows(together)]


def test_an_actor_review_that_fits_no_other_document_is_not_offered(library) -> None:
    _, items = library
    (doc_a, an_a), _ = items
    with Store() as store:
        nb = Notebook(store, doc_a, author="Ada", clock=stepping_clock())
        by_name = {x.name: x for x in an_a.actors}
        nb.review(rv.rename_actor(by_name["Russia"], "Russian Federation"))
        nb.review(rv.merge_actors(by_name["Turkey"], rv.Actor(rv.Actor.make_id("group", "Ankara group"), "Ankara group", "group")))
        b = build_briefing(items, store=store, clock=fixed_clock, apply_reviews_across=True)
    # the rename fits document 2 (it has Russia); the merge into an actor nobody has fits neither
    assert [(a.review.op, a.applied) for a in b.documents[1].across] == [("rename_actor", True)]
    assert [r.op for r in b.documents[0].unapplied] == ["merge_actors"]
    assert b.documents[1].unapplied == []  # other documents' reviews are never reported as its own


def test_directory_export_through_the_cli(run_cli, library, tmp_path: Path) -> None:
    folder, items = library
    rename_turkey_in_a(items)
    env = {"SOURCE_DATE_EPOCH": str(EPOCH)}
    result = run_cli("export", "library", "-o", "out.md", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "briefing: wrote out.md (2 documents, 0 notes)",
        "briefing: note: 1 actor review made in one document also fits another; --apply-reviews-across applies it there",
    ]
    apart = (tmp_path / "out.md").read_text(encoding="utf-8")
    with Store() as store:
        assert apart == export_markdown(items, store=store, clock=fixed_clock, base_dir=tmp_path)
    result = run_cli("export", "library", "--apply-reviews-across", "-o", "-", cwd=tmp_path, env=env)
    assert result.returncode == 0 and result.stderr == ""
    assert rows(result.stdout)[0] == ["Türkiye", "state", "Turkey", "2", "1, 2"]
    # the default output name of a directory is the directory's
    result = run_cli("export", str(folder), cwd=tmp_path, env=env)
    assert result.returncode == 0 and (tmp_path / "library.briefing.md").exists()


def test_notes_per_document(library) -> None:
    _, items = library
    (doc_a, an_a), (doc_b, an_b) = items
    with Store() as store:
        Notebook(store, doc_b, author="Ada").add(quote_selector(doc_b, "a UN mandate"), "which body?", ["doubt"])
        Notebook(store, doc_a, author="Ada").add(quote_selector(doc_a, "NATO troops"), "NATO's answer?", ["follow-up"])
        markdown = export_markdown(items, store=store, clock=fixed_clock)
    notes = section(markdown, "Analyst notes")
    first, second = notes.split("### Document 2: Kyiv's view")
    assert "- [doc 1, ¶2.2] “NATO troops” — #follow-up — Ada\\\n  NATO's answer?" in first
    assert "- [doc 2, ¶2.2] “a UN mandate” — #doubt — Ada\\\n  which body?" in second
