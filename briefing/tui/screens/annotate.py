"""The annotate dialog: tags (with completion) and a multi-line note; returns an ``AnnotateResult``.

The note is saved as a draft while it is typed (debounced ``DRAFT_DEBOUNCE_S`` after the last
change, through the ``save_draft`` callback the reader passes in), so a dropped SSH connection or
a crash leaves it to finish on the next open. The dialog only gathers; the reader saves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static, TextArea

from briefing.annotations import normalise_tags
from briefing.tui.widgets.panels import safe

DRAFT_DEBOUNCE_S = 0.5
QUOTE_CHARS = 240


@dataclass(frozen=True)
class AnnotateResult:
    note: str
    tags: tuple[str, ...]
    discard: bool = False  # the user threw the note (and its draft) away


def parse_tags(value: str) -> tuple[str, ...]:
    return normalise_tags(value.replace(";", ",").split(","))


class TagSuggester(Suggester):
    """Completes the last comma-separated tag from the known tags."""

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = list(dict.fromkeys(tags))

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, last = value.rpartition(",")
        stem = last.lstrip().lower()
        if not stem:
            return None
        for tag in self.tags:
            if tag.startswith(stem) and tag != stem:
                return value + tag[len(stem) :]
        return None


class AnnotateScreen(ModalScreen[AnnotateResult | None]):
    COMMAND_GROUP = "Note"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="note-save", tooltip="Save the note (durable at once)"),
        Binding("escape", "cancel", "Cancel", id="note-cancel", tooltip="Close; a note with text stays as a draft"),
        Binding("ctrl+g", "discard", "Discard", id="note-discard", tooltip="Throw the note and its draft away"),
    ]

    def __init__(
        self,
        quote: str,
        *,
        title: str = "Annotate",
        note: str = "",
        tags: Iterable[str] = (),
        known_tags: Iterable[str] = (),
        save_draft: Callable[[str, tuple[str, ...]], None] | None = None,
    ) -> None:
        super().__init__()
        self.quote = quote
        self.heading = title
        self.initial_note = note
        self.initial_tags = ", ".join(tags)
        self.known_tags = list(known_tags)
        self._save_draft = save_draft
        self._timer = None
        self._dirty = False

    def compose(self) -> ComposeResult:
        quote = safe(self.quote)
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        with Vertical(id="annotate-body") as body:
            body.border_title = self.heading
            body.border_subtitle = "ctrl+s save · esc close · ctrl+g discard"
            yield Static(Content(quote), id="annotate-quote")
            yield Input(
                self.initial_tags,
                placeholder="tags, comma-separated: " + ", ".join(self.known_tags[:4]),
                suggester=TagSuggester(self.known_tags),
                id="annotate-tags",
            )
            yield TextArea(self.initial_note, soft_wrap=True, tab_behavior="focus", id="annotate-note")

    def on_mount(self) -> None:
        note = self.query_one("#annotate-note", TextArea)
        note.move_cursor(note.document.end)  # a restored or edited note continues at its end
        note.focus()

    @property
    def note(self) -> str:
        return self.query_one("#annotate-note", TextArea).text

    @property
    def tags(self) -> tuple[str, ...]:
        return parse_tags(self.query_one("#annotate-tags", Input).value)

    # drafts: saved DRAFT_DEBOUNCE_S after the last keystroke
    def _changed(self) -> None:
        self._dirty = True
        if self._timer is None:
            self._timer = self.set_timer(DRAFT_DEBOUNCE_S, self.flush_draft)
        else:
            self._timer.reset()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#annotate-note", TextArea).focus()

    def on_unmount(self) -> None:
        # the app closing under the dialog (ctrl+q, a signal): what was typed since the last
        # debounced save is saved now
        try:
            self.flush_draft()
        except Exception:  # noqa: BLE001 - the store may already be closed; the last save stands
            pass

    def flush_draft(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._dirty and self._save_draft is not None:
            self._dirty = False
            self._save_draft(self.note, self.tags)

    def action_save(self) -> None:
        self._stop_timer()
        self.dismiss(AnnotateResult(self.note, self.tags))

    def action_cancel(self) -> None:
        self.flush_draft()
        self.dismiss(None)

    def action_discard(self) -> None:
        self._stop_timer()
        self.dismiss(AnnotateResult(self.note, self.tags, discard=True))

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._dirty = False
