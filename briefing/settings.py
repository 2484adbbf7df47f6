"""The reader's small settings file: theme and reading positions. No Textual here.

Location: ``$BRIEFING_CONFIG_DIR/settings.json`` if that variable is set, else
``<user config dir>/briefing/settings.json`` (platformdirs). The file is versioned JSON, written
atomically; a file that cannot be read counts as empty (settings only cost a preference).

Reading positions are keyed by ``Document.doc_id`` and store the sentence's content-derived key
and its index, so a position survives small edits elsewhere in the text.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

SETTINGS_VERSION = 1
MAX_POSITIONS = 500  # oldest reading positions are forgotten beyond this


def config_dir() -> Path:
    env = os.environ.get("BRIEFING_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import PlatformDirs

    return Path(PlatformDirs("briefing", appauthor=False).user_config_dir)


def settings_path() -> Path:
    return config_dir() / "settings.json"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.data: dict[str, Any] = {"version": SETTINGS_VERSION, "theme": None, "positions": {}}
        self.load()

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict) or data.get("version") != SETTINGS_VERSION:
            return
        if isinstance(data.get("theme"), str):
            self.data["theme"] = data["theme"]
        if isinstance(data.get("positions"), dict):
            self.data["positions"] = data["positions"]

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.data, fh, ensure_ascii=False, indent=1)
            os.replace(tmp, self.path)
        except OSError:
            return

    @property
    def theme(self) -> str | None:
        return self.data.get("theme")

    @theme.setter
    def theme(self, name: str) -> None:
        self.data["theme"] = name

    def position(self, doc_id: str) -> dict[str, Any] | None:
        pos = self.data["positions"].get(doc_id)
        return pos if isinstance(pos, dict) else None

    def set_position(self, doc_id: str, sentence: int, key: str) -> None:
        positions: dict[str, Any] = self.data["positions"]
        positions.pop(doc_id, None)
        positions[doc_id] = {"sentence": sentence, "key": key}
        while len(positions) > MAX_POSITIONS:
            positions.pop(next(iter(positions)))


def restore_sentence(document, saved: dict[str, Any] | None) -> int:
    """The sentence index to reopen at: by key first (content-derived), else the stored index."""
    if not saved:
        return 0
    key = saved.get("key")
    if key:
        for s in document.sentences:
            if s.key == key:
                return s.index
    index = saved.get("sentence")
    if isinstance(index, int) and 0 <= index < len(document.sentences):
        return index
    return 0
