"""Pilot tests of the reader (App.run_test): every binding, asserting on state or screen content.

The analysis is the recorded real analysis of the sample (tests/data/sample.analysis.json), injected
through the app factory. Assertions relate the screen to that analysis ("the first actor's
mentions are highlighted") rather than naming what the extractors found, so they survive a
re-recording.
"""

from __future__ import annotations

import threading
import time

import pytest
from tui_support import recorded_analyser, recorded_analysis

from briefing import reading
from briefing.analysis.pipeline import ProgressReport
from briefing.errors import BriefingError
from briefing.model import Analysis, Document, Position, Question
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.panels import PanelTable

pytestmark = pytest.mark.anyio

WIDE = (160, 48)
NARROW = (80, 24)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def ready(pilot, timeout: float = 120.0) -> None:
    """Let the app mount, the analysis (started after the first paint) finish and its messages land."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if not isinstance(screen, ReaderScreen) or screen.settled:
            return
        assert time.monotonic() < deadline, "the analysis did not finish"
        await pilot.pause(0.05)


def reader(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen), app.screen
    return app.screen


def with_findings(document: Document) -> Analysis:
    """The recording plus one position and one question built from the sample's own sentences, so
    Enter on a position/question is exercised whatever the extractors currently find."""
    analysis = recorded_analysis(document)
    text = document.text
    i = next(s.index for s in document.sentences if "insist" in document.sentence_text(s))
    s = document.sentences[i]
    cue = text.index("insist", s.start)
    content = text.index("Ankara", cue)
    actor = analysis.actors[0]
    analysis.positions.append(
        Position(
            id=Position.make_id(s.key, "insist", "officials"), actor=actor.name, actor_id=actor.id,
            cue="insist", cue_start=cue, cue_end=cue + 6, content=text[content : s.end],
            content_start=content, content_end=s.end, sentence=i, start=s.start, end=s.end,
            source_text="officials",
        )
    )
    j = next(x.index for x in document.sentences if "remains uncertain" in document.sentence_text(x))
    q = document.sentences[j]
    qcue = text.index("remains uncertain", q.start)
    analysis.questions.append(
        Question(
            id=Question.make_id(q.key, "remains uncertain"), sentence=j, cue="remains uncertain",
            cue_start=qcue, cue_end=qcue + len("remains uncertain"), about="the path to a ceasefire",
            start=q.start, end=q.end,
        )
    )
    return analysis


def findings_analyser(document, *, use_cache=True, on_progress=None, should_stop=None) -> Analysis:
    return with_findings(document)


def shown_words(article, glyphs: bool = False) -> str:
    """The visible article text without gutter and line breaks (and glyphs), for containment checks."""
    from briefing.tui.widgets.article import KIND_GLYPHS

    text = article.visible_text().replace("▌", "")
    if not glyphs:
        for glyph in KIND_GLYPHS.values():
            text = text.replace(glyph, "")
    return " ".join(text.split())


def screen_text(app) -> str:
    """Everything on screen as plain text (what a terminal would show)."""
    update = app.screen._compositor.render_update(full=True)
    from rich.console import Console
    import io

    console = Console(width=app.size.width, file=io.StringIO(), force_terminal=False, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(update)
    return capture.get()


def help_text(app) -> str:
    """The whole help table as plain text (it scrolls: the screen shows only part of it)."""
    from rich.console import Console
    import io

    table = app.screen.query_one("#help-table").content
    console = Console(width=110, file=io.StringIO(), force_terminal=False, color_system=None, legacy_windows=False)
    with console.capture() as capture:
        console.print(table)
    return capture.get()


def terminal_bytes(app) -> str:
    """What the compositor would write to a real terminal (escape sequences included)."""
    from rich.console import Console
    import io

    update = app.screen._compositor.render_update(full=True)
    buffer = io.StringIO()
    console = Console(width=app.size.width, file=buffer, force_terminal=True, color_system="truecolor", legacy_windows=False)
    console.print(update)
    return buffer.getvalue()


# ------------------------------------------------------------------------------- painting, analysis


async def test_article_paints_before_the_analysis_and_partial_results_fill_the_panels(sample_document) -> None:
    gate = threading.Event()
    started = threading.Event()
    full = recorded_analysis(sample_document)
    assert len(full.actors) >= 2, "the recording should have actors"

    def slow_analyser(document, *, use_cache=True, on_progress=None, should_stop=None):
        started.set()
        partial = recorded_analysis(document)
        partial.actors = partial.actors[: len(partial.actors) // 2]
        partial.complete = False
        on_progress(ProgressReport(1, len(document.blocks), partial))
        assert gate.wait(20)
        return recorded_analysis(document)

    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=slow_analyser)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = reader(app)
        first_line = sample_document.text[: 20]
        assert first_line in screen.article.visible_text()
        for _ in range(100):
            await pilot.pause(0.02)
            if screen.query_one("#actors-table", PanelTable).row_count:
                break
        assert started.is_set()
        assert screen.query_one("#actors-table", PanelTable).row_count == len(full.actors) // 2
        assert "analysing" in screen.query_one("#status").plain
        gate.set()
        await ready(pilot)
        assert screen.query_one("#actors-table", PanelTable).row_count == len(full.actors)
        assert "analysing" not in screen.query_one("#status").plain
        assert full.model in screen.query_one("#status").plain
        assert f"analyser {full.analyser}" in screen.query_one("#status").plain


async def test_the_panels_footer_and_store_come_after_the_first_frame_and_early_keys_wait_for_them(reader_app) -> None:
    """The first frame has the article only; keys pressed before the panels are mounted are held
    and then run in the order they came (none lost, none run against a missing widget)."""
    from textual import events

    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = reader(app)
        assert not screen.built, "the panels should be mounted after the first frame, not before it"
        assert not screen.query("#actors") and not screen.query("Footer") and not screen.query("#search")
        assert app._store is None, "the annotation store opens after the first frame"
        assert screen.article.wrapped is not None, "the article is laid out for the first frame"
        keys = [("j", "j"), ("4", "4"), ("3", "3"), ("slash", "/")]
        for key, char in keys:  # as the terminal sends them
            await app.on_event(events.Key(key, char))
        assert [k.key for k in screen.held_keys] == [k for k, _ in keys]
        assert screen.article.sentence == 0
        await ready(pilot)
        assert screen.built and screen.query_one("#actors") and screen.query_one("Footer")
        assert screen.article.sentence == 1  # j ran,
        assert screen.active_panel == "positions"  # 4 then 3 (in that order),
        assert app.focused.id == "search-input"  # then /
        assert app._store is not None


async def test_the_collector_paused_for_the_start_up_resumes_once_the_first_frame_is_out(reader_app) -> None:
    """``briefing FILE`` pauses the cyclic garbage collector before Textual's imports; the reader
    resumes it after the first frame, the start-up's objects frozen out of its way."""
    import gc

    app = reader_app()
    gc.disable()  # as the CLI does
    try:
        async with app.run_test(size=NARROW) as pilot:
            assert not reader(app).built and not gc.isenabled()
            await ready(pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


@pytest.mark.parametrize("error", [BriefingError("no English spaCy model is installed"), RuntimeError("boom")])
async def test_an_analysis_failure_notifies_and_never_crashes(sample_document, error) -> None:
    def failing(document, **_):
        raise error

    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=failing)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        notes = [n for n in app._notifications]
        assert any(n.severity == "error" and str(error) in n.message for n in notes)
        assert "analysis failed" in screen.query_one("#status").plain
        await pilot.press("j")
        assert screen.article.sentence == 1  # still reading


