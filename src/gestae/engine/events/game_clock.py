"""The clock of a game: "in the 20th minute", "in stoppage time". Only a match is timed by
its minutes counted from kick-off, so an act told at such a time is a play in it
(suppress.sport in events/nonpolitical.py)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from gestae.engine.rules import rule

# "20th", "89th", "1st": a minute counted from kick-off; "the last minute" is any deadline.
COUNTED = re.compile(r"^\d{1,3}(st|nd|rd|th)$")
# Time added to a match: "scored in stoppage time", "struck in injury time".
ADDED_TIME = frozenset({"stoppage", "injury"})


@rule("suppress.game-minute")
def game_minute(word: Token) -> bool:
    """A minute numbered from kick-off ("struck in the 20th minute") or time added to a
    match ("in stoppage time", "a stoppage-time goal") times a play in a game, no attack; "at the last minute", "in
    the 11th hour" and "in minutes" are no game.

    Example: Mohamed Salah struck in the 75th minute to level the score.
    """
    lemma = word.lemma_.lower()
    if lemma == "minute":
        return any(COUNTED.match(c.lower_) for c in word.children if c.dep_ == "amod")
    if lemma == "time":
        return any(c.lower_ in ADDED_TIME for c in word.children if c.dep_ in ("amod", "compound"))
    # The added time as a compound of what it times: "a stoppage-time goal", "an injury-time
    # winner".
    return any(
        c.lemma_.lower() == "time" and game_minute(c) for c in word.children if c.dep_ == "compound"
    )
