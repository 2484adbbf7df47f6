"""The reader application: documents, analysis function, settings and theme; screens do the rest.

``BriefingApp`` is built by ``make_app`` (the CLI, the tests, the snapshots and the screenshot all
use it). A test injects a pre-made document and a recorded analysis through ``documents=`` and
``analyser=`` instead of mocking anything.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

import briefing
from briefing.model import Analysis, Document
from briefing.settings import Settings
from briefing.tui.commands import ActorCommands, BindingCommands, ModelCommands

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"

# ``analyser(document, *, use_cache, on_progress, should_stop) -> Analysis``
Analyser = Callable[..., Analysis]


def styles_dir() -> Path:
    """The stylesheets: ``briefing/styles`` in an installed wheel, the repo-root ``styles/`` in a checkout."""
    package = Path(briefing.__file__).resolve().parent
    for candidate in (package / "styles", package.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate
    raise FileNotFoundError(f"briefing's stylesheets are missing (looked in {package / 'styles'} and {package.parent / 'styles'})")


@dataclass
class DocEntry:
    """One document of the session: its source, and once loaded, its text and analysis."""

    source: str
    document: Document | None = None
    analysis: Analysis | None = None
    error: str = ""
    analysing: bool = False
    sentence: int = 0  # where the reader is (saved to the settings when it leaves)


def default_analyser(model=None) -> Analyser:
    """``analyse`` in a child process (spaCy would otherwise hold the GIL the keyboard needs)."""
    from briefing.background import analyse_in_process

    return partial(analyse_in_process, model=model)


def default_loader(source: str) -> Document:
    from briefing.loading import load_document

    return load_document(source)


class BriefingApp(App[None]):
    TITLE = "briefing"
    CSS_PATH = [styles_dir() / "app.tcss"]
    COMMANDS = App.COMMANDS | {BindingCommands, ActorCommands, ModelCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit briefing (your reading position is kept)"),
        Binding("question_mark", "help", "Help", id="help", key_display="?", tooltip="Every key, from the live bindings"),
        Binding("ctrl+p", "command_palette", "Palette", id="palette", tooltip="Search every action", priority=True, show=False),
        Binding("t", "toggle_theme", "Theme", id="theme", show=False, tooltip="Switch between the dark and light theme"),
    ]

    def __init__(
        self,
        sources: Sequence[str],
        *,
        documents: dict[str, Document] | None = None,
        analyses: dict[str, Analysis] | None = None,
        analyser: Analyser | None = None,
        loader: Callable[[str], Document] | None = None,
        model=None,
        settings: Settings | None = None,
        db: str | None = None,
    ) -> None:
        super().__init__()
        self.animation_level = "none"  # slow links: nothing moves unless asked
        documents = documents or {}
        analyses = analyses or {}
        self.entries = [DocEntry(s, documents.get(s), analyses.get(s)) for s in sources]
        self.analyser: Analyser = analyser or default_analyser(model)
        self.loader = loader or default_loader
        self.model = model
        self.settings = settings or Settings()
        self.last_key_time = 0.0
        self.db = db  # the annotation store's path (None: BRIEFING_DB or the user data dir)
        self._store = None
        self._hangup_loop: asyncio.AbstractEventLoop | None = None

    @property
    def store(self):
        """The annotation store, opened on first use (a BriefingError names a bad file)."""
        if self._store is None:
            from briefing.store import Store

            self._store = Store(self.db)
        return self._store

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def on_unmount(self) -> None:
        if self._hangup_loop is not None:
            self._hangup_loop.remove_signal_handler(signal.SIGHUP)
            self._hangup_loop = None
        self.close_store()

    def _hang_up(self) -> None:
        """SIGHUP (the terminal is gone: a dropped SSH connection): keep what was being typed and the
        reading position, then die of SIGHUP as before (the dead terminal cannot be restored)."""
        try:
            self.keep_unsaved()
        finally:
            signal.signal(signal.SIGHUP, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGHUP)

    # ---------------------------------------------------------------- lifecycle

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.last_key_time = time.monotonic()  # partial results wait for a quiet keyboard
            held = getattr(self.screen, "held_keys", None)
            if held is not None:  # a reader screen still mounting its panels: the key waits for them
                held.append(event)
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        saved = self.settings.theme
        if saved and saved in self.available_themes:
            self.theme = saved
        else:
            self.theme = DARK_THEME
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if hasattr(signal, "SIGHUP"):
            try:  # Python's default for SIGHUP ends the process before any draft is flushed
                loop = asyncio.get_running_loop()
                loop.add_signal_handler(signal.SIGHUP, self._hang_up)
                self._hangup_loop = loop
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
                pass
        if len(self.entries) == 1 and self.entries[0].document is not None:
            from briefing.tui.screens.reader import ReaderScreen

            # pushed once the app's start-up batch is over: a frame drawn inside it is thrown away,
            # and the screen's "after the first frame" work would run before anything is shown
            self.call_later(self.push_screen, ReaderScreen(self.entries[0]))
        else:
            from briefing.tui.screens.library import LibraryScreen  # DataTable: not imported for one document

            self.push_screen(LibraryScreen())

    def first_frame_out(self) -> None:
        """The first screen is drawn. If the cyclic garbage collector was paused for the start-up
        (``briefing FILE`` does that), resume it, with what exists now frozen out of its way: the
        modules, widgets and document live as long as the app, and a first pass through them would
        pause a keypress for ~20 ms. (The start-up's own cyclic leftovers, about 0.5 MB, stay.)"""
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    def _remember_theme(self, theme: Theme) -> None:
        self.settings.theme = theme.name
        self.settings.save()

    def use_model(self, name: str) -> None:
        """Analyse with another spaCy model from now on (a BriefingError if it is not usable)."""
        from briefing.analysis import resolve_model

        self.model = resolve_model(name)
        self.analyser = default_analyser(self.model)
        for entry in self.entries:
            entry.analysis = None

    def remember_position(self, document: Document, sentence: int) -> None:
        s = document.sentences[sentence]
        self.settings.set_position(document.doc_id, s.index, s.key)
        self.settings.save()

    def open_entry(self, index: int) -> None:
        from briefing.tui.screens.reader import ReaderScreen

        entry = self.entries[index]
        if entry.document is None:
            self.notify(entry.error or "this document is still loading", severity="warning", markup=False)
            return
        self.push_screen(ReaderScreen(entry))

    # ---------------------------------------------------------------- actions

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if isinstance(self.screen_stack[-1], HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def keep_unsaved(self) -> None:
        """Save the reading position and flush a note being typed as a draft."""
        from briefing.tui.screens.reader import ReaderScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.save_position()
            flush = getattr(screen, "flush_draft", None)  # a note being typed is kept as a draft
            if flush is not None:
                flush()

    async def action_quit(self) -> None:
        self.keep_unsaved()
        self.exit()


def make_app(sources: Sequence[str], **kwargs) -> BriefingApp:
    """The one factory for the CLI, the tests, the snapshots and the screenshot."""
    return BriefingApp(sources, **kwargs)