async def test_an_analysis_of_another_text_is_refused(sample_document) -> None:
    def stale(document, **_):
        analysis = recorded_analysis(document)
        analysis.document_sha256 = "0" * 64
        return analysis

    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=stale)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert reader(app).analysis is None
        assert any(n.severity == "error" for n in app._notifications)


async def test_mentions_are_highlighted_with_a_glyph(reader_app) -> None:
    from briefing.tui.widgets.article import KIND_GLYPHS

    app = reader_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        analysis = screen.analysis
        first = min((m for a in analysis.actors for m in a.mentions), key=lambda m: m.start)
        actor = next(a for a in analysis.actors if first in a.mentions)
        assert " ".join(first.text.split()) + KIND_GLYPHS[actor.kind] in shown_words(screen.article, glyphs=True)
        legend = screen_text(app)
        for kind, glyph in KIND_GLYPHS.items():
            assert f"{glyph} {kind}" in legend


# ------------------------------------------------------------------------------- moving


@pytest.mark.parametrize("keys", [("j",), ("down",)])
async def test_next_sentence(reader_app, keys) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press(*keys, *keys)
        assert screen.article.sentence == 2
        s = screen.document.sentences[2]
        assert f"{s.citation} (3/" in screen.query_one("#status").plain


@pytest.mark.parametrize("key", ["k", "up"])
async def test_previous_sentence(reader_app, key) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("j", "j", "j", key)
        assert screen.article.sentence == 2
        await pilot.press(key, key, key)
        assert screen.article.sentence == 0


