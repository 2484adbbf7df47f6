"""Canonical text: the one string every offset in briefing refers to.

Rules, in order: CRLF and lone CR become LF; Unicode NFC; control characters are removed except
tab and newline (C0, DEL, C1: this also drops terminal escape sequences' ESC and BEL, so an article
cannot drive the terminal); explicit bidi embedding/override/isolate characters are removed
(U+202A-U+202E, U+2066-U+2069: "Trojan source" reordering). Nothing else is changed: double
spaces, curly quotes and typos stay as the source has them.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Remove terminal control characters (tab and newline kept) and bidi overrides."""
    return _CONTROL.sub("", text)


def canonical_text(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return strip_controls(text)
