"""Who an actor is across the article: a person named once in full keeps that country when
called later by part of the name or a pronoun; pronouns land on no place or thing; people
from elsewhere take no country from the place or the article. Invented articles."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.coding import events
from tests.test_actors import actor_for, codes, resolve


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A surname alone after the full name with title and country.
        (
            "Ghanaian Trade Minister Kwabena Owusu arrived in Lagos on Monday. "
            "Owusu urged Nigeria to lower its tariffs.",
            "Owusu urged",
            [("GHA", "GOV")],
        ),
        # Another part of the name than the last one.
        (
            "Peruvian Interior Minister Rosa Quispe Huaman visited the border on Friday. "
            "Quispe ordered more patrols.",
            "Quispe ordered",
            [("PER", "GOV")],
        ),
        # A pronoun pointing to the short name takes the full name's country too.
        (
            "Ghanaian Trade Minister Kwabena Owusu arrived in Lagos on Monday. "
            "Owusu urged Nigeria to lower its tariffs. He also asked Abuja to open the border.",
            "He also",
            [("GHA", "GOV")],
        ),
        # An apposition: the title's country, the name kept for later.
        (
            "Police detained supporters of Tomas Varga, Slovakia's former interior minister, "
            "on Friday. Varga condemned the arrests.",
            "Varga condemned",
            [("SVK", "ELI")],
        ),
        (
            "Arben Duka, the former prime minister of Albania, criticized the government on "
            "Friday. Duka called for early elections.",
            "Duka called",
            [("ALB", "ELI")],
        ),
        # A name word after a particle the article drops ("al-Tamimi" -> "Tamimi").
        (
            "Yemeni Defence Minister Saleh al-Tamimi toured the front on Sunday. "
            "Tamimi ordered the troops to hold their positions.",
            "Tamimi ordered",
            [("YEM", "GOV")],  # the title table's sector for a defence minister
        ),
    ],
)
def test_person_keeps_identity_across_article(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_object_pronoun_is_not_its_clause_subject(coder: Any) -> None:
    text = (
        "Chilean President Ana Rojas met Peruvian Prime Minister Luis Mora in Lima on Tuesday. "
        "Rojas promised him that Santiago would reopen the border."
    )
    assert codes(actor_for(coder, text, "him that")) == [("PER", "GOV")]


def test_pronoun_after_a_thing_is_no_actor(coder: Any) -> None:
    text = (
        "Gunmen attacked a ferry near the island on Tuesday. "
        "The ferry was carrying 300 passengers when it came under fire."
    )
    assert actor_for(coder, text, "it came") == []


def test_it_is_not_a_plural_group(coder: Any) -> None:
    text = "Separatists blew up a bridge on Monday. Later it came under heavy fire."
    assert actor_for(coder, text, "it came") == []


def test_they_skips_positions(coder: Any) -> None:
    text = (
        "Eritrean soldiers shelled Ethiopian positions near the border on Friday. "
        "Ethiopia said they had also killed three of its soldiers."
    )
    assert codes(actor_for(coder, text, "they had")) == [("ERI", "MIL")]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # Foreign troops are not of the place they are in, nor of the article.
        ("Foreign troops in Mali attacked a jihadist camp on Monday.", "Foreign", [(None, "MIL")]),
        # An envoy with no country named is nobody's in particular, not the host's.
        (
            "The Sudanese army chief met the envoy in Port Sudan on Monday.",
            "envoy",
            [(None, "GOV")],
        ),
        # An international body is an IGO, not the state it sits in.
        (
            "Ghana rejected the ruling of an international tribunal in The Hague.",
            "international",
            [("IGO", "JUD")],
        ),
        # "foreign minister" is a state's own office.
        ("Ghana's foreign minister met the envoy.", "foreign", [("GHA", "GOV")]),
        # Migrants and refugees came from elsewhere; a demonym still names their country.
        ("Police in Ceuta stopped 200 migrants at the fence.", "migrants", [(None, "REF")]),
        ("Eritrean refugees marched in Tel Aviv on Sunday.", "Eritrean", [("ERI", "REF")]),
        # actor.envoy-not-context: whose envoy or embassy it is makes no article's country...
        ("The junta expelled the Belgian ambassador.", "junta", [(None, "GOV")]),
        ("The ministry summoned Norway's envoy on Friday.", "ministry", [(None, "GOV")]),
        ("Rioters stormed the embassy of Chile.", "Rioters", [(None, "CVL")]),
        # "its embassy" is the state's named before it, not the town's it stands in.
        ("Kenya said its embassy in Kinshasa was looted by rioters.", "embassy", [("KEN", "GOV")]),
        # actor.dateline-no-actor: a dateline names where the story was filed, not who acted.
        ("BAMAKO, Mali -- Police arrested two traders on Monday.", "BAMAKO", []),
        ("BAMAKO, Mali -- Police arrested two traders on Monday.", "Mali", []),
        ("BAMAKO, Mali -- Police arrested two traders on Monday.", "Police", [("MLI", "COP")]),
        # actor.person-followers: a listed person's supporters are a group of that person's
        # country, whether named before them or as their possessor, never the person.
        ("Police dispersed Ruto's supporters in Nakuru.", "supporters", [("KEN", None)]),
        ("Police dispersed Ruto's convoy in Nakuru.", "Ruto", [("KEN", "GOV")]),
        # actor.no-one: a phrase under "no" names nobody.
        ("The judge said the council had no authority to send troops.", "authority", []),
        # ... while the state named as a party still does.
        ("The junta accused Belgium of meddling.", "junta", [("BEL", "GOV")]),
    ],
)
def test_actors_from_elsewhere(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_envoy_points_back_only_to_an_envoy(coder: Any) -> None:
    text = (
        "Sudan's army chief, Abdel Fattah al-Burhan, met the envoy on Monday. "
        "Burhan rejected the plan."
    )
    actors = actor_for(coder, text, "the envoy")
    assert codes(actors) == [(None, "GOV")]


def test_own_ambassador_is_not_from_elsewhere(coder: Any) -> None:
    text = "Ghana's government said on Monday that it had recalled its ambassador for talks."
    assert codes(actor_for(coder, text, "ambassador for")) == [("GHA", "GOV")]


def test_the_outfit_points_back_to_the_group(coder: Any) -> None:
    text = (
        "Al-Shabaab fighters attacked a hotel in Kismayo on Friday. "
        "The militant outfit said it had killed ten soldiers."
    )
    assert codes(actor_for(coder, text, "militant outfit")) == [("SOM", "REB")]


def test_shared_name_word_links_nobody(coder: Any) -> None:
    """Two people of the same family name named in full: "Osei" alone is either, so neither
    country is given (the one linking test, references._same_person, refuses to guess)."""
    text = (
        "Ghanaian Finance Minister Kofi Osei met Togolese Trade Minister Ama Osei in Lome. "
        "Osei later criticised the new tariffs."
    )
    assert [a.country for a in actor_for(coder, text, "Osei later")] in ([], [None])


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A member noun takes the identity of the body named after "of"/"for"/"from".
        ("Members of Hezbollah fired rockets on Monday.", "Members", [("LBN", "REB")]),
        ("A spokesman for Hamas rejected the offer.", "A spokesman", [("PSE", "REB")]),
        (
            "Negotiators from the Colombian government met the rebels in Havana.",
            "Negotiators",
            [("COL", "GOV")],
        ),
        # The person named in apposition keeps the body's country, not a bare name.
        (
            "The chairman of the African Union Commission, Tadesse Alemu, condemned the coup.",
            "The chairman",
            [("IGO", "IGO")],
        ),
    ],
)
def test_member_takes_the_body_identity(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_critics_are_not_members(coder: Any) -> None:
    text = "Critics of Hezbollah marched in Beirut on Sunday."
    assert ("LBN", "REB") not in codes(actor_for(coder, text, "Critics"))


def test_home_institution_takes_the_state_of_its_sentence(coder: Any) -> None:
    """With no country leading the article, "the government" is of the state named before it
    in its own sentence, and of none from an earlier sentence."""
    text = "Denmark's top court struck down the government's plan to fly migrants to Ghana."
    assert codes(actor_for(coder, text, "the government")) == [("DNK", "GOV")]
    text = "Denmark criticised Ghana on Monday. The government said it would respond."
    assert [a.country for a in actor_for(coder, text, "The government")] in ([], [None])


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Peru's president survived a vote in Congress on Monday.", "Congress", "PER"),
        ("The Philippine Congress passed the budget on Monday.", "Congress", "PHL"),
        ("Congress passed the defence budget on Monday.", "Congress", "USA"),
        ("Peru's president met members of the U.S. Congress.", "U.S. Congress", "USA"),
    ],
)
def test_shared_names_are_the_article_state_s_own(
    coder: Any, text: str, words: str, expected: str
) -> None:
    assert [a.country for a in actor_for(coder, text, words)] == [expected]


def test_one_name_with_and_without_accents_is_one_person(coder: Any) -> None:
    text = (
        "Haitian President Jovenel Moise met the envoy in Port-au-Prince. "
        "Critics said Jovenel Moïse had ruled by decree. A US lawmaker criticised Moise."
    )
    assert codes(actor_for(coder, text, "Moise.")) == [("HTI", "GOV")]


def test_both_parties_to_a_talk_are_the_two_states(coder: Any) -> None:
    text = "Armenia and Azerbaijan met in Geneva. Both parties agreed to meet again."
    assert sorted(a.country or "" for a in actor_for(coder, text, "Both parties")) == [
        "ARM",
        "AZE",
    ]
    text = "Armenia and Azerbaijan met in Geneva. Both main parties in Yerevan objected."
    assert "AZE" not in [a.country for a in actor_for(coder, text, "Both main parties")]


def test_the_group_points_back_to_a_member_s_body(coder: Any) -> None:
    text = (
        "A Hezbollah commander, Ali Nasser, spoke in Beirut on Monday. "
        "Israel warned the group against any attack."
    )
    assert codes(actor_for(coder, text, "the group")) == [("LBN", "REB")]


def test_a_shared_first_word_is_not_the_same_person(coder: Any) -> None:
    """A later full name that shares only one word with an earlier person is someone else,
    and a title before it with a second title keeps the parse whole (no error)."""
    text = (
        "A rocket killed Saigon police chief Nguyen Van Luan on Sunday. "
        "National Police chief General Nguyễn Ngọc Loan was also injured in the fighting."
    )
    found = [a for a in actor_for(coder, text, "General") if a.name]
    assert all(a.name != "Nguyen Van Luan" for a in found)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A person described as a member of a body in apposition takes the body's identity,
        # and a later pronoun or surname carries it (actor.member-apposition).
        (
            "Zambia's parliament met on Monday. Peter Chanda, a member of the upper house, "
            "criticized the budget. He also urged the president to resign.",
            "He also",
            [("ZMB", "LEG")],
        ),
        (
            "Anneke Visser, UNICEF's regional director, visited the camps on Friday. "
            "Visser urged donors to send more food.",
            "Visser urged",
            [("UNO", "IGO")],
        ),
        (
            "Sarah Collins, a senior researcher at Amnesty International, visited the camp. "
            "She urged Colombia to protect the families.",
            "She urged",
            [("NGO", "NGO")],
        ),
        (
            "Tomas Lind, a spokesman for Hamas, rejected the offer on Sunday.",
            "Tomas Lind",
            [("PSE", "REB")],
        ),
    ],
)
def test_person_described_as_member_takes_the_body(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_apposition_without_a_body_gives_no_country(coder: Any) -> None:
    text = "Tomas Lind, a member of the choir, sang on Sunday. He later urged Chile to act."
    assert [a.country for a in actor_for(coder, text, "He later")] in ([], [None])


def test_possessive_her_is_her_clause_subject_s(coder: Any) -> None:
    text = (
        "Jordanian Interior Minister Ahmad Khalil spoke on Monday. "
        "A female suicide bomber detonated her explosives near an army convoy."
    )
    assert ("JOR", "GOV") not in codes(actor_for(coder, text, "her explosives"))


def test_possessive_her_skips_a_body_subject(coder: Any) -> None:
    text = (
        "Pakistani Senator Sara Malik wrote a book in 2019. The Taliban banned her book last year."
    )
    assert codes(actor_for(coder, text, "her book")) == [("PAK", "LEG")]


def test_possessive_her_of_a_named_subject(coder: Any) -> None:
    text = (
        "Pakistani Senator Sara Malik met the press on Monday. Police officer Jane Oduya "
        "said her unit had arrested the suspects."
    )
    assert ("PAK", "LEG") not in codes(actor_for(coder, text, "her unit"))


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.armed-group-forces: a listed rebel group's militias or commander are its own.
        ("Anti-Balaka militias burned two villages near Bouar.", "Anti-Balaka", [("CAF", "REB")]),
        ("An al-Shabab commander seized the district center.", "An al-Shabab", [("SOM", "REB")]),
        # actor.armed-non-state-noun: "armed" leaves fighters and gunmen on their own side.
        ("Armed rebels stormed the town of Bria on Sunday.", "Armed rebels", [(None, "REB")]),
        # Herders or farmers under arms stay herders and farmers, not the army.
        ("Armed herders raided two villages near Bria.", "Armed herders", [(None, "AGR")]),
        # The pope named by his office alone is the Holy See's, wherever he speaks.
        ("The Pope met the Kenyan president in Nairobi.", "The Pope", [("VAT", "REL")]),
        # actor.faith-armed: a faith word leaves armed people armed; its clerics stay REL.
        ("Sunni militants shelled a checkpoint near Hit.", "Sunni militants", [(None, "REB")]),
        ("Shiite clerics denounced the raid on Monday.", "Shiite clerics", [(None, "REL")]),
        # Armed youths are armed people of no force: UAF, not the army.
        ("Armed youths burned two houses in Bria.", "Armed youths", [(None, "UAF")]),
        # actor.armed-with: "armed with" after the noun says what "armed" before it says.
        ("Men armed with machetes burned two houses in Bria.", "Men", [(None, "UAF")]),
        ("Two youths, armed with rifles, raided a farm in Bria.", "Two youths", [(None, "UAF")]),
        # Members of a death squad are its own, armed outside any force.
        ("Members of a death squad shot nine farmers.", "a death squad", [(None, "UAF")]),
        # actor.armed-possessor: a title owned by a listed armed group is the group's.
        ("Al-Shabab's spokesman denied the report on Monday.", "spokesman", [("SOM", "REB")]),
        (
            "The Islamic State group's senior commanders fled the town.",
            "senior",
            [("IMG", "REB")],
        ),
        # A state's possessive keeps its own rules.
        ("Kenya's foreign minister denied the report.", "foreign", [("KEN", "GOV")]),
        # A state's troops stay the army.
        ("Nigerian soldiers attacked the camp.", "Nigerian", [("NGA", "MIL")]),
        # actor.opposed-modifier: "anti-government" rebels take up arms against it, stay REB.
        ("Anti-government rebels shelled a base near Homs.", "Anti-government", [(None, "REB")]),
    ],
)
def test_non_state_fighters_are_not_the_army(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.opposed-modifier: what follows "anti-" is what the group opposes.
        ("Anti-government protesters blocked a road in Lima.", "Anti-government", [("PER", "OPP")]),
        ("Anti-Chinese protesters marched through Hanoi.", "Anti-Chinese", [(None, "CVL")]),
        ("Anti-war students rallied in Madrid on Friday.", "Anti-war", [("ESP", "EDU")]),
        # Without "anti-" the same words say who they are.
        ("Chinese protesters marched through Hanoi.", "Chinese", [("CHN", "CVL")]),
        ("Pro-government protesters blocked a road in Lima.", "Pro-government", [("PER", "GOV")]),
    ],
)
def test_opposed_modifier_names_what_they_oppose(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # actor.capitalised-modifier: a sentence-opening modifier is no first name.
        ("Riot police fired tear gas at students in Potosi.", "Riot police"),
        ("Militia fighters burned a school near Beni.", "Militia fighters"),
    ],
)
def test_capitalised_modifier_is_no_name(coder: Any, text: str, words: str) -> None:
    actors = actor_for(coder, text, words)
    assert actors and all(a.kind != "person" and a.name is None for a in actors)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.party-as-side: the sides of a conflict or deal are no political party.
        ("The envoy urged all warring parties to respect the truce.", "warring", []),
        ("Norway called on the parties concerned to return to the talks.", "parties", []),
        ("The mediator met the parties involved in the dispute on Friday.", "parties", []),
        # A political party stays one.
        ("The ruling party accused the opposition of fraud.", "ruling", [(None, "PTY")]),
    ],
)
def test_party_as_a_side_has_no_sector(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert [(a.country, a.sector) for a in actor_for(coder, text, words) if a.sector] == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.office-of-body: one holder of a listed body's office is a person of the body,
        # so a later pronoun points to them.
        (
            "The UNICEF director toured the camps on Friday. She urged donors to send food.",
            "She urged",
            [("UNO", "IGO")],
        ),
        (
            "Amnesty's director visited Juba on Tuesday. He urged the army to free the students.",
            "He urged",
            [("NGO", "NGO")],
        ),
        (
            "A Hezbollah commander spoke in Beirut on Monday. He warned Israel against a raid.",
            "He warned",
            [("LBN", "REB")],
        ),
        # actor.body-title-sector: a state title word held for a non-state body takes its sector.
        ("The UNICEF spokesman denied the report.", "The UNICEF", [("UNO", "IGO")]),
        ("The U.N. envoy met the rebels in Geneva.", "The U.N.", [("UNO", "IGO")]),
        # A body pointed to owns its officer, who takes its sector: a court's president.
        (
            "Lawyers for Chile wrote to the International Court of Justice on Monday. "
            "The court's president, Judge Ana Ruiz, rejected Chile's request.",
            "president",
            [("UNO", "JUD")],
        ),
        # Leaders or ministers of a club of states are the states' own.
        ("G20 finance ministers met in Rome on Friday.", "G20", [("IGO", "GOV")]),
    ],
)
def test_officer_of_a_body_is_a_person_of_it(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_a_body_s_plural_members_are_no_officer(coder: Any) -> None:
    """ "The EU's member states" own no office: no body identity from the possessor."""
    text = "Italy said the EU's member states would meet on Monday."
    assert ("EUR", "GOV") not in codes(actor_for(coder, text, "member states"))


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.title-of-side: a title over a side named after "of" leads that side.
        ("The leader of the opposition in Malawi was arrested on Monday.", "The leader", "OPP"),
        ("Police in Haiti arrested the leader of a gang on Monday.", "the leader", "CRM"),
        # A state office named after "of" stays the title's.
        ("The minister of defence of Ghana visited Togo.", "The minister", "GOV"),
    ],
)
def test_title_leads_the_side_named_after_of(
    coder: Any, text: str, words: str, expected: str
) -> None:
    assert [a.sector for a in actor_for(coder, text, words)] == [expected]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # reference.same-noun-group: a plural definite noun is the last group named with it.
        (
            "Peruvian officials said the raid took a year to plan. "
            "The officials also said they detained six smugglers.",
            "The officials",
            [("PER", "GOV")],
        ),
        (
            "G20 finance ministers met in Rome on Friday. "
            "The finance ministers also criticized Russia.",
            "The finance",
            [("IGO", "GOV")],
        ),
    ],
)
def test_plural_definite_noun_points_to_the_same_noun(
    coder: Any, text: str, words: str, expected: list[tuple[str, str]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_same_noun_of_two_countries_points_to_neither(coder: Any) -> None:
    text = "Chilean and Peruvian officials met on Monday. The officials agreed to meet again."
    assert [a.country for a in actor_for(coder, text, "The officials")] in ([], [None])


def test_followers_of_a_person_are_a_group_of_the_country(coder: Any) -> None:
    """actor.person-followers: "Assad loyalists" are people of Syria, not the former
    president (ELI) nor the state, so the soldiers they attack stay their target."""
    from gestae.schema import Article

    text = "Syria's army chief spoke on Monday. Assad loyalists ambushed the soldiers on Sunday."
    assert codes(actor_for(coder, text, "Assad loyalists")) == [("SYR", None)]
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    ambush = [r for r in records if r.trigger.text.startswith("ambushed")]
    assert ambush and ambush[0].target is not None


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.name-of-state: an unlisted body whose name ends "of <state>" is that state's,
        # and so is its head named in apposition.
        (
            "Maria Lopez, head of the Coffee Growers Federation of Colombia, criticized the "
            "tariffs. She urged Washington to drop them.",
            "She urged",
            [("COL", None)],
        ),
    ],
)
def test_body_named_of_a_state_is_that_state_s(
    coder: Any, text: str, words: str, expected: list[tuple[str, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_state_outside_the_body_s_name_gives_none(coder: Any) -> None:
    text = "The Friends of Syria group met in Paris on Monday."
    assert ("SYR", None) not in codes(actor_for(coder, text, "The Friends"))


def test_singular_pronoun_skips_plural_subject(coder: Any) -> None:
    """reference.singular-person: "him" is never the senators; the one person named after."""
    text = (
        "Two Kenyan senators met Ugandan Foreign Minister Sam Okello on Monday. "
        "Kenyan lawmakers sent a letter on Tuesday, urging him to reopen the border."
    )
    assert codes(actor_for(coder, text, "him to")) == [("UGA", "GOV")]


def test_singular_pronoun_without_singular_person_is_none(coder: Any) -> None:
    text = "Kenyan senators met on Monday. Police later stopped him at the gate."
    assert actor_for(coder, text, "him at") == []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.possessor-country: "its" is the subject body's, not the place struck.
        ("Kenya's army said its helicopters bombed camps in Somalia.", "helicopters", "KEN"),
        ("The Ghanaian navy said its warships shelled a port in Togo.", "warships", "GHA"),
        # "their" of one subject's country.
        ("Peruvian officials said their troops entered Ecuador.", "troops", "PER"),
    ],
)
def test_possessive_takes_the_subject_country(
    coder: Any, text: str, words: str, expected: str
) -> None:
    assert [c for c, _ in codes(actor_for(coder, text, words))] == [expected]


def test_their_of_joined_subjects_is_nobody_in_particular(coder: Any) -> None:
    text = "Egypt and Turkey said their troops would leave Libya."
    troops = codes(actor_for(coder, text, "troops"))
    assert [c for c, _ in troops] != ["EGY"]
    assert troops and all(c is None for c, _ in troops), troops  # found, and nobody's


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.force-craft: a craft is the force the word before it names (the record stage
        # gives it the place's country).
        ("Navy boats patrolled the coast near Mombasa on Tuesday.", "Navy boats", ["MIL"]),
        ("Police vehicles patrolled the streets of Nairobi.", "Police vehicles", ["COP"]),
        ("A navy patrol boat was patrolling near Manila.", "A navy", ["MIL"]),
        ("Kenyan army trucks entered the town.", "Kenyan army", ["MIL"]),
        # A warship has no other use: a frigate is a navy's with no word before it.
        ("A frigate patrolled the coast near Mombasa on Tuesday.", "A frigate", ["MIL"]),
        ("Two Greek gunboats entered the bay.", "Two Greek gunboats", ["MIL"]),
        # A ship named with its navy's prefix is that navy (actors_organizations.yaml).
        ("The USS Kearsarge patrolled the Red Sea on Friday.", "USS Kearsarge", ["MIL"]),
        # A craft that names no force stays no one.
        ("Cruise ships left the harbour near Mombasa on Tuesday.", "Cruise ships", []),
        ("Cargo ships crossed the strait near Singapore.", "Cargo ships", []),
    ],
)
def test_force_craft_is_its_force(coder: Any, text: str, words: str, expected: list[Any]) -> None:
    assert [a.sector for a in actor_for(coder, text, words)] == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # reference.subject-they: a subject "they" goes on with the group that was the
        # subject, not with the group it acted on.
        (
            "Rebels stopped a bus near the border and told the drivers to wait. "
            "Then they took the drivers into the forest.",
            "they took",
            [(None, "REB")],
        ),
        (
            "Colombian rebels stopped the soldiers at a checkpoint. They then freed the soldiers.",
            "They then",
            [("COL", "REB")],
        ),
    ],
)
def test_subject_they_keeps_the_subject_group(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_object_them_is_not_its_own_subject(coder: Any) -> None:
    """ "They seized ten people and beat them": "them" is not the doers themselves."""
    text = "Gunmen stopped a bus on Monday. They seized ten travellers and beat them."
    assert actor_for(coder, text, "them.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reference.object-not-subject: a joined clause with its own subject ("police") is
        # not the protesters' clause; "them" skips its own subject for the group before it.
        (
            "The protesters marched through the capital, and police arrested them.",
            [(None, "CVL")],
        ),
        (
            "Ugandan soldiers surrounded the rebels, and then they shot them.",
            [("UGA", "REB")],
        ),
    ],
)
def test_object_them_skips_its_own_subject_for_the_group_before(
    coder: Any, text: str, expected: list[tuple[str | None, str | None]]
) -> None:
    found = resolve(coder, text, None)
    them = max(found.mentions, key=lambda m: m.head)  # "them" is the last phrase
    assert them.reference
    assert codes(them.actors) == expected


def test_subject_they_keeps_a_nearer_group_of_its_own_sentence(coder: Any) -> None:
    """A group named in the pronoun's own sentence is not passed over for a subject further
    back: "they" are the smugglers, not the soldiers."""
    text = (
        "Peruvian soldiers guarded the border on Monday. Nobody has caught the smugglers "
        "since they crossed the river."
    )
    found = resolve(coder, text, None)
    they = next(m for m in found.mentions if m.reference and m.start == m.head)
    assert [a.sector for a in they.actors] == ["CRM"]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.other-state-office: a seat's office name after another state is that state's.
        ("Chile's Defense Department denied the report.", "Defense", [("CHL", "GOV")]),
        ("The Kenyan Justice Department dropped the case.", "Justice", [("KEN", "JUD")]),
        # Alone, or after its own state, the name stays the listed seat.
        ("The Defense Department denied the report.", "Defense", [("USA", "MIL")]),
        ("The U.S. State Department denied the report.", "State", [("USA", "GOV")]),
    ],
)
def test_other_states_office_is_that_states(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


# actor.headline-lead: a title naming the country that leads the article 3 to 2 (short of the
# two to one that needs no title) gives that country to the state's own institutions at home.
HEADLINE_STORY = (
    "Ghana will close two border posts next month. Ghana says the posts cost too much. "
    "Ghana and Togo share a long border. Togo has asked for talks. Togo wants the posts open. "
    "Ghana has not replied. Ghana says traders will be paid. The decision was announced by the government on Monday, and "
    "security officers began leaving the posts while the rebels watched."
)


def _headline_actors(coder: Any, title: str | None) -> dict[str, tuple[str | None, str | None]]:
    from gestae.schema import Article

    doc = coder.nlp(HEADLINE_STORY)
    article = Article(id="t", text=HEADLINE_STORY, title=title, published=date(2021, 11, 28))
    found = coder.analyse(article, doc)
    out = {}
    for mention in found.mentions:
        for actor in mention.actors:
            out[actor.text] = (actor.country, actor.sector)
    return out


def test_headline_lead_gives_home_institutions(coder: Any) -> None:
    found = _headline_actors(coder, "Ghana's Plan to Close Border Posts Worries Traders")
    assert found["the government"] == ("GHA", "GOV")
    assert found["security officers"] == ("GHA", "COP")
    assert found["the rebels"][0] is None  # rebels may be foreign: no country from the title


def test_headline_lead_needs_a_title_naming_the_leader(coder: Any) -> None:
    for title in (None, "Border Posts to Close", "Ghana and Togo Argue Over Border Posts"):
        found = _headline_actors(coder, title)
        assert found["the government"][0] is None, title


def test_initials_of_a_listed_body_named_in_full(coder: Any) -> None:
    """actor.initials-of-named: "the NCP" after "the National Congress Party", no brackets."""
    text = (
        "The new law is aimed at the National Congress Party. "
        "The government will seize the NCP's offices."
    )
    actors = actor_for(coder, text, "NCP's")
    assert codes(actors) == [("SDN", "PTY")]
    assert "actor.initials-of-named" in actors[0].rule
    # Initials nobody named in full stay unknown.
    assert codes(actor_for(coder, "The government will seize the XYZ's offices.", "XYZ")) in (
        [],
        [(None, None)],
    )


def test_demonym_after_an_article_is_no_implicit_target(coder: Any) -> None:
    """record.implicit-target: "an ethnic Peruvian" describes the minister; Peru is no target."""
    from gestae.schema import Article

    text = (
        "Chile's foreign minister, a lawyer and an ethnic Peruvian, said the plan was a "
        "factor in his government's call for talks."
    )
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    assert records and all(r.target is None for r in records)


def test_context_state_agent_not_for_a_foreigner_held(coder: Any) -> None:
    """record.context-state-agent: a Kenyan held in a Ugandan story may be held anywhere."""
    from gestae.schema import Article

    text = (
        "Uganda's elections are in May. Uganda said the vote was free. "
        "A Kenyan journalist was arrested on Monday."
    )
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    held = [r for r in records if r.cameo.startswith("173")]
    assert held and all(r.source is None for r in held)


def test_context_state_agent_not_where_people_are_sent(coder: Any) -> None:
    """record.context-state-agent: the state people are deported to did not deport them."""
    from gestae.schema import Article

    text = "Peru opened a new airport in May. Forty of the migrants were deported to Peru."
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    sent = [r for r in records if r.cameo.startswith("174")]
    assert sent and all(r.source is None for r in sent)


def test_context_state_agent_stands_on_words_told_before(coder: Any) -> None:
    """record.context-state-agent: the state's words are told before the act, a body of the
    state before other words, never the person held nor a later sentence's words (invented)."""
    from gestae.schema import Article

    text = (
        "LUSAKA -- Zambian police broke up a rally on Sunday, a party lawyer said. Two "
        "organisers were charged with unlawful assembly. Britain urged Zambia to respect "
        "the right to free speech."
    )
    records = [r for r in coder.code(Article(id="t", text=text)) if r.kind == "event"]
    charged = [r for r in records if r.cameo.startswith("173") and r.source is not None]
    assert [(r.source.country, r.source.text) for r in charged] == [("ZMB", "Zambian police")], [
        (r.source.country, r.source.text) for r in charged
    ]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # reference.leader-body: "the X government/administration/regime" is read as its
        # leader, yet "its" after it stands for the government he heads.
        ("The Ruto administration said its troops would withdraw from Somalia next year.",
         "troops", [("KEN", "MIL")]),
        # A leader with no such word keeps the rule as before.
        ("President Ruto said its troops would withdraw from Somalia next year.", "troops",
         [("SOM", "MIL")]),
    ],
)  # fmt: skip
def test_it_after_a_leader_s_government_is_that_government(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_object_them_skips_a_noun_joined_to_its_subject(coder: Any) -> None:
    """reference.object-not-subject: "warplanes" joined to the subject is the subject too;
    "them" are the rebels named before, and a non-actor plural noun ("travellers") between
    stops the search."""
    text = "The rebels say that government artillery and warplanes attack them at night."
    them = max(resolve(coder, text, None).mentions, key=lambda m: m.head)
    assert them.reference and codes(them.actors) == [(None, "REB")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Named together just before: the last two states.
        (
            "Ghana and Togo argued over a border post. Benin and Niger held talks on Monday. "
            "The two countries agreed to reopen their border.",
            ["BEN", "NER"],
        ),
        # reference.story-pair: far from any sentence naming two states together, the two
        # states the article is about, not the last two it happened to name.
        (
            "Ghana and Togo argued over a border post on Monday. Togo said Ghana had moved the "
            "post. Benin urged calm. Ghana said it would not move it back. The two countries "
            "have argued over the post since 2001.",
            ["GHA", "TGO"],
        ),
        # Never the states that act on the pair: "Benin and Niger urged both sides".
        (
            "Ghana and Togo argued over a border post on Monday. Togo said Ghana had moved the "
            "post. Benin and Niger urged both sides to talk.",
            ["GHA", "TGO"],
        ),
        # ... nor the article's leading pair when one of them acts on it; a side that is no
        # state (an armed group's people) still counts toward the pair the story is about.
        (
            "Israeli tanks shelled a camp in Rafah on Monday, killing seven Palestinians. Hamas "
            "accused Israel of stalling the talks in Amman. Jordan and Oman urged both sides "
            "to agree a truce.",
            ["ISR", "PSE"],
        ),
        # "Both sides" after a contest are its two parties, whoever they are; the states that
        # only spoke of it since are one side, not two (reference.opposed-sides).
        (
            "Colombian troops and FARC rebels clashed near Cali on Friday. Ecuador and Peru "
            "urged calm. On Saturday both sides accused each other of breaking the truce.",
            ["COL", "COL"],
        ),
        (
            "Kenyan police clashed with protesters in Kisumu on Monday. Uganda and Tanzania "
            "called for dialogue. Later both sides blamed each other for the deaths.",
            ["KEN", "KEN"],
        ),
        # A contest of two states is still those two states.
        (
            "Armenian and Azerbaijani troops exchanged fire on Monday. France and Russia urged "
            "restraint. By Tuesday both sides had pulled back.",
            ["ARM", "AZE"],
        ),
    ],
)
def test_the_two_countries(coder: Any, text: str, expected: list[str]) -> None:
    words = "both sides" if "both sides" in text else "two countries"
    found = actor_for(coder, text, words)
    assert sorted(a.country or "" for a in found) == expected


