"""Pilot tests of annotations, reviews, export and store polling in the reader.

Every test asserts on the store's content AFTER the app has exited, through a fresh ``Store`` /
``Notebook`` on the same ``BRIEFING_DB`` file (set to a temp file for every test by
tests/conftest.py), so what is checked is what a next session would see.
"""

from __future__ import annotations

import pytest
from test_app import NARROW, WIDE, findings_analyser, ready, reader
from tui_support import SAMPLE

from briefing import reading
from briefing.annotations import Notebook
from briefing.loading import document_from_text
from briefing.model import Document
from briefing.store import Store
from briefing.tui.app import make_app
from briefing.tui.screens.annotate import AnnotateScreen
from briefing.tui.widgets.article import NOTE_GLYPH
from briefing.tui.widgets.panels import PanelTable

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def fresh(document: Document) -> tuple[Store, Notebook]:
    store = Store()
    return store, Notebook(store, document)


def stored(document: Document):
    store, notebook = fresh(document)
    try:
        return notebook.annotations(), notebook.drafts(), notebook.reviews()
    finally:
        store.close()


def seed_notes(document: Document) -> list[str]:
    """Two notes (sentences 3 and 1, made in that order) and one orphaned note (on a sentence
    of an earlier version of the text). Returns their ids in text order, the orphan last."""
    store, notebook = fresh(document)
    try:
        late = notebook.annotate_sentence(3, "third sentence note", ["doubt"])
        early = notebook.annotate_sentence(1, "second sentence note", ["key"])
        older = document_from_text(SAMPLE.read_text(encoding="utf-8") + "\n\nA vanishing remark about zebras.\n", document.source)
        orphan = Notebook(store, older).annotate_sentence(len(older.sentences) - 1, "orphan note", ["follow-up"])
        return [early.id, late.id, orphan.id]
    finally:
        store.close()


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def app_for(document: Document, **kwargs):
    kwargs.setdefault("analyser", findings_analyser)
    return make_app([document.source], documents={document.source: document}, **kwargs)


# ------------------------------------------------------------------------------- a: annotate a sentence


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_a_annotates_the_current_sentence_and_marks_it(sample_document, size) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("j", "j", "a")
        assert isinstance(app.screen, AnnotateScreen)
        await type_text(pilot, "check this")
        await pilot.press("enter")  # the note is multi-line
        await type_text(pilot, "with Ankara")
        await pilot.press("shift+tab")  # to the tags
        await type_text(pilot, "doubt, my tag")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        s = sample_document.sentences[2]
        assert (s.start, s.end) in screen.article.notes
        # marked by a glyph after the span (and a style), not by colour alone
        line = screen.article.wrapped.lines[screen.article.wrapped.line_of_offset(s.end - 1)]
        assert NOTE_GLYPH in screen.article.line_text(line).plain
        assert screen.article.style_of("article--note").underline
        await pilot.press("q")
    (note,), drafts, _ = stored(sample_document)
    assert note.quote == sample_document.sentence_text(2)
    assert note.note == "check this\nwith Ankara"
    assert note.tags == ("doubt", "my-tag")
    assert drafts == []


async def test_tags_complete_from_the_defaults_and_the_users_own(sample_document) -> None:
    store, notebook = fresh(sample_document)
    notebook.annotate_sentence(0, "", ["geopolitics"])
    store.close()
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "a", "shift+tab")
        await type_text(pilot, "fol")
        await pilot.pause(0.2)
        await pilot.press("right")  # accepts the suggestion
        await type_text(pilot, ", geo")
        await pilot.pause(0.2)
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        await pilot.press("q")
    notes, _, _ = stored(sample_document)
    assert [n.tags for n in notes if n.quote == sample_document.sentence_text(1)] == [("follow-up", "geopolitics")]


