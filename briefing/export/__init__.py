"""Export: one or several documents, their analyses, notes and reviews as a briefing to send on.

Plain functions, no Textual (the reader's export dialog only gathers options, then calls these)::

    text = export_markdown([(document, analysis)], store=store)           # -> str
    text = export_json([(doc1, analysis1), (doc2, analysis2)], store=store, apply_reviews_across=True)
    path = write_export(text, "briefing.md", inputs=[document.source])   # atomic; never an input file
    path = export_to_file([(document, analysis)], "briefing.md", store=store)   # all of the above

``analysis`` is the analysis *as analysed* (``briefing.analysis.analyse``), not a
``ReviewedAnalysis``: each document's reviews are read from ``store`` and applied here. Options
(keyword-only, same for both): ``store`` (None: no notes, no reviews), ``apply_reviews_across``
(apply an actor review -- rename, merge, move alias -- made in one document to the other
documents as well; off unless the user confirms it), ``clock`` (a callable returning an aware
datetime; default :func:`default_clock`: ``SOURCE_DATE_EPOCH`` when set, else now) and
``base_dir`` (file sources under it are shown relative to it; the CLI passes the current
directory). :func:`build_briefing` returns the :class:`Briefing` itself (what both formats render).

Markdown
========
Title, source, document hash, analysis date (the clock's), model and analyser version; *Bottom
line up front* (3-6 bullets: the top actors by confirmed positions, then positions, then
mentions, each with a verbatim quote of one of its positions and its citation); *Actors* (a
table: name, kind, aliases, mentions; several documents: the documents too); *Positions* by
actor (several documents: by document, then actor): cue, verbatim content, citation ``[¶P.S]``
(several documents: ``[doc N, ¶P.S]``); *Open questions* (extracted and added by hand) with the
sentence and its citation; *Analyst notes* in text order, orphaned notes apart. Rejected items
are left out, confirmed ones marked **confirmed**, hand-added ones *added by hand*. Every
untrusted string is escaped (:mod:`briefing.export.escape`): nothing in an article or a note
can add a heading, list, link, image, raw HTML or table cell, and terminal controls are removed.

JSON (``format: "briefing-export"``, ``version: 1``)
====================================================
::

    {"format": "briefing-export", "version": 1,
     "generated": "2025-03-01T12:00:00Z",          # the clock, UTC
     "generator": "briefing X.Y.Z",
     "apply_reviews_across": false,
     "documents": [{
        "number": 1,                               # 1-based; citations' "doc N"
        "source": "/abs/path.txt",                 # Document.source (path, URL or "-")
        "shown_source": "path.txt",                # as the markdown shows it
        "doc_id": "d-…", "title": "…", "sha256": "…", "format": "text|markdown|html",
        "analysis": {…},                           # the analysis contract (briefing analyze
                                                   # --format json) with the reviews applied;
                                                   # every actor, position and question has
                                                   # "status": "extracted" | "confirmed" | "added"
        "rejected": [{"kind": "position"|"question", …same fields as in "analysis"}],
        "annotations": [{"id", "source", "status": "exact"|"moved"|"fuzzy"|"orphaned",
                         "citation": "¶P.S"|null, "sentence": N|null (1-based),
                         "start"|null, "end"|null, "quote", "tags": [...], "note",
                         "author", "created", "updated"}],       # text order, orphans last
        "reviews": [{"id", "op", "args", "author", "created",
                     "status": "applied"|"unapplied"}],           # this document's own
        "reviews_from_other_documents": [{"id", "op", "args", "author", "created",
                     "made_in": N, "status": "applied"|"not confirmed"}]
                                                   # actor reviews made elsewhere that fit here
     }],
     "actors": [{"name", "kind", "aliases", "mentions", "positions", "confirmed",
                 "added", "documents": [N, …], "members": [{"document": N, "id": "a-…"}]}],
                                                   # merged across documents, ranked
     "bluf": [{"actor", "document": N, "position": "p-…", "quote", "citation", "status"}]}

Review ``op`` and ``args`` are as stored (:mod:`briefing.reviews`). Offsets index each
document's canonical text. C1 controls and bidirectional overrides inside strings are written as
``\\u`` escapes, so printing the JSON raw cannot drive a terminal.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from briefing.errors import BriefingError
from briefing.export.build import (
    ACROSS_OPS,
    Briefing,
    Clock,
    DocumentBriefing,
    DocumentInput,
    assemble,
    build_briefing,
    default_clock,
)

if TYPE_CHECKING:
    from briefing.model import Analysis, Document
    from briefing.store import Store

__all__ = [
    "ACROSS_OPS",
    "FORMATS",
    "Briefing",
    "Clock",
    "DocumentBriefing",
    "DocumentInput",
    "assemble",
    "build_briefing",
    "check_output",
    "default_clock",
    "default_output_path",
    "export_json",
    "export_markdown",
    "export_text",
    "export_to_file",
    "protected_paths",
    "render",
    "write_export",
]

FORMATS = ("md", "json")
SUFFIXES = {"md": ".md", "json": ".json"}


def render(briefing: Briefing, fmt: str = "md") -> str:
    if fmt == "md":
        from briefing.export.markdown import render_markdown

        return render_markdown(briefing)
    if fmt == "json":
        from briefing.export.jsonfmt import render_json

        return render_json(briefing)
    raise BriefingError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")


def export_text(
    items: Iterable[tuple[Document, Analysis]],
    fmt: str = "md",
    *,
    store: Store | None = None,
    apply_reviews_across: bool = False,
    clock: Clock | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> str:
    """The briefing of ``items`` ((document, analysis) pairs, in order) as ``fmt`` (md or json)."""
    briefing = build_briefing(items, store=store, apply_reviews_across=apply_reviews_across, clock=clock, base_dir=base_dir)
    return render(briefing, fmt)


def export_markdown(items: Iterable[tuple[Document, Analysis]], **options) -> str:
    """The markdown briefing of ``items`` (options as for :func:`export_text`)."""
    return export_text(items, "md", **options)


def export_json(items: Iterable[tuple[Document, Analysis]], **options) -> str:
    """The JSON briefing of ``items`` (schema in this module's docstring)."""
    return export_text(items, "json", **options)


_SLUG = re.compile(r"[^\w.-]+")


def default_output_path(sources: Iterable[str], fmt: str = "md", directory: str | os.PathLike[str] | None = None) -> Path:
    """``<stem of the first source>.briefing.md`` (or ``.json``) in ``directory`` (default: the
    current directory). The stem of a URL is its last path segment, else its host; of a
    directory its name; of standard input ``stdin``."""
    first = next(iter(sources), "-")
    if first == "-":
        stem = "stdin"
    elif "://" in first:
        parts = urlsplit(first)
        stem = PurePosixPath(unquote(parts.path)).stem or (parts.hostname or "")
    else:
        path = Path(first).expanduser()
        stem = path.resolve().name if path.is_dir() else path.stem
    stem = _SLUG.sub("-", stem).strip("-.") or "briefing"
    return Path(directory or ".") / f"{stem}.briefing{SUFFIXES.get(fmt, '.' + fmt)}"


def protected_paths(items: Iterable[tuple[Document, Analysis]], store: Store | None = None) -> list[str]:
    """What an export must never overwrite: the documents' sources and the store's files."""
    paths = [document.source for document, _ in items]
    if store is not None:
        db = Path(store.path)
        paths += [str(db), str(db.with_name(db.name + ".journal")), str(db.with_name(db.name + ".lock"))]
    return paths


def export_to_file(
    items: Iterable[tuple[Document, Analysis]],
    path: str | os.PathLike[str],
    *,
    fmt: str = "md",
    store: Store | None = None,
    apply_reviews_across: bool = False,
    clock: Clock | None = None,
    base_dir: str | os.PathLike[str] | None = None,
) -> Path:
    """Build, render (``fmt``: ``md`` or ``json``) and write the briefing to ``path`` with
    :func:`write_export`, refusing the documents' own files and the store's. Returns the path."""
    items = list(items)
    protected = protected_paths(items, store)
    check_output(path, protected)
    text = export_text(items, fmt, store=store, apply_reviews_across=apply_reviews_across, clock=clock, base_dir=base_dir)
    return write_export(text, path, inputs=protected)


def check_output(path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> Path:
    """The resolved output path, or BriefingError when it is one of ``inputs`` (an exported
    document, the annotation store), a directory, or in a directory that does not exist."""
    target = Path(path).expanduser()
    resolved = target.resolve()
    for source in inputs:
        if source != "-" and "://" not in source and Path(source).expanduser().resolve() == resolved:
            raise BriefingError(f"{target}: refusing to overwrite {source}, an input of the export; choose another output path")
    if resolved.is_dir():
        raise BriefingError(f"{target}: is a directory; give a file name")
    if not resolved.parent.is_dir():
        raise BriefingError(f"{target}: the directory {resolved.parent} does not exist")
    return resolved


def write_export(text: str, path: str | os.PathLike[str], *, inputs: Iterable[str] = ()) -> Path:
    """Write ``text`` to ``path`` atomically (a temporary file, fsync, rename): an existing file
    there is replaced only by a complete briefing (keeping its permissions; a new file gets
    0644). Refuses (BriefingError, nothing written) what :func:`check_output` refuses: pass the
    exported documents' sources as ``inputs``. Returns ``path``."""
    target = Path(path).expanduser()
    resolved = check_output(target, inputs)
    try:
        fd, tmp = tempfile.mkstemp(dir=resolved.parent, prefix=f".{resolved.name}.", suffix=".tmp")
    except OSError as exc:
        raise BriefingError(f"{target}: cannot write there ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, resolved.stat().st_mode & 0o7777 if resolved.exists() else 0o644)
        os.replace(tmp, resolved)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BriefingError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
