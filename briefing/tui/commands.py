"""The live bindings as commands: one list feeds both the help screen and the command palette.

Nothing here is hand-written per key: ``live_commands(screen)`` reads ``screen.active_bindings``
(the focused widget's chain up to the app), so the help and the palette cannot drift from the keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class BindingCommand:
    group: str
    description: str
    keys: tuple[str, ...]  # as displayed ("j", "↓")
    key_names: tuple[str, ...]  # as bound ("j", "down")
    action: str
    tooltip: str
    binding_id: str | None
    node: DOMNode

    @property
    def title(self) -> str:
        return f"{self.group}: {self.description}"


def _group(node: DOMNode) -> str:
    if isinstance(node, App):
        return "App"
    if isinstance(node, Screen):
        return getattr(node, "COMMAND_GROUP", "Screen")
    return getattr(node, "COMMAND_GROUP", type(node).__name__)


def live_commands(screen: Screen) -> list[BindingCommand]:
    """Every described binding active on ``screen``, one entry per action with all its keys."""
    app = screen.app
    merged: dict[tuple[int, str], dict] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        slot = merged.setdefault(
            (id(active.node), f"id:{binding.id}" if binding.id else f"action:{binding.action}"),
            {"binding": binding, "node": active.node, "keys": [], "names": []},
        )
        slot["keys"].append(app.get_key_display(binding))
        slot["names"].append(key)
    slots = sorted(merged.values(), key=lambda slot: isinstance(slot["node"], App))  # the app's keys last, together
    return [
        BindingCommand(
            group=_group(slot["node"]),
            description=slot["binding"].description,
            keys=tuple(slot["keys"]),
            key_names=tuple(slot["names"]),
            action=slot["binding"].action,
            tooltip=slot["binding"].tooltip,
            binding_id=slot["binding"].id,
            node=slot["node"],
        )
        for slot in slots
    ]


class BindingCommands(Provider):
    """Every live key binding of the screen the palette was opened from, as a command."""

    def _commands(self) -> list[BindingCommand]:
        return [c for c in live_commands(self.screen) if c.action not in ("command_palette", "app.command_palette")]

    def _run(self, command: BindingCommand):
        return partial(self.app.run_action, command.action, command.node)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, self._run(command), help=self._help(command))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), self._run(command), help=self._help(command))

    @staticmethod
    def _help(command: BindingCommand) -> str:
        keys = " ".join(command.keys)
        return f"{keys}  {command.tooltip}".rstrip()


class ActorCommands(Provider):
    """"Actor: <name>" for every actor of the reader's analysis: choosing one is Enter on its row."""

    def _actors(self):
        analysis = getattr(self.screen, "analysis", None)
        if analysis is None or not hasattr(self.screen, "choose_actor"):
            return []
        from briefing.tui.widgets.panels import safe

        return [(f"Actor: {safe(a.name)}", a) for a in sorted(analysis.actors, key=lambda a: -len(a.mentions))]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, actor in self._actors():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.screen.choose_actor, actor.id),
                    help=f"{actor.kind}, {len(actor.mentions)} mentions: highlight them, filter Positions, n/N steps",
                )


def installed_models() -> list[str]:
    """Installed spaCy pipeline packages (their metadata says they depend on spacy and have a
    ``meta.json``-style name such as ``en_core_web_sm``); cheap: no spaCy import."""
    from importlib import metadata

    names = set()
    for dist in metadata.distributions():
        name = (dist.metadata["Name"] or "").replace("-", "_")
        if name.count("_") >= 2 and name[:2].isalpha() and name[2] == "_" and "spacy" in " ".join(dist.requires or []):
            names.add(name)
    return sorted(names)


class ModelCommands(Provider):
    """"Model: <package>" for each installed spaCy pipeline: analyse again with it (r re-analyses)."""

    async def search(self, query: str) -> Hits:
        if not hasattr(self.screen, "use_model"):
            return
        matcher = self.matcher(query)
        for name in installed_models():
            title = f"Model: {name}"
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.screen.use_model, name), help="analyse with this model")


def keys_markdown() -> str:
    """Every key of the reader as a Markdown table, from the same BINDINGS the app runs with.

    ``python -m briefing.tui.commands > docs/keys.md``; a test fails when docs/keys.md drifts.
    """
    from textual.binding import Binding
    from textual.keys import format_key

    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.help import HelpScreen
    from briefing.tui.screens.library import LibraryScreen
    from briefing.tui.screens.annotate import AnnotateScreen
    from briefing.tui.screens.export import ExportScreen
    from briefing.tui.screens.merge import MergeScreen
    from briefing.tui.screens.pick import PickScreen
    from briefing.tui.screens.reader import ReaderScreen
    from briefing.tui.screens.rename import RenameScreen
    from briefing.tui.widgets.panels import ActorsPanel, AnnotationsPanel, PositionsPanel, QuestionsPanel

    def display(binding: Binding) -> str:
        if binding.key_display:
            return binding.key_display
        *mods, key = binding.key.split("+")
        shown = format_key(key)
        return "+".join([*("^" if m == "ctrl" else m for m in mods), shown]).replace("^+", "^")

    lines = ["# Keys", "", "Generated from the reader's key bindings (`python -m briefing.tui.commands`).", ""]
    screens = (
        ("Reader", ReaderScreen),
        ("Everywhere", BriefingApp),
        ("Actors panel", ActorsPanel),
        ("Positions panel", PositionsPanel),
        ("Open questions panel", QuestionsPanel),
        ("Annotations panel", AnnotationsPanel),
        ("Note dialog", AnnotateScreen),
        ("Rename dialog", RenameScreen),
        ("Merge dialog", MergeScreen),
        ("Pick dialog", PickScreen),
        ("Export dialog", ExportScreen),
        ("Library", LibraryScreen),
        ("Help", HelpScreen),
    )
    for title, cls in screens:
        lines += [f"## {title}", "", "| Keys | Action | What it does |", "|---|---|---|"]
        for binding in cls.BINDINGS:
            keys = " ".join(f"`{display(b)}`" for b in Binding.make_bindings([binding]))
            lines.append(f"| {keys} | {binding.description} | {binding.tooltip} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(keys_markdown(), end="")
