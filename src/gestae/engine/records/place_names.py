"""A town the tagger took for a person: "Rebels captured Goma", "troops entered Bakwa". The
small model often tags a town's name PERSON, and an unlisted person has no country, so the
act's target was a nameless "person" Goma. When the place rules read the same words as the
act's place, they name the town, and the target is the state it lies in."""

from __future__ import annotations

from gestae.engine.records.draft import Draft, state_of
from gestae.engine.rules import rule


@rule("record.place-named-target")
def place_named_target(draft: Draft) -> None:
    """A target read as an unlisted person whose words are the act's own place is that place:
    its state is the target, on the town's words.

    Example: Rebels captured Goma on Sunday.
    """
    location = draft.location
    if location is None or not location.country:
        return
    for index, target in enumerate(draft.targets):
        unlisted = target.kind == "person" and target.country is None and target.sector is None
        if unlisted and target.start == location.start and target.end == location.end:
            draft.targets[index] = state_of(
                location,
                location.country,
                "target: the town the act took, tagged a person's name",
                name=location.name,
            )
            draft.trace.add(
                "record.place-named-target", f"'{target.text}' is a place in {location.country}"
            )
