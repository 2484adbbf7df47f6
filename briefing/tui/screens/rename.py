"""Rename an actor: one Input prefilled with the current name; returns the new name (or None)."""

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

    def __init__(self, name: str) -> None:
        super().__init__()
        self.old_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-body", classes="dialog") as body:
            body.border_title = "Rename actor"
            body.border_subtitle = "enter rename · esc close"
            yield Static(Content.assemble("Current name: ", (safe(self.old_name), "bold")))
            yield Input(safe(self.old_name), id="rename-input", select_on_focus=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(event.value.split())
        self.dismiss(name if name and name != self.old_name else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
