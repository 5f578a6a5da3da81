"""Records of invented wire articles on exile and transnational repression
(tests/data/invented/exile.jsonl, our own writing) that must hold: "accusing them of" after an
expulsion accuses the diplomats expelled; "the activist", "the candidate" are the exiles named
before, not people of the host state; a revoked citizenship is aimed at its holders; "the
measure" condemned is the state's revocation, not the offer told after it; a high commissioner
recalled cuts ties with the host; people sheltering in an embassy give no help; bounties offered
are no offer to cooperate; "would respond in kind" is a threat; the asylum granted, the envoy
summoned and the conditional expulsion keep coding; and a sea lion evicted from a yacht codes
nothing."""

from __future__ import annotations

from typing import Any

import pytest

from gestae.schema import EventRecord
from tests.coding import dyad, invented_events, only_on


def _records(coder: Any, article_id: str) -> list[EventRecord]:
    return invented_events(coder, "exile", article_id)


def test_the_participle_accuses_the_diplomats_expelled(coder: Any) -> None:
    """e06: "Poland expelled three Russian diplomats on Wednesday, accusing them of organising
    the surveillance of ... dissidents"."""
    found = only_on(_records(coder, "e06"), "accusing")
    assert found.event_type == "ACCUSE"
    assert dyad(found) == ("POL", None, "RUS", "GOV")


@pytest.mark.parametrize(
    ("article_id", "trigger", "words", "country"),
    [
        ("e07", "detained", "The activist", "KHM"),
        ("e12", "met the candidate in", "the candidate", "VEN"),
    ],
)
def test_the_singular_noun_is_the_exile_named_before(
    coder: Any, article_id: str, trigger: str, words: str, country: str
) -> None:
    """e07 "a Cambodian opposition activist ... The activist ... was detained by Cambodian
    police"; e12 "a Venezuelan opposition candidate ... Sanchez met the candidate in Madrid"."""
    found = only_on(_records(coder, article_id), trigger)
    assert found.target is not None and found.target.text == words
    assert (found.target.country, found.target.sector) == (country, "OPP")


def test_a_revoked_citizenship_is_aimed_at_its_holders_and_condemned_as_their_state_s(
    coder: Any,
) -> None:
    """e03: "Nicaragua revoked the citizenship of 40 government critics ... Spain offered
    Spanish nationality to those affected. Costa Rica condemned the measure"."""
    records = _records(coder, "e03")
    revoked = only_on(records, "revoked")
    assert revoked.target is not None and revoked.target.text == "40 government critics"
    condemned = only_on(records, "condemned")
    assert dyad(condemned)[0] == "CRI" and dyad(condemned)[2] == "NIC"


def test_a_high_commissioner_recalled_cuts_ties_with_the_host(coder: Any) -> None:
    """e08: "Tanzania recalled its high commissioner to Nairobi for consultations"."""
    found = only_on(_records(coder, "e08"), "recalled")
    assert (found.event_type, found.cameo) == ("SANCTION", "161")
    assert dyad(found)[0] == "TZA" and dyad(found)[2] == "KEN"


def test_sheltering_in_an_embassy_gives_no_help(coder: Any) -> None:
    """e12: "The candidate had spent a month sheltering in the Dutch embassy in Caracas"."""
    records = _records(coder, "e12")
    assert [r for r in records if r.trigger.text == "sheltering"] == []
    assert dyad(only_on(records, "granted")) == ("ESP", None, "VEN", "OPP")


def test_bounties_are_no_offer_and_their_condemnation_is_aimed_at_the_police(coder: Any) -> None:
    """e09: "Hong Kong offers bounties for activists in Britain"; police "offered rewards ...
    for information leading to their capture"; "Britain's foreign secretary condemned the
    bounties"."""
    records = _records(coder, "e09")
    assert [r for r in records if r.event_type == "AGREE"] == []
    condemned = only_on(records, "condemned")
    assert dyad(condemned) == ("GBR", "GOV", "HKG", "COP")


def test_responding_in_kind_is_a_threat(coder: Any) -> None:
    """e06: "Moscow said it would respond in kind"."""
    found = only_on(_records(coder, "e06"), "respond in")
    assert found.event_type == "THREATEN"
    assert dyad(found)[0] == "RUS"


def test_asylum_summons_and_conditional_expulsion_keep_coding(coder: Any) -> None:
    """e01 "Lithuania has granted political asylum to Belarusian opposition activist Pavel
    Sauchuk"; e10 "Germany summoned Iran's ambassador on Tuesday", "Berlin will expel two
    Iranian diplomats if the sentence is carried out"."""
    granted = only_on(_records(coder, "e01"), "granted")
    assert (granted.event_type, dyad(granted)) == ("AID", ("LTU", None, "BLR", "OPP"))
    records = _records(coder, "e10")
    summoned = only_on(records, "summoned")
    assert (summoned.cameo, dyad(summoned)[2:]) == ("114", ("IRN", "GOV"))
    expel = only_on(records, "expel")
    assert expel.event_type == "THREATEN" and dyad(expel)[0] == "DEU"


def test_a_sea_lion_evicted_from_a_yacht_codes_nothing(coder: Any) -> None:
    """e16: a sea lion "evicted by harbour staff", seals "exiled from their colonies"."""
    assert _records(coder, "e16") == []
