"""Merge an actor into another: pick the target from a list; returns its actor id (or None)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Actor
from briefing.tui.widgets.article import KIND_GLYPHS
from briefing.tui.widgets.panels import safe


class MergeScreen(ModalScreen[str | None]):
    COMMAND_GROUP = "Merge"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="merge-cancel", tooltip="Close without merging")]

    def __init__(self, actor: Actor, targets: list[Actor]) -> None:
        super().__init__()
        self.actor = actor
        self.targets = targets

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-body", classes="dialog") as body:
            body.border_title = "Merge actor"
            body.border_subtitle = "enter merge · esc close"
            yield Static(Content.assemble("Merge ", (safe(self.actor.name), "bold"), " into:"))
            yield OptionList(
                *[
                    Option(Content(f"{KIND_GLYPHS.get(a.kind, '·')} {safe(a.name)} ({len(a.mentions)})"), id=a.id)
                    for a in self.targets
                ],
                id="merge-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
