"""Whom help is aimed at when the one helped is told as the doer of what the help is for:
"China will help Pakistan build a port", "pledged to help Sudan cope with the refugees". The
parse makes the one helped the subject of the infinitive, so the help had no object and no
target (events/frame_subjects.py helped_subject finds it; matching.py lets it fill the
"@actor" object of "help")."""

from __future__ import annotations

from gestae.engine.actors import Mention
from gestae.engine.events.frame_subjects import helped_subject
from gestae.engine.events.mentions import actor_group
from gestae.engine.events.target_search import Search
from gestae.engine.rules import rule


@rule("target.helped-subject")
def helped_target(q: Search) -> list[Mention]:
    """'help Pakistan build a port': the one helped, parsed as the subject of the infinitive
    after "help", is the help's target; only an actor of known country.

    Example: China will help Pakistan build a deep-water port.
    """
    subject = helped_subject(q.token, q.ev.actors)
    if subject is None:
        return []
    return q.found("target.helped-subject", actor_group(q.ev.grammar, subject, q.ev.actors))
