"""The analysis cache: one JSON file per key in the user cache dir (``BRIEFING_CACHE_DIR`` overrides).

The key hashes the canonical text's sha256, the sentence splitter's name and version, the model's
name and version, spaCy's version and the analyser version, all read without importing spaCy, so a
cache hit never pays for spaCy. A file that cannot be read is ignored and removed; the cache is
never the annotation store.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from briefing.analysis.models import ModelSpec, spacy_version
from briefing.analysis.version import ANALYSER_VERSION
from briefing.model import Analysis, Document
from briefing.paths import cache_dir
from briefing.serialize import CONTRACT_VERSION, analysis_from_dict, analysis_to_dict

def cache_key(document: Document, spec: ModelSpec) -> str:
    parts = [
        f"text={document.sha256}",
        f"splitter={document.splitter}",
        f"model={spec.label}",
        f"spacy={spacy_version()}",
        f"analyser={ANALYSER_VERSION}",
        f"contract={CONTRACT_VERSION}",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}.json"


def load(key: str, document: Document | None = None) -> Analysis | None:
    path = _path(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        analysis = analysis_from_dict(data["analysis"], document.text if document is not None else None)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        path.unlink(missing_ok=True)
        return None
    if document is not None:
        analysis.source, analysis.title = document.source, document.title
    return analysis


def save(key: str, analysis: Analysis, document: Document) -> None:
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"key": key, "analysis": analysis_to_dict(analysis, document)}, ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, _path(key))
    except OSError:
        return  # a cache that cannot be written only costs time