def test_an_outlet_called_the_word_needs_its_the(coder: Any) -> None:
    """actor.outlet-needs-the: "Hindu" alone is no newspaper, so the mob is an actor; "the
    Hindu" still names the outlet, which is no actor."""
    mob = actor_for(coder, "Hindu mobs burned a church near Mangalore on Monday.", "Hindu mobs")
    assert codes(mob) == [(None, "CVL")]  # its country comes from the place, later
    assert actor_for(coder, "Police arrested 12 men, the Hindu reported.", "Hindu") == []


def test_a_name_with_a_bracket_and_a_dash_is_no_dateline(coder: Any) -> None:
    """actor.dateline-no-actor reads only a dateline in capitals or with a date: a group named
    with a bracketed gloss and a dash opens the sentence as its subject."""
    text = "Ansar Dine (a Tuareg militia) -- attacked an army post near Kidal on Monday."
    assert codes(actor_for(coder, text, "Ansar Dine")) != []


@pytest.mark.parametrize(
    "text",
    [
        # reference.unlisted-person: a name no actor stands on says something between the
        # known person and "he": the pronoun is left unresolved, not given to the president.
        "Ugandan President Yoweri Museveni met Kenyan officials on Monday. Nop Vy, the "
        "group's director, told reporters the talks were a good sign. He called on Kenya to "
        "open the border.",
        "Ugandan President Yoweri Museveni met Kenyan officials on Monday. Rights activists "
        "welcomed the talks, Nop Vy said. He called on Kenya to open the border.",
    ],
)
def test_pronoun_after_an_unlisted_speaker_is_nobody(coder: Any, text: str) -> None:
    assert actor_for(coder, text, "He called") == []


