"""``briefing notes add|list|rm`` in real processes, on a real store file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tests.conftest import ok, one_line_error

TEXT = """# Peacekeepers

Ankara said it would send troops. Kyiv welcomed the offer.

Moscow said nothing. Ankara said it would send troops.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_add_list_rm_round_trip(run_cli, article: Path) -> None:
    env = {"BRIEFING_AUTHOR": "Ada"}
    by_number = ok(run_cli("notes", "add", str(article), "--sentence", "3", "--tag", "key", "--tag", "Follow up", "--note", "check this", env=env)).strip()
    by_citation = ok(run_cli("notes", "add", str(article), "--sentence", "¶3.1", "--note", "-", input="line one\nline two\n", env=env)).strip()
    by_quote = ok(run_cli("notes", "add", str(article), "--quote", "Kyiv   welcomed", "--tag", "doubt")).strip()
    assert by_number.startswith("n-") and len({by_number, by_citation, by_quote}) == 3

    rows = json.loads(ok(run_cli("notes", "list", str(article), "--format", "json")))
    by_id = {r["id"]: r for r in rows}
    assert by_id[by_number]["quote"] == "Kyiv welcomed the offer." and by_id[by_number]["citation"] == "¶2.2"
    assert by_id[by_number]["sentence"] == 3 and by_id[by_number]["tags"] == ["key", "follow-up"]
    assert by_id[by_number]["author"] == "Ada" and by_id[by_number]["status"] == "exact"
    assert by_id[by_citation]["note"] == "line one\nline two" and by_id[by_citation]["quote"] == "Moscow said nothing."
    assert by_id[by_quote]["quote"] == "Kyiv welcomed"
    assert [r["id"] for r in rows] == [by_number, by_quote, by_citation]  # text order

    text = ok(run_cli("notes", "list", str(article)))
    assert f"{by_number}  ¶2.2  #key #follow-up" in text

    assert ok(run_cli("notes", "rm", by_quote[:8])).strip() == by_quote  # a unique prefix is enough
    rows = json.loads(ok(run_cli("notes", "list", str(article), "--format", "json")))
    assert {r["id"] for r in rows} == {by_number, by_citation}


def test_notes_follow_the_edited_file_and_orphans_are_listed(run_cli, article: Path) -> None:
    kept = ok(run_cli("notes", "add", str(article), "--quote", "Moscow said nothing.")).strip()
    gone = ok(run_cli("notes", "add", str(article), "--quote", "Kyiv welcomed the offer.")).strip()
    article.write_text("# Peacekeepers\n\nNew lead.\n\n" + TEXT.split("\n", 2)[2].replace("Kyiv welcomed the offer.", "Kyiv refused."))
    rows = {r["id"]: r for r in json.loads(ok(run_cli("notes", "list", str(article), "--format", "json")))}
    assert rows[kept]["citation"] == "¶4.1" and rows[kept]["status"] == "fuzzy"  # its prefix was edited
    assert rows[gone]["status"] == "orphaned" and rows[gone]["citation"] is None
    assert f"{gone}  orphaned" in ok(run_cli("notes", "list", str(article)))


def test_db_option_and_env(run_cli, article: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "notes.json"
    note_id = ok(run_cli("notes", "--db", str(other), "add", str(article), "--sentence", "2")).strip()
    assert other.exists()
    assert json.loads(ok(run_cli("notes", "list", str(article), "--format", "json"))) == []  # BRIEFING_DB
    rows = json.loads(ok(run_cli("notes", "list", str(article), "--format", "json", env={"BRIEFING_DB": str(other)})))
    assert [r["id"] for r in rows] == [note_id]
    assert Path(os.environ["BRIEFING_DB"]).parent != other.parent


@pytest.mark.parametrize(
    "args, needles",
    [
        (("notes", "add", "{article}"), ("exactly one of --sentence",)),
        (("notes", "add", "{article}", "--sentence", "2", "--quote", "Kyiv"), ("exactly one of",)),
        (("notes", "add", "{article}", "--sentence", "42"), ("sentence 42 does not exist", "1-5")),
        (("notes", "add", "{article}", "--sentence", "two"), ("bad sentence reference",)),
        (("notes", "add", "{article}", "--quote", "Ankara said"), ("occurs 2 times",)),
        (("notes", "add", "{article}", "--quote", "Paris"), ("not found",)),
        (("notes", "add", "{missing}", "--sentence", "1"), ("missing.txt",)),
        (("notes", "add"), ("Missing argument",)),
        (("notes", "list", "{article}", "--format", "xml"), ("xml",)),
        (("notes", "rm", "n-nothing"), ("no annotation", "n-nothing")),
        (("notes", "frobnicate"), ("No such command",)),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, article: Path, tmp_path: Path, args, needles) -> None:
    args = [a.format(article=article, missing=tmp_path / "missing.txt") for a in args]
    one_line_error(run_cli(*args), *needles)


def test_a_corrupt_store_is_one_line_naming_the_file(run_cli, article: Path) -> None:
    db = Path(os.environ["BRIEFING_DB"])
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_text("{ not json")
    err = one_line_error(run_cli("notes", "list", str(article)), str(db), "moved aside")
    assert "corrupt-" in err
    assert ok(run_cli("notes", "list", str(article))) == ""  # a new store next time