@pytest.mark.parametrize("key", ["J", "right_curly_bracket"])
async def test_next_paragraph(reader_app, key) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        doc = screen.document
        await pilot.press(key)
        assert screen.article.sentence == doc.blocks[1].first_sentence
        await pilot.press(key)
        assert screen.article.sentence == doc.blocks[2].first_sentence


@pytest.mark.parametrize("key", ["K", "left_curly_bracket"])
async def test_previous_paragraph(reader_app, key) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        doc = screen.document
        block = next(b for b in doc.blocks if b.last_sentence > b.first_sentence)
        await pilot.press(*["j"] * (block.first_sentence + 1))
        assert screen.article.sentence == block.first_sentence + 1
        await pilot.press(key)
        assert screen.article.sentence == block.first_sentence
        await pilot.press(key)
        assert screen.article.sentence == doc.blocks[block.number - 2].first_sentence


async def test_word_cursor_w_and_b(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        doc = screen.document
        words = [m.span() for m in reading.WORD.finditer(doc.text)]
        await pilot.press("w")
        assert screen.article.word == words[0]
        await pilot.press("w", "w")
        assert screen.article.word == words[2]
        await pilot.press("b")
        assert screen.article.word == words[1]
        # the cursor word is drawn reversed
        line = screen.article.wrapped.lines[screen.article.wrapped.line_of_offset(words[1][0])]
        text = screen.article.line_text(line)
        assert any(span.style.reverse for span in text.spans if not isinstance(span.style, str))
        # w across a sentence end moves the current sentence too
        first_end = doc.sentences[0].end
        n = sum(1 for w in words if w[0] < first_end)
        await pilot.press(*["w"] * (n - 1))
        assert screen.article.sentence == 1


@pytest.mark.parametrize(("start_key", "end_key"), [("g", "G"), ("home", "end")])
async def test_start_and_end(reader_app, start_key, end_key) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press(end_key)
        last = len(screen.document.sentences) - 1
        assert screen.article.sentence == last
        assert " ".join(screen.document.sentence_text(last).split()) in shown_words(screen.article)
        await pilot.press(start_key)
        assert screen.article.sentence == 0
        assert screen.article.scroll_offset.y == 0


async def test_page_down_and_up(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("pagedown")
        assert screen.article.scroll_offset.y > 0
        assert screen.article.sentence > 0
        s = screen.article.sentence
        line = screen.article.wrapped.line_of_offset(screen.document.sentences[s].start)
        assert screen.article.scroll_offset.y <= line < screen.article.scroll_offset.y + screen.article.size.height
        await pilot.press("pageup")
        assert screen.article.scroll_offset.y == 0
        assert screen.article.sentence < s


# ------------------------------------------------------------------------------- focus and panels


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_tab_and_shift_tab_cycle_article_and_panels(reader_app, size) -> None:
    app = reader_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert app.focused.id == "article"
        order = []
        for _ in range(5):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["actors-table", "positions-table", "questions-table", "annotations-table", "article"]
        await pilot.press("shift+tab")
        assert app.focused.id == "annotations-table"


@pytest.mark.parametrize("key", ["1", "2", "3", "4", "5"])
async def test_the_footer_keeps_quit_and_help_in_view_at_80_columns(reader_app, key) -> None:
    """A panel's own keys come first in the footer; q Quit and ? Help follow them, whole, never cut
    by the footer's edge or hidden under the palette key (reader keys give way instead)."""
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await pilot.press(key)
        await pilot.pause()
        footer = app.screen.query_one("Footer")
        keys = list(footer.query("FooterKey"))
        palette = next(k for k in keys if k.has_class("-command-palette"))

        def in_view(k) -> bool:
            return k is palette or (k.region.width > 0 and k.region.right <= palette.region.x)

        shown = {k.description for k in keys if in_view(k)}
        assert {"Quit", "Help", "Palette"} <= shown, f"footer shows only {sorted(shown)}"
        if key != "1":  # the focused table's panel: its shown keys are all in view
            panel = app.focused.parent
            panel_keys = {b.description for b in panel.BINDINGS if b.show}
            assert panel_keys and panel_keys <= shown, f"{panel.id}: {sorted(panel_keys - shown)} not in view"


async def test_the_footer_is_rebuilt_only_when_its_keys_change(reader_app) -> None:
    """Textual signals a bindings change twice per focus change; the footer rebuilds its keys (a
    large part of a panel switch) only when what it shows differs."""
    from textual.widgets._footer import FooterKey

    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        footer = app.screen.query_one("Footer")
        before = list(footer.query(FooterKey))
        assert before
        app.screen.refresh_bindings()  # nothing changed
        await pilot.pause()
        assert list(footer.query(FooterKey)) == before, "the footer was rebuilt with the same keys"
        await pilot.press("2")
        await pilot.pause()
        after = list(footer.query(FooterKey))
        assert not set(after) & set(before) and "Rename" in {k.description for k in after}
        await pilot.press("1")
        await pilot.pause()
        assert [(k.key, k.description) for k in footer.query(FooterKey)] == [(k.key, k.description) for k in before]


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_number_keys_focus_panels(reader_app, size) -> None:
    app = reader_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = reader(app)
        for key, target in (("2", "actors-table"), ("3", "positions-table"), ("4", "questions-table"), ("5", "annotations-table"), ("1", "article")):
            await pilot.press(key)
            assert app.focused.id == target
            assert app.focused.region.area > 0, f"{target} is focused but not visible"
        if size == NARROW:
            await pilot.press("2")
            assert screen.article.region.area == 0  # the panel is shown as a tab in its place
            await pilot.press("1")
            assert screen.article.region.area > 0


async def test_enter_on_an_actor_highlights_its_mentions_and_filters_positions(sample_document) -> None:
    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=findings_analyser)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("2")
        table = screen.query_one("#actors-table", PanelTable)
        chosen = table.current_key()
        await pilot.press("enter")
        assert screen.selected_actor == chosen
        actor = screen.analysis.actor_by_id(chosen)
        # every mention of the actor is drawn with the "selected" style
        art = screen.article
        selected = art.style_of("article--selected")
        for m in actor.mentions:
            line = art.wrapped.lines[art.wrapped.line_of_offset(m.start)]
            text = art.line_text(line)
            assert any(sp.style == selected for sp in text.spans), m
        positions = screen.query_one("#positions-table", PanelTable)
        expected = [p for p in screen.analysis.positions if p.actor_id == chosen]
        assert positions.row_count == len(expected)
        assert "mentions of" in screen.query_one("#status").plain
        # the detail line shows the aliases
        detail = str(screen.query_one("#actors-detail").render())
        assert actor.name in detail
        # esc clears
        await pilot.press("escape")
        assert screen.selected_actor is None
        assert positions.row_count == len(screen.analysis.positions)
        assert screen.stepper is None


async def test_enter_on_a_position_moves_the_cursor_to_its_sentence(sample_document) -> None:
    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=findings_analyser)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        position = screen.analysis.positions[0]
        await pilot.press("3", "enter")
        assert screen.article.sentence == position.sentence
        assert screen.article.word == (position.cue_start, position.cue_end)
        first, last = screen.article.wrapped.lines_of_sentence(position.sentence)
        top = screen.article.scroll_offset.y
        assert top <= first and last < top + screen.article.size.height


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_enter_on_a_question_moves_the_cursor_to_its_sentence(sample_document, size) -> None:
    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=findings_analyser)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = reader(app)
        question = screen.analysis.questions[0]
        await pilot.press("4")
        detail = str(screen.query_one("#questions-detail").render())
        assert screen.document.sentence_text(question.sentence)[:20] in detail
        await pilot.press("enter")
        assert screen.article.sentence == question.sentence
        if size == NARROW:  # the article comes back to show where it went
            assert app.focused.id == "article"


