"""The export dialog: the output path (prefilled) and the format; returns an ``ExportRequest``.

It only gathers options (harlequin style); the reader calls ``briefing.export.export_to_file``
in a thread worker and notifies where the file went.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

FORMATS = ("md", "json")


@dataclass(frozen=True)
class ExportRequest:
    path: str
    fmt: str


class ExportScreen(ModalScreen[ExportRequest | None]):
    COMMAND_GROUP = "Export"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export-cancel", tooltip="Close without exporting"),
        Binding("ctrl+s", "submit", "Export", id="export-submit", tooltip="Write the briefing (Enter in the path too)"),
    ]

    def __init__(self, path: str, fmt: str = "md") -> None:
        super().__init__()
        self.initial_path = path
        self.initial_fmt = fmt if fmt in FORMATS else "md"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body", classes="dialog") as body:
            body.border_title = "Export briefing"
            body.border_subtitle = "enter export · esc close"
            yield Static(Content("Write to:"))
            yield Input(self.initial_path, id="export-path")
            with Horizontal(id="export-formats"):
                yield Static(Content("Format: "))
                with RadioSet(id="export-format"):
                    for fmt in FORMATS:
                        yield RadioButton(fmt, value=fmt == self.initial_fmt, id=f"export-{fmt}")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @property
    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.id.removeprefix("export-") if pressed and pressed.id else "md"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Switching the format switches the path's suffix when it is the usual one."""
        event.stop()
        path = self.query_one("#export-path", Input)
        for fmt in FORMATS:
            if path.value.endswith("." + fmt):
                path.value = path.value[: -len(fmt)] + self.fmt
                break

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("give a file name", severity="warning", markup=False)
            return
        self.dismiss(ExportRequest(path, self.fmt))

    def action_cancel(self) -> None:
        self.dismiss(None)
