"""Who the actors are: a title ranked by "deputy", and an "it" whose antecedent the sentence
itself gives (the body a spokesperson speaks for, the state a relative clause hangs on, the
subject a fronted clause's pronoun runs ahead to). Invented sentences."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gestae.schema import Actor, Article
from tests.test_actors import actor_for, codes


def pointed(coder: Any, text: str, words: str) -> list[Actor]:
    """Actors of the mention headed by the first word of `words` (a pronoun whose antecedent
    is in its own sentence keeps the antecedent's words, so only its head finds it)."""
    doc = coder.nlp(text)
    found = coder.analyse(Article(id="t", text=text, published=date(2021, 11, 28)), doc)
    start = text.index(words)
    for mention in found.mentions:
        if doc[mention.head].idx == start:
            return list(mention.actors)
    return []


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.deputy-rank: "deputy" before the title it ranks is no lawmaker.
        ("Peru's deputy ambassador criticized Chile.", "deputy", [("PER", "GOV")]),
        ("The Chilean deputy U.N. ambassador spoke.", "Chilean", [("CHL", "GOV")]),
        ("Kenya's deputy president criticized the senate.", "deputy", [("KEN", "GOV")]),
        ("The deputy army commander resigned.", "deputy", [(None, "MIL")]),
        # ... but "deputy" heading its phrase, or before a name, stays one.
        ("Deputy Ana Ruiz criticized the mayor.", "Deputy", [(None, "LEG")]),
        ("Police arrested two Peruvian deputies.", "two", [("PER", "LEG")]),
    ],
)
def test_deputy_ranks_the_title_after_it(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_it_is_the_body_a_spokesperson_speaks_for(coder: Any) -> None:
    text = (
        "Norway and Chile offered to host the talks. A spokesperson for the Canadian Foreign "
        "Ministry told reporters it had been working with Peru for months."
    )
    assert codes(pointed(coder, text, "it had")) == [("CAN", "GOV")]


def test_it_after_a_person_of_no_body_is_not_the_last_state(coder: Any) -> None:
    text = "Norway offered to host the talks. A spokesperson told reporters it had been working."
    assert codes(pointed(coder, text, "it had")) in ([], [("NOR", None)])


def test_it_is_the_state_a_relative_clause_hangs_on(coder: Any) -> None:
    text = (
        "Spain ruled the islands until 1970. The islands were administered from Morocco, "
        "which argues it was forced to give them up."
    )
    assert codes(pointed(coder, text, "it was")) == [("MAR", None)]


def test_it_in_a_fronted_clause_is_the_main_subject(coder: Any) -> None:
    text = (
        "Peru closed its border on Monday. After weeks of denying it was planning to expel "
        "them, Chile deported 20 migrants."
    )
    assert codes(pointed(coder, text, "it was")) == [("CHL", None)]


def test_it_in_a_later_clause_is_not_run_ahead(coder: Any) -> None:
    text = "Peru closed its border on Monday. Chile said it would reopen its own on Friday."
    assert codes(pointed(coder, text, "it would")) == [("CHL", None)]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.heads-body: a person made the head of a body by a relative clause is its.
        (
            "Pannipa Srisuwan, who heads Cambodia's Rural Rights Foundation, spoke on Monday.",
            "Pannipa",
            [("KHM", None)],
        ),
        (
            "Pannipa Srisuwan, who leads the Cambodian opposition party, criticized the plan.",
            "Pannipa",
            [("KHM", "OPP")],
        ),
        # ... not one who only visits it, nor one who leads a state.
        (
            "Pannipa Srisuwan, who visited Cambodia's election commission, criticized the plan.",
            "Pannipa",
            [(None, None)],
        ),
        ("Pannipa Srisuwan, who leads Cambodia, criticized the plan.", "Pannipa", [(None, None)]),
    ],
)
def test_head_of_a_body_takes_its_country(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


def test_head_of_a_body_keeps_it_for_a_later_she(coder: Any) -> None:
    text = (
        "Pannipa Srisuwan, who heads Cambodia's Rural Rights Foundation, spoke on Monday. "
        "She later accused the Thai government of lying."
    )
    assert codes(pointed(coder, text, "She later")) == [("KHM", None)]


def test_they_of_a_reported_clause_is_its_plural_speakers(coder: Any) -> None:
    text = (
        "The Peruvian government blamed the rebels on Monday. "
        "Chilean officials said they would expel two diplomats."
    )
    assert codes(pointed(coder, text, "they would")) == [("CHL", "GOV")]


def test_they_of_speakers_no_actor_stands_for_is_nobody(coder: Any) -> None:
    text = (
        "The Peruvian government blamed the rebels on Monday. "
        "Witnesses said they saw smoke over the town."
    )
    assert pointed(coder, text, "they saw") == []


def test_they_of_a_singular_speaker_is_read_as_before(coder: Any) -> None:
    text = (
        "Eritrean soldiers shelled Ethiopian positions near the border on Friday. "
        "Ethiopia said they had also killed three of its soldiers."
    )
    assert codes(pointed(coder, text, "they had")) == [("ERI", "MIL")]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.serves-body: "for" a state's own body gives that state.
        ("A spokesman for the Kenyan police spoke on Monday.", "A spokesman", [("KEN", "GOV")]),
        # ... "for" a bare state's name is the task, not the country.
        ("The envoy for Syria spoke on Monday.", "The envoy", [(None, "GOV")]),
    ],
)
def test_title_for_a_states_body_serves_that_state(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # actor.regional-people: a region's people take no country from the article.
        ("Russia massed troops. European leaders condemned Moscow.", "European", [(None, "GOV")]),
        ("Taliban officials met Western diplomats in Kabul.", "Western", [(None, "GOV")]),
        # ... a state's demonym beside the region's still gives its own.
        ("European and Kenyan officials met in Nairobi.", "European", [("KEN", "GOV")]),
    ],
)
def test_regional_people_take_no_country_of_the_article(
    coder: Any, text: str, words: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert codes(actor_for(coder, text, words)) == expected
