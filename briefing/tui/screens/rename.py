"""A one-line prompt: rename an actor (prefilled with its name), name a new actor, say what a
question is about. Returns the text (or None: cancelled, empty or unchanged)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.tui.widgets.panels import safe


class RenameScreen(ModalScreen[str | None]):
    COMMAND_GROUP = "Rename"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="rename-cancel", tooltip="Close without renaming")]

    def __init__(self, name: str, *, title: str = "Rename actor", prompt: Content | None = None) -> None:
        super().__init__()
        self.old_name = name
        self.heading = title
        self.prompt = prompt if prompt is not None else Content.assemble("Current name: ", (safe(name), "bold"))

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-body", classes="dialog") as body:
            body.border_title = self.heading
            body.border_subtitle = "enter save · esc close"
            yield Static(self.prompt)
            yield Input(safe(self.old_name), id="rename-input", select_on_focus=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        self.dismiss(name if name and name != self.old_name else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
