"""Where briefing keeps things (platformdirs), each overridable by an environment variable.

* the annotation store: ``BRIEFING_DB`` (or ``--db``), default ``<user data dir>/briefing.json``
* the analysis cache: ``BRIEFING_CACHE_DIR``, default ``<user cache dir>/analysis``

Caches never live in the annotation store's directory.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"


def _dirs():
    from platformdirs import PlatformDirs

    return PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(_dirs().user_data_dir)


def cache_dir() -> Path:
    env = os.environ.get("BRIEFING_CACHE_DIR")
    return Path(env).expanduser() if env else Path(_dirs().user_cache_dir) / "analysis"


def db_path(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get("BRIEFING_DB")
    return Path(env).expanduser() if env else data_dir() / "briefing.json"