async def test_a_note_being_typed_is_saved_as_a_draft_and_restored_on_the_next_open(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "a")
        await type_text(pilot, "half a thought")
        await pilot.pause(0.8)  # past the debounce
        # the app dies here (a crash, a dropped SSH connection): nothing is saved by closing
        store, notebook = fresh(sample_document)
        (draft,) = notebook.drafts()
        store.close()
        assert draft.text == "half a thought"
        assert draft.selector.exact == sample_document.sentence_text(1)
        app.exit()
    again = app_for(sample_document)
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert isinstance(again.screen, AnnotateScreen), "the unfinished note is offered again"
        assert again.screen.note == "half a thought"
        await type_text(pilot, " finished")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")
    (note,), drafts, _ = stored(sample_document)
    assert note.note == "half a thought finished"
    assert note.quote == sample_document.sentence_text(1)
    assert drafts == []


async def test_escape_keeps_the_draft_and_ctrl_g_discards_it(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await type_text(pilot, "later")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotateScreen)
        assert [d.text for d in stored(sample_document)[1]] == ["later"]
        await pilot.press("a")  # the same sentence: the draft comes back
        assert app.screen.note == "later"
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("q")
    notes, drafts, _ = stored(sample_document)
    assert notes == [] and drafts == []


# ------------------------------------------------------------------------------- v: selections


async def test_v_selects_words_and_a_annotates_the_selection(sample_document) -> None:
    app = app_for(sample_document)
    words = [m.span() for m in reading.WORD.finditer(sample_document.text)]
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("w", "w", "v", "w", "w")
        assert screen.article.selection == (words[1][0], words[3][1])
        assert "selecting" in screen.query_one("#status").plain
        await pilot.press("a")
        await type_text(pilot, "three words")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.article.selection is None  # done with it
        await pilot.press("q")
    (note,), _, _ = stored(sample_document)
    assert note.quote == sample_document.text[words[1][0] : words[3][1]]
    assert (note.selector.start, note.selector.end) == (words[1][0], words[3][1])


