"""The reader screen: the controller between the article, the panels and the analysis worker.

Widgets post messages (``briefing.tui.messages``); this screen handles them and calls widget
methods. The logic itself (navigation, search, stepping, citations) lives in ``briefing.reading``.
"""

from __future__ import annotations

import time

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from briefing import reading
from briefing.errors import BriefingError
from briefing.model import Analysis
from briefing.settings import restore_sentence
from briefing.tui.messages import (
    ActorChosen,
    AnalysisFailed,
    AnalysisProgress,
    AnalysisReady,
    CursorMoved,
    SearchChanged,
    SearchClosed,
    SentenceChosen,
)
from briefing.tui.widgets.article import ArticleView
from briefing.tui.widgets.bars import Legend, SearchBar, StatusLine, TabStrip
from briefing.tui.widgets.panels import ActorsPanel, Panel, PositionsPanel, QuestionsPanel, safe

FIRST_PAINT_GRACE_S = 0.05
PARTIAL_APPLY_EVERY_S = 1.0  # partial results redraw panels and highlights at most this often
QUIET_BEFORE_PARTIAL_S = 0.4  # ... and only after the keyboard was quiet this long
NARROW_BELOW = 120  # columns: below this the panels become tabs
PANELS = ("actors", "positions", "questions")
FOCUS_ORDER = ("article", *PANELS)

MOVE = Binding.Group("move", compact=True)