def test_pronoun_after_a_surname_speaker_is_that_person(coder: Any) -> None:
    """reference.surname-subject: "Lunde said" between the president and "he": the envoy."""
    text = (
        "Norwegian envoy Geir Lunde arrived in Damascus on Monday. President Ahmed Sharaa met "
        "him there. Lunde said the talks went well. He called on Syria to free prisoners."
    )
    assert codes(actor_for(coder, text, "He called")) == [("NOR", "GOV")]


def test_pronoun_with_no_speaker_between_keeps_the_last_subject(coder: Any) -> None:
    text = (
        "Ugandan President Yoweri Museveni met Kenyan officials on Monday. "
        "He called on Kenya to open the border."
    )
    assert codes(actor_for(coder, text, "He called")) == [("UGA", "GOV")]


def test_dateline_words_stay_out_of_the_lead_subject(coder: Any) -> None:
    """parse.dateline-subject: a dateline word the parse hangs on the lead's subject ("DHAKA,
    Bangladesh -- Student protesters") stays with the dateline, not in the subject's words."""
    text = "SYLHET, Bangladesh — Student protesters defied a curfew on Saturday."
    assert [r.source.text for r in events(coder, text) if r.source] == ["Student protesters"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reference.shared-object: the object of a joined verb is the first verb's person
        # object, not the last person who was a subject.
        (
            "Kenyan minister Otieno Wekesa spoke on Monday. "
            "In June, Ugandan troops captured Kato Mugisha and jailed him.",
            "Kato Mugisha",
        ),
        # reference.charged-subject: "the charges against him" are against the clause's subject.
        (
            "Peruvian judge Rosa Diaz spoke on Monday. Carlos Mendoza appeared in court. "
            "Judge Diaz said Mendoza was convicted on two of the charges against him.",
            "Mendoza",
        ),
    ],
)
def test_object_pronoun_in_its_own_sentence(coder: Any, text: str, expected: str) -> None:
    found = resolve(coder, text)
    pointers = [m.actors[0] for m in found.mentions if m.reference and m.actors]
    names = [a.name for a in pointers if a.rule.startswith("'him' refers to")]
    assert names[-1:] == [expected], names


