"""The actor dictionaries: lookups the resolver relies on, and errors that name file and entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gestae.errors import DataFileError
from gestae.resources.actor_dictionary import ActorDictionary, ActorEntry
from gestae.resources.actor_offices import strip_title_words


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def first(actors: ActorDictionary, text: str) -> ActorEntry:
    found = actors.lookup(text)
    assert found, f"{text!r} not found"
    return found[0]


def code(actors: ActorDictionary, text: str) -> tuple[str | None, str | None]:
    entry = first(actors, text)
    return entry.country, entry.sector


def sector_on(actors: ActorDictionary, name: str, day: date) -> str | None:
    resolved = actors.person(name, day)
    assert resolved is not None, name
    return resolved.sector


def write(tmp_path: Path, text: str, name: str = "user_actors.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- countries, demonyms, capitals, seats -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("United Kingdom", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("the UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain's", "GBR"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("the United States", "USA"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("Iran", "IRN"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Vietnam", "VNM"),
        ("Laos", "LAO"),
        ("Taiwan", "TWN"),
        ("Palestinian territories", "PSE"),
        ("Kosovo", "KOS"),
        ("Vatican", "VAT"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Germany", "DEU"),
        ("  the   NETHERLANDS ", "NLD"),
    ],
)
def test_country_names_and_aliases(actors: ActorDictionary, text: str, country: str) -> None:
    entry = first(actors, text)
    assert (entry.country, entry.sector, entry.kind) == (country, None, "state")
    assert entry.role == "country_name"
    assert entry.key == f"country:{country}"


def test_acronyms_match_only_in_capitals(actors: ActorDictionary) -> None:
    assert actors.lookup("us") == []  # the pronoun
    assert actors.lookup("is") == []
    assert actors.lookup("who") == []
    assert first(actors, "WHO").name == "World Health Organization"
    assert actors.lookup("turkey") == []  # the bird
    exact = {phrase for phrase, _ in actors.exact_phrases()}
    assert {"US", "UK", "UN", "EU", "IS", "NATO", "Turkey"} <= exact
    lower = {phrase for phrase, _ in actors.phrases()}
    assert {"us", "is", "turkey"} <= lower  # listed, but flagged:
    assert actors.requires_case("us") and actors.requires_case("turkey")
    assert not actors.requires_case("britain") and not actors.requires_case("türkiye")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("British", "GBR"),
        ("French", "FRA"),
        ("German", "DEU"),
        ("American", "USA"),
        ("Russian", "RUS"),
        ("Chinese", "CHN"),
        ("Ukrainian", "UKR"),
        ("Israeli", "ISR"),
        ("Palestinian", "PSE"),
        ("Iranian", "IRN"),
        ("Iraqi", "IRQ"),
        ("Syrian", "SYR"),
        ("Afghan", "AFG"),
        ("Pakistani", "PAK"),
        ("Indian", "IND"),
        ("Turkish", "TUR"),
        ("Kosovar", "KOS"),
    ],
)
def test_demonyms(actors: ActorDictionary, text: str, country: str) -> None:
    entry = first(actors, text)
    assert (entry.country, entry.role) == (country, "demonym")


def test_demonyms_cover_most_countries(actors: ActorDictionary) -> None:
    countries = {e.country for _, e in actors.phrases() if e.role == "demonym" and e.country}
    assert len(countries) >= 190


def test_ambiguous_demonym_lists_every_reading(actors: ActorDictionary) -> None:
    assert [e.country for e in actors.lookup("Congolese")] == ["COD", "COG"]


def test_stateless_peoples_are_groups_without_country(actors: ActorDictionary) -> None:
    entry = first(actors, "Kurdish")
    assert (entry.kind, entry.country, entry.name) == ("group", None, "Kurds")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris", ("FRA", "GOV")),
        ("London", ("GBR", "GOV")),
        ("Washington", ("USA", "GOV")),
        ("Moscow", ("RUS", "GOV")),
        ("Beijing", ("CHN", "GOV")),
        ("Berlin", ("DEU", "GOV")),
        ("Tokyo", ("JPN", "GOV")),
        ("Kyiv", ("UKR", "GOV")),
        ("Kiev", ("UKR", "GOV")),
        ("Tehran", ("IRN", "GOV")),
        ("Ankara", ("TUR", "GOV")),
        ("Canberra", ("AUS", "GOV")),
        ("Ottawa", ("CAN", "GOV")),
        ("New Delhi", ("IND", "GOV")),
        ("Islamabad", ("PAK", "GOV")),
        ("Damascus", ("SYR", "GOV")),
        ("Riyadh", ("SAU", "GOV")),
        ("Seoul", ("KOR", "GOV")),
        ("Pyongyang", ("PRK", "GOV")),
        ("The Hague", ("NLD", "GOV")),
        ("Pristina", ("KOS", "GOV")),
    ],
)
def test_capital_metonyms(actors: ActorDictionary, text: str, expected: tuple[str, str]) -> None:
    entry = first(actors, text)
    assert (entry.country, entry.sector) == expected
    assert entry.role == "capital_metonym"


def test_brussels_defaults_to_the_eu_but_keeps_belgium(actors: ActorDictionary) -> None:
    readings = [(e.country, e.sector) for e in actors.lookup("Brussels")]
    assert readings == [("EUR", "IGO"), ("BEL", "GOV")]


def test_capitals_marked_not_metonyms_are_absent(actors: ActorDictionary) -> None:
    assert actors.lookup("Victoria") == []
    assert actors.lookup("Amsterdam") == []
    assert actors.lookup("Kingston") == []  # shared by two capitals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Downing Street", ("GBR", "GOV")),
        ("Number 10", ("GBR", "GOV")),
        ("the White House", ("USA", "GOV")),
        ("the Kremlin", ("RUS", "GOV")),
        ("the Elysee", ("FRA", "GOV")),
        ("Élysée", ("FRA", "GOV")),
        ("the Pentagon", ("USA", "MIL")),
        ("Foggy Bottom", ("USA", "GOV")),
        ("State Department", ("USA", "GOV")),
        ("Whitehall", ("GBR", "GOV")),
        ("Zhongnanhai", ("CHN", "GOV")),
        ("the Blue House", ("KOR", "GOV")),
        ("Capitol Hill", ("USA", "LEG")),
        ("Congress", ("USA", "LEG")),
        ("the Knesset", ("ISR", "LEG")),
        ("the Bundestag", ("DEU", "LEG")),
        ("the Duma", ("RUS", "LEG")),
    ],
)
def test_seats_of_government_and_institutions(
    actors: ActorDictionary, text: str, expected: tuple[str, str]
) -> None:
    assert code(actors, text) == expected


# --- organisations and media ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UN", ("UNO", "IGO")),
        ("United Nations", ("UNO", "IGO")),
        ("UN Security Council", ("UNO", "IGO")),
        ("UNHCR", ("UNO", "IGO")),
        ("UN peacekeepers", ("UNO", "MIL")),
        ("European Union", ("EUR", "IGO")),
        ("EU", ("EUR", "IGO")),
        ("European Commission", ("EUR", "IGO")),
        ("European Parliament", ("EUR", "LEG")),
        ("Frontex", ("EUR", "COP")),
        ("NATO", ("IGO", "MIL")),
        ("Nato", ("IGO", "MIL")),
        ("African Union", ("IGO", "IGO")),
        ("ICC", ("IGO", "JUD")),
        ("Doctors Without Borders", ("NGO", "NGO")),
        ("Amnesty International", ("NGO", "NGO")),
        ("Hamas", ("PSE", "REB")),
        ("Hezbollah", ("LBN", "REB")),
        ("Islamic State", ("IMG", "REB")),
        ("ISIS", ("IMG", "REB")),
        ("Daesh", ("IMG", "REB")),
        ("al-Qaida", ("IMG", "REB")),
        ("al-Shabaab", ("SOM", "REB")),
        ("Houthis", ("YEM", "REB")),
        ("Ansar Allah", ("YEM", "REB")),
        ("PKK", ("TUR", "REB")),
        ("Boko Haram", ("NGA", "REB")),
        ("Wagner Group", ("RUS", "UAF")),
        ("M23", ("COD", "REB")),
        ("Rapid Support Forces", ("SDN", "REB")),
    ],
)
def test_organizations(actors: ActorDictionary, text: str, expected: tuple[str, str]) -> None:
    entry = first(actors, text)
    assert (entry.country, entry.sector) == expected
    assert entry.role == "organization"


def test_armed_groups_are_groups_and_taliban_govern_after_2021(actors: ActorDictionary) -> None:
    taliban = first(actors, "the Taliban")
    assert (taliban.kind, taliban.country, taliban.sector) == ("group", "AFG", "REB")
    assert actors.as_of(taliban, date(2015, 1, 1)).sector == "REB"
    assert actors.as_of(taliban, date(2022, 1, 1)).sector == "GOV"
    assert actors.as_of(taliban, None).sector == "REB"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Jabhat Fateh Al-Sham", "org:hts"),
        ("Jabhat Fateh ash-Sham", "org:hts"),
        ("Jabhat Fateh al Sham", "org:hts"),
        ("Jaish al-Fateh", "org:jaysh-al-fatah"),
        ("Liwaa Al-Quds", "org:liwa-al-quds"),
        ("Hashd Al-Sha'abi", "org:iraqi-pmf"),
        ("Hashd al Shaabi", "org:iraqi-pmf"),
        ("Izz el-Din al-Qassam Brigades", "org:hamas"),
        ("al-Qaida", "org:al-qaeda"),
        ("Lashkar e Taiba", "org:let"),
    ],
)
def test_names_match_their_transliterations(actors: ActorDictionary, text: str, key: str) -> None:
    """Arabic article forms, hyphen or space, inner apostrophes and common transliterations
    of group words all reach the one entry."""
    assert key in [entry.key for entry in actors.lookup(text)]


def test_groups_that_changed_role_are_dated(actors: ActorDictionary) -> None:
    unita = first(actors, "UNITA")
    assert actors.as_of(unita, date(1995, 1, 1)).sector == "REB"
    assert actors.as_of(unita, date(2010, 1, 1)).sector == "PTY"
    spla = first(actors, "SPLA")
    assert actors.as_of(spla, date(1999, 1, 1)).country == "SDN"
    assert actors.as_of(spla, date(2015, 1, 1)).country == "SSD"


def test_wikidata_only_where_given(actors: ActorDictionary) -> None:
    assert first(actors, "NATO").wikidata == "Q7184"
    assert first(actors, "Hamas").wikidata is None


@pytest.mark.parametrize(
    "text",
    ["Sky News", "BBC", "CNN", "Reuters", "AP", "AFP", "Al Jazeera", "RT", "Xinhua", "TASS",
     "Fox News", "The New York Times", "The Guardian", "Le Monde", "Twitter", "X", "Facebook",
     "Instagram", "Telegram", "YouTube", "TikTok", "WhatsApp", "Truth Social", "state TV"],
)  # fmt: skip
def test_media_detection(actors: ActorDictionary, text: str) -> None:
    assert actors.is_media(text)
    assert first(actors, text).role == "media"


def test_media_are_not_confused_with_words_or_states(actors: ActorDictionary) -> None:
    assert not actors.is_media("France")
    assert not actors.is_media("guardian")
    assert not actors.is_media("sky")
    assert first(actors, "BBC").sector == "JRN"
    assert first(actors, "Twitter").sector == "BUS"


# --- nouns, titles, modifiers, generic words --------------------------------------------------


@pytest.mark.parametrize(
    ("lemma", "sector"),
    [
        ("police", "COP"),
        ("policeman", "COP"),
        ("troop", "MIL"),
        ("troops", "MIL"),
        ("soldier", "MIL"),
        ("army", "MIL"),
        ("navy", "MIL"),
        ("coast guard", "MIL"),
        ("lawmaker", "LEG"),
        ("parliament", "LEG"),
        ("senator", "LEG"),
        ("opposition", "OPP"),
        ("court", "JUD"),
        ("prosecutor", "JUD"),
        ("rebel", "REB"),
        ("insurgents", "REB"),
        ("militant", "REB"),
        ("protester", "CVL"),
        ("student", "EDU"),
        ("refugee", "REF"),
        ("asylum seeker", "REF"),
        ("journalist", "JRN"),
        ("fisherman", "AGR"),
        ("fishermen", "AGR"),
        ("company", "BUS"),
        ("union", "LAB"),
        ("doctor", "MED"),
        ("cleric", "REL"),
        ("party", "PTY"),
        ("spy agency", "SPY"),
        ("gunman", "UAF"),
        ("gunmen", "UAF"),
        ("smuggler", "CRM"),
        ("government", "GOV"),
        ("authorities", "GOV"),
    ],
)
def test_sector_nouns(actors: ActorDictionary, lemma: str, sector: str) -> None:
    noun = actors.sector_of_noun(lemma)
    assert noun is not None and noun.sector == sector


def test_officials_need_a_country(actors: ActorDictionary) -> None:
    noun = actors.sector_of_noun("officials")
    assert noun is not None and noun.needs_country and noun.sector == "GOV"
    assert actors.is_generic("officials")
    assert actors.sector_of_noun("table") is None


@pytest.mark.parametrize(
    ("phrase", "sector", "former"),
    [
        ("health secretary", "GOV", False),
        ("Prime Minister", "GOV", False),
        ("prime-minister", "GOV", False),
        ("MP", "LEG", False),
        ("president", "GOV", False),
        ("foreign minister", "GOV", False),
        ("general", "MIL", False),
        ("police chief", "COP", False),
        ("former prime minister", "ELI", True),
        ("ex-president", "ELI", True),
        ("shadow health secretary", "OPP", False),
        ("opposition leader", "OPP", False),
        ("acting president", "GOV", False),
        ("the then ex-president", "ELI", True),
    ],
)
def test_titles(actors: ActorDictionary, phrase: str, sector: str, former: bool) -> None:
    title = actors.title(phrase)
    assert title is not None
    assert (title.sector, title.former, title.kind) == (sector, former, "person")


def test_words_in_front_of_a_title_are_read_one_by_one() -> None:
    assert strip_title_words("then acting prime minister") == ("prime minister", False, False)
    assert strip_title_words("former shadow chancellor") == ("chancellor", True, True)
    assert strip_title_words("interim") == ("interim", False, False)  # a title of its own


def test_former_title_keeps_the_office_sector(actors: ActorDictionary) -> None:
    title = actors.title("former defence minister")
    assert title is not None and title.office_sector == "GOV" and title.sector == "ELI"
    assert actors.title("plumber") is None


@pytest.mark.parametrize(
    ("lemma", "sector"),
    [("opposition", "OPP"), ("former", "ELI"), ("ex", "ELI"), ("rebel", "REB"),
     ("military", "MIL"), ("police", "COP"), ("government", "GOV"), ("ruling", "GOV"),
     ("passenger", "CVL")],
)  # fmt: skip
def test_modifiers(actors: ActorDictionary, lemma: str, sector: str) -> None:
    assert actors.modifier_sector(lemma) == sector


def test_modifier_unknown(actors: ActorDictionary) -> None:
    assert actors.modifier_sector("blue") is None


@pytest.mark.parametrize(
    "lemma",
    ["people", "children", "women", "officials", "witnesses", "analysts", "experts", "sources",
     "observers", "someone", "many", "others"],
)  # fmt: skip
def test_generic_nouns(actors: ActorDictionary, lemma: str) -> None:
    assert actors.is_generic(lemma)


def test_actor_nouns_are_not_generic(actors: ActorDictionary) -> None:
    assert not actors.is_generic("police")
    assert not actors.is_generic("protesters")


# --- persons ----------------------------------------------------------------------------------


def test_johnson_in_office_then_former(actors: ActorDictionary) -> None:
    in_office = actors.person("Boris Johnson", date(2021, 6, 1))
    assert in_office is not None and (in_office.country, in_office.sector) == ("GBR", "GOV")
    assert in_office.office is not None and in_office.office.title == "Prime Minister"
    after = actors.person("Boris Johnson", date(2023, 3, 1))
    assert after is not None and (after.country, after.sector) == ("GBR", "ELI")
    assert after.office is None
    assert after.last_office is not None and after.last_office.title == "Prime Minister"
    foreign = actors.person("Boris Johnson", date(2017, 1, 1))
    assert foreign is not None and foreign.office is not None
    assert foreign.office.title == "Foreign Secretary"


def test_javid_health_secretary_on_article_date(actors: ActorDictionary) -> None:
    javid = actors.person("Sajid Javid", date(2021, 11, 28))
    assert javid is not None
    assert (javid.country, javid.sector, javid.kind) == ("GBR", "GOV", "person")
    assert javid.office is not None and javid.office.title == "Health Secretary"
    between = actors.person("Javid", date(2021, 1, 1))
    assert between is not None and between.sector == "ELI"


def test_person_before_any_office_and_handover_day(actors: ActorDictionary) -> None:
    before = actors.person("Keir Starmer", date(2000, 1, 1))
    assert before is not None and before.sector is None and before.office is None
    handover = actors.person("Liz Truss", date(2022, 9, 6))
    assert handover is not None and handover.office is not None
    assert handover.office.title == "Prime Minister"
    assert sector_on(actors, "Boris Johnson", date(2022, 9, 6)) == "ELI"


def test_opposition_and_default_sectors(actors: ActorDictionary) -> None:
    nandy = actors.person("Lisa Nandy", date(2021, 1, 1))
    assert nandy is not None and nandy.sector == "OPP"  # shadow minister beats MP
    sharaa = actors.person("Abu Mohammed al-Jolani", date(2020, 1, 1))
    assert sharaa is not None and (sharaa.country, sharaa.sector) == ("SYR", "REB")
    now = actors.person("Ahmed al-Sharaa", date(2025, 6, 1))
    assert now is not None and now.sector == "GOV"


def test_undated_person_uses_latest_office(actors: ActorDictionary) -> None:
    trump = actors.person("Trump", None)
    assert trump is not None and trump.sector == "GOV"
    # Undated text is read as written while the person held their last office.
    merkel = actors.person("Merkel", None)
    assert merkel is not None and merkel.sector == "GOV" and merkel.country == "DEU"


def test_required_persons_present(actors: ActorDictionary) -> None:
    for name in ["Emmanuel Macron", "Joe Biden", "Donald Trump", "Vladimir Putin", "Xi Jinping",
                 "Volodymyr Zelensky", "Olaf Scholz", "Angela Merkel", "Keir Starmer",
                 "Rishi Sunak", "Liz Truss", "Theresa May", "David Cameron", "Gérald Darmanin",
                 "Priti Patel", "Lisa Nandy", "Sergei Lavrov"]:  # fmt: skip
        assert actors.person(name, date(2021, 11, 28)) is not None, name
    darmanin = actors.person("Gerald Darmanin", date(2021, 11, 28))
    assert darmanin is not None and darmanin.office is not None
    assert (darmanin.country, darmanin.office.title) == ("FRA", "Interior Minister")
    patel = actors.person("Priti Patel", date(2021, 11, 28))
    assert patel is not None and patel.office is not None
    assert patel.office.title == "Home Secretary"


def test_ambiguous_surnames_are_not_persons(actors: ActorDictionary) -> None:
    assert actors.person("Johnson", date(2021, 1, 1)) is None
    assert actors.lookup("May") == []
    assert first(actors, "Putin").key == "person:vladimir-putin"


# --- coverage and speed -----------------------------------------------------------------------


def test_phrase_coverage(actors: ActorDictionary) -> None:
    pairs = list(actors.phrases())
    countries = {e.country for _, e in pairs if e.role == "country_name"}
    assert len(countries) >= 240
    assert len({phrase for phrase, _ in pairs}) >= 500
    assert all(phrase == phrase.lower() for phrase, _ in pairs)


def test_default_dictionary_is_cached(actors: ActorDictionary) -> None:
    """The second load is the same object: the files are read once per process."""
    assert ActorDictionary.load() is actors


# --- user files and validation ----------------------------------------------------------------


def test_user_file_adds_a_militia_and_overrides_an_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
organizations:
  - {name: Kingsmen Brigade, aliases: [the Kingsmen], country: NGA, sector: REB, kind: group}
  - {name: Hamas, country: PSE, sector: GOV, kind: group}
persons:
  - name: Jane Example
    offices:
      - {country: GBR, sector: GOV, title: Minister, start: 2020-01-01, end: null}
capitals:
  - {country: FRA, name: Paris, metonym: false}
""",
    )
    actors = ActorDictionary.load(extra=[path])
    militia = first(actors, "Kingsmen")
    assert (militia.country, militia.sector, militia.kind) == ("NGA", "REB", "group")
    assert militia.source.endswith("user_actors.yaml:3")
    hamas = actors.lookup("Hamas")
    assert [(e.country, e.sector) for e in hamas] == [("PSE", "GOV")]
    assert actors.lookup("Qassam Brigades") == []  # the override replaces the aliases too
    assert actors.lookup("Paris") == []
    jane = actors.person("Jane Example", date(2021, 1, 1))
    assert jane is not None and jane.sector == "GOV"
    assert ActorDictionary.load().lookup("Kingsmen") == []  # built-ins unchanged


