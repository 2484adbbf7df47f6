"""Untrusted text: the article and every panel show literal text; no escape reaches the terminal."""

from __future__ import annotations

import pytest
from test_app import WIDE, ready, reader, screen_text, terminal_bytes

from briefing.loading import document_from_text
from briefing.model import Actor, Analysis, Document, Mention, Position, Question, Sentence, Block
from briefing.tui.app import make_app

pytestmark = pytest.mark.anyio

MARKUP = "[bold red]x[/]"
LINK = "[link=http://evil]y[/link]"
OSC52 = "\x1b]52;c;aGk=\x07"
BIDI = "\u202e"
RAW = (
    f"Heading with {MARKUP} markup\n"
    f"The minister said {LINK} while a sequence {OSC52} tried the clipboard and {BIDI}txet desrever appeared.\n"
    "Officials insist that nothing happened.\n"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def hostile_analysis(document: Document) -> Analysis:
    """Findings whose strings carry markup and escapes too (a hostile or broken analysis file)."""
    text = document.text
    start = text.index("minister")
    s = document.sentence_at(start)
    actor = Actor(
        id="a-evil", name=f"{MARKUP}{OSC52}", kind="person", aliases=[LINK, BIDI + "x"],
        mentions=[Mention(start, start + len("minister"), "minister", s.index)],
    )
    i = document.sentence_at(text.index("insist"))
    return Analysis(
        source=document.source, title=document.title, document_sha256=document.sha256, chars=len(text),
        sentence_count=len(document.sentences), model="m==1", analyser="0",
        actors=[actor],
        positions=[Position("p-evil", actor.name, actor.id, f"insist{OSC52}", 0, 0, f"{LINK}{BIDI}", 0, 0, i.index, i.start, i.end)],
        questions=[Question("q-evil", i.index, MARKUP, 0, 0, f"{LINK}{OSC52}", i.start, i.end)],
    )


def assert_clean(app) -> None:
    out = terminal_bytes(app)
    assert "\x1b]52" not in out
    assert "\x1b]8;" not in out  # no hyperlink escape
    assert "\x07" not in out
    assert BIDI not in out
    assert "http://evil" not in out or LINK in screen_text(app)


async def test_article_and_panels_show_literal_text_and_no_escape(tmp_path) -> None:
    path = tmp_path / "evil[bold].txt"
    path.write_text(RAW, encoding="utf-8")
    from briefing.loading import load_document

    document = load_document(str(path))
    app = make_app([document.source], documents={document.source: document}, analyser=lambda d, **_: hostile_analysis(d))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        screen = reader(app)
        assert screen.analysis is not None
        shown = screen_text(app)
        assert MARKUP in shown
        assert LINK in shown
        assert "]52;c;aGk=" in shown  # the sequence's printable rest, shown literally
        assert "evil[bold].txt" in shown  # the header's source, not markup
        assert_clean(app)
        for key in ("2", "3", "4"):
            await pilot.press(key)
            assert_clean(app)
        await pilot.press("2", "enter", "1", "n")
        assert_clean(app)


async def test_control_characters_that_bypass_the_loader_are_neutralised() -> None:
    """A Document built without the loader (raw control characters) still cannot drive the terminal."""
    text = f"Raw {OSC52} and {BIDI}bidi here."
    document = Document(
        source="raw", title=f"T{OSC52}", text=text,
        blocks=(Block(1, "paragraph", 0, len(text), 0, 0),),
        sentences=(Sentence(0, 1, 1, 0, len(text), "s-raw"),),
    )
    app = make_app(["raw"], documents={"raw": document}, analyser=lambda d, **_: hostile_analysis_empty(d))
    async with app.run_test(size=WIDE) as pilot:
        await ready(pilot)
        assert_clean(app)
        await pilot.press("y")
        # the clipboard gets the text (OSC 52 carries it base64-encoded, so it cannot escape)
        assert "Raw" in app.clipboard


def hostile_analysis_empty(document: Document) -> Analysis:
    return Analysis(document.source, document.title, document.sha256, len(document.text), len(document.sentences), "m==1", "0")


def test_loader_strips_what_the_article_would_not_show() -> None:
    document = document_from_text(RAW, "x.txt")
    assert "\x1b" not in document.text and BIDI not in document.text and "\x07" not in document.text
    assert MARKUP in document.text and LINK in document.text
