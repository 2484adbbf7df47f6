"""``briefing export``: the sample's golden briefing, reviews in the briefing, orphaned notes,
JSON, stdout, output paths and bad input.

The golden files are ``tests/data/export/sample.briefing.md`` and ``.json``. After a deliberate
change of the format, regenerate them and review the diff::

    BRIEFING_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/core/test_export.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_export_support import (
    DATA,
    EPOCH,
    check_golden,
    copy_sample,
    empty_analysis,
    fixed_clock,
    frozen_analysis,
    headings,
    inlines,
    section,
    seed_cache,
    stepping_clock,
    tokens,
)

from briefing import reviews as rv
from briefing.annotations import Notebook, add_annotation, quote_selector
from briefing.errors import BriefingError
from briefing.export import build_briefing, default_output_path, export_json, export_markdown, write_export
from briefing.loading import load_document
from briefing.store import Store
from tests.conftest import ok, one_line_error

ENV = {"BRIEFING_AUTHOR": "Ada", "SOURCE_DATE_EPOCH": str(EPOCH)}
SECTIONS = [
    ("h2", "Bottom line up front"),
    ("h2", "Actors"),
    ("h2", "Positions"),
    ("h2", "Open questions"),
    ("h2", "Analyst notes"),
]
NOTE_2 = "The deal *ended* in July 2023.\n# not a heading\n[not a link](http://e) | not a cell |"


def position(analysis, actor: str, cue: str):
    return next(p for p in analysis.positions if p.actor == actor and p.cue == cue)


def question(analysis, cue: str, citation_block: int, document):
    return next(q for q in analysis.questions if q.cue == cue and document.sentences[q.sentence].block == citation_block)


def review_sample(document, analysis, author: str = "Ben") -> None:
    """The golden briefing's reviews, through the core API (there is no review CLI)."""
    text = document.text
    with Store() as store:
        nb = Notebook(store, document, author=author, clock=stepping_clock())
        nb.review(rv.confirm(document, position(analysis, "Dmitry Peskov", "stated")))
        nb.review(rv.confirm(document, position(analysis, "Turkey", "insist")))
        nb.review(rv.reject(document, position(analysis, "Russia", "continues to resist")))
        nb.review(rv.reject(document, position(analysis, "United Kingdom", "expressed willingness")))
        nb.review(rv.reject(document, question(analysis, "possible", 1, document)))
        nb.review(rv.rename_actor(analysis.actor_by_id("a-5f04765aa470"), "European governments"))
        claim = "has privately discussed the possibility of sending troops to Ukraine"
        start = text.index(claim)
        nb.review(
            rv.add_position(
                document, start, start + len(claim), actor="Recep Tayyip Erdoğan", cue="discussed",
                content="the possibility of sending troops to Ukraine",
            )
        )  # fmt: skip
        sentence = "These discussions took place earlier this month in Ankara."
        start = text.index(sentence)
        nb.review(rv.add_question(document, start, start + len(sentence), cue="earlier this month", about="when exactly"))


def annotate_sample(run_cli, article: Path) -> None:
    """The golden briefing's notes, through ``briefing notes add`` processes."""
    name = article.name
    ok(run_cli("notes", "add", name, "--sentence", "¶12.2", "--tag", "key", "--note", "No date given for this statement.", cwd=article.parent, env=ENV))
    ok(run_cli("notes", "add", name, "--quote", "Black Sea grain deal", "--tag", "follow-up", "--tag", "contradiction", "--note", "-", input=NOTE_2, cwd=article.parent, env=ENV))
    ok(run_cli("notes", "add", name, "--sentence", "3", "--tag", "doubt", "--note", "Which negotiations?", cwd=article.parent, env=ENV))


@pytest.fixture
def sample(tmp_path: Path):
    """The sample copied to tmp_path, its frozen analysis in the cache: (path, document, analysis)."""
    article = copy_sample(tmp_path)
    document = load_document(str(article))
    analysis = frozen_analysis(document)
    seed_cache(document, analysis)
    return article, document, analysis


