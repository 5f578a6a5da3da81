"""Actors stage: noun phrases resolved to countries, sectors, persons and organizations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.engine.actors import DocActors
from gestae.schema import Actor


def resolve(coder: Any, text: str, published: date | None = date(2021, 11, 28)) -> DocActors:
    from gestae.schema import Article

    doc = coder.nlp(text)
    return coder.analyse(Article(id="t", text=text, published=published), doc)  # type: ignore[no-any-return]


def actor_for(
    coder: Any, text: str, words: str, published: date | None = date(2021, 11, 28)
) -> list[Actor]:
    """Actors of the mention that covers the first token of `words`."""
    found = resolve(coder, text, published)
    start = text.index(words)
    for mention in found.mentions:
        for actor in mention.actors:
            if actor.start <= start < actor.end:
                return mention.actors
    return []


def codes(actors: list[Actor]) -> list[tuple[str | None, str | None]]:
    return [(a.country, a.sector) for a in actors]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The British government condemned the decision.", "British", [("GBR", "GOV")]),
        # A body that runs elections is the state's, not a party's.
        ("Malawi's electoral commission rejected the appeal.", "electoral", [("MWI", "GOV")]),
        ("Russian police arrested three activists.", "Russian", [("RUS", "COP")]),
        ("Paris canceled the talks.", "Paris", [("FRA", "GOV")]),
        ("The Kremlin rejected the offer.", "Kremlin", [("RUS", "GOV")]),
        ("Nigerian troops attacked the camp.", "Nigerian", [("NGA", "MIL")]),
        ("France's foreign minister met the envoy.", "foreign", [("FRA", "GOV")]),
        ("Opposition lawmakers in Kenya walked out.", "Opposition", [("KEN", "OPP")]),
        ("Hamas militants fired rockets.", "Hamas", [("PSE", "REB")]),
        ("The European Union imposed new duties.", "European", [("EUR", "IGO")]),
        # A title held by a listed person's aide serves that person's state.
        ("Lula's special envoy arrived in Caracas.", "special", [("BRA", "GOV")]),
        # A field of work before a trade noun keeps the trade: firms, workers.
        ("Swedish defense firms won the contract.", "defense", [("SWE", "BUS")]),
        ("Greek government employees walked out.", "government", [("GRC", "LAB")]),
        ("Greek government troops entered the town.", "government", [("GRC", "MIL")]),
        # A mission is its sender's, never the host town's.
        ("Rioters attacked the embassy in Lima.", "embassy", [(None, "GOV")]),
        ("Rioters attacked the Chilean embassy in Lima.", "Chilean", [("CHL", "GOV")]),
        # A gang's people: the head word alone ("members") names no one.
        ("Gang members attacked a bus in Mirebalais.", "Gang", [(None, "CRM")]),
    ],
)
def test_noun_phrases_resolve(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Somali clan elders met the governor in Baidoa.", "Somali", [("SOM", "CVL")]),
        ("Bandits shot dead a Nigerian community leader.", "Nigerian", [("NGA", "CVL")]),
        ("Yemeni tribal leaders signed the truce.", "Yemeni", [("YEM", "CVL")]),
        # The plural of a multi-word title is that title.
        ("Kenyan police commissioners met in Nakuru.", "Kenyan", [("KEN", "COP")]),
    ],
)
def test_community_leaders_are_civilians(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    """A leader of a tribe, clan, village or community leads no state: CVL, not GOV."""
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Rebels ambushed Malian army units near Gao.", "Malian", [("MLI", "MIL")]),
        ("Gunmen fired on Egyptian police patrols in Sinai.", "Egyptian", [("EGY", "COP")]),
        ("Syrian jets struck rebel positions north of Hama.", "rebel", [("SYR", "REB")]),
        # Delegates speak for the state they come from.
        (
            "Delegates from Ethiopia and Eritrea met in Jeddah.",
            "Delegates",
            [("ETH", "GOV"), ("ERI", "GOV")],
        ),
    ],
)
def test_units_posts_and_delegates_resolve(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    """A unit, patrol or post is the force the word before it names (force_units); a
    delegate is of the state named after 'from'."""
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A body named by what it is: the side its word names, where "group" alone is nobody.
        ("A jihadist group ambushed a convoy near Gao.", "jihadist", [(None, "REB")]),
        ("An outlawed paramilitary group raided the village.", "outlawed", [(None, "REB")]),
        ("The terror cell planned the attack.", "terror", [(None, "REB")]),
        # Without an armed side's word a group is nobody.
        ("A group of tourists visited Luxor.", "group", []),
        ("An opposition group met in Minsk.", "opposition", []),
        # A body beside its name is that name's, not a second actor.
        ("The militant group Hamas fired rockets at Ashdod.", "militant", []),
        ("The jihadist group Islamic State seized the town.", "jihadist", []),
    ],
)
def test_named_bodies(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str]]
) -> None:
    """body_nouns of word_classes.yaml (sector_mentions.named_body): the word before the
    noun names the armed side."""
    assert codes(actor_for(coder, text, words)) == expected


def test_a_position_taken_is_no_force(coder: Any) -> None:
    text = "Kenya rejected the government position on the talks."
    assert actor_for(coder, text, "position") == []


def test_place_after_in_is_not_an_actor(coder: Any) -> None:
    text = "Protesters gathered in Paris on Saturday."
    assert actor_for(coder, text, "Paris") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Government troops entered the town of Tal Rifaat on Monday.", "Rifaat"),
        ("The rebels shelled the village of Kafr Naya.", "Naya"),
        ("The demonstrators marched up First Avenue.", "Avenue"),
    ],
)
def test_named_place_is_not_an_actor(coder: Any, text: str, word: str) -> None:
    """target.place-name: a town's name in its "of" phrase or a street is never an actor."""
    assert actor_for(coder, text, word) == []


