"""Regenerate the key tables of docs/keys.md and README.md from the live bindings.

``python -m briefing.tui.docs`` (``make docs``). Tests fail when either file drifts from the
bindings the app runs with (tests/tui/test_docs.py, tests/test_readme.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BEGIN = "<!-- keys:begin (generated: make docs) -->"
END = "<!-- keys:end -->"
_BLOCK = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)


def readme_block(keys_md: str) -> str:
    """The README's key tables: docs/keys.md without its title, headings one level down."""
    lines = [line for line in keys_md.splitlines() if not line.startswith("# ") and not line.startswith("Generated ")]
    body = "\n".join("#" + line if line.startswith("## ") else line for line in lines).strip()
    return f"{BEGIN}\n{body}\n{END}"


def update(root: Path) -> None:
    from briefing.tui.commands import keys_markdown

    keys = keys_markdown()
    (root / "docs" / "keys.md").write_text(keys, encoding="utf-8")
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    if not _BLOCK.search(text):
        sys.exit(f"{readme}: no {BEGIN} ... {END} block")
    readme.write_text(_BLOCK.sub(lambda _: readme_block(keys), text), encoding="utf-8")


if __name__ == "__main__":
    update(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
