"""Shared fixtures: temporary cache and store for every test, the real spaCy model loaded once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed seed (the same examples every run); elsewhere they explore.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "turkey-ukraine-peacekeeping.txt"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
RECORDED = ROOT / "tests" / "data" / "sample.analysis.json"


def ok(result) -> str:
    """The stdout of a CLI run that must succeed."""
    assert result.returncode == 0, result.stderr
    return result.stdout


def actor_names(analysis) -> set[str]:
    return {a.name for a in analysis.actors}


def said_by(document, analysis, needle: str) -> set[str]:
    """The actors of the positions whose sentence holds ``needle``."""
    return {p.actor for p in analysis.positions if needle in document.text[p.start : p.end]}


def one_line_error(result, *needles: str) -> str:
    """A CLI run that must fail as promised: exit 2, one line on stderr, no traceback."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    err = result.stderr
    assert err.startswith("briefing: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err, err
    return err


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real cache or annotation store."""
    base = tmp_path_factory.mktemp("briefing-home")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("BRIEFING_DB", str(base / "data" / "briefing.json"))
    monkeypatch.delenv("BRIEFING_MODEL", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)  # tests that want it set it; Textual honours any value


@pytest.fixture(scope="session")
def model_spec():
    from briefing.analysis import resolve_model

    return resolve_model()


@pytest.fixture(scope="session")
def nlp(model_spec):
    """The real spaCy pipeline, loaded once per test session."""
    from briefing.analysis.models import load_nlp

    return load_nlp(model_spec)


@pytest.fixture(scope="session")
def analyse_text(model_spec, nlp):
    """Analyse a text string with the real model (no cache): returns (document, analysis)."""
    from briefing.analysis.pipeline import run_analysis
    from briefing.loading import document_from_text

    def run(text: str, source: str = "test.txt"):
        document = document_from_text(text, source)
        return document, run_analysis(document, spec=model_spec, nlp=nlp)

    return run


@pytest.fixture
def run_cli(tmp_path: Path):
    """Run ``python -m briefing ARGS`` in a subprocess; returns CompletedProcess (text)."""
    import subprocess

    def run(*args: str, input: str | None = None, cwd: Path | None = None, env: dict | None = None):
        full_env = dict(os.environ)
        full_env.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "briefing", *args],
            capture_output=True,
            text=True,
            input=input,
            cwd=cwd or tmp_path,
            env=full_env,
            timeout=300,
        )

    return run


@pytest.fixture(scope="session")
def installed_briefing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel, install it (not editable) in a fresh venv; returns that venv's bin directory.

    Slow (a minute or two, pip's cache helps): only for tests marked slow.
    """
    import subprocess
    import venv

    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheel = next(dist.glob("briefing-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / "bin"
    result = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return bin_dir
