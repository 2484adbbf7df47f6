"""Untrusted text cannot change the markdown briefing's structure.

Every article-derived string (title, source, actor names, kinds and aliases, cues, quoted content,
question sentences, the model's name) and every part of a note (quote, note, tags, author) is set
to a hostile string; the exported file is parsed with markdown-it-py and its token stream must
be exactly that of the same briefing made of harmless words, and the hostile text must read back
verbatim (minus terminal controls, with white space folded).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_export_support import fixed_clock, inline_text, inlines, shape, tokens

from briefing.anchoring import make_selector
from briefing.annotations import Annotation
from briefing.export import DocumentInput, assemble
from briefing.export.escape import inline, lines, plain, strip_controls
from briefing.export.markdown import render_markdown
from briefing.model import Actor, Analysis, Block, Document, Mention, Position, Question, Sentence, short_hash

HOSTILE = [
    "# x",
    "## not a heading #",
    "[a](http://e)",
    "![i](x)",
    "<script>alert(1)</script>",
    "<http://e>",
    "| a | b |",
    "| a | b |\n|---|---|\n| c | d |",
    "`code`",
    "```\nfenced\n```",
    "*emphasis*",
    "**strong**",
    "_x_",
    "~~struck~~",
    "1. first",
    "2) second",
    "- item",
    "+ item",
    "> quoted",
    "line one\nline two",
    "text\n===",
    "text\n---",
    "***",
    "    indented code",
    "[ref]: http://e",
    "[^1]",
    "&lt;b&gt; &#60;i&#62;",
    "trailing backslash \\",
    "two trailing spaces  \nnext",
    "$x^2$",
    "\x1b[31mred\x1b[0m \x1b]8;;http://e\x07osc link\x1b]8;;\x07 \x9b2J",
    "bell\x07 nul\x00 del\x7f bidi\u202eevil\u202c",
    "a\r\nb\rc\u2028d",
    "",
    "   ",
]


def benign(s: str) -> str:
    """The harmless twin of ``s``: each line that shows something becomes "plain"."""
    return "\n".join("plain" if line.strip() else "" for line in strip_controls(s).split("\n"))


def world(s: str, number: int = 1) -> DocumentInput:
    """A document, analysis and note whose every untrusted string is built from ``s``."""
    sentences_text = [f"{s} {s} {s}", f"{s} {s}", "A harmless sentence."]
    text, blocks, sentences, at = "", [], [], 0
    for i, st_ in enumerate(sentences_text):
        start, end = at, at + len(st_)
        text += st_ + "\n"
        blocks.append(Block(i + 1, "paragraph", start, end, i, i))
        sentences.append(Sentence(i, i + 1, 1, start, end, short_hash(st_, i)))
        at = end + 1
    document = Document(
        source=f"https://example.org/{number}/{s}",
        title=s,
        text=text,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
    )
    n = len(s)
    first = sentences[0].start
    actor = Actor(Actor.make_id(s, s), s, s, [s, s + " alias"], [Mention(first, first + n, s, 0)])
    position = Position(
        id="p-" + short_hash(number, s),
        actor=s,
        actor_id=actor.id,
        cue=s,
        cue_start=first + n + 1,
        cue_end=first + 2 * n + 1,
        content=s,
        content_start=first + 2 * n + 2,
        content_end=first + 3 * n + 2,
        sentence=0,
        start=sentences[0].start,
        end=sentences[0].end,
        source_text=s + " source",
    )
    q0 = sentences[1].start
    question = Question("q-" + short_hash(number, s), 1, s, q0, q0 + n, s, sentences[1].start, sentences[1].end)
    analysis = Analysis(
        source=document.source,
        title=s,
        document_sha256=document.sha256,
        chars=len(text),
        sentence_count=len(sentences),
        model=s,
        analyser=s,
        actors=[actor],
        positions=[position],
        questions=[question],
    )
    s0 = sentences[0]
    selector = make_selector(text, s0.start, s0.end)
    note = Annotation(
        id="n-" + short_hash(number, s),
        source=document.source,
        doc_id=document.doc_id,
        text_sha256=document.sha256,
        selector=selector,
        note=f"{s}\n{s}",
        tags=(s, "key"),
        author=s,
        created="2025-03-01T12:00:00.000000+00:00",
    )
    return DocumentInput(document, analysis, [note])


def export(*worlds: DocumentInput) -> str:
    return render_markdown(assemble(list(worlds), clock=fixed_clock))


FORBIDDEN = {
    "link_open", "image", "html_inline", "html_block", "code_block", "fence",
    "blockquote_open", "s_open", "hr", "ordered_list_open",
}  # fmt: skip


def check(s: str) -> None:
    for worlds in ([world(s)], [world(s, 1), world(s, 2)]):
        hostile = export(*worlds)
        harmless = export(*[world(benign(s), n) for n, _ in enumerate(worlds, 1)])
        assert shape(hostile) == shape(harmless), (s, hostile)
        seen = {t.type for t in tokens(hostile)} | {c.type for t in tokens(hostile) for c in t.children or ()}
        allowed = {"ordered_list_open"} if len(worlds) > 1 else set()  # the document list
        assert not seen & (FORBIDDEN - allowed), (s, seen & FORBIDDEN)
        code = [c.content for t in tokens(hostile) for c in t.children or () if c.type == "code_inline"]
        assert code == [w.document.sha256 for w in worlds]  # the only code spans: the exporter's hashes
        assert "\x1b" not in hostile and "\x9b" not in hostile and "\u202e" not in hostile
        # the hostile text reads back as it was
        shown = plain(s)
        texts = inlines(hostile)
        assert texts[0] == f"Briefing: {shown or 'untitled'}" if len(worlds) == 1 else texts[0].startswith("Briefing: 2")
        note_items = [t for t in texts if re.match(r"\[(doc \d, )?¶1\.1\] “", t)]
        assert len(note_items) == len(worlds)
        quote = plain(f"{s} {s} {s}")
        expected_note = "\n".join(plain(line) for line in strip_controls(s).split("\n") if plain(line))
        for item in note_items:
            head, _, body = item.partition("\n")
            assert re.sub(r"^\[(doc \d, )?¶1\.1\] ", "", head).startswith(f"“{quote}”"), (head, quote)
            assert body == (expected_note + "\n" + expected_note if expected_note else ""), (body, expected_note)


@pytest.mark.parametrize("s", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_strings_add_no_structure(s: str) -> None:
    check(s)


@pytest.mark.parametrize("s", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_strings_read_back_verbatim_in_the_table_and_headings(s: str) -> None:
    markdown = export(world(s))
    toks = tokens(markdown)
    cells = [inline_text(toks[i + 1]) for i, t in enumerate(toks) if t.type == "td_open"]
    shown = plain(s)
    assert cells[:3] == [shown or "—", shown or "—", plain(s + " alias") or "—"]
    h3 = [inline_text(toks[i + 1]) for i, t in enumerate(toks) if t.type == "heading_open" and t.tag == "h3"]
    assert h3 == [shown]


_ALPHABET = st.sampled_from(
    list("#*_`[]()<>!|~-+=.:&;$^\\\"' \t\n\r0123456789abcXYZ") + ["\x1b", "\x9b", "\x00", "\x07", "\u202e", "\u2028", "\u00a0", "¶", "é", "“"]
)
_PIECES = st.sampled_from(HOSTILE + ["http://e", "www.e.org", "a@b.org", "&amp;", "\\*", "1.", "#", "\n\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("0\x1bX")  # an unterminated SOS string once swallowed the note's line break
@example("a\x1b]8;;http://e\nb")  # an unterminated OSC across a line break
@given(st.lists(st.one_of(st.text(_ALPHABET, max_size=12), _PIECES), max_size=5).map("".join))
def test_no_untrusted_string_changes_the_structure(s: str) -> None:
    check(s)


def test_escape_units() -> None:
    assert inline("1. a\nb") == "1\\. a b"
    assert inline("x 1. y") == "x 1. y"  # only a line start can begin a list
    assert inline("0.2.0 a_b __c__") == "0.2.0 a_b \\_\\_c\\_\\_"
    assert inline("AT&T &amp;") == "AT&T \\&amp;"
    assert lines("a\n\n  - b  \n\x1b[1m\x1b[0m\n3) c") == ["a", "\\- b", "3\\) c"]
    assert strip_controls("a\x1b]0;title\x07b\x1b[2Kc\td") == "abc d"


def test_json_export_keeps_the_text_and_escapes_terminal_controls() -> None:
    from briefing.export.jsonfmt import render_json

    s = "\x1b[31mred\x9b \u202e <b>[x](y)</b>"
    text = render_json(assemble([world(s)], clock=fixed_clock))
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    data = json.loads(text)
    assert data["documents"][0]["annotations"][0]["note"] == f"{s}\n{s}"  # verbatim for tools
    assert data["actors"][0]["name"] == s
