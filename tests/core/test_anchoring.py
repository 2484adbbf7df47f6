"""Re-anchoring by quote and context (W3C TextQuoteSelector), with examples and properties."""

from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

from briefing.anchoring import CONTEXT_THRESHOLD, UNIQUE_QUOTE_MIN_CHARS, anchor, make_selector

TEXT = (
    "Ankara said it would send troops. Kyiv welcomed the offer. "
    "Moscow said nothing. Ankara said it would send troops. The talks end on Friday."
)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def test_unchanged_text_is_exact() -> None:
    sel = make_selector(TEXT, *span(TEXT, "Kyiv welcomed"))
    p = anchor(sel, TEXT)
    assert (p.start, p.end, p.status) == (sel.start, sel.end, "exact")


def test_a_repeated_sentence_keeps_its_own_occurrence_after_an_edit_before_it() -> None:
    sel = make_selector(TEXT, *span(TEXT, "Ankara said it would send troops.", nth=1))
    edited = "Breaking. " + TEXT.replace("Kyiv welcomed", "Kyiv, asked twice, warmly welcomed")
    p = anchor(sel, edited)
    assert p.status == "moved"
    assert (p.start, p.end) == span(edited, "Ankara said it would send troops.", nth=1)
    # its prefix rewritten: still the second one, attached by similar context
    edited = "Breaking. " + TEXT.replace("Moscow said nothing.", "Moscow, asked, said nothing.")
    p = anchor(sel, edited)
    assert p.status == "fuzzy"
    assert (p.start, p.end) == span(edited, "Ankara said it would send troops.", nth=1)


def test_identical_windows_are_told_apart_by_their_order() -> None:
    text = "Intro. A same B. Middle. A same B. End."
    sel = make_selector(text, *span(text, "same", nth=1))
    assert (sel.occurrence, sel.occurrences) == (0, 1)  # the context differs ("Middle." vs "Intro.")
    text = "x A same B y A same B z"
    sel = make_selector(text, *span(text, "same", nth=1), context=3)
    assert (sel.occurrence, sel.occurrences) == (1, 2)
    edited = "new words " + text
    p = anchor(sel, edited)
    assert (p.start, p.end) == span(edited, "same", nth=1)


def test_a_quote_that_is_gone_is_orphaned_even_if_similar_text_remains() -> None:
    sel = make_selector(TEXT, *span(TEXT, "Kyiv welcomed the offer."))
    p = anchor(sel, TEXT.replace("Kyiv welcomed the offer.", "Kyiv welcomed an offer."))
    assert p.orphaned and (p.start, p.end) == (-1, -1)


def test_changed_context_attaches_fuzzily_above_the_threshold() -> None:
    sel = make_selector(TEXT, *span(TEXT, "said", nth=1))  # "Moscow said nothing" ("said" occurs 3 times)
    edited = TEXT.replace("Moscow said nothing.", "Moskva said nothing!")
    p = anchor(sel, edited)
    assert p.status == "fuzzy" and p.context_similarity >= CONTEXT_THRESHOLD
    assert edited[p.start - 7 : p.end] == "Moskva said"


def test_a_short_repeated_quote_whose_context_is_gone_is_orphaned_not_guessed() -> None:
    text = "aaaa said bbbb. cccc said dddd."
    sel = make_selector(text, *span(text, "said"), context=5)
    p = anchor(sel, "xxxx said yyyy. zzzz said wwww.")
    assert p.orphaned


def test_a_long_unique_quote_survives_rewritten_neighbours() -> None:
    quote = "Kyiv welcomed the offer."
    assert len(quote) >= UNIQUE_QUOTE_MIN_CHARS
    sel = make_selector(TEXT, *span(TEXT, quote))
    edited = "Entirely new opening words here! " + quote + " Completely different ending now."
    p = anchor(sel, edited)
    assert p.status == "fuzzy" and edited[p.start : p.end] == quote


# ----------------------------------------------------------------------------- properties
WORDS = ["Ankara", "said", "troops", "Kyiv", "the", "offer", "would", "send", ".", ",", "talks", "no"]
words_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
long_text = st.lists(st.sampled_from(WORDS), min_size=20, max_size=150).map(" ".join)
# a passage repeated (A B A ...): identical quote *and* context in several places
repeated = st.tuples(words_text, words_text, st.integers(2, 3)).map(lambda t: (" " + t[1] + " ").join([t[0]] * t[2]))
texts = st.one_of(long_text, repeated)


def _apply_edit(text: str, es: int, ee: int, ins: str) -> str:
    return text[:es] + ins + text[ee:]


def _windows(text: str, window: str) -> list[int]:
    out, i = [], text.find(window)
    while i >= 0:
        out.append(i)
        i = text.find(window, i + 1)
    return out


@settings(max_examples=400, deadline=None)
@given(data=st.data(), text=texts, ins=st.one_of(st.just(""), words_text, st.text(max_size=20)))
def test_property_surviving_quote_and_context_reattach_to_that_occurrence(data, text: str, ins: str) -> None:
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)), label="end")
    sel = make_selector(text, start, end)
    ws, we = start - len(sel.prefix), end + len(sel.suffix)
    where = data.draw(st.sampled_from(["before", "after", "anywhere"]), label="edit where")
    lo, hi = {"before": (0, ws), "after": (we, len(text)), "anywhere": (0, len(text))}[where]
    es = data.draw(st.integers(lo, hi), label="edit start")
    ee = data.draw(st.integers(es, min(hi, es + 30)), label="edit end")
    edited = _apply_edit(text, es, ee, ins)
    p = anchor(sel, edited)

    # always: an attached span holds exactly the quote
    if not p.orphaned:
        assert edited[p.start : p.end] == sel.exact

    window = sel.prefix + sel.exact + sel.suffix
    untouched = ee <= ws or es >= we
    old_windows = _windows(text, window)
    none_destroyed = all(ee <= o or es >= o + len(window) for o in old_windows)
    none_created = len(_windows(edited, window)) == len(old_windows)
    if untouched and none_destroyed and none_created:
        event("quote and context survive" + (" (in a repeated passage)" if len(old_windows) > 1 else ""))
        expected = start + len(ins) - (ee - es) if ee <= ws else start
        assert not p.orphaned
        assert (p.start, p.end) == (expected, expected + len(sel.exact))
        assert p.status in ("exact", "moved")
    else:
        event("context touched or copies changed")


@settings(max_examples=400, deadline=None)
@given(data=st.data(), text=words_text, ins=st.one_of(st.just(""), words_text, st.text(max_size=20)))
def test_property_a_removed_quote_is_orphaned_never_attached_elsewhere(data, text: str, ins: str) -> None:
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)), label="end")
    # an edit that overlaps the quote
    es = data.draw(st.integers(max(0, start - 10), end - 1), label="edit start")
    ee = data.draw(st.integers(max(es, start + 1), min(len(text), end + 10)), label="edit end")
    sel = make_selector(text, start, end)
    edited = _apply_edit(text, es, ee, ins)
    p = anchor(sel, edited)
    if sel.exact not in edited:
        event("quote gone")
        assert p.orphaned and p.start == p.end == -1
    else:
        event("quote still somewhere")
        assert p.orphaned or edited[p.start : p.end] == sel.exact