@pytest.mark.parametrize(
    ("text", "words", "wrong"),
    [
        # A joined verb with a subject of its own is another clause: not the first object.
        (
            "Kenyan minister Otieno Wekesa spoke. Police arrested the protesters and a court "
            "questioned him.",
            "him.",
            "the protesters",
        ),
        # A charge phrase under a body's clause is no person's own.
        (
            "Peruvian judge Rosa Diaz spoke on Monday. The court rejected the case against her.",
            "her.",
            "The court",
        ),
    ],
)
def test_object_pronoun_not_forced(coder: Any, text: str, words: str, wrong: str) -> None:
    assert all(a.text != wrong for a in actor_for(coder, text, words))


def test_they_is_never_a_thing(coder: Any) -> None:
    """reference.thing-not-they: "they" passes over "the Kenyan ban" to the people named."""
    text = "The Kenyan ban on ivory imports angered Tanzanian hunters. They say it hurts them."
    assert [a.country for a in actor_for(coder, text, "They say")] == ["TZA"]


def test_thing_still_stands_for_its_owner(coder: Any) -> None:
    """A proposal keeps its owner as an act's target; only "they" passes it over."""
    text = "Chile and Peru met. Peru welcomed the Chilean proposal on Monday."
    targets = [r.target for r in events(coder, text) if r.trigger.text == "welcomed"]
    assert [t.country for t in targets if t is not None] == ["CHL"]


def test_it_in_what_speakers_say_is_not_the_speakers(coder: Any) -> None:
    """reference.not-the-speakers: "They say it violates the treaty": "it" is what the
    plural speakers speak of, not themselves, so the charge is no act of theirs; a singular
    speaker's "it" stays its own."""
    text = (
        "Rights groups condemned Chile for sending migrants back to Peru. "
        "They say it violates Chile's treaty obligations."
    )
    assert [e.event_type for e in events(coder, text)] == ["ACCUSE"]
    own = events(coder, "Britain said it will not lift the ban on Iran.")
    assert [(e.event_type, e.source and e.source.country) for e in own] == [("REJECT", "GBR")]
