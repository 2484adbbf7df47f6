"""Readable Rich tables of an analysis (``briefing analyze --format text``).

Article text is untrusted: every cell is a ``rich.text.Text``, never markup.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text


def print_analysis(data: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    d = data["document"]
    console.print(Text(f"{d['title']}", style="bold"))
    console.print(Text(f"{d['source']}  ·  {d['sentences']} sentences  ·  {d['model']}  ·  analyser {d['analyser']}"))
    actors = Table("Actor", "Kind", "Mentions", "Aliases", title="Actors", title_justify="left")
    for a in data["actors"]:
        actors.add_row(Text(a["name"]), Text(a["kind"]), Text(str(a["mentions"])), Text(", ".join(a["aliases"])))
    console.print(actors)
    positions = Table("Actor", "Cue", "Content", "Cite", title="Stated positions", title_justify="left")
    for p in data["positions"]:
        positions.add_row(Text(p["actor"]), Text(p["cue"]), Text(p["content"]), Text(p["citation"]))
    console.print(positions)
    questions = Table("Cue", "About", "Sentence", "Cite", title="Open questions", title_justify="left")
    for q in data["questions"]:
        questions.add_row(Text(q["cue"]), Text(q["about"]), Text(q["sentence"]), Text(q["citation"]))
    console.print(questions)