def test_person_resolves_by_publication_date(coder: Any) -> None:
    text = "Boris Johnson criticized the plan."
    in_office = actor_for(coder, text, "Boris", date(2021, 11, 28))
    after = actor_for(coder, text, "Boris", date(2023, 6, 1))
    assert codes(in_office) == [("GBR", "GOV")]
    assert codes(after) == [("GBR", "ELI")]
    assert in_office[0].kind == "person" and in_office[0].name == "Boris Johnson"


def test_title_with_unlisted_name(coder: Any) -> None:
    text = "Georgian President Eduard Shevardnadze visited Moscow."
    actors = actor_for(coder, text, "Georgian", date(1995, 5, 1))
    assert codes(actors) == [("GEO", "GOV")]
    assert actors[0].kind == "person"


def test_compound_from_list_gives_one_actor_per_country(coder: Any) -> None:
    text = "Ministers from Spain, Italy and Greece will meet in Rome."
    assert codes(actor_for(coder, text, "Ministers")) == [
        ("ESP", "GOV"),
        ("ITA", "GOV"),
        ("GRC", "GOV"),
    ]


def test_coordinated_demonyms_give_both_countries(coder: Any) -> None:
    text = "Indian and Pakistani troops exchanged fire."
    assert codes(actor_for(coder, text, "Indian")) == [("IND", "MIL"), ("PAK", "MIL")]


def test_media_and_generic_nouns_are_not_actors(coder: Any) -> None:
    text = "Officials told Sky News that people were angry."
    found = resolve(coder, text)
    labels = [a.text for m in found.mentions for a in m.actors]
    assert "Sky News" not in labels and "people" not in labels
    assert any(m.media for m in found.mentions)


def test_pronoun_refers_to_last_person(coder: Any) -> None:
    text = "Emmanuel Macron spoke on Monday. He criticized the proposal."
    actors = actor_for(coder, text, "He criticized")
    assert codes(actors) == [("FRA", "GOV")]
    assert actors[0].name == "Emmanuel Macron"


def test_two_countries_refers_to_last_two_states(coder: Any) -> None:
    text = "Chile and Peru signed a deal. The two countries also agreed to cooperate."
    assert sorted(codes(actor_for(coder, text, "two countries"))) == [("CHL", None), ("PER", None)]


def test_counted_states_described_by_a_participle_are_those_named(coder: Any) -> None:
    """reference.counted-states: a lower-case participle or hyphened word between the number
    and the head tells of the states named ("the three army-ruled states"); a capitalised
    one names a new set ("the three Baltic states")."""
    text = "Chad, Niger and Libya left the bloc. The three army-ruled nations accused Nigeria."
    found = sorted(codes(actor_for(coder, text, "three army-ruled")))
    assert found == [("LBY", None), ("NER", None), ("TCD", None)]
    warring = "Ghana and Togo fought in 1990. The two warring countries signed a truce in 1991."
    assert sorted(codes(actor_for(coder, warring, "two warring"))) == [("GHA", None), ("TGO", None)]
    region = "Poland and Germany met in Berlin. The three Baltic states criticized Russia."
    assert not any(a.country in ("POL", "DEU") for a in actor_for(coder, region, "three Baltic"))


def test_uncounted_plural_title_refers_to_the_people_just_named(coder: Any) -> None:
    """reference.counted-states: "the presidents" with no number are the people of different
    countries named in the sentence before; one person named gives no pointer."""
    text = (
        "Ghanaian President John Mahama received Togolese President Faure Gnassingbe in Accra. "
        "The presidents signed a border accord."
    )
    assert sorted(codes(actor_for(coder, text, "presidents"))) == [("GHA", "GOV"), ("TGO", "GOV")]
    alone = "Ghanaian President John Mahama met his cabinet. The ministers criticized Togo."
    assert len(actor_for(coder, alone, "ministers")) <= 1


def test_offsets_point_into_the_text(coder: Any) -> None:
    text = "Later, the Turkish army shelled the town."
    actors = actor_for(coder, text, "Turkish")
    assert actors and text[actors[0].start : actors[0].end] == actors[0].text
    assert "Turkish army" in actors[0].text


def test_hyphen_joined_modifier_stays_in_the_phrase(coder: Any) -> None:
    """The parser hangs "rock" below "throwing"; the phrase still starts at "rock"."""
    text = "Soldiers fired on rock-throwing villagers in Peru on Sunday."
    assert [a.text for a in actor_for(coder, text, "rock-throwing")] == ["rock-throwing villagers"]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.capital-site-owner: a capital owning a public site is the city, no sector
        ("Drones struck Kyiv's central bus station on Sunday.", "Kyiv", [("UKR", None)]),
        ("A blast hit Kabul's Shor market.", "Kabul", [("AFG", None)]),
        # seats of government and the capital's own acts stay the government's
        ("Protesters attacked the Kabul embassy on Monday.", "Kabul", [("AFG", "GOV")]),
        ("Moscow criticized Kyiv's decision on Monday.", "Kyiv", [("UKR", "GOV")]),
    ],
)
def test_capital_owning_a_public_site_is_the_city(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected
