"""Document loading: formats, decoding, canonical text, bad input, stdin, URLs, lazy imports.

Real files in tmp_path, a real HTTP server on 127.0.0.1 started by the tests, the CLI in a
subprocess for exit codes and the one-line error message.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.loading import MAX_BYTES, detect_format, document_from_text, load_document, title_from_source
from briefing.loading.normalize import canonical_text
from briefing.loading.sources import Raw
from briefing.model import Document

DATA = Path(__file__).resolve().parent.parent / "data" / "loading"
ARTICLE_HTML = DATA / "news-article.html"
NOTES_MD = DATA / "field-notes.md"
GERMAN_TXT = DATA / "german-report.txt"

ENGLISH = (
    "Port officials said on Tuesday that the new terminal would open in the spring. "
    "The ministry has not confirmed the date, and it remains unclear who will run it.\n"
    "Dock workers welcomed the plan but warned that staffing was still too thin.\n"
)


def texts(document: Document) -> list[str]:
    return [document.sentence_text(s) for s in document.sentences]


def block_texts(document: Document, kind: str | None = None) -> list[str]:
    return [document.text[b.start : b.end] for b in document.blocks if kind is None or b.kind == kind]


def noise_png(width: int = 64, height: int = 64) -> bytes:
    """A real PNG file whose pixel data is random (so it is not NUL-heavy once compressed)."""
    rows = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefing: error:"), lines[0]
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert result.stdout == ""
    return lines[0]


# ------------------------------------------------------------------------------------ plain text


def test_plain_text_title_from_heading_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Port expansion approved\n\n" + ENGLISH, encoding="utf-8")
    document = load_document(str(path))
    assert document.format == "text"
    assert document.source == str(path.resolve())
    assert document.title == "Port expansion approved"
    assert document.blocks[0].kind == "heading"
    assert document.warnings == ()
    assert texts(document)[:3] == [
        "Port expansion approved",
        "Port officials said on Tuesday that the new terminal would open in the spring.",
        "The ministry has not confirmed the date, and it remains unclear who will run it.",
    ]
    for sentence in document.sentences:  # every offset indexes the canonical text
        assert document.text[sentence.start : sentence.end] == document.sentence_text(sentence)
        assert document.sentence_at(sentence.start) == sentence


def test_plain_text_title_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "NATO-summit_2024.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert load_document(str(path)).title == "NATO summit 2024"
    assert title_from_source("/x/turkey-ukraine-peacekeeping.txt") == "Turkey ukraine peacekeeping"
    assert title_from_source("https://news.example/world/harbour-deal.html") == "Harbour deal"
    assert title_from_source("https://news.example/") == "news.example"
    assert title_from_source("-") == "Standard input"


@pytest.mark.parametrize("name", ["notes.log", "notes.text", "NOTES", "notes.csv"])
def test_unknown_text_extensions_load_as_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(ENGLISH, encoding="utf-8")
    document = load_document(str(path))
    assert document.format == "text"
    assert len(document.sentences) == 3


def test_canonical_text_crlf_nfc_controls(tmp_path: Path) -> None:
    raw = "Cafe\u0301 owners met.\r\nThe mayor\x1b[31m spoke.\rTabs\tstay.\x07\r\n"
    path = tmp_path / "canon.txt"
    path.write_bytes(raw.encode("utf-8"))
    document = load_document(str(path))
    assert document.text == "Café owners met.\nThe mayor[31m spoke.\nTabs\tstay.\n"
    assert "\r" not in document.text and "\x1b" not in document.text
    assert document.text == canonical_text(document.text)  # idempotent
    assert texts(document) == ["Café owners met.", "The mayor[31m spoke.", "Tabs\tstay."]


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    document = load_document(str(path))
    assert document.text.startswith("Port officials")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-le"])
def test_wide_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"wide-{encoding}.txt"
    path.write_bytes(("Zoë Ångström arrived.\n" + ENGLISH).encode(encoding))  # utf-16-le: no BOM
    document = load_document(str(path))
    assert document.text.startswith("Zoë Ångström arrived.\nPort officials")


def test_legacy_encoding_detected(tmp_path: Path) -> None:
    text = (
        "The café on the quay reopened. Its owner, Zoë Müller, said the rénovation cost more "
        "than planned. Señor García, a regular, called it a déjà vu: the façade looks as it did.\n"
    ) * 3
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    document = load_document(str(path))
    assert document.text == text
    assert "Zoë Müller" in document.sentence_text(1)


def test_a_nul_byte_is_stripped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ENGLISH.replace("new terminal", "new\x00 terminal").encode("utf-8"))
    document = load_document(str(path))
    assert "\x00" not in document.text
    assert "the new terminal would open" in document.text


def test_a_2000_character_line(tmp_path: Path) -> None:
    clause = "the council debated the harbour budget again, "
    line = ("After midnight " + clause * 44).rstrip(", ") + "."
    assert len(line) > 2000
    path = tmp_path / "long.txt"
    path.write_text(line + "\nShort one.\n", encoding="utf-8")
    document = load_document(str(path))
    assert texts(document) == [line, "Short one."]
    assert document.blocks[0].kind == "paragraph"


def test_document_from_text_keeps_its_api() -> None:
    document = document_from_text(
        "Intro line\nBody sentence one. Body two.\n",
        "mem.txt",
        title="Given title",
        fmt="text",
        heading_levels={0: 1},
        warnings=("w",),
    )
    assert document.title == "Given title"
    assert document.warnings == ("w",)
    assert [b.kind for b in document.blocks] == ["heading", "paragraph"]
    assert document.blocks[0].level == 1
    with pytest.raises(BriefingError, match="empty"):
        document_from_text(" \n\x00\n", "blank.txt")


# -------------------------------------------------------------------------------------- Markdown


def test_markdown_headings_kept_markup_dropped() -> None:
    document = load_document(str(NOTES_MD))
    assert document.format == "markdown"
    assert document.title == "Ferry strike: field notes from the quayside"
    headings = [(document.text[b.start : b.end], b.level) for b in document.blocks if b.kind == "heading"]
    assert headings == [
        ("Ferry strike: field notes from the quayside", 1),
        ("Who is talking", 2),
        ("Figures quoted", 3),
    ]
    for markup in ("*", "**", "](", "![", "https://", "picket.jpg", "```", "|---", "> "):
        assert markup not in document.text, markup
    paragraphs = block_texts(document, "paragraph")
    # soft-wrapped paragraph joined; link text kept; image dropped entirely
    assert paragraphs[0] == (
        "Union organisers told crews on Monday that the strike would go ahead unless the operator "
        "improved its offer, according to a statement posted on the union's website."
    )
    assert "A picket line at dawn" not in document.text
    # list items are lines, markers dropped; the quote keeps its text
    assert "The harbour master, who has asked both sides to keep the lifeline route open" in paragraphs
    assert '"We cannot run a service on goodwill alone," one deckhand said.' in paragraphs
    # table rows and code lines kept as text; a hard break starts a new line
    assert "Pay offer | 4.5%" in paragraphs
    assert "ROUTE  DAILY SAILINGS" in paragraphs
    assert paragraphs[-2:] == ["Talks resume on Thursday.", "Nobody expects a deal before the weekend."]


def test_markdown_without_heading_front_matter_skipped(tmp_path: Path) -> None:
    path = tmp_path / "quay-notes.markdown"
    path.write_text("---\ntitle: ignored\n---\nJust a _short_ note. With `code`.\n", encoding="utf-8")
    document = load_document(str(path))
    assert document.text == "Just a short note. With code."
    assert document.title == "Quay notes"
    assert all(b.kind == "paragraph" for b in document.blocks)


# ------------------------------------------------------------------------------------------ HTML

BOILERPLATE = (
    "cookies",
    "Accept all",
    "Subscribe today",
    "Search the Ledger",
    "Share on Facebook",
    "Email this story",
    "Copy link",
    "Related stories",
    "Offshore wind auction",
    "Island ferry timetable",
    "newsletter",
    "About us",
    "Privacy policy",
    "All rights reserved",
    "Breadcrumb",
)


def test_html_article_extracted_without_boilerplate() -> None:
    document = load_document(str(ARTICLE_HTML))
    assert document.format == "html"
    assert document.title == "Harbour council backs tidal power plan after marathon session"
    for junk in BOILERPLATE:
        assert junk not in document.text, junk
    paragraphs = block_texts(document, "paragraph")
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("Councillors in the fishing town of Port Avel voted eleven to four")
    assert paragraphs[-1] == (
        "It remains unclear how the consortium will finance the second phase of the project, "
        "which would double the number of turbines."
    )
    headings = [(document.text[b.start : b.end], b.level) for b in document.blocks if b.kind == "heading"]
    assert headings == [
        ("Harbour council backs tidal power plan after marathon session", 1),
        ("Fishermen fear lost grounds", 2),
        ("What happens next", 2),
    ]
    assert document.warnings == ()


def test_html_inline_markup_and_line_breaks(tmp_path: Path) -> None:
    html = ARTICLE_HTML.read_text(encoding="utf-8").replace(
        "voted eleven to four late on Tuesday", "voted eleven\n          to four <em>late</em> on<br>Tuesday"
    )
    path = tmp_path / "wrapped.htm"
    path.write_text(html, encoding="utf-8")
    document = load_document(str(path))
    paragraphs = block_texts(document, "paragraph")
    assert paragraphs[0] == "Councillors in the fishing town of Port Avel voted eleven to four late on"
    assert paragraphs[1].startswith("Tuesday to lease a stretch")


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    # without the declaration this short Polish text reads as a Western code page ("Rz¹d")
    body = "Rząd ogłosił w poniedziałek, że promy zostaną wstrzymane. Związkowcy żądają rozmów."
    html = f'<html><head><meta charset="windows-1250"><title>Promy</title></head><body><p>{body}</p></body></html>'
    path = tmp_path / "promy.html"
    path.write_bytes(html.encode("cp1250"))
    document = load_document(str(path))
    assert document.text == body


def test_html_title_falls_back_to_the_first_heading(tmp_path: Path) -> None:
    html = ARTICLE_HTML.read_text(encoding="utf-8")
    html = html.replace("<title>", "<!--").replace("</title>", "-->").replace('<meta property="og:title"', "<meta")
    path = tmp_path / "untitled.html"
    path.write_text(html, encoding="utf-8")
    assert load_document(str(path)).title == "Harbour council backs tidal power plan after marathon session"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<html><body></body></html>",
    ],
)
def test_html_without_text_is_an_error(tmp_path: Path, html: str) -> None:
    path = tmp_path / "empty-page.html"
    path.write_text(html, encoding="utf-8")
    with pytest.raises(BriefingError, match=r"empty-page\.html: no article text"):
        load_document(str(path))


# --------------------------------------------------------------------------------- bad input (CLI)


def _bad_inputs(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "a-directory").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n\n   \n", encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(noise_png())
    (tmp_path / "noise.txt").write_bytes(os.urandom(4096))
    with open(tmp_path / "huge.txt", "wb") as fh:  # sparse: no disk cost
        fh.truncate(MAX_BYTES + 1)
    (tmp_path / "nav-only.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><footer>© Site</footer></body></html>", encoding="utf-8"
    )
    return {
        "missing.txt": "no such file",
        "a-directory": "is a directory",
        "empty.txt": "empty",
        "blank.txt": "empty",
        "picture.png": "not a text file",
        "noise.txt": "not a text file",
        "huge.txt": "larger than the 20 MB limit",
        "nav-only.html": "no article text",
    }


def test_bad_inputs_raise_one_line_errors(tmp_path: Path) -> None:
    for name, reason in _bad_inputs(tmp_path).items():
        with pytest.raises(BriefingError) as info:
            load_document(str(tmp_path / name))
        message = str(info.value)
        assert "\n" not in message
        assert name in message and reason in message, message


@pytest.mark.parametrize(
    "name",
    ["missing.txt", "a-directory", "empty.txt", "blank.txt", "picture.png", "noise.txt", "huge.txt", "nav-only.html"],
)
def test_bad_input_cli_exit_2_one_line(tmp_path: Path, run_cli, name: str) -> None:
    reason = _bad_inputs(tmp_path)[name]
    result = run_cli("analyze", name, "--format", "json", cwd=tmp_path)
    assert_one_line_error(result, name, reason)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(BriefingError, match="secret.txt: permission denied"):
            load_document(str(path))
        assert_one_line_error(run_cli("analyze", str(path), "--format", "json"), "permission denied")
    finally:
        path.chmod(0o644)


def test_size_limit_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(BriefingError, match=r"small\.txt: larger than the 100 bytes limit"):
        load_document(str(path), max_bytes=100)
    assert load_document(str(path), max_bytes=len(ENGLISH)).text == ENGLISH


# ------------------------------------------------------------------------------------------ stdin


def _load_stdin(data: bytes) -> subprocess.CompletedProcess:
    code = (
        "import json; from briefing.loading import load_document; d = load_document('-'); "
        "print(json.dumps({'source': d.source, 'format': d.format, 'title': d.title, 'text': d.text}))"
    )
    return subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, timeout=120)


def test_stdin_text_is_decoded_like_a_file() -> None:
    text = "Zoë Müller spoke. The café reopened on the quay, said the mayor of the town.\n" * 3
    result = _load_stdin(text.encode("cp1252"))
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded == {"source": "-", "format": "text", "title": "Standard input", "text": text}


def test_stdin_html_is_sniffed() -> None:
    result = _load_stdin(ARTICLE_HTML.read_bytes())
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["format"] == "html"
    assert loaded["title"] == "Harbour council backs tidal power plan after marathon session"
    assert "Share on Facebook" not in loaded["text"]


@pytest.mark.parametrize(
    ("source", "content_type", "text", "expected"),
    [
        ("-", "", '<?xml version="1.0"?>\n<!DOCTYPE html><html><body></body></html>', "html"),
        ("-", "", "  <!-- saved page --> <HTML lang=en>", "html"),
        ("-", "", "Notes about <html> tags.", "text"),
        ("-", "", "# A Markdown heading", "text"),
        ("https://x.example/a", "application/xhtml+xml", "", "html"),
        ("https://x.example/a.html", "text/plain", "<html>", "text"),  # the content type decides
        ("https://x.example/a", "text/x-markdown", "", "markdown"),
        ("https://x.example/a", "application/octet-stream", "<!doctype html>", "html"),
        ("notes.MD", "", "<html>", "markdown"),
        ("page.HTM", "", "plain words", "html"),
        ("data.json", "", "<html>", "text"),
    ],
)
def test_detect_format(source: str, content_type: str, text: str, expected: str) -> None:
    assert detect_format(source, Raw(b"", content_type), text) == expected


def test_stdin_empty_cli(run_cli) -> None:
    assert_one_line_error(run_cli("analyze", "-", "--format", "json", input=""), "standard input", "empty")


# ------------------------------------------------------------------------------------------- URLs

PLAIN = "Harbour notes\n\nThe ferry left on time. Nobody complained.\n"
LATIN1 = "The café owner, Zoë, said the quay was closed. Señor García agreed with her.\n"


class _Handler(BaseHTTPRequestHandler):
    """Serves the test routes; HTTP/1.0, so a body without Content-Length ends at close."""

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str | None, length: bool = True) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/news/harbour-deal.html":
            self._send(200, ARTICLE_HTML.read_bytes(), "text/html; charset=utf-8")
        elif path == "/no-type":
            self._send(200, ARTICLE_HTML.read_bytes(), None)
        elif path == "/notes.txt":
            self._send(200, PLAIN.encode("utf-8"), "text/plain; charset=utf-8")
        elif path == "/latin1":
            self._send(200, LATIN1.encode("latin-1"), "text/plain; charset=iso-8859-1")
        elif path == "/notes.md":
            self._send(200, NOTES_MD.read_bytes(), "text/markdown")
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/news/harbour-deal.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(path)}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big-declared":
            self._send(200, b"word " * 2000, "text/plain")
        elif path == "/big-streamed":
            self._send(200, b"word " * 2000, "text/plain", length=False)
        elif path == "/image.png":
            self._send(200, noise_png(24, 24), "image/png")
        elif path == "/empty":
            self._send(200, b"", "text/html")
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server must be reached directly, whatever proxy the machine has."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_url_html_article(server: str) -> None:
    url = server + "/news/harbour-deal.html"
    document = load_document(url)
    assert document.source == url
    assert document.format == "html"
    assert document.title == "Harbour council backs tidal power plan after marathon session"
    assert "Share on X" not in document.text
    assert "Fishermen fear lost grounds" in block_texts(document, "heading")


def test_url_redirect_keeps_the_given_url(server: str) -> None:
    url = server + "/moved"
    document = load_document(url)
    assert document.source == url
    assert document.format == "html"


def test_url_content_type_decides_the_format(server: str) -> None:
    plain = load_document(server + "/notes.txt")
    assert plain.format == "text"
    assert plain.text == PLAIN
    assert plain.title == "Harbour notes"
    assert load_document(server + "/notes.md").format == "markdown"
    assert load_document(server + "/no-type").format == "html"  # no content type: sniffed
    assert load_document(server + "/latin1").text == LATIN1  # the declared charset is used


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        ("/loop", "too many redirects (more than 5)"),
        ("/missing", "HTTP error 404"),
        ("/big-declared", "larger than the 5 kB limit"),
        ("/big-streamed", "larger than the 5 kB limit"),
        ("/image.png", "not a text file"),
        ("/empty", "empty"),
    ],
)
def test_url_failures(server: str, route: str, reason: str) -> None:
    with pytest.raises(BriefingError) as info:
        load_document(server + route, max_bytes=5000)
    message = str(info.value)
    assert message.startswith(server + route + ": ") and reason in message, message


def test_url_connection_refused() -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(BriefingError, match="could not connect"):
        load_document(f"http://127.0.0.1:{port}/article")


@pytest.mark.parametrize(("route", "reason"), [("/missing", "HTTP error 404 Not Found"), ("/loop", "too many redirects")])
def test_url_failure_cli(server: str, run_cli, route: str, reason: str) -> None:
    result = run_cli("analyze", server + route, "--format", "json", env={"NO_PROXY": "127.0.0.1"})
    assert_one_line_error(result, server + route, reason)


# -------------------------------------------------------------------------------------- language


def test_non_english_text_gets_a_warning() -> None:
    document = load_document(str(GERMAN_TXT))
    assert document.warnings == ("the text looks like German (de), but the analysis model is English",)
    assert len(document.sentences) == 4  # loaded all the same


def test_english_and_short_texts_get_no_warning(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Die Fähre fährt.\n", encoding="utf-8")  # too short to judge
    names = tmp_path / "names.txt"
    names.write_text("Schmidt, Hans; Müller, Anna; Dupont, Jean; García, Luis; Rossi, Marco; Novak, Jan\n" * 2)
    for path in (short, names):
        assert load_document(str(path)).warnings == ()
    assert load_document(str(ARTICLE_HTML)).warnings == ()


# --------------------------------------------------------------------------------- lazy imports

HEAVY = ("trafilatura", "lxml", "markdown_it", "httpx", "charset_normalizer", "py3langid", "numpy", "spacy", "textual")


def _modules_after(code: str) -> set[str]:
    probe = code + f"\nimport sys, json; print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_opening_a_txt_imports_no_heavy_parser(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A heading\n" + ENGLISH * 20, encoding="utf-8")
    loaded = _modules_after(f"from briefing.loading import load_document; load_document({str(path)!r})")
    assert loaded == set()


def test_heavy_parsers_load_only_for_their_format() -> None:
    loaded = _modules_after(f"from briefing.loading import load_document; load_document({str(NOTES_MD)!r})")
    assert loaded == {"markdown_it"}
    loaded = _modules_after(f"from briefing.loading import load_document; load_document({str(ARTICLE_HTML)!r})")
    assert {"trafilatura", "lxml"} <= loaded and "httpx" not in loaded and "markdown_it" not in loaded