async def test_enter_on_a_mention_in_the_article_chooses_its_actor(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        analysis = screen.analysis
        first = min((m for a in analysis.actors for m in a.mentions), key=lambda m: m.start)
        actor = next(a for a in analysis.actors if first in a.mentions)
        words = [m.span() for m in reading.WORD.finditer(screen.document.text) if m.start() <= first.start]
        await pilot.press(*["w"] * len(words))
        assert screen.article.word[0] == first.start
        await pilot.press("enter")
        assert screen.selected_actor == actor.id


# ------------------------------------------------------------------------------- search and n/N


async def test_search_counts_hits_and_n_steps_through_them(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        query = "peace"
        hits = reading.search(screen.document.text, query)
        assert len(hits) > 2
        await pilot.press("slash", *query)
        assert str(screen.query_one("#search-count").render()) == f"{len(hits)} hits"
        await pilot.press("enter")
        assert app.focused.id == "article"
        assert screen.article.word == hits[0]
        assert f"search “{query}” 1/{len(hits)}" in screen.query_one("#status").plain
        await pilot.press("n")
        assert screen.article.word == hits[1]
        await pilot.press("N", "N")
        assert screen.article.word == hits[-1]  # wraps around
        assert f"{len(hits)}/{len(hits)}" in screen.query_one("#status").plain
        assert screen.article.sentence == reading.sentence_of_offset(screen.document, hits[-1][0])


async def test_search_with_no_hits_and_escape(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("slash", *"zqzq")
        assert str(screen.query_one("#search-count").render()) == "no hits"
        await pilot.press("escape")
        assert not screen.query_one("#search").display
        assert app.focused.id == "article"
        assert screen.article.hits == []


async def test_n_steps_through_the_chosen_actors_mentions(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("2", "enter", "1")
        actor = screen.analysis.actor_by_id(screen.selected_actor)
        spans = reading.mention_spans(actor.mentions)
        await pilot.press("n")
        assert screen.article.word == spans[0] or screen.article.word[0] > screen.document.sentences[0].start
        visited = {screen.article.word}
        for _ in range(len(spans) - 1):
            await pilot.press("n")
            visited.add(screen.article.word)
        assert visited == set(spans)
        assert f"mentions of {actor.name}" in screen.query_one("#status").plain


async def test_n_without_a_target_says_so(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await pilot.press("n")
        assert reader(app).article.word is None
        assert any("Nothing to step through" in n.message for n in app._notifications)


# ------------------------------------------------------------------------------- copy, re-analyse, help, quit


async def test_y_copies_the_sentence_with_its_citation(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("j", "j", "y")
        s = screen.document.sentences[2]
        assert app.clipboard == reading.citation(screen.document, 2)
        assert f"[¶{s.block}.{s.number}]" in app.clipboard
        assert screen.document.source in app.clipboard


async def test_r_reanalyses_bypassing_the_cache(sample_document) -> None:
    calls = []

    def counting(document, *, use_cache=True, on_progress=None, should_stop=None):
        calls.append(use_cache)
        return recorded_analyser(document, on_progress=on_progress)

    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=counting)
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await pilot.press("r")
        await ready(pilot)
        assert calls == [True, False]
        assert reader(app).analysis is not None


async def test_help_lists_every_binding_and_closes(reader_app) -> None:
    from briefing.tui.screens.help import HelpScreen

    app = reader_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app)
        for binding in all_bindings():
            if binding.id == "library":
                continue  # only with several documents, see test_library
            assert binding.description in shown, binding
            assert binding.tooltip in shown.replace("\n", " ") or len(binding.tooltip) > 40, binding
            assert binding.id in {c.binding_id for c in app.screen.commands}, binding
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("question_mark", "question_mark")
        assert isinstance(app.screen, ReaderScreen)


async def test_q_quits_and_remembers_the_sentence(reader_app, sample_document) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "j", "q")
        await pilot.pause()
        assert not app.is_running
    again = reader_app()
    async with again.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert reader(again).article.sentence == 3
        assert "¶" in reader(again).query_one("#status").plain


async def test_palette_offers_every_binding_and_runs_it(reader_app) -> None:
    from textual.command import CommandPalette

    from briefing.tui.commands import BindingCommands

    app = reader_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        provider = BindingCommands(screen)
        titles = [hit.text async for hit in provider.discover()]
        for binding in all_bindings():
            if binding.id in ("library", "palette"):
                continue
            assert any(t.endswith(binding.description) for t in titles), binding
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next sentence")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert screen.article.sentence == 1


async def test_t_toggles_the_theme_and_it_is_remembered(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert app.current_theme.dark
        await pilot.press("t")
        await pilot.pause()
        assert not app.current_theme.dark
        name = app.theme
    again = reader_app()
    async with again.run_test(size=NARROW) as pilot:
        await ready(pilot)
        assert again.theme == name


def all_bindings():
    from textual.binding import Binding

    out = []
    for cls in (ReaderScreen, BriefingApp):
        for b in cls.BINDINGS:
            assert isinstance(b, Binding) and b.id and b.description, b
            out.append(b)
    return out


# ------------------------------------------------------------------------------- layout


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_nothing_overlaps_or_is_cut_off(reader_app, size) -> None:
    app = reader_app()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        screen = reader(app)
        article = screen.article.region
        assert article.width >= 70 if size == WIDE else article.width >= 76
        if size == WIDE:
            for name in ("actors", "positions", "questions"):
                region = screen.query_one(f"#{name}").region
                assert region.area > 0
                assert not region.overlaps(article)
                assert screen.region.contains_region(region)
        else:
            assert screen.query_one("#panels").region.area == 0
        for wid in ("#legend", "#status"):
            region = screen.query_one(wid).region
            assert region.height == 1 and not region.overlaps(article)
        # the article's lines fit its width (wrapping by us, no horizontal scroll)
        assert screen.article.virtual_size.width <= screen.article.scrollable_content_region.width


async def test_resize_rewraps_and_keeps_the_sentence(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        await pilot.press("G")
        wide_lines = len(screen.article.wrapped)
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert screen.article.sentence == len(screen.document.sentences) - 1
        assert len(screen.article.wrapped) >= wide_lines
        last = screen.document.sentence_text(screen.article.sentence)
        assert " ".join(last.split()) in shown_words(screen.article)


async def test_a_click_makes_the_sentence_current(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=NARROW) as pilot:
        await ready(pilot)
        screen = reader(app)
        target = screen.document.sentences[4]
        y = screen.article.wrapped.line_of_offset(target.start)
        await pilot.click("#article", offset=(10, y))
        assert screen.article.sentence == reading.sentence_of_offset(
            screen.document, screen.article.wrapped.lines[y].start + 8
        )


async def test_palette_jumps_to_an_actor(reader_app) -> None:
    app = reader_app()
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        actor = max(screen.analysis.actors, key=lambda a: len(a.mentions))
        await pilot.press("ctrl+p", *f"actor {actor.name}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.selected_actor == actor.id


async def test_palette_model_command_reanalyses_with_that_model(sample_document) -> None:
    from briefing.tui.commands import installed_models

    models = installed_models()
    assert models, "the default spaCy model package is installed"
    calls = []

    def counting(document, **kwargs):
        calls.append(kwargs.get("use_cache"))
        return recorded_analyser(document, on_progress=kwargs.get("on_progress"))

    app = make_app([sample_document.source], documents={sample_document.source: sample_document}, analyser=counting)
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *f"model {models[0]}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await ready(pilot)
        assert app.model is not None and app.model.name == models[0]
        # the app now analyses with the default (child-process) analyser for that model
        assert app.analyser.keywords["model"] == app.model
        assert reader(app).analysis is not None
