"""Places stage: decide which place phrase belongs to an event and resolve it to a place.

`phrases` says which phrases are places (and whether a name is a setting or a participant),
`resolver` turns a place phrase into a gazetteer entry (`gestae.resources.gazetteer`), and
`attach` holds the named rules that pick the place of one event. The words they rely on are
data (`data/places.yaml`).
"""

from __future__ import annotations

from gestae.engine.places.attach import PLACE_RULES, locate_event
from gestae.engine.places.phrases import is_place_phrase, named_place
from gestae.resources.gazetteer import (
    Gazetteer,
    PlaceDataError,
    PlaceEntry,
    load_fixed_places,
    normalize_name,
)

# The gazetteer names stay importable from here for the modules and tests that did so.
__all__ = [
    "PLACE_RULES",
    "Gazetteer",
    "PlaceDataError",
    "PlaceEntry",
    "is_place_phrase",
    "load_fixed_places",
    "locate_event",
    "named_place",
    "normalize_name",
]
