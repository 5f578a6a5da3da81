"""People a "from <state>" phrase on their own noun makes that state's (actor.from-country),
where it applies, and where it must not (a place of travel, a town, several states); diplomats,
who serve abroad; a state backed ("pro-") or a tongue ("-speaking"), which is no country.
Invented articles that name two other states, so no context country hides the rule."""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding import events
from tests.test_actors import actor_for, codes

LEAD = "Officials in Ghana and Togo said "


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (LEAD + "two men from Benin were arrested on Monday.", "two men", [("BEN", "CVL")]),
        (LEAD + "police detained a woman from Benin on Monday.", "a woman", [("BEN", "CVL")]),
        (
            LEAD + "two nationals from Benin criticized the decision on Monday.",
            "two nationals",
            [("BEN", None)],
        ),
    ],
)
def test_from_country(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A place of travel is no nationality.
        (LEAD + "police detained a woman who had returned from Benin on Monday.", "a woman"),
        (LEAD + "police detained two women traveling from Benin on Monday.", "two women"),
        # A town tells nothing here, nor do several states.
        (LEAD + "two men from Cotonou were arrested on Monday.", "two men"),
        (LEAD + "two men from Benin and Niger were arrested on Monday.", "two men"),
    ],
)
def test_no_country_from(coder: Any, text: str, words: str) -> None:
    assert all(a.country != "BEN" for a in actor_for(coder, text, words))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # Diplomats serve abroad: with no country in their words they take neither the
        # place's nor the article's.
        ("Kenya and Uganda traded barbs. Diplomats met in Nairobi on Monday.", "met", None),
        # A demonym on them keeps theirs.
        (
            "Kenya and Uganda traded barbs. Kenyan diplomats met Ugandan officials in Kampala.",
            "met",
            "KEN",
        ),
    ],
)
def test_diplomats_from_elsewhere(
    coder: Any, text: str, trigger: str, expected: str | None
) -> None:
    sources = [r.source for r in events(coder, text) if r.trigger.text.startswith(trigger)]
    assert sources and all((s.country if s else None) == expected for s in sources)


@pytest.mark.parametrize(
    ("text", "words", "wrong"),
    [
        # actor.stance-modifier: the state after "pro-" is the side they back ...
        ("Kenya and Uganda met. Pro-Chinese activists criticized the mayor of Oslo.", "Pro", "CHN"),
        ("Kenya and Uganda met. Pro-Ghana protesters marched in Paris.", "Pro", "GHA"),
        # ... and one before "-speaking" the tongue they speak.
        ("Kenya and Uganda met. Turkish-speaking activists criticized Latvia.", "Turkish", "TUR"),
    ],
)
def test_stance_is_no_country(coder: Any, text: str, words: str, wrong: str) -> None:
    assert all(a.country != wrong for a in actor_for(coder, text, words))


def test_demonym_still_gives_country(coder: Any) -> None:
    text = "Kenya and Uganda met. Chinese activists criticized the mayor of Oslo."
    assert codes(actor_for(coder, text, "Chinese")) == [("CHN", "CVL")]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # actor.foreign-people: people the words put abroad take no country from the place,
        # the article or the state that holds them ...
        ("Kenyan police said gunmen kidnapped two foreigners near Lamu.", "kidnapped", None),
        ("Kenyan police arrested a foreign journalist on Monday.", "arrested", None),
        # ... while a demonym still gives theirs, and plain people keep the place's.
        ("Kenyan police said gunmen kidnapped two Somali nationals.", "kidnapped", "SOM"),
        ("Kenyan police said gunmen kidnapped two villagers near Lamu.", "kidnapped", "KEN"),
    ],
)
def test_foreign_people(coder: Any, text: str, trigger: str, expected: str | None) -> None:
    targets = [r.target for r in events(coder, text) if r.trigger.text == trigger]
    assert targets and all((t.country if t else None) == expected for t in targets)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # actor.outlet-country: only a state named on the outlet itself gives the journalist
        # a country; a listed outlet's home, a local outlet or a language do not.
        ("Kenya and Uganda met. Ugandan police arrested a Reuters reporter.", "arrested", None),
        ("Kenya and Uganda met. Police arrested a reporter for a local radio.", "arrested", None),
    ],
)
def test_outlet_gives_no_country(coder: Any, text: str, trigger: str, expected: str | None) -> None:
    targets = [r.target for r in events(coder, text) if r.trigger.text == trigger]
    assert all(t is None or t.country == expected for t in targets)
