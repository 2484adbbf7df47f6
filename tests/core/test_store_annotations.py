"""Annotations, drafts and the session API (Notebook) on a real store file."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from briefing.annotations import (
    DEFAULT_TAGS,
    Notebook,
    load_drafts,
    parse_sentence_ref,
    quote_selector,
    save_draft,
    sentence_selector,
)
from briefing.errors import BriefingError
from briefing.loading import document_from_text
from briefing.store import Store

TEXT = """# Peacekeepers

Ankara said it would send troops. Kyiv welcomed the offer.

Moscow said nothing. Ankara said it would send troops.
"""
SOURCE = "/texts/peace.txt"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def doc():
    return document_from_text(TEXT, SOURCE)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "briefing.json"


def test_add_edit_delete_undo_redo_persist(db: Path, doc, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_AUTHOR", "Ada Analyst")
    clock = Clock()
    with Store(db) as store:
        nb = Notebook(store, doc, clock=clock)
        a = nb.annotate_sentence(2, "multi\nline note", ["Key", " follow up ", "key"])
        assert a.author == "Ada Analyst" and a.tags == ("key", "follow-up")
        assert a.created == a.updated == "2025-03-01T12:00:01.000000+00:00"
        assert a.sentence_key == doc.sentences[2].key
        b = nb.annotate_span(doc.text.index("Moscow"), doc.text.index("Moscow") + 6, "who?", ["doubt"])
        edited = nb.edit(a.id, note="changed")
        assert edited.id == a.id and edited.updated > edited.created and edited.tags == a.tags
        nb.delete(b.id)
    with Store(db) as store:
        nb = Notebook(store, doc)
        assert [(x.id, x.note) for x in nb.annotations()] == [(a.id, "changed")]
    with Store(db) as store:
        nb = Notebook(store, doc, clock=clock)
        c = nb.annotate_sentence(0)
        nb.delete(c.id)
        assert nb.undo().label == "delete"  # the delete is undone: c is back
        assert {x.id for x in nb.annotations()} == {a.id, c.id}
        assert nb.undo().label == "add"
        assert nb.undo() is None  # nothing else done in this session
        assert nb.redo().label == "add"
        assert nb.redo().label == "delete"
        assert not nb.can_redo
        nb.undo()
    with Store(db) as store:
        assert {x.id for x in Notebook(store, doc).annotations()} == {a.id, c.id}


def test_undo_refuses_to_overwrite_another_sessions_change(db: Path, doc) -> None:
    with Store(db) as s1, Store(db) as s2:
        mine, theirs = Notebook(s1, doc), Notebook(s2, doc)
        a = mine.annotate_sentence(1, "v1")
        theirs.edit(a.id, note="their edit")
        with pytest.raises(BriefingError, match="another session"):
            mine.undo()
        assert theirs.get(a.id).note == "their edit"


def test_another_session_sees_new_notes_by_polling(db: Path, doc) -> None:
    with Store(db) as s1, Store(db) as s2:
        app, cli = Notebook(s1, doc), Notebook(s2, doc)
        assert app.annotations() == [] and app.poll() is False
        cli.annotate_sentence(1, "from the CLI")
        assert app.poll() is True
        assert [a.note for a in app.annotations()] == ["from the CLI"]


def test_annotations_follow_an_edited_text_and_orphans_are_kept(db: Path, doc) -> None:
    with Store(db) as store:
        nb = Notebook(store, doc)
        second = nb.annotate_sentence(4, "the repeated one")  # "Ankara said ..." (second copy)
        gone = nb.annotate_sentence(2, "will be orphaned")  # "Kyiv welcomed the offer."
    edited_text = "# Peacekeepers\n\nA new first line.\n\n" + TEXT.split("\n", 2)[2].replace(
        "Kyiv welcomed the offer.", "Kyiv rejected it."
    )
    edited = document_from_text(edited_text, SOURCE)
    assert edited.doc_id == doc.doc_id and edited.sha256 != doc.sha256
    with Store(db) as store:
        placed = {p.annotation.id: p for p in Notebook(store, edited).placed()}
    p = placed[second.id]
    assert edited.text[p.start : p.end] == "Ankara said it would send troops."
    assert p.start == edited.text.rindex("Ankara said")
    assert p.placement.status == "fuzzy"  # its 32-character prefix held part of the rewritten sentence
    assert p.citation == "¶4.2"
    assert placed[gone.id].orphaned and placed[gone.id].citation == "orphaned"
    assert list(placed)[-1] == gone.id  # orphans last


def test_drafts_survive_reopening_and_are_overwritten_as_typed(db: Path, doc) -> None:
    sel = sentence_selector(doc, 1)
    with Store(db) as store:
        save_draft(store, doc, sel, "Fir")
        save_draft(store, doc, sel, "First thoughts", tags=["doubt"])
        save_draft(store, doc, sentence_selector(doc, 2), "other")
    with Store(db) as store:  # as after a crash / SIGHUP
        drafts = {d.selector.exact: d for d in load_drafts(store, doc)}
        assert drafts[sel.exact].text == "First thoughts" and drafts[sel.exact].tags == ("doubt",)
        nb = Notebook(store, doc)
        nb.add(drafts[sel.exact].selector, drafts[sel.exact].text, drafts[sel.exact].tags)
        nb.discard_draft(drafts[sel.exact].id)
        assert [d.text for d in nb.drafts()] == ["other"]
        a = nb.annotations()[0]
        nb.save_draft(a.selector, "editing", annotation_id=a.id)
        nb.save_draft(a.selector, "editing more", annotation_id=a.id)
        assert sorted(d.text for d in nb.drafts()) == ["editing more", "other"]


def test_sentence_references_and_quotes(doc) -> None:
    assert parse_sentence_ref(doc, "2").index == 1
    assert parse_sentence_ref(doc, "¶2.2").index == 2
    assert parse_sentence_ref(doc, "3.1").citation == "¶3.1"
    for bad in ("0", "99", "x", "¶9.1"):
        with pytest.raises(BriefingError):
            parse_sentence_ref(doc, bad)
    sel = quote_selector(doc, "Kyiv   welcomed")
    assert doc.text[sel.start : sel.end] == "Kyiv welcomed"
    with pytest.raises(BriefingError, match="2 times"):
        quote_selector(doc, "Ankara said")
    with pytest.raises(BriefingError, match="not found"):
        quote_selector(doc, "Paris")


def test_default_tags_and_author(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.annotations import default_author

    assert DEFAULT_TAGS == ("key", "doubt", "follow-up", "contradiction")
    monkeypatch.setenv("BRIEFING_AUTHOR", "  someone  ")
    assert default_author() == "someone"
    monkeypatch.delenv("BRIEFING_AUTHOR")
    assert default_author()