class ReaderScreen(Screen[None]):
    COMMAND_GROUP = "Reader"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]
    AUTO_FOCUS = "#article"

    BINDINGS = [
        Binding("j,down", "sentence(1)", "Next sentence", id="sentence-next", group=MOVE, tooltip="Move to the next sentence"),
        Binding("k,up", "sentence(-1)", "Previous sentence", id="sentence-prev", group=MOVE, tooltip="Move to the previous sentence"),
        Binding("J,right_curly_bracket", "paragraph(1)", "Next paragraph", id="paragraph-next", show=False, tooltip="First sentence of the next paragraph"),
        Binding("K,left_curly_bracket", "paragraph(-1)", "Previous paragraph", id="paragraph-prev", show=False, tooltip="Start of this or the previous paragraph"),
        Binding("w", "word(1)", "Next word", id="word-next", show=False, tooltip="Move the word cursor forward (selections start here)"),
        Binding("b", "word(-1)", "Previous word", id="word-prev", show=False, tooltip="Move the word cursor back"),
        Binding("g,home", "edge(0)", "Start", id="start", show=False, tooltip="First sentence"),
        Binding("G,end", "edge(1)", "End", id="end", show=False, tooltip="Last sentence"),
        Binding("pagedown", "page(1)", "Page down", id="page-down", show=False, tooltip="Scroll a page; the cursor follows"),
        Binding("pageup", "page(-1)", "Page up", id="page-up", show=False, tooltip="Scroll a page back; the cursor follows"),
        Binding("tab", "cycle_focus(1)", "Next panel", id="focus-next", show=False, tooltip="Article, Actors, Positions, Questions"),
        Binding("shift+tab", "cycle_focus(-1)", "Previous panel", id="focus-prev", show=False, tooltip="The other way round"),
        Binding("1", "focus_panel('article')", "Article", id="focus-article", show=False, tooltip="Focus the article"),
        Binding("2", "focus_panel('actors')", "Actors", id="focus-actors", show=False, tooltip="Focus the Actors panel"),
        Binding("3", "focus_panel('positions')", "Positions", id="focus-positions", show=False, tooltip="Focus the Positions panel"),
        Binding("4", "focus_panel('questions')", "Questions", id="focus-questions", show=False, tooltip="Focus the Open questions panel"),
        Binding("5", "focus_panel('annotations')", "Annotations", id="focus-annotations", show=False, tooltip="Kept for the annotations panel"),
        Binding("enter", "choose", "Choose", id="choose", show=False, tooltip="On a mention: choose its actor; in a panel: go to the row"),
        Binding("escape", "clear", "Clear", id="clear", show=False, tooltip="Clear the chosen actor, the search and the marks (in a panel tab: back to the article first)"),
        Binding("slash", "search", "Search", id="search", key_display="/", tooltip="Search the article (hit count as you type)"),
        Binding("n", "step(1)", "Next hit", id="step-next", tooltip="Next search hit or mention of the chosen actor"),
        Binding("N", "step(-1)", "Previous hit", id="step-prev", show=False, tooltip="Previous search hit or mention"),
        Binding("y", "copy", "Copy", id="copy", tooltip="Copy the sentence with its citation [¶block.sentence] and source"),
        Binding("r", "reanalyse", "Re-analyse", id="reanalyse", show=False, tooltip="Analyse again, bypassing the cache"),
        Binding("L", "library", "Library", id="library", show=False, tooltip="Back to the list of documents"),
    ]

    def __init__(self, entry) -> None:
        super().__init__()
        self.entry = entry
        self.document = entry.document
        self.analysis: Analysis | None = None
        self.stepper: reading.Stepper | None = None
        self.search_query = ""
        self.selected_actor: str | None = None
        self.progress: tuple[int, int] | None = None
        self.failed = ""
        self.active_panel = "article"  # the shown tab in the narrow layout
        self._partial_applied = 0.0
        self._pending_partial: Analysis | None = None
        self._partial_timer = None

    # ---------------------------------------------------------------- composition

    def compose(self) -> ComposeResult:
        start = restore_sentence(self.document, self.app.settings.position(self.document.doc_id))
        yield Header()
        yield TabStrip(id="tabstrip")
        with Horizontal(id="main"):
            yield ArticleView(self.document, sentence=start, id="article")
            with Vertical(id="panels"):
                yield ActorsPanel()
                yield PositionsPanel()
                yield QuestionsPanel()
        yield SearchBar(id="search")
        yield Legend(id="legend")
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = safe(self.document.title)
        self.sub_title = safe(self.document.source)
        self.query_one("#actors").add_class("-active")
        for w in self.document.warnings:
            self.notify(safe(w), severity="warning", markup=False)
        if self.entry.analysis is not None:
            self.apply_analysis(self.entry.analysis)
        else:
            self.show_panels()
            # paint the article first: the analysis starts once the first frame is out
            self.call_after_refresh(self.set_timer, FIRST_PAINT_GRACE_S, self.start_analysis)
        self.update_status()

    def on_unmount(self) -> None:
        self.save_position()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def panel(self, name: str) -> Panel:
        return self.query_one(f"#{name}", Panel)

    @property
    def settled(self) -> bool:
        """The analysis is done (shown or failed): nothing more will change on its own."""
        return self.progress is None and (self.entry.analysis is not None or bool(self.failed))

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    # ---------------------------------------------------------------- analysis

    def start_analysis(self, use_cache: bool = True) -> None:
        self.failed = ""
        self.progress = (0, len(self.document.blocks))
        self.entry.analysing = True
        for name in PANELS:
            self.panel(name).set_progress("analysing…")
        self.update_status()
        self.analyse(use_cache)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis", description="analyse")
    def analyse(self, use_cache: bool) -> None:
        worker = get_current_worker()
        document = self.document
        doc_id = document.doc_id

        def progress(report) -> None:
            if not worker.is_cancelled:
                self.post_message(AnalysisProgress(doc_id, report.done, report.total, report.partial))

        try:
            analysis = self.app.analyser(
                document, use_cache=use_cache, on_progress=progress, should_stop=lambda: worker.is_cancelled
            )
        except BriefingError as exc:
            if not worker.is_cancelled:
                self.post_message(AnalysisFailed(doc_id, str(exc)))
            return
        except Exception as exc:  # an analysis error must never take the reader down
            if not worker.is_cancelled:
                self.post_message(AnalysisFailed(doc_id, f"{type(exc).__name__}: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(AnalysisReady(doc_id, analysis))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if message.doc_id != self.document.doc_id:
            return
        self.progress = (message.done, message.total)
        pct = int(100 * message.done / message.total) if message.total else 100
        for name in PANELS:
            self.panel(name).set_progress(f"analysing {pct}%")
        if message.partial is not None and not message.partial.complete:
            self._pending_partial = message.partial
            self._apply_pending_partial()
        self.update_status()

    def _apply_pending_partial(self) -> None:
        """Partial results redraw panels and highlights: only when the keyboard has been quiet a
        moment, and not more than once a second, so they never delay a keypress."""
        partial = self._pending_partial
        if partial is None or not self.progress:
            return
        now = time.monotonic()
        quiet = now - getattr(self.app, "last_key_time", 0.0)
        since = now - self._partial_applied
        if quiet >= QUIET_BEFORE_PARTIAL_S and since >= PARTIAL_APPLY_EVERY_S:
            self._pending_partial = None
            self._partial_applied = now
            self.apply_analysis(partial, final=False)
        elif self._partial_timer is None:
            wait = max(QUIET_BEFORE_PARTIAL_S - quiet, PARTIAL_APPLY_EVERY_S - since, 0.05)
            self._partial_timer = self.set_timer(wait, self._partial_due)

    def _partial_due(self) -> None:
        self._partial_timer = None
        self._apply_pending_partial()

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if message.doc_id != self.document.doc_id:
            return
        self.entry.analysing = False
        self.progress = None
        self._pending_partial = None
        for name in PANELS:
            self.panel(name).set_progress("")
        self.apply_analysis(message.analysis)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if message.doc_id != self.document.doc_id:
            return
        self.entry.analysing = False
        self.progress = None
        self.failed = message.error
        for name in PANELS:
            self.panel(name).set_progress("analysis failed")
        self.notify(safe(message.error), title="Analysis failed", severity="error", timeout=10, markup=False)
        self.update_status()

    def apply_analysis(self, analysis: Analysis, final: bool = True) -> None:
        if analysis.document_sha256 and analysis.document_sha256 != self.document.sha256:
            self.failed = "the analysis is of another version of this text"
            self.notify(self.failed, title="Analysis not shown", severity="error", timeout=10, markup=False)
            self.update_status()
            return
        self.analysis = analysis
        if final:
            self.entry.analysis = analysis
        chosen = analysis.actor_by_id(self.selected_actor) if self.selected_actor else None
        self.selected_actor = chosen.id if chosen else None
        self.article.set_analysis(analysis)
        self.article.set_selected_actor(self.selected_actor, [(m.start, m.end) for m in chosen.mentions] if chosen else [])
        self.show_panels()
        if self.stepper is not None and self.stepper.label.startswith("mentions") and self.selected_actor:
            self._set_actor_stepper(self.selected_actor)
        self.update_status()

    def show_panels(self) -> None:
        self.panel("actors").show(self.analysis)
        self.panel("positions").show(self.document, self.analysis, self.selected_actor)
        self.panel("questions").show(self.document, self.analysis)
        a = self.analysis
        self.query_one(TabStrip).set_counts(
            {"actors": len(a.actors), "positions": len(a.positions), "questions": len(a.questions)} if a else {}
        )

    # ---------------------------------------------------------------- status

    def update_status(self) -> None:
        doc = self.document
        article = self.article
        s = doc.sentences[article.sentence]
        parts: list[tuple] = [(f"{s.citation} ({s.index + 1}/{len(doc.sentences)})", 100)]
        if self.stepper is not None:
            parts.append((f"n/N: {self.stepper.describe()}", 90))
        else:
            parts.append(("n/N: nothing (/ to search, Enter on an actor)", 30, ""))
        a = self.analysis
        if self.progress is not None:
            done, total = self.progress
            parts.append((f"analysing {done}/{total} blocks", 80, f"{100 * done // max(1, total)}%"))
        elif self.failed:
            parts.append(("analysis failed", 80))
        if a is not None:
            name, _, version = a.model.partition("==")
            parts.append((a.model, 50, f"{name.removeprefix('en_core_web_')} {version}".strip()))
            parts.append((f"analyser {a.analyser}", 40, f"a. {a.analyser}"))
        self.query_one(StatusLine).set_parts(parts)
        counts = ""
        if a is not None:
            counts = f"{len(a.actors)} actors · {len(a.positions)} positions · {len(a.questions)} questions"
        self.query_one(Legend).set_counts(counts)

    # ---------------------------------------------------------------- messages from widgets

    def on_cursor_moved(self, message: CursorMoved) -> None:
        self.entry.sentence = message.sentence
        self.update_status()

    def on_actor_chosen(self, message: ActorChosen) -> None:
        self.choose_actor(message.actor_id)

    def on_sentence_chosen(self, message: SentenceChosen) -> None:
        span = (message.start, message.end) if message.end > message.start else None
        if self.narrow:
            self.action_focus_panel("article")
        self._move(message.sentence, span, center=True)

    def on_search_changed(self, message: SearchChanged) -> None:
        query = message.query
        hits = reading.search(self.document.text, query)
        self.search_query = query
        self.article.set_hits(hits)
        self.query_one(SearchBar).set_count(len(hits), query)
        if message.final:
            self.close_search()
            if hits:
                self.stepper = reading.Stepper(f"search “{safe(query)}”", hits)
                self._step(True, from_offset=self._cursor_offset() - 1)
            else:
                self.stepper = None
                if query:
                    self.notify("no hits", severity="warning", markup=False)
            self.update_status()

    def on_search_closed(self, message: SearchClosed) -> None:
        if self.stepper is None or not self.stepper.label.startswith("search"):
            self.article.set_hits([])
        self.close_search()

    def on_descendant_focus(self, event) -> None:
        name = self._panel_of(event.widget)
        if name is not None:
            self._show_panel(name)

    def _panel_of(self, widget: Widget | None) -> str | None:
        node = widget
        while node is not None and node is not self:
            if node.id in FOCUS_ORDER:
                return node.id
            node = node.parent
        return None

    def _show_panel(self, name: str) -> None:
        """Mark the shown panel (narrow layout: the drawer is open unless it is the article).

        Classes go on #main and the panels, not on the screen: restyling the whole screen on each
        focus change costs tens of milliseconds."""
        if name == self.active_panel:
            return
        self.active_panel = name
        self.query_one("#main").set_class(name != "article", "-drawer")
        for panel in PANELS:
            self.panel(panel).set_class(panel == name, "-active")
        self.query_one(TabStrip).set_active(name)

    # ---------------------------------------------------------------- helpers

    def _cursor_offset(self) -> int:
        article = self.article
        if article.word is not None:
            return article.word[0]
        return self.document.sentences[article.sentence].start

    def _move(self, sentence: int, word: tuple[int, int] | None = None, *, center: bool = False) -> None:
        """Move the cursor and update the status line in the same frame (CursorMoved would be a frame late)."""
        self.article.move_to(sentence, word, center=center)
        self.update_status()

    def _go_to_span(self, span: tuple[int, int]) -> None:
        sentence = reading.sentence_of_offset(self.document, span[0])
        self._move(sentence, span)

    def _step(self, forward: bool, from_offset: int | None = None) -> None:
        if self.stepper is None:
            self.notify("Nothing to step through: search with / or press Enter on an actor", markup=False)
            return
        offset = self._cursor_offset() if from_offset is None else from_offset
        span = self.stepper.step(offset, forward)
        if span is None:
            self.notify("no more hits", markup=False)
            return
        self._go_to_span(span)
        self.update_status()

    def _set_actor_stepper(self, actor_id: str) -> None:
        actor = self.analysis.actor_by_id(actor_id) if self.analysis else None
        if actor is None:
            return
        self.stepper = reading.Stepper(f"mentions of {safe(actor.name)}", reading.mention_spans(actor.mentions))

    def choose_actor(self, actor_id: str) -> None:
        if self.analysis is None or self.analysis.actor_by_id(actor_id) is None:
            return
        self.selected_actor = actor_id
        actor = self.analysis.actor_by_id(actor_id)
        self.article.set_selected_actor(actor_id, [(m.start, m.end) for m in actor.mentions])
        self.panel("positions").show(self.document, self.analysis, actor_id)
        self._set_actor_stepper(actor_id)
        self.update_status()

    def close_search(self) -> None:
        bar = self.query_one(SearchBar)
        if bar.display:
            bar.display = False
            self.article.focus()

    def save_position(self) -> None:
        try:
            sentence = self.article.sentence
        except Exception:
            return
        self.app.remember_position(self.document, sentence)

    # ---------------------------------------------------------------- actions

    def action_sentence(self, step: int) -> None:
        self._move(reading.step_sentence(self.document, self.article.sentence, step))

    def action_paragraph(self, step: int) -> None:
        self._move(reading.step_paragraph(self.document, self.article.sentence, step))

    def action_word(self, step: int) -> None:
        article = self.article
        doc = self.document
        current = doc.sentences[article.sentence]
        if step > 0:
            after = article.word[1] if article.word is not None else current.start
            word = reading.next_word(doc, after)
        else:
            before = article.word[0] if article.word is not None else current.start
            word = reading.prev_word(doc, before)
        if word is None:
            return
        self._move(reading.sentence_of_offset(doc, word[0]), word)

    def action_edge(self, end: int) -> None:
        self._move(len(self.document.sentences) - 1 if end else 0)

    def action_page(self, step: int) -> None:
        article = self.article
        height = max(1, article.scrollable_content_region.height - 1)
        article.scroll_to(y=article.scroll_offset.y + step * height, animate=False, immediate=True)
        self._move(article.first_visible_sentence())

    def action_cycle_focus(self, step: int) -> None:
        current = self.active_panel if self.active_panel in FOCUS_ORDER else "article"
        i = (FOCUS_ORDER.index(current) + step) % len(FOCUS_ORDER)
        self.action_focus_panel(FOCUS_ORDER[i])

    def action_focus_panel(self, name: str) -> None:
        if name == "annotations":
            self.notify("The annotations panel is not in this version yet", markup=False)
            return
        self._show_panel(name)
        target = self.article if name == "article" else self.panel(name).table
        if target.focusable:
            target.focus()
        else:  # just shown: focusable once laid out
            self.call_after_refresh(target.focus)

    def action_choose(self) -> None:
        """Enter on the article: choose the actor whose mention is under the word cursor."""
        article = self.article
        if article.word is None or self.analysis is None:
            return
        for start, end, _, actor_id in reading.mention_kinds(self.analysis):
            if start <= article.word[0] < end:
                self.choose_actor(actor_id)
                return

    def action_clear(self) -> None:
        if self.narrow and self.active_panel != "article":
            self.action_focus_panel("article")
            return
        self.selected_actor = None
        self.stepper = None
        self.search_query = ""
        article = self.article
        article.set_selected_actor(None)
        article.set_hits([])
        article.move_to(article.sentence, None)
        self.panel("positions").show(self.document, self.analysis, None)
        self.update_status()

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.input.value = self.search_query
        bar.input.focus()

    def action_step(self, step: int) -> None:
        self._step(step > 0)

    def action_copy(self) -> None:
        text = reading.citation(self.document, self.article.sentence)
        self.app.copy_to_clipboard(text)
        s = self.document.sentences[self.article.sentence]
        self.notify(f"Copied {s.citation} with its source", timeout=3, markup=False)

    def action_reanalyse(self) -> None:
        self.notify("Analysing again (cache bypassed)…", timeout=3, markup=False)
        self.start_analysis(use_cache=False)

    def use_model(self, name: str) -> None:
        """The palette's "Model: <name>": analyse this document again with that model."""
        try:
            self.app.use_model(name)
        except BriefingError as exc:
            self.notify(safe(str(exc)), title="Model not usable", severity="error", markup=False)
            return
        self.notify(f"Analysing with {safe(name)}…", timeout=3, markup=False)
        self.start_analysis(use_cache=True)

    def action_library(self) -> None:
        if len(self.app.entries) > 1:
            self.save_position()
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "library":
            return len(self.app.entries) > 1
        return True