def test_user_file_can_extend_a_country(tmp_path: Path) -> None:
    path = write(tmp_path, "country_aliases:\n  - {country: GBR, names: [Blighty]}\n")
    actors = ActorDictionary.load(extra=[path])
    assert first(actors, "Blighty").key == "country:GBR"
    assert first(actors, "Britain").key == "country:GBR"


BAD_FILES = [
    (
        "organizations:\n  - {name: Zeta Front, country: XYZ, sector: REB}\n",
        "unknown country code 'XYZ'",
    ),
    (
        "organizations:\n  - {name: Zeta Front, country: NGA, sector: ZZZ}\n",
        "unknown sector code 'ZZZ'",
    ),
    (
        "organizations:\n  - {name: Zeta Front, country: NGA, colour: red}\n",
        "unknown key(s) colour",
    ),
    ("villains:\n  - {name: Zeta Front}\n", "unknown section(s) villains"),
    (
        "organizations:\n  - {name: Zeta Front, country: NGA}\n"
        "  - {name: Zeta Front, country: GHA}\n",
        "duplicate key 'org:zeta-front'",
    ),
    (
        "persons:\n  - name: Zeta Person\n    offices:\n"
        "      - {country: GBR, sector: GOV, title: Minister, start: 2020-02-30}\n",
        "must be an ISO date",
    ),
    (
        "persons:\n  - name: Zeta Person\n    offices:\n"
        "      - {country: GBR, sector: GOV, title: Minister, start: 'soon'}\n",
        "must be an ISO date",
    ),
    (
        "persons:\n  - name: Zeta Person\n    offices:\n"
        "      - {country: GBR, sector: GOV, title: Minister,\n"
        "         start: 2020-01-01, end: 2019-01-01}\n",
        "is before start",
    ),
    (
        "persons:\n  - name: Zeta Person\n    offices:\n"
        "      - {country: GBR, sector: GOV, title: Minister, start: 2020-01-01, end: 2022-01-01}\n"
        "      - {country: GBR, sector: GOV, title: minister, start: 2021-01-01, end: null}\n",
        "overlapping date ranges",
    ),
    ("organizations:\n  - {name: Zeta Front, wikidata: 42}\n", "'wikidata' must look like Q42"),
    ("organizations: [\n", "invalid YAML"),
]


