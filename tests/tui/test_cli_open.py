"""``briefing FILE`` / ``briefing open``: errors before the app starts are one line, exit status 2."""

from __future__ import annotations

from tui_support import SAMPLE


def test_missing_file_is_one_line_error(run_cli, tmp_path) -> None:
    out = run_cli(str(tmp_path / "nope.txt"))
    assert out.returncode == 2
    assert out.stderr.startswith("briefing: error:") and out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr


def test_unknown_model_is_refused_before_opening(run_cli) -> None:
    out = run_cli("open", "--model", "no_such_model_pkg", str(SAMPLE))
    assert out.returncode == 2
    assert "no_such_model_pkg" in out.stderr and "Traceback" not in out.stderr


def test_empty_directory_is_refused(run_cli, tmp_path) -> None:
    out = run_cli(str(tmp_path))
    assert out.returncode == 2
    assert "no readable files" in out.stderr


def test_open_help_documents_no_mouse(run_cli) -> None:
    out = run_cli("open", "--help")
    assert out.returncode == 0
    assert "--no-mouse" in out.stdout and "--model" in out.stdout


def test_open_takes_a_db_path(run_cli) -> None:
    out = run_cli("open", "--help")
    assert "--db PATH" in out.stdout and "BRIEFING_DB" in out.stdout
