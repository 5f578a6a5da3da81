"""Who an act is addressed to when that is the press: a statement's channel, not a party."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule
from gestae.schema import Actor

PRESS_SECTOR = "JRN"


def _is_press(actor: Actor, draft: Draft) -> bool:
    """Reporters, journalists (sector JRN) or a news outlet the actor files list as media."""
    if actor.sector == PRESS_SECTOR:
        return True
    doc = draft.sent.doc
    return any(
        mention.media and doc[mention.start : mention.end].text == actor.text
        for mention in draft.actors.mentions
    )


@rule("record.press-audience")
def press_audience(draft: Draft) -> bool:
    """Meeting or talking to reporters is how a statement reaches the public, not a
    consultation between parties; the statement itself is what gets coded, when it holds an
    act. The press is left out of the targets; False drops a record with no other.

    Example: The defence minister spoke to reporters after the cabinet meeting.
    """
    if draft.event_type != "CONSULT" or not draft.targets:
        return True
    parties = [t for t in draft.targets if not _is_press(t, draft)]
    if len(parties) == len(draft.targets):
        return True
    if parties:
        draft.trace.add("record.press-audience", "the press is no party to the meeting")
        draft.targets = parties
        return True
    draft.trace.add("record.press-audience", "the only counterpart is the press")
    return False