async def test_v_then_j_extends_to_the_next_sentence_and_escape_cancels(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("w", "v", "j")
        first = reading.next_word(sample_document, 0)
        assert screen.article.selection == (first[0], sample_document.sentences[1].end)
        await pilot.press("k")
        assert screen.article.selection[0] == sample_document.sentences[0].start
        await pilot.press("escape")
        assert screen.article.selection is None and screen.selection_anchor is None
        await pilot.press("j", "v", "j", "a")
        await type_text(pilot, "two sentences")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")
    (note,), _, _ = stored(sample_document)
    s1, s2 = sample_document.sentences[1], sample_document.sentences[2]
    assert (note.selector.start, note.selector.end) == (reading.next_word(sample_document, s1.start)[0], s2.end)


# ------------------------------------------------------------------------------- the Annotations panel


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_annotations_panel_lists_in_text_order_with_orphans_last_and_enter_jumps(sample_document, size) -> None:
    ids = seed_notes(sample_document)
    app = app_for(sample_document)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("5")
        table = screen.query_one("#annotations-table", PanelTable)
        assert app.focused is table and table.region.area > 0
        assert [key for key, _ in table.rows] == ids
        assert "orphan" in table.cell_text(2, 0)
        assert table.cell_text(0, 0) == sample_document.sentences[1].citation
        assert "key" in table.cell_text(0, 1)
        detail = str(screen.query_one("#annotations-detail").render())
        assert "second sentence note" in detail
        await pilot.press("down", "enter")
        assert screen.article.sentence == 3
        s = sample_document.sentences[3]
        assert screen.article.word == (s.start, s.end)
        if size == NARROW:
            assert "Notes 3" in str(screen.query_one("#tabstrip").render())
        await pilot.press("q")


async def test_e_edits_d_deletes_u_undoes_and_ctrl_r_redoes(sample_document) -> None:
    early, late, orphan = seed_notes(sample_document)
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("5", "e")
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.note == "second sentence note"
        await pilot.press("end")
        await type_text(pilot, " edited")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert {n.id: n.note for n in stored(sample_document)[0]}[early] == "second sentence note edited"  # same id
        await pilot.press("down", "d")
        assert {n.id for n in stored(sample_document)[0]} == {early, orphan}
        assert late not in [k for k, _ in screen.query_one("#annotations-table", PanelTable).rows]
        await pilot.press("u")  # the delete is undone
        assert late in {n.id for n in stored(sample_document)[0]}
        await pilot.press("ctrl+r")  # and redone
        assert late not in {n.id for n in stored(sample_document)[0]}
        await pilot.press("u", "u")  # the delete, then the edit
        await pilot.pause()
        await pilot.press("q")
    notes, _, _ = stored(sample_document)
    by_id = {n.id: n for n in notes}
    assert set(by_id) == {early, late, orphan}
    assert by_id[early].note == "second sentence note"


async def test_u_undoes_a_new_note(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("a")
        await type_text(pilot, "oops")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.article.notes
        await pilot.press("u")
        assert screen.article.notes == []
        await pilot.press("q")
    assert stored(sample_document)[0] == []


async def test_notes_another_session_adds_appear_in_the_open_app(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        table = screen.query_one("#annotations-table", PanelTable)
        assert table.row_count == 0
        store, notebook = fresh(sample_document)  # another handle: what the CLI or a second window does
        added = notebook.annotate_sentence(4, "from elsewhere", ["key"])
        store.close()
        for _ in range(40):
            await pilot.pause(0.1)
            if table.row_count:
                break
        assert [k for k, _ in table.rows] == [added.id]
        s = sample_document.sentences[4]
        assert (s.start, s.end) in screen.article.notes


# ------------------------------------------------------------------------------- reviews


async def test_c_confirms_and_x_rejects_a_position_and_again_takes_it_back(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("3")
        table = screen.query_one("#positions-table", PanelTable)
        key = table.current_key()
        await pilot.press("c")
        assert table.cell_text(table.cursor_row, 0) == "✓"
        assert [r.op for r in stored(sample_document)[2]] == ["confirm"]
        await pilot.press("c")  # toggled off
        assert table.cell_text(table.cursor_row, 0) == ""
        assert stored(sample_document)[2] == []
        await pilot.press("x")
        assert table.current_key() == key  # still listed, struck out
        assert table.cell_text(table.cursor_row, 0) == "✗"
        assert "strike" in str(table.rows[table.cursor_row][1][1].style)
        assert key not in {p.id for p in screen.analysis.positions}
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "reject" and review.args["target"]["id"] == key
    # the next session applies it to the recorded analysis on load
    again = app_for(sample_document)
    async with again.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(again)
        assert key not in {p.id for p in screen.analysis.positions}
        await pilot.press("3")
        table = screen.query_one("#positions-table", PanelTable)
        assert table.cell_text(table.get_row_index(key), 0) == "✗"
        await pilot.press("q")


async def test_x_rejects_a_question_and_u_undoes_it(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("4")
        table = screen.query_one("#questions-table", PanelTable)
        await pilot.press("x")
        assert table.cell_text(table.cursor_row, 0) == "✗"
        assert [r.op for r in stored(sample_document)[2]] == ["reject"]
        await pilot.press("u")
        assert table.cell_text(table.cursor_row, 0) == ""
        await pilot.press("q")
    assert stored(sample_document)[2] == []


async def test_R_renames_an_actor(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("2")
        key = screen.query_one("#actors-table", PanelTable).current_key()
        old = screen.analysis.actor_by_id(key).name
        await pilot.press("R")
        await type_text(pilot, "Renamed Actor")
        await pilot.press("enter")
        await pilot.pause()
        actor = screen.analysis.actor_by_id(key)
        assert actor.name == "Renamed Actor" and old in actor.aliases
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "rename_actor" and review.args["name"] == "Renamed Actor"


async def test_M_merges_an_actor_into_another(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        before = len(screen.analysis.actors)
        await pilot.press("2")
        key = screen.query_one("#actors-table", PanelTable).current_key()
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert len(screen.analysis.actors) == before - 1
        assert screen.analysis.actor_by_id(key) is None
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "merge_actors" and review.args["actor"]["id"] == key


# ------------------------------------------------------------------------------- ctrl+e: export


async def test_ctrl_e_exports_the_briefing_with_the_notes(sample_document, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("j", "a")
        await type_text(pilot, "exported note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        path = app.screen.query_one("#export-path").value
        assert path == f"{SAMPLE.stem}.briefing.md"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(n.message == f"written to {path}" for n in app._notifications)
        await pilot.press("q")
    text = (tmp_path / path).read_text(encoding="utf-8")
    assert "exported note" in text and "Analyst notes" in text


async def test_export_as_json_and_errors_are_a_notification(sample_document, tmp_path) -> None:
    import json

    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("tab", "right", "space")  # the format: json
        await pilot.pause()
        field = app.screen.query_one("#export-path")
        assert field.value.endswith(".json")
        field.value = str(tmp_path / "out.json")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["format"] == "briefing-export"
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "missing" / "x.md")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "does not exist" in errors[-1].message
        # the document itself is never overwritten
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = sample_document.source
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "refusing" in [n for n in app._notifications if n.severity == "error"][-1].message
        await pilot.press("q")
    assert SAMPLE.read_text(encoding="utf-8").startswith(sample_document.text[:30])


async def test_palette_offers_export_and_annotate(sample_document) -> None:
    from briefing.tui.commands import BindingCommands

    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        titles = [hit.text async for hit in BindingCommands(reader(app)).discover()]
        for title in ("Reader: Export", "Reader: Annotate", "Reader: Undo", "Reader: Redo", "Reader: Select"):
            assert title in titles
        await pilot.press("5")
        titles = [hit.text async for hit in BindingCommands(reader(app)).discover()]
        assert "Annotations: Edit note" in titles and "Annotations: Delete note" in titles
        await pilot.press("3")
        titles = [hit.text async for hit in BindingCommands(reader(app)).discover()]
        assert "Positions: Confirm" in titles and "Positions: Reject" in titles
        await pilot.press("2")
        titles = [hit.text async for hit in BindingCommands(reader(app)).discover()]
        assert "Actors: Rename" in titles and "Actors: Merge" in titles


async def test_quitting_under_the_dialog_saves_what_was_typed_since_the_last_draft(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await type_text(pilot, "typed just now")
        await pilot.press("ctrl+q")  # before the debounce fired
        await pilot.pause()
    _, (draft,), _ = stored(sample_document)
    assert draft.text == "typed just now"


async def test_a_corrupt_store_is_a_clear_error_and_reading_goes_on(sample_document, tmp_path) -> None:
    db = tmp_path / "notes.json"
    db.write_text("{ not json", encoding="utf-8")
    app = app_for(sample_document, db=str(db))
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and "notes.json" in errors[0].message
        await pilot.press("j", "a")
        assert not isinstance(app.screen, AnnotateScreen)
        assert reader(app).article.sentence == 1
    assert list(tmp_path.glob("notes.json.corrupt-*")), "the bad file is kept, moved aside"


async def test_db_option_chooses_the_store(sample_document, tmp_path) -> None:
    db = tmp_path / "elsewhere.json"
    app = app_for(sample_document, db=str(db))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await type_text(pilot, "in another store")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")
    with Store(db) as store:
        assert [n.note for n in Notebook(store, sample_document).annotations()] == ["in another store"]
    assert stored(sample_document)[0] == []  # not in BRIEFING_DB's store


async def test_A_moves_an_alias_to_another_actor(sample_document) -> None:
    from briefing.model import norm_key

    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        # the first actor with another name than its own
        actor = next(
            a for a in sorted(screen.analysis.actors, key=lambda a: (-len(a.mentions), a.name))
            if any(norm_key(n) != norm_key(a.name) for n in [*a.aliases, *(m.text for m in a.mentions)])
        )
        await pilot.press("2")
        table = screen.query_one("#actors-table", PanelTable)
        table.move_cursor(table.get_row_index(actor.id))
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("enter")  # the first other name
        await pilot.pause()
        await pilot.press("enter")  # the first other actor
        await pilot.pause()
        assert screen.analysis.unapplied == []
        moved = screen.analysis.actor_by_id(actor.id)
        alias = stored(sample_document)[2][0].args["alias"]
        assert norm_key(alias) not in {norm_key(n) for n in [*moved.aliases, *(m.text for m in moved.mentions)]}
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "move_alias" and review.args["from"]["id"] == actor.id
    assert review.args["to"]["id"] != actor.id
    assert norm_key(review.args["alias"]) != norm_key(actor.name)


async def test_N_adds_an_actor_by_hand(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        before = len(screen.analysis.actors)
        await pilot.press("2", "N")
        await type_text(pilot, "Black Sea")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second kind
        await pilot.pause()
        assert len(screen.analysis.actors) == before + 1
        added = next(a for a in screen.analysis.actors if a.name == "Black Sea")
        assert screen.analysis.status[added.id] == "added" and added.mentions
        table = screen.query_one("#actors-table", PanelTable)
        assert added.id in {k for k, _ in table.rows}
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "add_actor" and review.args["name"] == "Black Sea"


async def test_N_adds_the_current_sentence_as_an_open_question(sample_document) -> None:
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        before = len(screen.analysis.questions)
        last = len(sample_document.sentences) - 1
        await pilot.press("G", "4", "N")
        await type_text(pilot, "what Moscow will do")
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.analysis.questions) == before + 1
        added = next(q for q in screen.analysis.questions if q.about == "what Moscow will do")
        assert added.sentence == last
        table = screen.query_one("#questions-table", PanelTable)
        assert table.cell_text(table.get_row_index(added.id), 0) == "+"
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "add_question" and review.args["about"] == "what Moscow will do"


async def test_N_adds_a_position_on_the_selection(sample_document) -> None:
    words = [m.span() for m in reading.WORD.finditer(sample_document.text)]
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        before = len(screen.analysis.positions)
        await pilot.press("w", "v", "w", "w", "w", "3", "N")
        await pilot.pause()
        await pilot.press("enter")  # the most mentioned actor
        await pilot.pause()
        await type_text(pilot, "argues")
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.analysis.positions) == before + 1
        added = next(p for p in screen.analysis.positions if p.cue == "argues")
        assert screen.analysis.status[added.id] == "added"
        assert added.content == sample_document.text[words[0][0] : words[3][1]]
        await pilot.press("q")
    (review,) = stored(sample_document)[2]
    assert review.op == "add_position" and review.args["cue"] == "argues"


async def test_x_again_takes_back_a_rejection_stored_under_an_older_id(sample_document) -> None:
    """A review made before a re-analysis changed the item's id still applies (re-found by its
    quote), and pressing x again on the struck row removes it."""
    from briefing import reviews

    analysis = findings_analyser(sample_document)
    position = analysis.positions[0]
    op = reviews.reject(sample_document, position)
    op.args["target"]["id"] = "p-from-an-older-analyser"
    store, notebook = fresh(sample_document)
    notebook.review(op)
    store.close()
    app = app_for(sample_document)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("3")
        table = screen.query_one("#positions-table", PanelTable)
        table.move_cursor(table.get_row_index(position.id))
        assert table.cell_text(table.cursor_row, 0) == "✗"
        await pilot.press("x")
        assert table.cell_text(table.cursor_row, 0) == ""
        await pilot.press("q")
    assert stored(sample_document)[2] == []
