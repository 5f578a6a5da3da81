"""A participant's place outside the country the event's own phrase names is the
participant's: "inmates of a prison in Kandahar were captured in Pakistan" were captured in
Pakistan, though Kandahar, a town, is the more specific name.

The most specific place of a clause wins because an object's phrase usually narrows the
trigger's own ("hit the city of Tripoli in Lebanon"); a phrase that lies elsewhere does not
narrow it, it tells where someone was held, lives or serves.
"""

from __future__ import annotations

from gestae.engine.places.match import Match
from gestae.engine.places.resolver import Resolver
from gestae.engine.rules import declare

PARTICIPANT_ELSEWHERE = "place.participant-elsewhere"
# the kinds of place a participant's phrase gives: its locative phrase, the town on its site
# ("the inmates of Kandahar prison")
_PARTICIPANTS = frozenset({"argument", "site"})
declare(
    PARTICIPANT_ELSEWHERE,
    """A place on one of the event's participants ("the inmates of a prison in Kandahar") or
    on their site ("the inmates in Kandahar prison") that lies outside every country the
    trigger's own locative phrase names ("were captured in Pakistan") does not narrow the
    event's place: the trigger's own phrase is the place. Only a country named on the trigger
    counts (a town's namesakes make its country a guess), and places acted on ("shelled
    Kandahar from positions in Pakistan") are no participants' and stay.

    Example: Nearly all the inmates in Kandahar prison were captured in Pakistan.
    """,
    __name__,
)


def drop_elsewhere(pool: list[tuple[str, Match]], resolver: Resolver) -> list[tuple[str, Match]]:
    """The clause's places without the participants' ones that lie outside the countries its
    own locative phrases name; the kept phrase that wins then carries the rule's note."""
    # only a country: namesakes make the country of a town or province a guess ("Santa
    # Cruz", "Palmasola"), while a country named is the one meant
    own = [
        m for kind, m in pool if kind == "locative" and m.entry and m.entry.precision == "country"
    ]
    countries = {m.known.country for m in own if m.known is not None}
    if not countries:
        return pool
    kept = [
        (kind, m)
        for kind, m in pool
        if kind not in _PARTICIPANTS
        or m.known is None
        or not m.known.country
        or m.known.country in countries
    ]
    if len(kept) < len(pool):
        for match in own:
            resolver.notes.setdefault((match.start, match.end), PARTICIPANT_ELSEWHERE)
    return kept
