"""The reader's pure logic (briefing.reading, briefing.settings): wrapping, navigation, search, n/N."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing import reading
from briefing.errors import BriefingError
from briefing.loading import document_from_text
from briefing.settings import Settings, restore_sentence

TEXT = (
    "A Heading Here\n"
    "First sentence of the first paragraph. Second sentence follows it. Third one ends here.\n"
    "\n"
    "Second paragraph begins. It has two sentences.\n"
    "Last paragraph, only one sentence."
)


@pytest.fixture
def doc():
    return document_from_text(TEXT, "t.txt")


def test_wrap_never_exceeds_width_and_keeps_every_word(doc) -> None:
    for width in (8, 20, 33, 70):
        layout = reading.Layout(doc, width)
        shown_all = []
        for line in layout.lines:
            shown = doc.text[line.start : line.end]
            assert cell_len(shown) <= width, (width, shown)
            shown_all.append(shown)
        assert "".join("".join(shown_all).split()) == "".join(doc.text.split())
        if width >= 20:  # no word is longer than 20: words are never split
            assert " ".join(shown_all).split() == doc.text.split()


def test_markers_take_a_cell_and_only_rewrap_their_block(doc) -> None:
    block = doc.blocks[1]
    text = doc.text
    layout = reading.Layout(doc, 30)
    before = [ln for ln in layout.lines if ln.block != 1]
    # a marker after every word of block 1
    ends = [m.end() for m in reading.WORD.finditer(text, block.start, block.end)]
    assert layout.update_markers(ends)
    after = [ln for ln in layout.lines if ln.block != 1]
    assert [(ln.start, ln.end) for ln in before] == [(ln.start, ln.end) for ln in after]
    for line in layout.lines:
        if line.block == 1:
            extra = sum(1 for e in ends if line.start < e <= line.end)
            assert cell_len(text[line.start : line.end]) + extra <= 30


def test_wide_characters_and_long_words() -> None:
    d = document_from_text("東京都は日本の首都です。 " + "x" * 50 + " end.", "w.txt")
    layout = reading.Layout(d, 12)
    for line in layout.lines:
        assert cell_len(d.text[line.start : line.end]) <= 12


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300), st.integers(1, 40))
@settings(max_examples=150, deadline=None)
def test_wrap_span_properties(text: str, width: int) -> None:
    lines = reading.wrap_span(text, 0, len(text), width)
    covered = "".join(text[s:e] for s, e in lines)
    assert "".join(covered.split()) == "".join(text.split())
    for s, e in lines:
        assert cell_len(text[s:e]) <= max(width, max((cell_len(c) for c in text[s:e]), default=0))


def test_line_lookup_and_sentence_lines(doc) -> None:
    layout = reading.Layout(doc, 25)
    for s in doc.sentences:
        first, last = layout.lines_of_sentence(s.index)
        assert first <= last
        assert layout.lines[first].start <= s.start < layout.lines[first].end or layout.lines[first].start == s.start
        assert layout.lines[last].end >= s.end


def test_sentence_and_paragraph_steps(doc) -> None:
    n = len(doc.sentences)
    assert reading.step_sentence(doc, 0, -1) == 0
    assert reading.step_sentence(doc, n - 1, 1) == n - 1
    # heading (block 1) -> first sentence of block 2 -> block 3
    assert reading.step_paragraph(doc, 0, 1) == doc.blocks[1].first_sentence
    second = doc.blocks[1].first_sentence + 1  # inside block 2
    assert reading.step_paragraph(doc, second, -1) == doc.blocks[1].first_sentence
    assert reading.step_paragraph(doc, doc.blocks[1].first_sentence, -1) == 0
    assert reading.step_paragraph(doc, n - 1, 1) == doc.blocks[-1].first_sentence


def test_words_forward_and_back(doc) -> None:
    w = reading.next_word(doc, 0)
    assert doc.text[w[0] : w[1]] == "A"
    w2 = reading.next_word(doc, w[1])
    assert doc.text[w2[0] : w2[1]] == "Heading"
    assert reading.prev_word(doc, w2[0]) == w
    assert reading.prev_word(doc, 0) is None
    last = reading.prev_word(doc, len(doc.text))
    assert doc.text[last[0] : last[1]] == "sentence"


def test_prev_word_across_a_long_gap() -> None:
    d = document_from_text("alpha " + "— " * 400 + "omega", "g.txt")
    end = d.text.index("omega")
    w = reading.prev_word(d, end)
    assert d.text[w[0] : w[1]] == "alpha"


def test_search_smart_case_and_stepper(doc) -> None:
    assert len(reading.search(doc.text, "sentence")) == 4
    assert len(reading.search(doc.text, "Sentence")) == 0
    assert reading.search(doc.text, "") == []
    hits = reading.search(doc.text, "paragraph")
    stepper = reading.Stepper("search", hits)
    assert stepper.step(0) == hits[0]
    assert stepper.describe() == f"search 1/{len(hits)}"
    assert stepper.step(hits[-1][0]) == hits[0]  # wraps around
    assert stepper.step(hits[0][0], forward=False) == hits[-1]
    assert reading.Stepper("empty").step(0) is None


def test_citation_names_block_sentence_and_source(doc) -> None:
    s = doc.sentences[2]
    text = reading.citation(doc, 2)
    assert f"[¶{s.block}.{s.number}]" in text
    assert doc.source in text
    assert doc.sentence_text(2) in text


def test_expand_sources(tmp_path) -> None:
    (tmp_path / "b.txt").write_text("B text.")
    (tmp_path / "a.md").write_text("# A\n\ntext.")
    (tmp_path / "skip.bin").write_bytes(b"\0")
    got = reading.expand_sources([str(tmp_path), "https://example.org/x"])
    assert got == [str(tmp_path / "a.md"), str(tmp_path / "b.txt"), "https://example.org/x"]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BriefingError):
        reading.expand_sources([str(empty)])


def test_settings_roundtrip_and_restore(tmp_path, doc) -> None:
    path = tmp_path / "settings.json"
    s = Settings(path)
    s.theme = "textual-light"
    sentence = doc.sentences[3]
    s.set_position(doc.doc_id, sentence.index, sentence.key)
    s.save()
    again = Settings(path)
    assert again.theme == "textual-light"
    assert restore_sentence(doc, again.position(doc.doc_id)) == 3
    # the key wins over a stale index; a broken file counts as empty
    assert restore_sentence(doc, {"sentence": 0, "key": sentence.key}) == 3
    path.write_text("{not json")
    assert Settings(path).theme is None


@pytest.mark.parametrize("module", ["briefing.reading", "briefing.settings", "briefing.cli"])
def test_core_modules_do_not_import_textual(module: str) -> None:
    code = f"import importlib, json, sys; importlib.import_module({module!r}); print(json.dumps('textual' in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) is False


def test_status_line_shortens_then_drops_low_priority_parts() -> None:
    from briefing.tui.widgets.bars import StatusLine

    line = StatusLine()
    line.parts = [("¶2.1 (2/22)", 100), ("n/N: mentions of Turkey 3/13", 90), ("en_core_web_sm==3.8.0", 50, "sm 3.8.0"), ("analyser 0.2.0", 40, "a. 0.2.0")]
    assert line._fit(200) == "¶2.1 (2/22) · n/N: mentions of Turkey 3/13 · en_core_web_sm==3.8.0 · analyser 0.2.0"
    assert line._fit(80) == "¶2.1 (2/22) · n/N: mentions of Turkey 3/13 · en_core_web_sm==3.8.0 · a. 0.2.0"
    assert line._fit(70) == "¶2.1 (2/22) · n/N: mentions of Turkey 3/13 · sm 3.8.0 · a. 0.2.0"
    assert line._fit(45) == "¶2.1 (2/22) · n/N: mentions of Turkey 3/13"
    assert line._fit(5) == "¶2.1 (2/22)"
