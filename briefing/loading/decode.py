"""Bytes to text: BOM, UTF-8, then charset detection; binary content refused.

Order, first match wins:

1. A byte-order mark (UTF-32, UTF-8, UTF-16) decides the encoding; the BOM is dropped.
2. Content with many NUL bytes (more than ``NUL_RATIO`` of the first ``SNIFF_BYTES`` and more than a
   few) is binary, unless charset-normalizer recognises it as BOM-less UTF-16/UTF-32 text.
   A text with a stray NUL byte or two is *not* binary: the NUL is dropped later by
   ``canonical_text``.
3. Strict UTF-8.
4. The charset declared by the transport (an HTTP ``Content-Type`` charset), when it decodes.
5. charset-normalizer's best guess (imported only here, so UTF-8 files never pay for it);
   a UTF-16/32 guess on content without NUL bytes is ignored (it is how charset-normalizer reads
   a few stray Latin-1 bytes). No plausible guess means binary content. Short English texts
   fit many single-byte code pages equally well (charset-normalizer may pick Baltic cp775 for
   "café"), so Windows-1252, the usual encoding of Western text (and what browsers read
   "latin-1" as), wins whenever charset-normalizer ranks it as plausible as its best guess
   (chaos within ``WESTERN_TOLERANCE``).

Whatever decodes must still look like text: more than ``CONTROL_RATIO`` (and more than a few)
control characters other than tab, newline, CR and form feed means binary.
"""

from __future__ import annotations

import codecs
import re

from briefing.errors import BriefingError

SNIFF_BYTES = 64 * 1024
NUL_RATIO = 0.01
NUL_MIN = 8
CONTROL_RATIO = 0.05
WESTERN = "cp1252"
WESTERN_TOLERANCE = 0.05

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def binary_error(source: str) -> BriefingError:
    return BriefingError(f"{source}: not a text file (binary content)")


def _nul_heavy(data: bytes) -> bool:
    sample = data[:SNIFF_BYTES]
    nuls = sample.count(0)
    return nuls > NUL_MIN and nuls > NUL_RATIO * len(sample)


def _check_text(text: str, source: str) -> str:
    sample = text[:SNIFF_BYTES]
    controls = len(_CONTROLS.findall(sample))
    if controls > NUL_MIN and controls > CONTROL_RATIO * len(sample):
        raise binary_error(source)
    return text


def _is_wide(encoding: str) -> bool:
    return encoding.replace("-", "_").lower().startswith(("utf_16", "utf_32"))


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode ``data`` read from ``source`` (named in errors); raise BriefingError if not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding), source)
            except UnicodeDecodeError:
                raise binary_error(source) from None
    nul_heavy = _nul_heavy(data)
    if not nul_heavy:
        try:
            return _check_text(data.decode("utf-8"), source)
        except UnicodeDecodeError:
            pass
        if declared:
            try:
                return _check_text(data.decode(declared), source)
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if _is_wide(m.encoding) == nul_heavy]
    if not matches:
        raise binary_error(source)
    best = matches[0]
    for match in matches:  # the Western default, when it is as plausible as the best guess
        if WESTERN in match.could_be_from_charset and match.chaos <= best.chaos + WESTERN_TOLERANCE:
            try:
                return _check_text(data.decode(WESTERN), source)
            except UnicodeDecodeError:
                break
    return _check_text(str(best), source)
