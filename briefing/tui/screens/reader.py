"""The reader screen: the controller between the article, the panels and the analysis worker.

Widgets post messages (``briefing.tui.messages``); this screen handles them and calls widget
methods. The logic itself (navigation, search, stepping, citations) lives in ``briefing.reading``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header
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
    AnnotationAction,
    CursorMoved,
    ReviewRequested,
    SearchChanged,
    SearchClosed,
    SentenceChosen,
)
from briefing.tui.widgets.article import ArticleView
from briefing.tui.widgets.bars import KeysFooter, Legend, SearchBar, StatusLine, TabStrip
from briefing.tui.widgets.panels import (
    ActorsPanel,
    AnnotationsPanel,
    Panel,
    PositionsPanel,
    QuestionsPanel,
    review_status,
    safe,
    with_rejected,
)

if TYPE_CHECKING:  # the note dialog (TextArea: ~30 ms of imports) loads when first opened, the
    # annotations (notes, drafts, the store) once the first frame is out
    from briefing.annotations import Draft, Notebook, Selector
    from briefing.tui.screens.annotate import AnnotateResult

FIRST_PAINT_GRACE_S = 0.05
PARTIAL_APPLY_EVERY_S = 1.0  # partial results redraw panels and highlights at most this often
QUIET_BEFORE_PARTIAL_S = 0.4  # ... and only after the keyboard was quiet this long
NARROW_BELOW = 120  # columns: below this the panels become tabs
PANELS = ("actors", "positions", "questions")  # filled by the analysis
ALL_PANELS = (*PANELS, "annotations")
FOCUS_ORDER = ("article", *ALL_PANELS)
POLL_EVERY_S = 1.0  # the store is polled this often for notes other sessions added

MOVE = Binding.Group("move", compact=True)
ALWAYS_SHOWN = ("quit", "help")  # binding ids the footer keeps in view (see ``active_bindings``)


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
        Binding("tab", "cycle_focus(1)", "Next panel", id="focus-next", show=False, tooltip="Article, Actors, Positions, Questions, Annotations"),
        Binding("shift+tab", "cycle_focus(-1)", "Previous panel", id="focus-prev", show=False, tooltip="The other way round"),
        Binding("1", "focus_panel('article')", "Article", id="focus-article", show=False, tooltip="Focus the article"),
        Binding("2", "focus_panel('actors')", "Actors", id="focus-actors", show=False, tooltip="Focus the Actors panel"),
        Binding("3", "focus_panel('positions')", "Positions", id="focus-positions", show=False, tooltip="Focus the Positions panel"),
        Binding("4", "focus_panel('questions')", "Questions", id="focus-questions", show=False, tooltip="Focus the Open questions panel"),
        Binding("5", "focus_panel('annotations')", "Annotations", id="focus-annotations", show=False, tooltip="Focus the Annotations panel (Enter jumps, e edits, d deletes)"),
        Binding("enter", "choose", "Choose", id="choose", show=False, tooltip="On a mention: choose its actor; in a panel: go to the row"),
        Binding("escape", "clear", "Clear", id="clear", show=False, tooltip="Cancel a selection; clear the chosen actor, the search and the marks (in a panel tab: back to the article first)"),
        Binding("slash", "search", "Search", id="search", key_display="/", tooltip="Search the article (hit count as you type)"),
        Binding("n", "step(1)", "Next hit", id="step-next", tooltip="Next search hit or mention of the chosen actor"),
        Binding("N", "step(-1)", "Previous hit", id="step-prev", show=False, tooltip="Previous search hit or mention"),
        Binding("y", "copy", "Copy", id="copy", tooltip="Copy the sentence with its citation [¶block.sentence] and source"),
        Binding("r", "reanalyse", "Re-analyse", id="reanalyse", show=False, tooltip="Analyse again, bypassing the cache"),
        Binding("L", "library", "Library", id="library", show=False, tooltip="Back to the list of documents"),
        Binding("a", "annotate", "Annotate", id="annotate", tooltip="Annotate the current sentence, or the selection (v)"),
        Binding("v", "select", "Select", id="select", show=False, tooltip="Start (or end) a selection at the word cursor; w/b and j/k extend it, a annotates it"),
        Binding("u", "undo", "Undo", id="undo", show=False, tooltip="Undo this session's last note or review change (deletes included)"),
        Binding("ctrl+r", "redo", "Redo", id="redo", show=False, tooltip="Redo what u undid"),
        Binding("ctrl+e", "export", "Export", id="export", show=False, tooltip="Write the briefing (markdown or JSON) to a file"),
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
        self.raw_analysis: Analysis | None = None  # as analysed (self.analysis has the reviews applied)
        self.notebook: Notebook | None = None
        self.placed: list = []
        self.selection_anchor: tuple[int, int] | None = None
        self._poll_timer = None
        self._tags: list[str] | None = None
        self.built = False  # the panels, search bar and footer are mounted (after the first frame)
        # keys pressed before that wait here, in order (the app holds them: ``BriefingApp.on_event``)
        self.held_keys: list[events.Key] | None = []
        # the breakpoint class from the start: Textual sets it on the first resize, which would
        # otherwise restyle every widget a second time before the first frame (and nothing is
        # mounted yet to restyle now)
        self.add_class("-narrow" if self.app.size.width < NARROW_BELOW else "-wide", update=False)

    # ---------------------------------------------------------------- composition

    def compose(self) -> ComposeResult:
        """What the first frame shows: the article and its status line. The panels, the search
        bar and the footer are mounted by ``build`` once that frame is out (the article paints first)."""
        start = restore_sentence(self.document, self.app.settings.position(self.document.doc_id))
        yield Header()
        yield TabStrip(id="tabstrip")
        with Horizontal(id="main"):
            yield ArticleView(self.document, sentence=start, id="article")
            yield Vertical(id="panels")
        yield Legend(id="legend")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.title = safe(self.document.title)
        self.sub_title = safe(self.document.source)
        self.update_status()
        self.call_after_refresh(self.build)

    async def build(self) -> None:
        """After the first frame: the panels, search bar and footer, the annotation store, then the
        analysis (shown from the entry or the cache, else started). Keys pressed meanwhile were held
        by the app: they run now, in order."""
        self.app.first_frame_out()
        panels = [ActorsPanel(), PositionsPanel(), QuestionsPanel(), AnnotationsPanel()]
        panels[0].add_class("-active")
        await self.query_one("#panels", Vertical).mount_all(panels)
        await self.mount(SearchBar(id="search"), before="#legend")
        await self.mount(KeysFooter())
        self.built = True
        self.refresh_bindings()  # the footer draws its keys when told the bindings changed
        self.open_notebook()
        for w in self.document.warnings:
            self.notify(safe(w), severity="warning", markup=False)
        if self.entry.analysis is not None:
            self.apply_analysis(self.entry.analysis)
        else:
            self.show_panels()
            self.set_timer(FIRST_PAINT_GRACE_S, self.start_analysis)
        self.update_status()
        held, self.held_keys = self.held_keys or [], None
        for key in held:  # the same events (a new one would have this screen as its sender)
            self.app.post_message(key)

    def on_unmount(self) -> None:
        self.save_position()

    # ---------------------------------------------------------------- notes and reviews

    def open_notebook(self) -> None:
        from briefing.annotations import Notebook

        try:
            self.notebook = Notebook(self.app.store, self.document)
        except BriefingError as exc:
            self.notify(safe(str(exc)), title="Annotation store not usable", severity="error", timeout=15, markup=False)
            return
        self.refresh_notes()
        self._poll_timer = self.set_interval(POLL_EVERY_S, self.poll_store)
        self.call_after_refresh(self.offer_drafts)

    def refresh_notes(self) -> None:
        if self.notebook is None:
            return
        self.placed = self.notebook.placed()
        self.panel("annotations").show(self.placed)
        self.article.set_notes([(p.start, p.end) for p in self.placed if not p.orphaned])
        self._set_tab_counts()

    def reapply_reviews(self) -> None:
        if self.raw_analysis is not None:
            self.apply_analysis(self.raw_analysis, final=self.progress is None)

    def poll_store(self) -> None:
        """Another session (the CLI, a second window) changed the store: show its notes."""
        if self.notebook is None:
            return
        try:
            changed = self.notebook.poll()
        except BriefingError as exc:
            if self._poll_timer is not None:
                self._poll_timer.stop()
            self.notify(safe(str(exc)), title="Annotation store", severity="error", timeout=15, markup=False)
            return
        if changed:
            self.refresh_notes()
            self.reapply_reviews()

    def known_tags(self) -> list[str]:
        """The default tags, then the user's own (from every document's notes: read once a session)."""
        from briefing.annotations import ANNOTATIONS, DEFAULT_TAGS

        if self._tags is None:
            tags = list(DEFAULT_TAGS)
            try:
                for record in self.app.store.all(ANNOTATIONS).values():
                    tags += [t for t in record.get("tags", ()) if t not in tags]
            except BriefingError:
                pass
            self._tags = tags
        for pl in self.placed:
            self._tags += [t for t in pl.annotation.tags if t not in self._tags]
        return list(self._tags)

    def _draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.notebook.drafts() if d.id == draft_id), None) if self.notebook else None

    def open_note_dialog(self, selector: Selector, annotation_id: str = "", *, note: str = "", tags=(), title: str = "") -> None:
        """The annotate dialog for ``selector`` (a new note) or ``annotation_id`` (an edit); a draft
        of the same note, left by an earlier session, is restored into it."""
        from briefing.annotations import Draft

        notebook = self.notebook
        if notebook is None:
            self.notify("The annotation store is not open", severity="error", markup=False)
            return
        draft_id = Draft.make_id(self.document.doc_id, selector, annotation_id)
        draft = self._draft(draft_id)
        if draft is not None and (draft.text or draft.tags):
            note, tags = draft.text, draft.tags
            title = title or "Unfinished note (restored draft)"

        def save_draft(text: str, tags: tuple[str, ...]) -> None:
            try:
                notebook.save_draft(selector, text, tags, annotation_id=annotation_id)
            except BriefingError as exc:
                self.notify(safe(str(exc)), title="Draft not saved", severity="error", markup=False)

        from briefing.tui.screens.annotate import AnnotateScreen

        def done(result: AnnotateResult | None) -> None:
            self.finish_note(result, selector, annotation_id, draft_id)

        self.app.push_screen(
            AnnotateScreen(
                selector.exact,
                title=title or ("Edit note" if annotation_id else "Annotate"),
                note=note,
                tags=tags,
                known_tags=self.known_tags(),
                save_draft=save_draft,
            ),
            done,
        )

    def finish_note(self, result: AnnotateResult | None, selector: Selector, annotation_id: str, draft_id: str) -> None:
        notebook = self.notebook
        try:
            if result is None:
                draft = self._draft(draft_id)
                if draft is not None and not draft.text.strip() and not draft.tags:
                    notebook.discard_draft(draft_id)
                elif draft is not None:
                    self.notify("Kept as a draft: annotate the same text again to finish it", timeout=4, markup=False)
                return
            if result.discard:
                notebook.discard_draft(draft_id)
                self.notify("Note discarded", timeout=3, markup=False)
                return
            if annotation_id:
                notebook.edit(annotation_id, note=result.note, tags=result.tags)
                self.notify("Note saved", timeout=3, markup=False)
            else:
                notebook.add(selector, result.note, result.tags)
                self.notify("Note added (u undoes)", timeout=3, markup=False)
            notebook.discard_draft(draft_id)
        except BriefingError as exc:
            self.notify(safe(str(exc)), title="Note not saved", severity="error", markup=False)
            return
        self.cancel_selection()
        self.refresh_notes()

    def offer_drafts(self) -> None:
        """Notes left unfinished (a crash, a dropped connection): reopen the latest one."""
        from briefing.annotations import place, span_selector

        if self.notebook is None:
            return
        drafts = [d for d in self.notebook.drafts() if d.text.strip() or d.tags]
        if not drafts:
            return
        draft = drafts[0]
        if len(drafts) > 1:
            self.notify(f"{len(drafts)} unfinished notes; the latest is restored", timeout=5, markup=False)
        if draft.annotation_id:
            if self.notebook.get(draft.annotation_id) is None:
                return
            self.open_note_dialog(draft.selector, draft.annotation_id)
            return
        placement = place(draft, self.document)
        if placement.orphaned:
            self.notify("An unfinished note's text is gone from the document", severity="warning", markup=False)
            return
        if (placement.start, placement.end) != (draft.selector.start, draft.selector.end):
            self.notebook.discard_draft(draft.id)
            selector = span_selector(self.document, placement.start, placement.end)
            self.notebook.save_draft(selector, draft.text, draft.tags)
        else:
            selector = draft.selector
        self.open_note_dialog(selector)

    def selection_span(self) -> tuple[int, int] | None:
        if self.selection_anchor is None:
            return None
        article = self.article
        if article.word is not None:
            head = article.word
        else:
            s = self.document.sentences[article.sentence]
            head = (s.start, s.end)
        return min(self.selection_anchor[0], head[0]), max(self.selection_anchor[1], head[1])

    def cancel_selection(self) -> None:
        if self.selection_anchor is not None:
            self.selection_anchor = None
            self.article.set_selection(None)
            self.update_status()

    def _set_tab_counts(self) -> None:
        a = self.analysis
        counts = {"actors": len(a.actors), "positions": len(a.positions), "questions": len(a.questions)} if a else {}
        if self.notebook is not None:
            counts["annotations"] = len(self.placed)
        self.query_one(TabStrip).set_counts(counts)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def panel(self, name: str) -> Panel:
        return self.query_one(f"#{name}", Panel)

    @property
    def settled(self) -> bool:
        """The analysis is done (shown or failed): nothing more will change on its own."""
        return self.built and self.progress is None and (self.entry.analysis is not None or bool(self.failed))

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
        self.raw_analysis = analysis
        if final:
            self.entry.analysis = analysis
        if self.notebook is not None:
            try:
                analysis = self.notebook.apply_reviews(analysis)
            except BriefingError as exc:
                self.notify(safe(str(exc)), title="Reviews not applied", severity="error", markup=False)
        self.analysis = analysis
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
        self._set_tab_counts()

    # ---------------------------------------------------------------- status

    def update_status(self) -> None:
        doc = self.document
        article = self.article
        s = doc.sentences[article.sentence]
        parts: list[tuple] = [(f"{s.citation} ({s.index + 1}/{len(doc.sentences)})", 100)]
        if self.selection_anchor is not None:
            parts.append(("selecting: a annotates, esc cancels", 95, "selecting"))
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
        for panel in ALL_PANELS:
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
        if self.selection_anchor is not None:
            self.article.set_selection(self.selection_span())
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
        if self.selection_anchor is not None:
            self.cancel_selection()
            return
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

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's, with q Quit and ? Help moved right after the focused panel's own keys (before
        the reader's): the footer, 80 columns wide, then cuts reader keys but never these two."""
        bindings = super().active_bindings
        own = [key for key, b in bindings.items() if b.node is not self and b.node is not self.app]
        if not own:  # the article is focused: Textual's order (they fit)
            return bindings
        kept = [key for key, b in bindings.items() if b.binding.id in ALWAYS_SHOWN and key not in own]
        order = [*own, *kept, *(key for key in bindings if key not in own and key not in kept)]
        return {key: bindings[key] for key in order}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "library":
            return len(self.app.entries) > 1
        return True

    # ---------------------------------------------------------------- annotations

    def action_annotate(self) -> None:
        """a: annotate the selection (v), else the current sentence."""
        from briefing.annotations import sentence_selector, span_selector

        span = self.selection_span()
        try:
            if span is not None:
                selector = span_selector(self.document, *span)
            else:
                selector = sentence_selector(self.document, self.article.sentence)
        except BriefingError as exc:
            self.notify(safe(str(exc)), severity="warning", markup=False)
            return
        self.open_note_dialog(selector)

    def action_select(self) -> None:
        if self.selection_anchor is not None:
            self.cancel_selection()
            return
        article = self.article
        word = article.word
        if word is None:
            s = self.document.sentences[article.sentence]
            word = reading.next_word(self.document, s.start) or (s.start, s.end)
            if word[0] >= s.end:
                word = (s.start, s.end)
            article.move_to(article.sentence, word)
        self.selection_anchor = word
        article.set_selection(self.selection_span())
        self.update_status()

    def on_annotation_action(self, message: AnnotationAction) -> None:
        notebook = self.notebook
        if notebook is None:
            return
        annotation = notebook.get(message.annotation_id)
        if annotation is None:
            self.refresh_notes()
            return
        if message.op == "edit":
            self.open_note_dialog(annotation.selector, annotation.id, note=annotation.note, tags=annotation.tags)
        elif message.op == "delete":
            try:
                notebook.delete(annotation.id)
            except BriefingError as exc:
                self.notify(safe(str(exc)), severity="error", markup=False)
                return
            self.notify("Note deleted (u undoes)", timeout=3, markup=False)
            self.refresh_notes()

    def action_undo(self) -> None:
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_redo(redo=True)

    def _undo_redo(self, *, redo: bool) -> None:
        if self.notebook is None:
            return
        try:
            change = self.notebook.redo() if redo else self.notebook.undo()
        except BriefingError as exc:
            self.notify(safe(str(exc)), severity="error", markup=False)
            return
        if change is None:
            self.notify("Nothing to redo" if redo else "Nothing to undo in this session", timeout=3, markup=False)
            return
        self.notify(("Redone: " if redo else "Undone: ") + change.label, timeout=3, markup=False)
        self.refresh_notes()
        if change.table != "annotations":
            self.reapply_reviews()

    # ---------------------------------------------------------------- reviews

    def on_review_requested(self, message: ReviewRequested) -> None:
        from briefing import reviews

        if self.notebook is None or self.analysis is None:
            return
        if message.op == "add":
            self.add_by_hand(message.kind)
            return
        if message.kind == "actor":
            actor = self.analysis.actor_by_id(message.item_id)
            if actor is None:
                return
            if message.op == "rename":
                from briefing.tui.screens.rename import RenameScreen

                self.app.push_screen(RenameScreen(actor.name), lambda name: name and self._review(reviews.rename_actor(actor, name)))
            elif message.op == "merge":
                from briefing.tui.screens.merge import MergeScreen

                targets = sorted((a for a in self.analysis.actors if a.id != actor.id), key=lambda a: (-len(a.mentions), a.name))
                if not targets:
                    self.notify("No other actor to merge into", markup=False)
                    return

                def merge(target_id: str | None) -> None:
                    into = self.analysis.actor_by_id(target_id) if target_id else None
                    if into is not None:
                        self._review(reviews.merge_actors(actor, into))

                self.app.push_screen(MergeScreen(actor, targets), merge)
            elif message.op == "move_alias":
                self.move_alias(actor)
            return
        item = next((i for i in with_rejected(self.analysis, message.kind) if i.id == message.item_id), None)
        if item is None:
            return
        status = review_status(self.analysis, item.id)
        done = {"confirm": "confirmed", "reject": "rejected"}[message.op]
        # pressing the key again takes the review back; the other key replaces it
        mine = self._item_reviews(item.id, status)
        try:
            for r in mine:
                self.notebook.unreview(r.id)
            if status != done:
                self.notebook.review(reviews.confirm(self.document, item) if message.op == "confirm" else reviews.reject(self.document, item))
        except BriefingError as exc:
            self.notify(safe(str(exc)), severity="error", markup=False)
            return
        self.reapply_reviews()

    def add_by_hand(self, kind: str) -> None:
        """N on Actors: an actor by name and kind; N on Questions: the current sentence (or the
        selection) as an open question, with what it is about."""
        from textual.content import Content

        from briefing import reviews
        from briefing.model import ACTOR_KINDS
        from briefing.tui.screens.pick import PickScreen
        from briefing.tui.screens.rename import RenameScreen
        from briefing.tui.widgets.article import KIND_GLYPHS

        if kind == "actor":

            def named(name: str | None) -> None:
                if not name:
                    return

                def kinded(actor_kind: str | None) -> None:
                    if actor_kind:
                        try:
                            self._review(reviews.add_actor(name, actor_kind))
                        except BriefingError as exc:
                            self.notify(safe(str(exc)), severity="error", markup=False)

                self.app.push_screen(
                    PickScreen(
                        "Add actor",
                        Content.assemble("What is ", (safe(name), "bold"), "?"),
                        [(k, Content(f"{KIND_GLYPHS.get(k, '·')} {k}")) for k in ACTOR_KINDS],
                    ),
                    kinded,
                )

            self.app.push_screen(RenameScreen("", title="Add actor", prompt=Content("Name (as the article writes it):")), named)
            return
        span = self.selection_span()
        if span is None:
            s = self.document.sentences[self.article.sentence]
            span = (s.start, s.end)
        quote = safe(self.document.text[span[0] : span[1]])
        if kind == "position":
            self.add_position(span, quote)
            return

        def about(text: str | None) -> None:
            if not text:
                return
            try:
                self._review(reviews.add_question(self.document, span[0], span[1], cue="by hand", about=text))
            except BriefingError as exc:
                self.notify(safe(str(exc)), severity="error", markup=False)
                return
            self.cancel_selection()

        self.app.push_screen(
            RenameScreen("", title="Add open question", prompt=Content.assemble("“", (quote[:200], "italic"), "” What is open here?")),
            about,
        )

    def add_position(self, span: tuple[int, int], quote: str) -> None:
        """A position by hand on ``span``: pick who holds it, type the cue; the content is the quote."""
        from textual.content import Content

        from briefing import reviews
        from briefing.tui.screens.pick import PickScreen
        from briefing.tui.screens.rename import RenameScreen
        from briefing.tui.widgets.article import KIND_GLYPHS

        actors = sorted(self.analysis.actors, key=lambda a: (-len(a.mentions), a.name)) if self.analysis else []
        if not actors:
            self.notify("No actor yet: add one first (N in the Actors panel)", severity="warning", markup=False)
            return

        def picked(actor_id: str | None) -> None:
            actor = self.analysis.actor_by_id(actor_id) if actor_id else None
            if actor is None:
                return

            def cued(cue: str | None) -> None:
                if not cue:
                    return
                try:
                    op = reviews.add_position(
                        self.document, span[0], span[1], actor=actor.name, cue=cue, content=quote, actor_kind=actor.kind
                    )
                except BriefingError as exc:
                    self.notify(safe(str(exc)), severity="error", markup=False)
                    return
                self._review(op)
                self.cancel_selection()

            self.app.push_screen(
                RenameScreen("", title="Add position", prompt=Content.assemble("The cue (e.g. said, warned): ", (safe(actor.name), "bold"), " …")),
                cued,
            )

        self.app.push_screen(
            PickScreen(
                "Add position",
                Content.assemble("Who holds “", (quote[:200], "italic"), "”?"),
                [(a.id, Content(f"{KIND_GLYPHS.get(a.kind, '·')} {safe(a.name)} ({len(a.mentions)})")) for a in actors],
            ),
            picked,
        )

    def move_alias(self, actor) -> None:
        """A: pick one of the actor's other names, then the actor it belongs to."""
        from textual.content import Content

        from briefing import reviews
        from briefing.model import norm_key
        from briefing.tui.screens.pick import PickScreen
        from briefing.tui.widgets.article import KIND_GLYPHS

        names: dict[str, str] = {}
        for name in [*actor.aliases, *(m.text for m in actor.mentions)]:
            key = norm_key(name)
            if key and key != norm_key(actor.name):
                names.setdefault(key, safe(name))
        if not names:
            self.notify("This actor has no other name to move", markup=False)
            return
        targets = sorted((a for a in self.analysis.actors if a.id != actor.id), key=lambda a: (-len(a.mentions), a.name))
        if not targets:
            self.notify("No other actor to move it to", markup=False)
            return
        aliases = list(names.values())

        def to_target(choice: str | None) -> None:
            if choice is None:
                return
            alias = aliases[int(choice)]

            def moved(target_id: str | None) -> None:
                into = self.analysis.actor_by_id(target_id) if target_id else None
                if into is not None:
                    self._review(reviews.move_alias(alias, actor, into))

            self.app.push_screen(
                PickScreen(
                    "Move alias",
                    Content.assemble("Move “", (alias, "bold"), "” to:"),
                    [(a.id, Content(f"{KIND_GLYPHS.get(a.kind, '·')} {safe(a.name)} ({len(a.mentions)})")) for a in targets],
                ),
                moved,
            )

        self.app.push_screen(
            PickScreen(
                "Move alias",
                Content.assemble("Which name of ", (safe(actor.name), "bold"), " belongs to another actor?"),
                [(str(i), Content(a)) for i, a in enumerate(aliases)],
            ),
            to_target,
        )

    def _item_reviews(self, item_id: str, status: str) -> list:
        """The confirm/reject reviews that apply to ``item_id``: by the id they stored, else (an
        item re-found by its quote after a re-analysis changed its id) by applying each alone."""
        from briefing.reviews import apply_reviews

        candidates = [r for r in self.notebook.reviews() if r.op in ("confirm", "reject")]
        mine = [r for r in candidates if r.args.get("target", {}).get("id") == item_id]
        if mine or status not in ("confirmed", "rejected") or self.raw_analysis is None:
            return mine
        for r in candidates:
            alone = apply_reviews(self.raw_analysis, self.document, [r])
            if alone.status.get(item_id) == "confirmed" or any(x.id == item_id for x in alone.rejected):
                mine.append(r)
        return mine

    def _review(self, op) -> None:
        try:
            self.notebook.review(op)
        except BriefingError as exc:
            self.notify(safe(str(exc)), severity="error", markup=False)
            return
        self.reapply_reviews()

    # ---------------------------------------------------------------- export

    def action_export(self) -> None:
        from briefing.export import default_output_path
        from briefing.tui.screens.export import ExportScreen

        if self.raw_analysis is None or self.progress is not None:
            self.notify("Wait for the analysis to finish before exporting", severity="warning", markup=False)
            return
        path = str(default_output_path([self.document.source], "md"))
        self.app.push_screen(ExportScreen(path), lambda request: request and self.export(request.path, request.fmt))

    @work(thread=True, exclusive=True, exit_on_error=False, group="export", description="export")
    def export(self, path: str, fmt: str) -> None:
        from briefing.export import export_to_file

        try:
            written = export_to_file([(self.document, self.raw_analysis)], path, fmt=fmt, store=self.app.store)
        except BriefingError as exc:
            self.app.call_from_thread(self.notify, safe(str(exc)), title="Export failed", severity="error", timeout=10, markup=False)
            return
        except OSError as exc:
            self.app.call_from_thread(self.notify, safe(f"{path}: {exc}"), title="Export failed", severity="error", timeout=10, markup=False)
            return
        self.app.call_from_thread(self.notify, "written to " + safe(written), title="Export", timeout=6, markup=False)
