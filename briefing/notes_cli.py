"""``briefing notes``: annotations from scripts (add, list, rm), on the same store as the reader.

Sentence references for ``--sentence``: ``N`` is the 1-based number of the sentence in the whole
document; ``¶P.S`` (or ``P.S``) is the S-th sentence of paragraph P, as citations print it.
``--quote TEXT`` annotates the one place TEXT occurs (whitespace-insensitive; an error if it
occurs several times). ``--note -`` reads the note from stdin (multi-line).

Every user error is one line on stderr (``briefing: error: ...``) and exit status 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from briefing.errors import BriefingError


def _error(message: str) -> None:
    click.echo(f"briefing: error: {' '.join(str(message).split())}", err=True)
    sys.exit(2)


class _OneLineErrors:
    """Mixin: usage errors as one line (``briefing: error: ...``), exit 2, no usage dump."""

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001, ANN201
        try:
            return super().make_context(info_name, args, parent=parent, **extra)  # type: ignore[misc]
        except click.UsageError as exc:
            _error(exc.format_message())


class _Command(_OneLineErrors, click.Command):
    pass


class _Group(_OneLineErrors, click.Group):
    command_class = _Command

    def resolve_command(self, ctx, args):  # noqa: ANN001, ANN201
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            _error(exc.format_message())


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    import functools

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BriefingError as exc:
            _error(str(exc))

    return run


def _store(ctx: click.Context):  # noqa: ANN202
    from briefing.store import Store

    return Store(ctx.obj.get("db") if ctx.obj else None)


@click.group("notes", cls=_Group)
@click.option("--db", "db", default=None, metavar="PATH", help="the annotation store (env BRIEFING_DB)")
@click.pass_context
def notes(ctx: click.Context, db: str | None) -> None:
    """Add, list and remove annotations without the reader."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


@notes.command("add")
@click.argument("file")
@click.option("--sentence", "sentence", metavar="N|¶P.S", help="sentence number N (1-based) or ¶P.S")
@click.option("--quote", "quote", metavar="TEXT", help="annotate the one place TEXT occurs")
@click.option("--tag", "tags", multiple=True, metavar="T", help="a tag (repeatable)")
@click.option("--note", "note", default="", metavar="TEXT", help="the note (- reads stdin)")
@click.pass_context
@_guard
def add(ctx: click.Context, file: str, sentence: str | None, quote: str | None, tags: tuple[str, ...], note: str) -> None:
    """Annotate a sentence or a quote of FILE; prints the new annotation's id."""
    from briefing.annotations import add_annotation, parse_sentence_ref, quote_selector, sentence_selector
    from briefing.loading import load_document

    if (sentence is None) == (quote is None):
        raise BriefingError("give exactly one of --sentence N|¶P.S and --quote TEXT")
    if note == "-":
        note = sys.stdin.read().rstrip("\n")
    document = load_document(file)
    if sentence is not None:
        selector = sentence_selector(document, parse_sentence_ref(document, sentence))
    else:
        selector = quote_selector(document, quote or "")
    with _store(ctx) as store:
        annotation = add_annotation(store, document, selector, note=note, tags=tags)
    click.echo(annotation.id)


@notes.command("list")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
@_guard
def list_(ctx: click.Context, file: str, fmt: str) -> None:
    """List FILE's annotations, placed in its current text (orphans last)."""
    from briefing.annotations import placed_annotations
    from briefing.loading import load_document

    document = load_document(file)
    with _store(ctx) as store:
        placed = placed_annotations(store, document)
    if fmt == "json":
        rows = [p.to_dict() for p in placed]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for p in placed:
        a = p.annotation
        quote = " ".join(a.quote.split())
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        first = (a.note.splitlines() or [""])[0]
        tags = " ".join(f"#{t}" for t in a.tags)
        where = "orphaned" if p.orphaned else p.citation
        click.echo("  ".join(x for x in (a.id, where, tags, f"“{quote}”", first) if x))


@notes.command("rm")
@click.argument("annotation_id", metavar="ID")
@click.pass_context
@_guard
def rm(ctx: click.Context, annotation_id: str) -> None:
    """Remove the annotation ID (or a unique prefix of it, 4 characters or more)."""
    from briefing.annotations import delete_annotation, find_annotation

    with _store(ctx) as store:
        annotation = find_annotation(store, annotation_id)
        delete_annotation(store, annotation.id)
    click.echo(annotation.id)