def test_golden_briefing_of_the_sample(run_cli, sample, tmp_path: Path) -> None:
    article, document, analysis = sample
    annotate_sample(run_cli, article)
    review_sample(document, analysis)

    result = run_cli("export", article.name, "-o", "out.md", cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "briefing: wrote out.md (1 document, 3 notes)\n"
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    check_golden(DATA / "sample.briefing.md", markdown)

    # the core function the reader calls gives the same text
    with Store() as store:
        core = export_markdown([(document, analysis)], store=store, clock=fixed_clock, base_dir=tmp_path)
    assert core == markdown

    # the structure a markdown parser sees: exactly the exporter's headings, no link/image/HTML
    assert headings(markdown)[0] == ("h1", "Briefing: Turkey ukraine peacekeeping")
    assert [h for h in headings(markdown) if h[0] == "h2"] == SECTIONS
    kinds = {t.type for t in tokens(markdown)} | {c.type for t in tokens(markdown) for c in t.children or ()}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "code_block", "fence", "blockquote_open"}
    texts = inlines(markdown)
    assert "[¶14.2] “Black Sea grain deal” — #follow-up #contradiction — Ada\n" + NOTE_2 in texts


def test_golden_json_of_the_sample(run_cli, sample, tmp_path: Path) -> None:
    """The JSON briefing, with the run-dependent values (note ids and times) normalised."""
    article, document, analysis = sample
    annotate_sample(run_cli, article)
    review_sample(document, analysis)
    out = ok(run_cli("export", article.name, "--format", "json", "-o", "-", cwd=tmp_path, env=ENV))
    data = json.loads(out)
    assert data["documents"][0]["source"] == str(article.resolve())
    for doc in data["documents"]:
        for note in doc["annotations"]:
            note["created"], note["updated"] = "<time>", "<time>"
    data["generator"] = "briefing <version>"
    text = json.dumps(data, ensure_ascii=False, indent=2).replace(str(article.resolve()), "<tmp>/" + article.name)
    text = text.replace(document.doc_id, "d-<doc>")
    ids: dict[str, str] = {}
    text = re.sub(r'"([nr])-[0-9a-f]{16}"', lambda m: ids.setdefault(m.group(), f'"{m.group(1)}-<{len(ids) + 1}>"'), text)
    check_golden(DATA / "sample.briefing.json", text + "\n")


def test_reviews_in_the_briefing(sample) -> None:
    """Rejected items are left out, confirmed ones marked, hand-added ones included, a rename shows."""
    _, document, analysis = sample
    review_sample(document, analysis)
    with Store() as store:
        markdown = export_markdown([(document, analysis)], store=store, clock=fixed_clock)
    positions = section(markdown, "Positions")
    questions = section(markdown, "Open questions")
    # rejected: gone from positions, questions and the bottom line
    assert "*continues to resist:*" not in markdown
    assert "### United Kingdom" not in positions and "— as “UK”" not in positions
    assert "[¶1.1]" not in questions and "*possible:*" not in questions
    # confirmed: marked, and first in the bottom line (ranked by confirmed positions)
    bluf = section(markdown, "Bottom line up front").strip().splitlines()[2:]
    assert bluf[0].startswith("- **Turkey:** “insist that Ankara will only join") and bluf[0].endswith("[¶7.1] — **confirmed**")
    assert bluf[1].startswith("- **Dmitry Peskov:** “stated that Moscow") and bluf[1].endswith("[¶12.2] — **confirmed**")
    assert "- *stated:* “Moscow is deeply concerned about NATO's discussions on peacekeeping missions in Ukraine” [¶12.2] — **confirmed**" in positions
    # added by hand
    assert "### Recep Tayyip Erdoğan\n\n- *discussed:* “the possibility of sending troops to Ukraine” [¶4.1] — *added by hand*" in positions
    assert "- *earlier this month:* “These discussions took place earlier this month in Ankara.” [¶5.1] — *added by hand*" in questions
    # renamed: the new name, the old one kept as an alias
    assert "| European governments | group | European allies, Several European nations | 2 |" in markdown
    assert "### European governments" in positions and "### European allies" not in positions
    assert "- **Reviews:** 2 confirmed, 3 rejected (left out), 2 added by hand, 1 actor change (rename, merge, alias)" in markdown
    # every quote is verbatim: a slice of the document's text
    for quote in re.findall(r"“([^”]*)”", section(markdown, "Positions") + section(markdown, "Bottom line up front")):
        assert quote in document.text, quote


def test_bottom_line_bullets_quote_positions_verbatim(sample) -> None:
    _, document, analysis = sample
    b = build_briefing([(document, analysis)], clock=fixed_clock)
    assert 3 <= len(b.bluf) <= 6
    ranks = [(-e.confirmed, -len(e.positions), -e.mentions) for e in b.actors]
    assert ranks == sorted(ranks)
    assert [x.actor.name for x in b.bluf] == [e.name for e in b.actors if e.positions][: len(b.bluf)]
    markdown = export_markdown([(document, analysis)], clock=fixed_clock)
    bullets = [t for t in inlines(section(markdown, "Bottom line up front"))][1:]
    assert len(bullets) == len(b.bluf)
    for text, bullet in zip(bullets, b.bluf):
        quote = re.search(r"“(.*)” \[(¶\d+\.\d+)\]", text)
        assert quote and quote.group(1) in document.text
        assert quote.group(2) == document.sentences[bullet.position.sentence].citation


