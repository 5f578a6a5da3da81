"""Goods a state's own force seizes at home ("Kenyan customs seized 300 rifles at Mombasa"):
taken from no one the text names, so the place's country, the seizer's own, is no target."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule

SEIZE_PROPERTY = "171"


@rule("record.home-seizure")
def home_seizure(draft: Draft) -> bool:
    """Property seized (171) in the seizer's own country is taken from whoever held it, whom
    the sentence does not name: the country where it happened is the seizer's own and no
    target (record.place-target stays for a seizure abroad: "Israeli forces seized land in
    the West Bank" is aimed at the Palestinians). True when so.

    Example: Kenyan customs officers seized 300 rifles at the port of Mombasa.
    """
    location = draft.location
    if draft.cameo != SEIZE_PROPERTY or location is None or not location.country:
        return False
    if location.country not in {a.country for a in draft.sources if a.country}:
        return False
    draft.trace.add("record.home-seizure", f"seized at home ({location.country}): no target")
    return True
