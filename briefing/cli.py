"""The command line: ``briefing FILE...`` opens the reader, ``briefing analyze`` prints the analysis.

Every user error is a ``BriefingError``: one line on stderr, exit status 2, never a traceback.
"""

from __future__ import annotations

import gc
import importlib
import json
import sys
import time
from collections.abc import Callable

import click

from briefing import __version__
from briefing.errors import BriefingError

FORMATS = ("json", "jsonl", "text")
PROGRESS_AFTER_S = 0.5


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"briefing: error: {message}", err=True)
    sys.exit(code)


def _warn(message: str) -> None:
    click.echo(f"briefing: warning: {message}", err=True)


# Subcommands in their own modules, imported only when they run (``briefing FILE`` opens the
# reader without importing them): name -> "module:attribute".
LAZY_COMMANDS = {
    "notes": "briefing.notes_cli:notes",  # annotations from scripts (issue 5)
    "export": "briefing.export_cli:export",  # the briefing export (issue 6)
}


class DefaultGroup(click.Group):
    """``briefing FILE`` means ``briefing open FILE``; the ``LAZY_COMMANDS`` load when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and name not in self.commands:
            module, _, attribute = LAZY_COMMANDS[name].partition(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in LAZY_COMMANDS and args[0] not in ("--help", "-h", "--version"):
            args = ["open", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def cli() -> None:
    """A terminal briefing reader: actors, stated positions and open questions."""


def _progress_reporter() -> tuple[Callable | None, Callable[[], None]]:
    """A callback drawing a rich progress bar on stderr, only on a terminal and after a moment."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.monotonic()
    state: dict = {}

    def report(rep) -> None:
        if "bar" not in state:
            if time.monotonic() - started < PROGRESS_AFTER_S:
                return
            bar = Progress(
                TextColumn("analysing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("blocks"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("analyse", total=rep.total)
        state["bar"].update(state["task"], completed=rep.done, total=rep.total)

    def close() -> None:
        if "bar" in state:
            state["bar"].stop()

    return report, close


def warn_document(source: str, document) -> None:
    """The loader's warnings (e.g. a text that is not English), one line each on stderr."""
    from briefing.loading.normalize import strip_controls

    for w in document.warnings:
        _warn(strip_controls(f"{source}: {w}"))


def analyse_with_progress(document, spec, *, use_cache: bool):
    """``analyse`` with a progress bar on stderr (a terminal only, after a moment)."""
    from briefing.analysis import analyse

    report, close = _progress_reporter()
    try:
        return analyse(document, model=spec, use_cache=use_cache, on_progress=report)
    finally:
        close()


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--model", default=None, help="spaCy model: package name or path (env BRIEFING_MODEL)")
@click.option("--no-cache", is_flag=True, help="analyse afresh and do not write the cache")
def analyze(files: tuple[str, ...], fmt: str, model: str | None, no_cache: bool) -> None:
    """Print the analysis of FILE(s) (paths, URLs or - for stdin)."""
    from briefing.analysis import resolve_model
    from briefing.loading import load_document
    from briefing.serialize import analysis_to_dict

    if fmt == "json" and len(files) > 1:
        _fail("--format json takes one file; use --format jsonl for several")
    try:
        spec = resolve_model(model)
    except BriefingError as exc:
        _fail(str(exc))
    failed = 0
    for source in files:
        try:
            document = load_document(source)
            warn_document(source, document)
            analysis = analyse_with_progress(document, spec, use_cache=not no_cache)
        except BriefingError as exc:
            failed += 1
            click.echo(f"briefing: error: {exc}", err=True)
            if fmt == "jsonl":
                click.echo(json.dumps({"document": {"source": source}, "error": str(exc)}, ensure_ascii=False))
            continue
        data = analysis_to_dict(analysis, document)
        if fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        elif fmt == "jsonl":
            click.echo(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
        else:
            from briefing.render import print_analysis

            print_analysis(data)
    if failed:
        sys.exit(2)


@cli.command("open")
@click.argument("files", nargs=-1, required=True)
@click.option("--model", default=None, help="spaCy model: package name or path (env BRIEFING_MODEL)")
@click.option("--no-mouse", is_flag=True, help="do not capture the mouse, so the terminal's own selection works")
@click.option("--db", "db", default=None, metavar="PATH", help="the annotation store (env BRIEFING_DB)")
def open_(files: tuple[str, ...], model: str | None, no_mouse: bool, db: str | None) -> None:
    """Open FILE(s) or a directory in the reader (several files: the library)."""
    # The start-up (Textual's imports, the first screen) creates ~75,000 objects that live as long
    # as the reader; the cyclic collector sifting through them cost 15-20 ms before the first frame.
    # It waits until that frame is out (BriefingApp.first_frame_out resumes it).
    gc.disable()
    try:
        _open(files, model, no_mouse, db)
    finally:
        gc.enable()


def _open(files: tuple[str, ...], model: str | None, no_mouse: bool, db: str | None) -> None:
    from briefing.loading import load_document
    from briefing.reading import expand_sources

    spec = None  # resolved by the analysis, after the first paint; no model at all still reads
    if model:  # an explicit --model that cannot be used is an error before anything opens
        from briefing.analysis import resolve_model

        try:
            spec = resolve_model(model)
        except BriefingError as exc:
            _fail(str(exc))
    try:
        sources = expand_sources(files)
        documents = {sources[0]: load_document(sources[0])} if len(sources) == 1 else {}
    except BriefingError as exc:
        _fail(str(exc))
    from briefing.tui.app import make_app

    app = make_app(sources, documents=documents, model=spec, db=db)
    app.run(mouse=not no_mouse)
    if app.return_code:
        sys.exit(app.return_code)


def main() -> None:
    try:
        cli.main(prog_name="briefing", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
