"""Untrusted text (article text, titles, actor names, notes, tags) made safe for Markdown.

Nothing that goes through :func:`inline` or :func:`lines` can add Markdown structure: no
heading, list, block quote, code block, table row, thematic break or setext underline, no link,
image, autolink, raw HTML, entity, emphasis, strikethrough, code span or math. Rendered, the
text reads exactly as it was (minus terminal control characters).

How (CommonMark allows a backslash before any ASCII punctuation, and GFM honours it in table
cells too):

* terminal control sequences and characters are removed first: ANSI/VT escape sequences (CSI,
  OSC, DCS ... whole), then every C0/C1 control but newline, and the bidirectional overrides
  that can make text display in another order than it reads (U+202A-202E, U+2066-2069);
* these characters are backslash-escaped wherever they stand: ``\\ ` * [ ] < > # | ~ $``, ``_``
  unless it stands between two letters or digits (``snake_case``: CommonMark never reads that
  as emphasis) and ``&`` when it starts something shaped like an entity (``&amp;``, ``&#60;``);
* at the start of a line (where a block could begin) also a leading ``-``, ``+``, ``=`` and the
  ``.`` or ``)`` of a leading number followed by a space (``1. x``, ``2) x``), and leading white
  space is dropped (no indented code);
* white space is folded: :func:`inline` makes one line (newlines become spaces, for headings,
  table cells and quotes); :func:`lines` keeps a note's lines, one escaped line each, for the
  caller to join with hard breaks (blank lines are dropped: a blank line would end the block).

Bare ``http://...`` stays plain text in CommonMark (GFM renderers may linkify it; that shows the
reader the same address the text holds); ``<http://e>`` becomes ``\\<http://e\\>``, no autolink.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), two-character escapes; and the 8-bit CSI (0x9b ...). A string sequence
# (OSC, DCS, ...) is removed whole only when it is terminated on its line; an unterminated one
# loses just its introducer, so it cannot swallow the text (and line breaks) after it.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b\n]*\x1b\\"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPECIAL = re.compile(r"[\\`*\[\]<>#|~$]|(?<![^\W_])_|_(?![^\W_])|&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(?:([-+=])|(\d{1,9})([.)])(?=\s|$))")


def strip_controls(text: str) -> str:
    """``text`` without terminal control sequences and characters (newlines kept as ``\\n``)."""
    text = _ANSI.sub("", str(text))
    text = _NEWLINES.sub("\n", text)
    return _CONTROLS.sub("", text.replace("\t", " "))


def _escape(text: str) -> str:
    text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), text)


def inline(text: str) -> str:
    """One line of safe Markdown text: controls gone, white space folded, specials escaped."""
    return _escape(" ".join(strip_controls(text).split()))


def lines(text: str) -> list[str]:
    """A multi-line text (a note) as safe Markdown lines; blank lines dropped."""
    out = []
    for line in strip_controls(text).split("\n"):
        line = " ".join(line.split())
        if line:
            out.append(_escape(line))
    return out


def plain(text: str) -> str:
    """What :func:`inline` renders as (for tests and for JSON-side comparisons)."""
    return " ".join(strip_controls(text).split())
