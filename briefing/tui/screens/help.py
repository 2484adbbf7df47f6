"""Help: every key of the screen below, read from its live bindings (never a hand-written table)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from briefing.tui.commands import BindingCommand, live_commands


class HelpScreen(ModalScreen[None]):
    COMMAND_GROUP = "Help"
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help-close", tooltip="Back to the reader"),
    ]

    def __init__(self, calling: Screen) -> None:
        super().__init__()
        self.commands: list[BindingCommand] = live_commands(calling)

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("Keys", no_wrap=True)
        table.add_column("Action", no_wrap=True)
        table.add_column("What it does", ratio=1)
        group = None
        for command in self.commands:
            if command.group != group:
                group = command.group
                table.add_row(Text(group, style="bold underline"), Text(""), Text(""))
            table.add_row(Text(" ".join(command.keys), style="bold"), Text(command.description), Text(command.tooltip))
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "esc, ? or q closes"
            yield Static(table, id="help-table")

    def text_rows(self) -> list[tuple[str, str]]:
        """(keys, description) per command, as shown."""
        return [(" ".join(c.keys), c.description) for c in self.commands]

    def action_dismiss(self, result=None) -> None:  # type: ignore[override]
        self.dismiss(None)
