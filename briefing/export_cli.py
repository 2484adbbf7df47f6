"""``briefing export``: FILE(s) or a directory as one markdown (or JSON) briefing.

::

    briefing export FILE... [-o OUT.md | -o -] [--format md|json] [--db PATH] [--model NAME]
                            [--apply-reviews-across] [--no-cache]

* FILE: paths, directories (every .txt/.text/.md/.markdown/.html/.htm in it, sorted), URLs,
  ``-`` (standard input). Several: one briefing, actors merged across documents.
* ``-o OUT``: where to write (atomically: a failed export leaves an existing OUT as it was);
  ``-o -`` writes to standard output; ``-o DIR`` writes the default file name into DIR.
  Default: ``<first FILE's stem>.briefing.md`` (``.json``) in the current directory. The path
  written is printed on stderr. An exported document or the annotation store is never
  overwritten (one-line error, checked before the analysis runs).
* ``--format``: ``md`` (default) or ``json``; without it, ``-o X.json`` means JSON.
* ``--apply-reviews-across``: an actor review (rename, merge, move alias) made in one document
  is applied to the other documents too. Off by default: each document gets only its own
  reviews, and a note on stderr says how many others would fit.
* ``SOURCE_DATE_EPOCH`` fixes the briefing's date (reproducible exports).

Every user error is one line on stderr (``briefing: error: ...``) and exit status 2.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from briefing.errors import BriefingError


def _error(message: str) -> None:
    click.echo(f"briefing: error: {' '.join(str(message).split())}", err=True)
    sys.exit(2)


class _Command(click.Command):
    """Usage errors as one line (``briefing: error: ...``), exit 2, no usage dump."""

    def make_context(self, info_name, args, parent=None, **extra):  # noqa: ANN001, ANN201
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            _error(exc.format_message())


def _store_files(db: str | None) -> list[Path]:
    from briefing.paths import db_path

    path = db_path(db)
    return [path, path.with_name(path.name + ".journal"), path.with_name(path.name + ".lock")]  # as protected_paths


@click.command("export", cls=_Command)
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", "output", metavar="OUT|-", help="output file, - for stdout [default: <stem>.briefing.md]")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default=None, help="md (default) or json")
@click.option("--db", "db", default=None, metavar="PATH", help="the annotation store (env BRIEFING_DB)")
@click.option("--model", default=None, help="spaCy model: package name or path (env BRIEFING_MODEL)")
@click.option("--apply-reviews-across", is_flag=True, help="apply actor reviews made in one document to the others")
@click.option("--no-cache", is_flag=True, help="analyse afresh and do not write the cache")
def export(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    db: str | None,
    model: str | None,
    apply_reviews_across: bool,
    no_cache: bool,
) -> None:
    """Write a briefing of FILE(s): actors, positions, questions, notes and reviews.

    FILE: paths, directories (their .txt, .md and .html files, sorted), URLs or - (stdin).
    Several make one briefing, actors merged across documents. Actor reviews (rename, merge,
    move alias) apply only to the document they were made in, unless --apply-reviews-across.
    The date is now, or SOURCE_DATE_EPOCH when set (reproducible exports).
    """
    try:
        _export(files, output, fmt, db, model, apply_reviews_across, no_cache)
    except BriefingError as exc:
        _error(str(exc))


def _export(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    db: str | None,
    model: str | None,
    apply_across: bool,
    no_cache: bool,
) -> None:
    from briefing.analysis import resolve_model
    from briefing.cli import _warn, analyse_with_progress, warn_document
    from briefing.export import build_briefing, check_output, default_output_path, render, write_export
    from briefing.export.escape import plain
    from briefing.loading import load_document
    from briefing.reading import expand_sources

    if fmt is None:
        fmt = "json" if output and output != "-" and output.lower().endswith(".json") else "md"
    sources = expand_sources(files)
    store_files = _store_files(db)
    protected = [*sources, *(str(p) for p in store_files)]
    target = None
    if output != "-":
        if output and Path(output).expanduser().is_dir():
            target = default_output_path(files, fmt, Path(output).expanduser())
        else:
            target = Path(output) if output else default_output_path(files, fmt)
        check_output(target, protected)  # before the slow part
    spec = resolve_model(model)
    items = []
    seen: set[str] = set()
    for source in sources:
        document = load_document(source)
        if document.source in seen:
            _warn(f"{plain(source)}: given twice; exported once")
            continue
        seen.add(document.source)
        warn_document(plain(source), document)
        items.append((document, analyse_with_progress(document, spec, use_cache=not no_cache)))

    store = None
    if any(p.exists() for p in store_files[:2]):  # no store yet: no notes, and none is created
        from briefing.store import Store

        store = Store(store_files[0])
    try:
        briefing = build_briefing(items, store=store, apply_reviews_across=apply_across, base_dir=os.getcwd())
    finally:
        if store is not None:
            store.close()
    text = render(briefing, fmt)

    if output == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # `briefing export ... -o - | head`
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
    else:
        assert target is not None
        written = write_export(text, target, inputs=[*protected, *(d.source for d, _ in items)])
        notes = sum(len(d.notes) for d in briefing.documents)
        docs = len(briefing.documents)
        click.echo(
            f"briefing: wrote {plain(str(written))} ({docs} document{'s' * (docs != 1)}, "
            f"{notes} note{'s' * (notes != 1)})",
            err=True,
        )
    waiting = {a.review.id for d in briefing.documents for a in d.across if not a.applied}
    if waiting:
        n = len(waiting)
        click.echo(
            f"briefing: note: {n} actor review{'s' * (n != 1)} made in one document also "
            f"fit{'s' * (n == 1)} another; --apply-reviews-across applies {'it' if n == 1 else 'them'} there",
            err=True,
        )
