"""Which country a place name stands for: reads data/actors.yaml (countries' names, aliases and demonyms,
the capitals that act, under ``metonyms``, and the other seats of government, under ``capitals``); adds a
lookup from a place as written ("Astana", "Moldova", "Turkish" in "the Turkish capital") to a country id.

Events use it to find the country a visit goes to or a conference is held in ("arrived in Astana" ->
Kazakhstan), whether or not the text treats the capital as an actor.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..resources import load
from ..settings import DATA_DIR
from .names import fold


def place_country(place: str, data_dir: Path = DATA_DIR, capitals: bool = False) -> str | None:
    """The id of the country ``place`` names or is the acting capital of (with ``capitals``, any listed
    capital: a visit to a capital is a visit to its country, a meeting held there may be an organisation's);
    None for other places."""
    return _table(data_dir, capitals).get(fold(" ".join(place.split())).casefold())


@lru_cache(maxsize=8)
def _table(data_dir: Path, capitals: bool) -> dict[str, str]:
    data = load("actors.yaml", data_dir)
    table: dict[str, str] = {}
    seats = [*data.get("metonyms", {}).items(), *(data.get("capitals", {}).items() if capitals else ())]
    for capital_of, places in seats:
        for place in places:
            table.setdefault(fold(place).casefold(), capital_of)
    for country in data.get("countries", ()):
        for name in (country["name"], *country.get("aliases", ()), *country.get("demonyms", ())):
            table[fold(name).casefold()] = country["id"]
    return table
