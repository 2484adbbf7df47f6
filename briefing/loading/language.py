"""A warning when a text is clearly not English (the analysis model is English).

Two steps, so that English texts never pay for a language model:

1. A stopword ratio on the first ``SAMPLE_CHARS`` characters: the share of words that are common
   English function words ("the", "of", "and", "said", ...). English news prose scores about
   0.3-0.45; German, French, Spanish, Russian, Chinese and the like score below 0.05. A ratio of at
   least ``ENGLISH_RATIO`` means English, and nothing else runs (no import, no cost).
2. Otherwise py3langid (a maintained fork of langid.py; its model takes about half a second to
   load, imported lazily) classifies the sample. Only a non-English verdict with a probability of
   at least ``MIN_PROBABILITY`` gives a warning, so lists of names, tables of figures and very
   short texts (fewer than ``MIN_LETTERS`` letters) stay silent.
"""

from __future__ import annotations

import functools
import re

SAMPLE_CHARS = 5000
MIN_LETTERS = 100
ENGLISH_RATIO = 0.12
MIN_PROBABILITY = 0.9

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ENGLISH = frozenset(
    """a about after against all also an and any are as at be been before between both but by
    can could did do does for from had has have he her his how i if in into is it its more most
    no not of on one only or other our out over said says she should so some such than that the
    their them there these they this those to under up was we were what when where which while
    who will with would you""".split()
)


def english_ratio(sample: str) -> tuple[float, int]:
    """(share of English function words among the words, number of letters) of ``sample``."""
    words = _WORD.findall(sample.lower())
    letters = sum(len(w) for w in words)
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in _ENGLISH)
    return hits / len(words), letters


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_name(code: str) -> str:
    try:
        import pycountry

        found = pycountry.languages.get(alpha_2=code)
    except (ImportError, LookupError, KeyError):
        found = None
    return found.name if found is not None else code


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of a text that is probably not English, else None."""
    sample = text[:SAMPLE_CHARS]
    ratio, letters = english_ratio(sample)
    if letters < MIN_LETTERS or ratio >= ENGLISH_RATIO:
        return None
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


def language_warning(text: str) -> str | None:
    """A one-line warning if ``text`` is clearly not English, else None."""
    found = detect_language(text)
    if found is None:
        return None
    code, probability = found
    if code == "en" or probability < MIN_PROBABILITY:
        return None
    return f"the text looks like {language_name(code)} ({code}), but the analysis model is English"
