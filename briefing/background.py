"""Run the analysis in a child process, reporting progress like ``briefing.analysis.analyse``.

spaCy holds Python's GIL for most of its work; in a thread of the reader's own process it would
make every keypress wait for it. In a child process (``python -m briefing.background``, a plain
subprocess: no fork of a threaded process, and the child's stderr never reaches the reader's
terminal) the reader's process only receives results. ``analyse_in_process`` has the signature of
``analyse`` (``use_cache``, ``on_progress``, ``should_stop``), so callers need not know:

* a cache hit is read in the calling process (no child, no spaCy import);
* otherwise the child loads the model, analyses, writes the cache and sends progress reports
  (partial results at most every ``PARTIAL_EVERY_S``) as length-prefixed pickles on a pipe;
* ``should_stop()`` is polled while waiting; when it says so the child is killed at once;
* the child's failure is a ``BriefingError`` with one line, never a traceback.

No Textual here.
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

from briefing.errors import BriefingError
from briefing.model import Analysis, Document

PARTIAL_EVERY_S = 2.0  # partial results cost pickling on both sides: not more often than this
POLL_S = 0.05
_HEADER = struct.Struct("!Q")


class AnalysisCancelled(BriefingError):
    """``should_stop()`` said stop: the child was killed."""


def _cached(document: Document, model) -> Analysis | None:
    from briefing import cache
    from briefing.analysis import ModelSpec, resolve_model

    spec = model if isinstance(model, ModelSpec) else resolve_model(model)
    return cache.load(cache.cache_key(document, spec), document)


def _frames(buffer: bytearray):
    """Complete (kind, payload) messages at the start of ``buffer`` (consumed)."""
    while len(buffer) >= _HEADER.size:
        (size,) = _HEADER.unpack_from(buffer)
        if len(buffer) < _HEADER.size + size:
            return
        body = bytes(buffer[_HEADER.size : _HEADER.size + size])
        del buffer[: _HEADER.size + size]
        yield pickle.loads(body)


def _last_line(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = [line.strip() for line in fh if line.strip()]
    except OSError:
        return ""
    return lines[-1][:300] if lines else ""


def analyse_in_process(
    document: Document,
    *,
    model=None,
    use_cache: bool = True,
    on_progress: Callable | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Analysis:
    if use_cache:
        hit = _cached(document, model)
        if hit is not None:
            return hit
    from briefing.analysis.pipeline import ProgressReport

    job = pickle.dumps((document, model, use_cache), protocol=pickle.HIGHEST_PROTOCOL)
    with tempfile.NamedTemporaryFile(prefix="briefing-analysis-", suffix=".log", delete=False) as log:
        log_path = log.name  # the child's stderr: its last line explains a crash
    try:
        with open(log_path, "wb") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "briefing.background"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                close_fds=True,
            )
        return _converse(process, job, on_progress, should_stop, log_path, ProgressReport)
    finally:
        try:
            os.unlink(log_path)
        except OSError:
            pass


def _converse(process, job, on_progress, should_stop, log_path, ProgressReport) -> Analysis:
    try:
        try:
            process.stdin.write(job)
            process.stdin.close()
        except BrokenPipeError:
            pass
        fd = process.stdout.fileno()
        buffer = bytearray()
        while True:
            if should_stop is not None and should_stop():
                raise AnalysisCancelled("the analysis was stopped")
            ready, _, _ = select.select([fd], [], [], POLL_S)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                process.wait(5)
                detail = _last_line(log_path)
                raise BriefingError(
                    f"the analysis process stopped unexpectedly (exit code {process.returncode})"
                    + (f": {detail}" if detail else "")
                )
            buffer.extend(chunk)
            for kind, payload in _frames(buffer):
                if kind == "progress":
                    if on_progress is not None:
                        on_progress(ProgressReport(*payload))
                elif kind == "done":
                    return payload
                else:
                    raise BriefingError(payload)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(5)
        process.stdout.close()


def _child_main() -> None:
    """The child: read the job from stdin, answer on the original stdout (fd 1 now goes to stderr)."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a library printing to stdout must not corrupt the messages
    sys.stdout = sys.stderr

    def send(kind: str, payload) -> None:
        body = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(body)) + body)
        out.flush()

    try:
        document, model, use_cache = pickle.loads(sys.stdin.buffer.read())
        from briefing.analysis import analyse

        last = [0.0]

        def progress(report) -> None:
            partial = None
            now = time.monotonic()
            if report.partial is not None and (now - last[0] >= PARTIAL_EVERY_S or report.done == report.total):
                partial, last[0] = report.partial, now
            send("progress", (report.done, report.total, partial))

        send("done", analyse(document, model=model, use_cache=use_cache, on_progress=progress))
    except BriefingError as exc:
        send("error", str(exc))
    except BrokenPipeError:
        pass  # the reader went away
    except BaseException as exc:  # anything else still ends as one line in the reader
        send("error", f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    _child_main()
