"""The sentence splitter: blocks, sentences, offsets and sentence keys (GUIDELINES.md section 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.loading import document_from_text, load_document
from briefing.loading.normalize import canonical_text
from briefing.loading.segment import SPLITTER_VERSION, looks_like_heading, split_blocks, splitter_name
from briefing.model import Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def sentences_of(text: str) -> list[str]:
    document = document_from_text(text, "t.txt")
    return [document.sentence_text(s) for s in document.sentences]


def test_every_gold_sentence_is_exactly_one_sentence() -> None:
    gold = json.loads((SHARED_EVAL / "seed.gold.json").read_text(encoding="utf-8"))
    document = load_document(str(SAMPLE))
    loaded = [document.sentence_text(s) for s in document.sentences]
    wanted = [item["sentence"] for kind in ("positions", "questions") for item in gold[kind]]
    assert len(wanted) >= 19
    for sentence in wanted:
        assert loaded.count(sentence) == 1, sentence


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # abbreviations do not end a sentence
        ("The U.S. Senate voted. Dr. Smith disagreed.", ["The U.S. Senate voted.", "Dr. Smith disagreed."]),
        ("Gov. Hochul signed it. Then she left.", ["Gov. Hochul signed it.", "Then she left."]),
        ("He lives at No. 5 Harbour Row. It is old.", ["He lives at No. 5 Harbour Row.", "It is old."]),
        ("Acme Inc. reported losses. Shares fell.", ["Acme Inc. reported losses.", "Shares fell."]),
        ("J. R. R. Tolkien wrote it. He was British.", ["J. R. R. Tolkien wrote it.", "He was British."]),
        ("President George W. Bush spoke. He left.", ["President George W. Bush spoke.", "He left."]),
        ("Mr. and Mrs. Smith came at 5 p.m. on Monday. They left.", ["Mr. and Mrs. Smith came at 5 p.m. on Monday.", "They left."]),
        ("He works for the U.S. The U.S. is big.", ["He works for the U.S.", "The U.S. is big."]),
        ("Messrs. Smith and Jones left. Ms. Lee stayed.", ["Messrs. Smith and Jones left.", "Ms. Lee stayed."]),
        ("Cllr. Price and Amb. Ode met. It went well.", ["Cllr. Price and Amb. Ode met.", "It went well."]),
        ("See Vol. 3 of the report. It is long.", ["See Vol. 3 of the report.", "It is long."]),
        ("Output fell 5 pct. to 3.2 bn. Analysts shrugged.", ["Output fell 5 pct. to 3.2 bn.", "Analysts shrugged."]),
        # glued sentences are split after the period
        (
            "The bank paused rate hikes.Governor Ueda said more data was needed.",
            ["The bank paused rate hikes.", "Governor Ueda said more data was needed."],
        ),
        # a closing quote or bracket stays with its sentence
        ('He said: "I am leaving." Then he left.', ['He said: "I am leaving."', "Then he left."]),
        ("He left.” Then she came.", ["He left.”", "Then she came."]),
        ('"Will you go?" she asked. He shrugged.', ['"Will you go?" she asked.', "He shrugged."]),
        ("Talks resumed (officials confirmed this.) Markets rose.", ["Talks resumed (officials confirmed this.)", "Markets rose."]),
        ("The firm (Acme Corp.) grew. It hired.", ["The firm (Acme Corp.) grew.", "It hired."]),
        # decimals, ellipses, questions
        ("Growth was 2.5 per cent. Inflation was 3.1%.", ["Growth was 2.5 per cent.", "Inflation was 3.1%."]),
        ("He paused... and then spoke. Done.", ["He paused... and then spoke.", "Done."]),
        ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
        ("What now? Nobody knows! The end.", ["What now?", "Nobody knows!", "The end."]),
        # list markers join their item; domains are not sentence ends
        ("1. First point. 2. Second point.", ["1. First point.", "2. Second point."]),
        ("As reported by HotNews.ro, talks began. They ended.", ["As reported by HotNews.ro, talks began.", "They ended."]),
        # a line without a final full stop is one sentence
        ("Talks resume on Thursday", ["Talks resume on Thursday"]),
    ],
)
def test_sentences_within_a_line(line: str, expected: list[str]) -> None:
    assert sentences_of(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # rule 6: a quote of several sentences is split; ", he said" keeps its attribution
        (
            '"We will act. We will win," the minister said.',
            ['"We will act.', 'We will win," the minister said.'],
        ),
        (
            'She said: "Prices rose. Wages did not. Nobody is happy."',
            ['She said: "Prices rose.', "Wages did not.", 'Nobody is happy."'],
        ),
        (
            "“We will act. We will win,” the minister said. He left.",
            ["“We will act.", "We will win,” the minister said.", "He left."],
        ),
        ("‘We go. Now,’ he said.", ["‘We go.", "Now,’ he said."]),
        # abbreviations and initials inside a quote do not end a sentence
        (
            '"The U.S. will act. Dr. Smith agrees. Ms. Lee too," he said.',
            ['"The U.S. will act.', "Dr. Smith agrees.", 'Ms. Lee too," he said.'],
        ),
        ("“Gov. Hochul and J. R. Doe met at No. 5 today,” she said.", ["“Gov. Hochul and J. R. Doe met at No. 5 today,” she said."]),
        ('"It rose 5 pct. to 3.2 bn. Analysts shrugged."', ['"It rose 5 pct. to 3.2 bn.', 'Analysts shrugged."']),
        # the closing quote stays with its sentence, the attribution after "?" too
        ('"Where is the money?" he asked.', ['"Where is the money?" he asked.']),
        ('"Is it over? Nobody knows?" he asked. He left.', ['"Is it over?', 'Nobody knows?" he asked.', "He left."]),
        ('He said: "It ended. Done!" Then he left.', ['He said: "It ended.', 'Done!"', "Then he left."]),
        # no split before a lower-case word or after a comma inside a quote
        ('"We won. then we left," he said.', ['"We won. then we left," he said.']),
        ('"First, we act, then we talk," he said.', ['"First, we act, then we talk," he said.']),
        # a nested quote inside a quote; the next sentence may open one
        (
            '"He said \'Stop. Now.\' and left. Then he went," she said.',
            ['"He said \'Stop. Now.\' and left.', 'Then he went," she said.'],
        ),
        ("“We are ready. ‘Never,’ they said. We were not.”", ["“We are ready.", "‘Never,’ they said.", "We were not.”"]),
        # an apostrophe is not a quote mark
        (
            "Russia’s envoy said “Kyiv’s plan failed. Moscow’s will not.” Talks went on.",
            ["Russia’s envoy said “Kyiv’s plan failed.", "Moscow’s will not.”", "Talks went on."],
        ),
        (
            "The players’ union said ‘Russia’s bid failed. We won.’ It ended.",
            ["The players’ union said ‘Russia’s bid failed.", "We won.’", "It ended."],
        ),
        # an unbalanced quote runs to the end of the line (a quote continued in the next paragraph)
        ('"Prices rose. Wages did not.', ['"Prices rose.', "Wages did not."]),
        (
            'She said the plan "was dead. It is." He left. "And then we won. We did.',
            ['She said the plan "was dead.', 'It is."', "He left.", '"And then we won.', "We did."],
        ),
    ],
)
def test_sentences_inside_quotes(line: str, expected: list[str]) -> None:
    assert sentences_of(line) == expected


def test_a_heading_without_full_stop_does_not_merge() -> None:
    document = document_from_text("Ceasefire talks stall\nThe ministers left Geneva. No date was set.\n", "t.txt")
    assert [b.kind for b in document.blocks] == ["heading", "paragraph"]
    assert [document.sentence_text(s) for s in document.sentences] == [
        "Ceasefire talks stall",
        "The ministers left Geneva.",
        "No date was set.",
    ]
    assert [s.citation for s in document.sentences] == ["¶1.1", "¶2.1", "¶2.2"]


def test_a_line_break_always_ends_a_sentence() -> None:
    # page layout broke a sentence across lines: cut at the line break anyway (GUIDELINES 0)
    assert sentences_of("The minister said that the\ndeal was close.") == ["The minister said that the", "deal was close."]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Turkey’s Role in Peacekeeping Talks", True),
        ("2024 in review", True),
        ("The ministers left Geneva.", False),
        ("what lower case lines are", False),
        ("Is this a question?", False),
        ("U.S. Senate passes budget deal", True),  # an abbreviation ends no sentence
        ("The rocket clears the tower. Credit: Halcyon Launch Systems", False),  # a caption and its credit
        ("A long line that has no final stop but goes on and on well beyond fourteen words in all", False),
        ("   ", False),
    ],
)
def test_looks_like_heading(line: str, heading: bool) -> None:
    assert looks_like_heading(line) is heading


def test_known_headings_override_detection() -> None:
    text = "Short line\nAnother short line\n"
    blocks, _ = split_blocks(text, {1: 3})
    assert [(b.kind, b.level) for b in blocks] == [("paragraph", 0), ("heading", 3)]


def test_offsets_are_trimmed_and_inside_blocks() -> None:
    text = "  Indented heading  \n\n   First one.   Second one.  \n\t\nLast line here.\n"
    document = document_from_text(text, "t.txt")
    assert [document.sentence_text(s) for s in document.sentences] == [
        "Indented heading",
        "First one.",
        "Second one.",
        "Last line here.",
    ]
    for block in document.blocks:
        inner = document.sentences[block.first_sentence : block.last_sentence + 1]
        assert inner[0].start == block.start and inner[-1].end == block.end
        assert all(s.block == block.number for s in inner)
        assert [s.number for s in inner] == list(range(1, len(inner) + 1))


def _keys(document: Document) -> list[str]:
    return [s.key for s in document.sentences]


def test_duplicated_paragraph_has_distinct_stable_keys(tmp_path) -> None:
    paragraph = "Officials said the talks would resume. Nobody expects a deal soon."
    path = tmp_path / "dup.txt"
    path.write_text(f"Harbour talks\n\n{paragraph}\n\nIn between.\n\n{paragraph}\n", encoding="utf-8")
    first, second = load_document(str(path)), load_document(str(path))
    keys = _keys(first)
    assert len(set(keys)) == len(keys)  # the two copies differ
    assert keys == _keys(second)  # stable across loads
    texts = [first.sentence_text(s) for s in first.sentences]
    assert texts[1] == texts[4] and keys[1] != keys[4]
    # content-derived: editing elsewhere does not move the keys of unchanged sentences
    path.write_text(f"Harbour talks, updated\n\n{paragraph}\n\nIn between.\n\n{paragraph}\n", encoding="utf-8")
    assert _keys(load_document(str(path)))[1:] == keys[1:]


def test_splitter_name_carries_the_version() -> None:
    document = document_from_text("One. Two.", "t.txt")
    assert document.splitter == splitter_name()
    assert document.splitter.startswith(f"briefing-splitter/{SPLITTER_VERSION}+sentencex/")


def test_sentencex_version_is_the_installed_one_without_importlib_metadata() -> None:
    """The version comes from the dist-info directory's name, the same as importlib.metadata's, and
    loading a document does not import importlib.metadata (its imports would delay the first frame)."""
    import subprocess
    import sys
    from importlib.metadata import version

    from briefing.loading.segment import sentencex_version

    assert sentencex_version() == version("sentencex")
    assert splitter_name().endswith(f"+sentencex/{version('sentencex')}")
    code = (
        "import sys; from briefing.loading import load_document; "
        f"load_document({str(SAMPLE)!r}); print('importlib.metadata' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


_PIECES = list("abcXYZ .!?\"')(\n\t…“”\r\x00") + ["U.S.", "Dr.", "2.5", " said ", "Ms. ", "1. ", "hikes.Governor"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_sentence_invariants(raw: str) -> None:
    if not canonical_text(raw).strip():
        return
    document = document_from_text(raw, "t.txt")
    text = document.text
    previous_end = -1
    for sentence in document.sentences:
        piece = text[sentence.start : sentence.end]
        assert piece and piece == piece.strip()
        assert "\n" not in piece  # a line break always ends a sentence
        assert sentence.start >= previous_end  # ordered, no overlap
        previous_end = sentence.end
        block = document.block_of(sentence)
        assert block.start <= sentence.start and sentence.end <= block.end
    # every non-blank character of the text belongs to a sentence
    covered = sum(1 for i, ch in enumerate(text) if not ch.isspace() and document.sentence_at(i) is None)
    assert covered == 0


def test_a_caption_with_its_credit_is_two_sentences() -> None:
    assert sentences_of("The rocket clears the tower at the spaceport. Credit: Halcyon Launch Systems\n") == [
        "The rocket clears the tower at the spaceport.", "Credit: Halcyon Launch Systems"]