def test_bottom_line_with_few_positions_takes_more_of_the_same_actors(tmp_path: Path) -> None:
    from test_export_support import hand_analysis

    from briefing.loading import document_from_text

    document = document_from_text(
        "Ankara said it would send troops. Ankara insisted the mission needs a mandate. Ankara would pay.\n",
        str(tmp_path / "a.txt"),
    )
    analysis = hand_analysis(
        document,
        [("Turkey", "state", ["Ankara"])],
        [("Turkey", "Ankara", "said", "it would send troops"), ("Turkey", "Ankara", "insisted", "the mission needs a mandate")],
    )
    b = build_briefing([(document, analysis)], clock=fixed_clock)
    assert [x.position.content for x in b.bluf] == ["it would send troops", "the mission needs a mandate"]
    none = build_briefing([(document, empty_analysis(document))], clock=fixed_clock)
    assert none.bluf == []
    assert "No stated positions were found." in export_markdown([(document, empty_analysis(document))], clock=fixed_clock)


def test_orphaned_notes_are_listed_apart(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Ankara said it would send troops. Kyiv welcomed the offer.\n\nMoscow said nothing.\n", encoding="utf-8")
    document = load_document(str(article))
    with Store() as store:
        kept = add_annotation(store, document, quote_selector(document, "Moscow said nothing."), note="kept", tags=["key"], author="Ada")
        lost = add_annotation(store, document, quote_selector(document, "Kyiv welcomed the offer."), note="gone", tags=["doubt"], author="Ada")
    article.write_text("Ankara said it would send troops. Kyiv rejected it.\n\nMoscow said nothing.\n", encoding="utf-8")
    edited = load_document(str(article))
    with Store() as store:
        b = build_briefing([(edited, empty_analysis(edited))], store=store, clock=fixed_clock)
        markdown = export_markdown([(edited, empty_analysis(edited))], store=store, clock=fixed_clock)
    assert [p.annotation.id for p in b.documents[0].placed_notes] == [kept.id]
    assert [p.annotation.id for p in b.documents[0].orphaned_notes] == [lost.id]
    notes = section(markdown, "Analyst notes")
    placed, orphaned = notes.split("### Orphaned notes")
    assert "- [¶2.1] “Moscow said nothing.” — #key — Ada\\\n  kept" in placed and "gone" not in placed
    assert "- “Kyiv welcomed the offer.” — #doubt — Ada\\\n  gone" in orphaned
    assert [h for h in headings(markdown) if h[0] == "h3"] == [("h3", "Orphaned notes")]


def test_json_briefing_schema(sample) -> None:
    _, document, analysis = sample
    review_sample(document, analysis)
    with Store() as store:
        add_annotation(store, document, quote_selector(document, "Black Sea grain deal"), note="n", tags=["key"], author="Ada")
        data = json.loads(export_json([(document, analysis)], store=store, clock=fixed_clock))
    assert data["format"] == "briefing-export" and data["version"] == 1
    assert data["generated"] == "2025-03-01T12:00:00Z" and data["apply_reviews_across"] is False
    (doc,) = data["documents"]
    assert doc["sha256"] == document.sha256 and doc["number"] == 1 and doc["source"] == document.source
    a = doc["analysis"]
    assert set(a) == {"document", "actors", "positions", "questions"}
    statuses = {p["actor"] + " " + p["cue"]: p["status"] for p in a["positions"]}
    assert statuses["Dmitry Peskov stated"] == "confirmed" and statuses["Recep Tayyip Erdoğan discussed"] == "added"
    assert statuses["Donald Trump ruled out"] == "extracted" and "Russia continues to resist" not in statuses
    assert sorted((r["kind"], r["cue"]) for r in doc["rejected"]) == [
        ("position", "continues to resist"), ("position", "expressed willingness"), ("question", "possible"),
    ]  # fmt: skip
    assert [r["op"] for r in doc["reviews"]] == [
        "confirm", "confirm", "reject", "reject", "reject", "rename_actor", "add_position", "add_question",
    ]  # fmt: skip
    assert {r["status"] for r in doc["reviews"]} == {"applied"} and doc["reviews_from_other_documents"] == []
    (note,) = doc["annotations"]
    assert note["quote"] == "Black Sea grain deal" and note["status"] == "exact" and note["citation"] == "¶14.2"
    assert note["tags"] == ["key"] and note["note"] == "n" and note["sentence"] == 17
    assert data["actors"][0]["name"] == "Turkey" and data["actors"][0]["confirmed"] == 1
    assert data["bluf"][0]["citation"] == "¶7.1" and data["bluf"][0]["quote"] in document.text


def test_a_review_whose_target_is_gone_is_reported_not_applied(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ankara said it would send troops.\n\nKyiv said it welcomed the offer.\n", encoding="utf-8")
    document = load_document(str(article))
    with Store() as store:
        nb = Notebook(store, document, author="Ada", clock=stepping_clock())
        nb.review(rv.add_question(document, 0, 33, cue="would", about="x"))
    article.write_text("Ankara said nothing.\n\nKyiv said it welcomed the offer.\n", encoding="utf-8")
    edited = load_document(str(article))
    with Store() as store:
        markdown = export_markdown([(edited, empty_analysis(edited))], store=store, clock=fixed_clock)
        data = json.loads(export_json([(edited, empty_analysis(edited))], store=store, clock=fixed_clock))
    assert "- **Reviews:** 1 review not applied (target no longer found)" in markdown
    assert [r["status"] for r in data["documents"][0]["reviews"]] == ["unapplied"]


# --------------------------------------------------------------------------- the CLI
def test_stdout_export_in_a_subprocess(run_cli, sample, tmp_path: Path) -> None:
    article, document, analysis = sample
    result = run_cli("export", article.name, "-o", "-", cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == export_markdown([(document, analysis)], clock=fixed_clock, base_dir=tmp_path)
    assert result.stdout.startswith("# Briefing: Turkey ukraine peacekeeping\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [article.name]  # nothing written


def test_default_output_path(run_cli, sample, tmp_path: Path) -> None:
    article, _, _ = sample
    result = run_cli("export", str(article), cwd=tmp_path, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "briefing: wrote turkey-ukraine-peacekeeping.briefing.md (1 document, 0 notes)\n"
    assert (tmp_path / "turkey-ukraine-peacekeeping.briefing.md").read_text(encoding="utf-8").startswith("# Briefing: ")
    # -o DIR: the default name inside DIR; -o X.json: JSON
    (tmp_path / "out").mkdir()
    ok(run_cli("export", article.name, "-o", "out", cwd=tmp_path, env=ENV))
    assert (tmp_path / "out" / "turkey-ukraine-peacekeeping.briefing.md").exists()
    ok(run_cli("export", article.name, "-o", "b.json", cwd=tmp_path, env=ENV))
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["format"] == "briefing-export"

    assert default_output_path(["a/b/report.html"], "md", tmp_path) == tmp_path / "report.briefing.md"
    assert default_output_path(["https://example.org/news/story.html?x=1"], "json") == Path("story.briefing.json")
    assert default_output_path(["https://example.org/"]) == Path("example.org.briefing.md")
    assert default_output_path(["-"]) == Path("stdin.briefing.md")
    assert default_output_path([str(tmp_path / "out")]) == Path("out.briefing.md")


def test_bad_input_is_one_line_and_loses_nothing(run_cli, sample, tmp_path: Path) -> None:
    article, _, _ = sample
    original = article.read_bytes()
    previous = tmp_path / "previous.md"
    previous.write_text("an earlier briefing\n", encoding="utf-8")

    one_line_error(run_cli("export", "missing.txt", "-o", "previous.md", cwd=tmp_path), "missing.txt")
    one_line_error(run_cli("export", article.name, "missing.txt", "-o", "previous.md", cwd=tmp_path), "missing.txt")
    assert previous.read_text(encoding="utf-8") == "an earlier briefing\n"  # a failed export keeps it

    one_line_error(run_cli("export", article.name, "-o", article.name, cwd=tmp_path), "refusing to overwrite")
    one_line_error(run_cli("export", article.name, "-o", f"./{article.name}", cwd=tmp_path), "refusing to overwrite")
    assert article.read_bytes() == original

    db = tmp_path / "store.json"
    ok(run_cli("notes", "--db", str(db), "add", article.name, "--sentence", "1", "--note", "x", cwd=tmp_path))
    saved = db.read_bytes() if db.exists() else b""
    one_line_error(run_cli("export", article.name, "--db", str(db), "-o", str(db), cwd=tmp_path), "refusing to overwrite")
    assert (db.read_bytes() if db.exists() else b"") == saved

    one_line_error(run_cli("export", article.name, "-o", "no/such/dir/x.md", cwd=tmp_path), "does not exist")
    one_line_error(run_cli("export", article.name, "--format", "pdf", cwd=tmp_path), "pdf")
    one_line_error(run_cli("export", cwd=tmp_path), "FILES")
    one_line_error(run_cli("export", article.name, "-o", "-", env={"SOURCE_DATE_EPOCH": "soon"}, cwd=tmp_path), "SOURCE_DATE_EPOCH")
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(run_cli("export", str(empty), cwd=tmp_path), "no readable files")


def test_notes_from_a_db_option_reach_the_briefing(run_cli, sample, tmp_path: Path) -> None:
    article, _, _ = sample
    db = tmp_path / "elsewhere.json"
    ok(run_cli("notes", "--db", str(db), "add", article.name, "--sentence", "¶7.1", "--tag", "key", "--note", "insist?", cwd=tmp_path, env=ENV))
    out = ok(run_cli("export", article.name, "--db", str(db), "-o", "-", cwd=tmp_path, env=ENV))
    assert "- [¶7.1] “However, Turkish officials insist" in out and "  insist?" in out
    out = ok(run_cli("export", article.name, "-o", "-", cwd=tmp_path, env=ENV))  # the default store has none
    assert "No notes." in out


def test_write_export_is_atomic_and_refuses_inputs(tmp_path: Path) -> None:
    target = tmp_path / "b.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert write_export("new\n", target) == target
    assert target.read_text(encoding="utf-8") == "new\n" and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]  # no temporary file left
    with pytest.raises(BriefingError, match="refusing to overwrite"):
        write_export("x", tmp_path / "b.md", inputs=[str(tmp_path / "." / "b.md")])
    with pytest.raises(BriefingError, match="directory"):
        write_export("x", tmp_path)
    assert target.read_text(encoding="utf-8") == "new\n"


def test_export_refuses_an_already_reviewed_analysis(sample) -> None:
    _, document, analysis = sample
    reviewed = rv.apply_reviews(analysis, document, [])
    with pytest.raises(TypeError):
        export_markdown([(document, reviewed)])
    with pytest.raises(BriefingError, match="given twice"):
        export_markdown([(document, analysis), (document, analysis)])


def test_export_modules_stay_light() -> None:
    """The exporter is core: no Textual, no spaCy, no parser imported by importing it."""
    import subprocess
    import sys

    modules = ["briefing.export", "briefing.export.markdown", "briefing.export.jsonfmt", "briefing.export_cli"]
    heavy = ["textual", "spacy", "markdown_it", "trafilatura", "httpx", "lxml", "tinydb"]
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_an_actor_added_by_hand_is_marked(sample) -> None:
    _, document, analysis = sample
    with Store() as store:
        Notebook(store, document, author="Ada", clock=stepping_clock()).review(rv.add_actor("Kremlin", "organization", ["the Kremlin"]))
        markdown = export_markdown([(document, analysis)], store=store, clock=fixed_clock)
        data = json.loads(export_json([(document, analysis)], store=store, clock=fixed_clock))
    assert "| Kremlin (added by hand) | organization | the Kremlin | 1 |" in markdown
    assert "- **Reviews:** 1 actor added by hand" in markdown
    assert {a["name"]: a["status"] for a in data["documents"][0]["analysis"]["actors"]}["Kremlin"] == "added"
    assert next(a for a in data["actors"] if a["name"] == "Kremlin")["added"] is True


def test_export_to_file_the_readers_call(sample, tmp_path: Path) -> None:
    """The one call the reader's export dialog makes: never over the document or the store."""
    from briefing.export import export_to_file

    article, document, analysis = sample
    with Store() as store:
        path = export_to_file([(document, analysis)], tmp_path / "b.json", fmt="json", store=store, clock=fixed_clock)
        assert json.loads(path.read_text(encoding="utf-8"))["documents"][0]["sha256"] == document.sha256
        for target in (article, store.path, Path(str(store.path) + ".journal")):
            before = target.read_bytes() if target.exists() else None
            with pytest.raises(BriefingError, match="refusing to overwrite"):
                export_to_file([(document, analysis)], target, store=store, clock=fixed_clock)
            assert (target.read_bytes() if target.exists() else None) == before