@pytest.mark.parametrize(("text", "problem"), BAD_FILES)
def test_validation_errors_name_file_entry_and_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = write(tmp_path, text, "bad_actors.yaml")
    with pytest.raises(DataFileError) as caught:
        ActorDictionary.load(extra=[path])
    message = str(caught.value)
    assert "bad_actors.yaml" in message
    assert problem in message
    if "Zeta" in text and "section" not in problem:
        assert "Zeta" in message  # the entry is named


def test_validation_error_gives_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "organizations:\n  - {name: Fine Front, country: NGA}\n"
        "  - {name: Zeta Front, country: XX}\n",
        "bad_actors.yaml",
    )
    with pytest.raises(DataFileError, match=r"bad_actors\.yaml:3: organizations entry 1"):
        ActorDictionary.load(extra=[path])


def test_different_titles_may_overlap(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "persons:\n  - name: Zeta Person\n    offices:\n"
        "      - {country: GBR, sector: LEG, title: MP, start: 2010-01-01, end: null}\n"
        "      - {country: GBR, sector: GOV, title: Minister,\n"
        "         start: 2012-01-01, end: 2014-01-01}\n",
    )
    actors = ActorDictionary.load(extra=[path])
    assert sector_on(actors, "Zeta Person", date(2013, 1, 1)) == "GOV"
    assert sector_on(actors, "Zeta Person", date(2015, 1, 1)) == "LEG"


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        ActorDictionary.load(extra=[tmp_path / "nowhere.yaml"])
