"""Word lists of the extractors, kept as data (TOML), one table per word class with the reason it exists.

Files are read through ``importlib.resources`` so they ship inside the wheel; each is parsed once
per process (``functools.cache``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed ``<name>.toml`` of this package."""
    data = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(data)


@cache
def words(name: str, *classes: str, key: str = "words") -> frozenset[str]:
    """The union of ``key`` lists of the given classes (all classes when none is named), lower-cased."""
    table = load(name)
    chosen = classes or tuple(k for k, v in table.items() if isinstance(v, dict))
    out: set[str] = set()
    for c in chosen:
        out.update(w.lower() for w in table[c].get(key, ()))
    return frozenset(out)
