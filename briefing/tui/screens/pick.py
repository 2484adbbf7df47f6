"""Pick one of a few options (an alias to move, ...): returns the chosen option's id (or None)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class PickScreen(ModalScreen[str | None]):
    COMMAND_GROUP = "Pick"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick-cancel", tooltip="Close without choosing")]

    def __init__(self, title: str, prompt: Content, options: list[tuple[str, Content]]) -> None:
        super().__init__()
        self.heading = title
        self.prompt = prompt
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-body", classes="dialog") as body:
            body.border_title = self.heading
            body.border_subtitle = "enter choose · esc close"
            yield Static(self.prompt)
            yield OptionList(*[Option(label, id=key) for key, label in self.options], id="pick-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
