"""Headlines (engine/headlines.py): a Title Case title read in ordinary case and coded like the
lead, marked as the headline, and not counted twice when the body reports the same event.
Every headline here was invented for this test."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gestae.query.export import GDELT_COLUMNS, export
from gestae.schema import Article, EventRecord
from gestae.store.database import EventStore

PUBLISHED = date(2024, 5, 14)
BODY = "The report gave no further details."

# Title Case headline -> the event it must code: type, source country, target country.
HEADLINES = [
    ("Turkey Threatens Greece With Military Action Over Islands", "THREATEN", "TUR", "GRC"),
    ("China Accuses Japan Of Violating Its Airspace", "ACCUSE", "CHN", "JPN"),
    ("Iran Rejects French Proposal On Nuclear Talks", "REJECT", "IRN", "FRA"),
    ("Ukraine Urges Germany To Send More Air Defense Systems", "REQUEST", "UKR", "DEU"),
    ("Indian And Chinese Foreign Ministers Meet In Moscow", "CONSULT", "IND", "CHN"),
    ("Egypt And Sudan Agree To Resume Talks On Nile Dam", "AGREE", "EGY", "SDN"),
    ("Russian Warplanes Bomb Rebel Positions In Idlib", "ASSAULT", "RUS", "SYR"),
    ("Belarus Police Arrest Dozens Of Opposition Activists", "COERCE", "BLR", "BLR"),
    ("Poland Expels Three Russian Diplomats", "SANCTION", "POL", "RUS"),
    ("Students Demonstrate Against Government In Belgrade", "PROTEST", "SRB", "SRB"),
    ("Kenyan Opposition Supporters Protest Election Results", "PROTEST", "KEN", "KEN"),
    ("Nigeria Deploys Troops To Restive Northeast", "MOBILIZE", "NGA", None),
    ("Japan Sends Emergency Aid To Earthquake-Hit Turkey", "AID", "JPN", "TUR"),
    ("Washington Praises Colombian Peace Deal", "SUPPORT", "USA", "COL"),
    ("Israel Withdraws Troops From Southern Lebanon", "RETREAT", "ISR", "LBN"),
    ("Brazil And Argentina Launch Joint Naval Exercises", "COOPERATE", "BRA", "ARG"),
]
NOT_EVENTS = [
    "Local Bakery Wins National Bread Award",
    "Stock Markets Close Higher As Tech Shares Rally",
    "Heavy Snow Expected Across The Alps This Weekend",
    "Manchester United Beat Chelsea In Late Thriller",
    "New Museum Exhibit Celebrates Renaissance Painters",
    "Scientists Discover New Species Of Frog In Peru",
]


def _events(coder: Any, article: Article) -> list[EventRecord]:
    return [r for r in coder.code(article) if r.kind == "event"]


def _titled(title: str, text: str = BODY) -> Article:
    return Article(id="h", text=text, title=title, published=PUBLISHED)


def _country(actor: Any) -> str | None:
    return actor.country if actor is not None else None


@pytest.mark.parametrize(("title", "event_type", "source", "target"), HEADLINES)
def test_title_case_headline_codes_its_event(
    coder: Any, title: str, event_type: str, source: str, target: str | None
) -> None:
    found = _events(coder, _titled(title))
    dyads = [(r.event_type, _country(r.source), _country(r.target)) for r in found]
    assert (event_type, source, target) in dyads, dyads
    for record in found:
        assert record.sentence_index == -1
        assert record.sentence == title
        assert record.rules[0] == "headline.ordinary-case"
        # Offsets point into the title, and the words are shown as written.
        assert title[record.trigger.start : record.trigger.end] == record.trigger.text
        assert record.trigger.text[:1].isupper()


@pytest.mark.parametrize("title", NOT_EVENTS)
def test_headline_without_political_event_codes_nothing(coder: Any, title: str) -> None:
    assert _events(coder, _titled(title)) == []


@pytest.mark.parametrize(
    ("title", "cased"),
    [
        ("Police Threaten Protesters With Arrest", "Police threaten protesters with arrest"),
        ("UN Security Council Condemns Attack", "UN Security Council condemns attack"),
        ("Israel Launches Airstrikes On Gaza", "Israel launches airstrikes on Gaza"),
        ("CHINA CONDEMNS US ARMS DEAL WITH TAIWAN", "China condemns US arms deal with Taiwan"),
        ("Iraq says key militant leader is dead", "Iraq says key militant leader is dead"),
    ],
)
def test_ordinary_case_keeps_names_and_length(coder: Any, title: str, cased: str) -> None:
    assert coder.headlines.ordinary_case(title) == cased
    assert len(cased) == len(title)


def test_headline_restated_by_the_body_counts_once(coder: Any) -> None:
    text = "Poland expelled three Russian diplomats on Monday, the foreign ministry said."
    found = _events(coder, _titled("Poland Expels Three Russian Diplomats", text))
    sanctions = [r for r in found if r.event_type == "SANCTION"]
    assert len(sanctions) == 1, sanctions
    assert sanctions[0].sentence_index == 0
    assert "record.headline-restated" in sanctions[0].rules


def test_a_body_record_without_countries_does_not_absorb_the_headline(coder: Any) -> None:
    """The headline names both sides; the body's unknown attackers and their victim name no
    country: the headline's record stays, beside the body's."""
    text = "Unknown attackers killed a man, witnesses said."
    found = _events(coder, _titled("Kenyan Troops Kill Militants In Somalia", text))
    heads = [r for r in found if r.sentence_index == -1]
    assert heads and heads[0].source is not None and heads[0].source.country == "KEN", found
    assert all("record.headline-restated" not in r.rules for r in found)


def test_first_line_without_a_stop_is_the_headline(coder: Any) -> None:
    text = "Nigeria Deploys Troops To Restive Northeast\nThe army gave no figures on Monday."
    found = _events(coder, Article(id="h", text=text, published=PUBLISHED))
    assert [(r.event_type, r.sentence_index) for r in found] == [("MOBILIZE", -1)]
    trigger = found[0].trigger
    assert text[trigger.start : trigger.end] == trigger.text == "Deploys"


def test_first_line_headline_is_not_glued_to_the_lead(coder: Any) -> None:
    """The line is its own sentence, coded once, and the lead keeps sentence index 0."""
    text = "Chile Recalls Envoy\nPeru expelled two Chilean diplomats on Tuesday."
    found = _events(coder, Article(id="h", text=text, title="Chile Recalls Envoy"))
    body = [r for r in found if r.sentence_index >= 0]
    assert body and {r.sentence_index for r in body} == {0}
    assert all(r.sentence.startswith("Peru") for r in body)
    assert len([r for r in found if r.sentence_index == -1]) <= 1


def test_a_sentence_is_not_a_headline(coder: Any) -> None:
    text = "Chile recalled its envoy.\nPeru expelled two Chilean diplomats on Tuesday."
    assert coder.headlines.find(Article(id="h", text=text)) is None


def test_headline_event_is_a_root_event_in_gdelt(coder: Any, tmp_path: Path) -> None:
    article = _titled("Poland Expels Three Russian Diplomats")
    with EventStore(tmp_path / "s.duckdb") as store:
        store.write(article, coder.code(article))
        assert export(store.con, "gdelt", tmp_path / "e.tsv") == 1
    row = (tmp_path / "e.tsv").read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert row[GDELT_COLUMNS.index("IsRootEvent")] == "1"


def test_headline_pair_needs_a_name_before_the_comma(coder: Any) -> None:
    """Only a proper noun right before the comma and the subject is joined to it: a fronted
    time word does not become a doer, and two names both act."""
    fronted = _events(coder, _titled("Today, Ghana Expels Two Diplomats"))
    assert {_country(r.source) for r in fronted} == {"GHA"}
    paired = _events(coder, _titled("Ghana, Togo Sign Border Accord"))
    assert {(_country(r.source), _country(r.target)) for r in paired} == {
        ("GHA", "TGO"),
        ("TGO", "GHA"),
    }
