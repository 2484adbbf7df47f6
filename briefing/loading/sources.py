"""Reading raw bytes from a file, standard input or an http(s) URL, with a size limit.

Every failure is a ``BriefingError`` with one line naming the source. httpx is imported only when
a URL is opened.
"""

from __future__ import annotations

import errno
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from briefing import __version__
from briefing.errors import BriefingError

#: Default limit on what is read from one source (file, stdin or URL): 20 MB.
MAX_BYTES = 20_000_000
#: Per-operation network timeout (connect, each read) in seconds.
URL_TIMEOUT_S = 15.0
#: The whole download must finish within this many seconds.
URL_DEADLINE_S = 60.0
#: Redirects followed before giving up.
MAX_REDIRECTS = 5
USER_AGENT = f"briefing/{__version__} (terminal briefing reader)"
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Raw:
    """Bytes as read, with what the transport said about them."""

    data: bytes
    content_type: str = ""  # media type without parameters, lower case ("text/html")
    charset: str | None = None  # declared charset, if any


def human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def too_large(source: str, max_bytes: int) -> BriefingError:
    return BriefingError(f"{source}: larger than the {human_size(max_bytes)} limit")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _os_error(source: str, exc: OSError) -> BriefingError:
    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "is a directory, not a file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOTDIR: "no such file (a parent is not a directory)",
        errno.ENAMETOOLONG: "file name too long",
        errno.ELOOP: "too many levels of symbolic links",
    }
    reason = reasons.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()
    return BriefingError(f"{source}: {reason}")


def read_file(source: str, max_bytes: int) -> Raw:
    """Read a regular file (or a device/FIFO) of at most ``max_bytes`` bytes."""
    path = Path(source).expanduser()
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise BriefingError(f"{source}: is a directory, not a file")
        if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
            raise too_large(source, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # a file that grows, or a device, still stops here
    except OSError as exc:
        raise _os_error(source, exc) from None
    if len(data) > max_bytes:
        raise too_large(source, max_bytes)
    return Raw(data)


def read_stdin(max_bytes: int) -> Raw:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise BriefingError("-: standard input is not available")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise _os_error("-", exc) from None
    if len(data) > max_bytes:
        raise too_large("standard input", max_bytes)
    return Raw(data)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def fetch_url(url: str, max_bytes: int) -> Raw:
    """GET ``url`` with httpx: redirects, timeouts and the size limit enforced while streaming."""
    import httpx

    deadline = time.monotonic() + URL_DEADLINE_S
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(URL_TIMEOUT_S),
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"},
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    phrase = response.reason_phrase or ""
                    raise BriefingError(f"{url}: HTTP error {response.status_code} {phrase}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise too_large(url, max_bytes)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes(_CHUNK):  # decoded (gunzipped) bytes are counted
                    size += len(chunk)
                    if size > max_bytes:
                        raise too_large(url, max_bytes)
                    if time.monotonic() > deadline:
                        raise BriefingError(f"{url}: download took longer than {URL_DEADLINE_S:g} s")
                    chunks.append(chunk)
                media = response.headers.get("content-type", "")
                charset = response.charset_encoding
    except httpx.TooManyRedirects:
        raise BriefingError(f"{url}: too many redirects (more than {MAX_REDIRECTS})") from None
    except httpx.TimeoutException:
        raise BriefingError(f"{url}: timed out after {URL_TIMEOUT_S:g} s") from None
    except httpx.ConnectError as exc:
        raise BriefingError(f"{url}: could not connect ({_one_line(exc)})") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise BriefingError(f"{url}: not a valid URL ({_one_line(exc)})") from None
    except httpx.HTTPError as exc:
        raise BriefingError(f"{url}: download failed ({_one_line(exc)})") from None
    return Raw(b"".join(chunks), media.split(";")[0].strip().lower(), charset)


def read_source(source: str, max_bytes: int) -> Raw:
    if source == "-":
        return read_stdin(max_bytes)
    if is_url(source):
        return fetch_url(source, max_bytes)
    return read_file(source, max_bytes)


def source_identity(source: str) -> str:
    """What ``Document.source`` holds: the absolute path for files, the URL or ``-`` as given."""
    if source == "-" or is_url(source):
        return source
    return str(Path(source).expanduser().resolve())
