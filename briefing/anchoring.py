"""Anchoring annotations to text that may have changed (the W3C TextQuoteSelector approach).

An annotation remembers its span as a :class:`Selector`: offsets (a TextPositionSelector), the exact
quote, up to ``CONTEXT_CHARS`` (32) characters of prefix and suffix (a TextQuoteSelector, as
Hypothesis stores them), and which occurrence of ``prefix + exact + suffix`` it was among the
identical ones in the text it was made on (``occurrence`` of ``occurrences``).

:func:`anchor` re-attaches a selector to a (possibly edited) text:

1. The quote must survive **exactly**. Only occurrences of ``exact`` are candidates; if there is
   none the annotation is ``orphaned``: kept and shown as such, never attached elsewhere. Fuzzy
   matching is only ever used on the *context*, to choose among exact occurrences of the quote.
2. Occurrences whose prefix and suffix both match exactly are *full* matches. One full match: that
   is the annotation's place (status ``exact`` at the same offsets, ``moved`` otherwise). Several
   (a repeated passage): when the text still has as many full matches as the original had, the
   ``occurrence``-th one is chosen (edits elsewhere keep the order); otherwise the one nearest
   the old offset.
3. No full match: each occurrence's context is compared with ``difflib.SequenceMatcher`` (ratio of
   the stored prefix against the same number of characters before it, likewise for the suffix,
   weighted by their lengths). The best occurrence is taken (status ``fuzzy``) when its context
   similarity is at least ``CONTEXT_THRESHOLD`` = 0.5 (ties: nearest the old offset).
4. Otherwise a quote of at least ``UNIQUE_QUOTE_MIN_CHARS`` (20) characters that occurs exactly
   once is still taken (``fuzzy``: a whole sentence whose neighbours were rewritten); a shorter or
   repeated quote whose context is gone is ``orphaned`` rather than guessed.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

CONTEXT_CHARS = 32
CONTEXT_THRESHOLD = 0.5
UNIQUE_QUOTE_MIN_CHARS = 20

Status = Literal["exact", "moved", "fuzzy", "orphaned"]


@dataclass(frozen=True, slots=True)
class Selector:
    """Where an annotation was made: offsets + exact quote + context (W3C Web Annotation)."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    occurrence: int = 0  # index of prefix+exact+suffix among its copies in the original text
    occurrences: int = 1  # how many copies the original text had (0: unknown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "occurrence": self.occurrence,
            "occurrences": self.occurrences,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Selector:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            exact=str(data["exact"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            occurrence=int(data.get("occurrence", 0)),
            occurrences=int(data.get("occurrences", 0)),
        )


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a selector lands in a given text (``start == end == -1`` when orphaned)."""

    start: int
    end: int
    status: Status
    context_similarity: float = 1.0

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


ORPHANED = Placement(-1, -1, "orphaned", 0.0)


def _find_all(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def make_selector(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Selector:
    """The selector of ``text[start:end]`` (a non-empty span)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"bad span {start}..{end} for a text of {len(text)} characters")
    prefix = text[max(0, start - context) : start]
    suffix = text[end : end + context]
    window_starts = _find_all(text, prefix + text[start:end] + suffix)
    own = start - len(prefix)
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=prefix,
        suffix=suffix,
        occurrence=window_starts.index(own),
        occurrences=len(window_starts),
    )


def _full_match(text: str, sel: Selector, at: int) -> bool:
    end = at + len(sel.exact)
    return (
        at >= len(sel.prefix)
        and text.startswith(sel.prefix, at - len(sel.prefix))
        and text.startswith(sel.suffix, end)
    )


def _context_similarity(text: str, sel: Selector, at: int) -> float:
    lp, ls = len(sel.prefix), len(sel.suffix)
    if lp + ls == 0:
        return 1.0
    end = at + len(sel.exact)
    score = 0.0
    if lp:
        score += lp * difflib.SequenceMatcher(None, sel.prefix, text[max(0, at - lp) : at], autojunk=False).ratio()
    if ls:
        score += ls * difflib.SequenceMatcher(None, sel.suffix, text[end : end + ls], autojunk=False).ratio()
    return score / (lp + ls)


def anchor(sel: Selector, text: str) -> Placement:
    """Re-attach ``sel`` to ``text`` (see the module docstring for the rules and thresholds)."""
    if not sel.exact:
        return ORPHANED
    n = len(sel.exact)
    # the common case: nothing moved
    if text.startswith(sel.exact, sel.start) and _full_match(text, sel, sel.start) and sel.occurrences <= 1:
        return Placement(sel.start, sel.start + n, "exact")
    candidates = _find_all(text, sel.exact)
    if not candidates:
        return ORPHANED

    def nearest(options: list[int]) -> int:
        return min(options, key=lambda at: (abs(at - sel.start), at))

    def placed(at: int, status: Status, similarity: float = 1.0) -> Placement:
        if status != "fuzzy":
            status = "exact" if at == sel.start else "moved"
        return Placement(at, at + n, status, similarity)

    full = [at for at in candidates if _full_match(text, sel, at)]
    if len(full) == 1:
        return placed(full[0], "exact")
    if full:
        if sel.occurrences == len(full) and 0 <= sel.occurrence < len(full):
            return placed(full[sel.occurrence], "exact")
        return placed(nearest(full), "exact")
    scored = [(_context_similarity(text, sel, at), at) for at in candidates]
    best = max(score for score, _ in scored)
    if best >= CONTEXT_THRESHOLD:
        tied = [at for score, at in scored if score >= best - 1e-9]
        return placed(nearest(tied), "fuzzy", best)
    if len(candidates) == 1 and n >= UNIQUE_QUOTE_MIN_CHARS:
        return placed(candidates[0], "fuzzy", best)
    return Placement(-1, -1, "orphaned", best)
