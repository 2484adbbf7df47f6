"""States by name, code, demonym, capital or seat of government: which country a surface form stands for.

Data: country names and official names from ``pycountry``; common English names, alternative
spellings, capitals and demonyms from ``countryinfo`` (MIT); what neither has (seats such as the Kremlin,
everyday names such as "Britain", the letter codes the news uses such as "UK") from
``lexicons/places.toml``. Everything is loaded lazily, on the first lookup, and cached for the process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.analysis import lexicons

_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_LEADING_THE = re.compile(r"^the\s+", re.I)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, accents removed, curly apostrophes straightened, spaces folded: the key of a name."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def base_form(surface: str) -> str:
    """A name without its possessive ending ("Turkey's" -> "Turkey") and outer punctuation."""
    s = surface.strip().strip(",;:\"“”()[]")
    if s.endswith(("s'", "s’")):
        return s[:-1]
    return _POSSESSIVE.sub("", s).strip()


@dataclass(frozen=True, slots=True)
class StateMatch:
    name: str  # canonical country name ("United States")
    how: str  # name | code | demonym | capital | seat


@dataclass(frozen=True, slots=True)
class _Tables:
    names: dict[str, str]  # folded name -> canonical
    codes: dict[str, str]  # upper-case code without dots -> canonical
    demonyms: dict[str, str]  # folded demonym -> canonical
    capitals: dict[str, str]  # folded capital -> canonical
    seats: dict[str, str]  # folded seat -> canonical


@cache
def _tables() -> _Tables:
    import pycountry
    from countryinfo._cache import load_countries

    countries = load_countries()["countries"].values()
    by_alpha2: dict[str, str] = {}
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    demonyms: dict[str, tuple[int, str]] = {}
    capitals: dict[str, tuple[int, str]] = {}
    for info in countries:
        canonical = info.get("name")
        iso = info.get("ISO") or {}
        if not canonical or not iso.get("alpha2") or not info.get("capital"):
            continue  # no capital, no government: Antarctica, uninhabited islands
        pop = int(info.get("population") or 0)
        by_alpha2[iso["alpha2"]] = canonical
        names.setdefault(fold(canonical), canonical)
        for alt in info.get("altSpellings") or ():
            if not (len(alt) <= 4 and alt.isupper()):
                names.setdefault(fold(alt), canonical)
        dem = info.get("demonym") or ""
        dem = dem.strip() if isinstance(dem, str) else ""
        if dem and pop >= demonyms.get(fold(dem), (-1, ""))[0]:
            demonyms[fold(dem)] = (pop, canonical)
        cap = info.get("capital") or ""
        cap = (cap[0] if isinstance(cap, list) and cap else cap if isinstance(cap, str) else "")
        cap = cap.replace(" D.C.", "").strip()
        if cap and fold(cap) != fold(canonical) and pop >= capitals.get(fold(cap), (-1, ""))[0]:
            capitals[fold(cap)] = (pop, canonical)
    for c in pycountry.countries:
        canonical = by_alpha2.get(c.alpha_2)
        if canonical is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(fold(value), canonical)
    places = lexicons.load("places")
    for name, canonical in places["short_names"]["map"].items():
        names[fold(_LEADING_THE.sub("", name))] = canonical
    dem_final = {k: v for k, (_, v) in demonyms.items()}
    for name, canonical in places["demonyms_extra"]["map"].items():
        if name.isupper() or "." in name:
            continue
        dem_final[fold(name)] = canonical
    seats = {fold(k): v for k, v in places["seats"]["map"].items()}
    cap_final = {k: v for k, (_, v) in capitals.items()}
    for name, canonical in places["seats_non_capital"]["map"].items():
        cap_final[fold(name)] = canonical
    for name in places["not_seats"]["words"]:
        cap_final.pop(fold(name), None)
    # country codes: only those the news writes for a state (places.toml [codes]); ISO codes are mostly words
    # or agencies there ("IT", "NO", "MDA", "ISR", "CAN")
    for code, canonical in places["codes"]["map"].items():
        codes[code] = canonical
    return _Tables(names, codes, dem_final, cap_final, seats)


@cache
def lookup(surface: str) -> StateMatch | None:
    """The state a surface form names, by name, code, capital or seat (demonyms: ``demonym``)."""
    s = base_form(surface)
    if not s:
        return None
    t = _tables()
    s = _LEADING_THE.sub("", s)
    compact = s.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 4 and compact.isalpha():
        hit = t.codes.get(compact)
        return StateMatch(hit, "code") if hit else None
    key = fold(_LEADING_THE.sub("", s))
    if key in t.names:
        return StateMatch(t.names[key], "name")
    if key in t.seats:
        return StateMatch(t.seats[key], "seat")
    if key in t.capitals:
        return StateMatch(t.capitals[key], "capital")
    return None


@cache
def demonym(word: str) -> str | None:
    """The state of a nationality adjective or noun ("Turkish", "Russians", "U.S."), or None."""
    s = base_form(word)
    compact = s.replace(".", "")
    if compact.isupper() and 2 <= len(compact) <= 4:
        return _tables().codes.get(compact)
    key = fold(s)
    t = _tables()
    if key in t.demonyms:
        return t.demonyms[key]
    if key.endswith("s") and key[:-1] in t.demonyms:  # "Russians", "Americans"
        return t.demonyms[key[:-1]]
    return None
