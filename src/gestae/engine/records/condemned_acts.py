"""Whom a condemnation of an act told before is aimed at. News tells an attack, then the
reactions: "An Israeli airstrike killed a commander in Beirut. Lebanon condemned the strike."
The condemning sentence names no doer, so the record had no target; "the strike" is the act
just told, and disapproving it is aimed at whoever did it.

Narrow, since a wrong target is worse than none: only a disapproval (CAMEO 11x) with no target,
whose object is a definite act noun ("the strike", "this attack") with no doer of its own;
only from the nearest of the three sentences before that tells an act of force (an arrest
noun, an arrest or detention: "condemned the arrest" is never aimed at the body that barred a
candidate the sentence before); only when that sentence names exactly one doer; never the
condemner itself. Praising or welcoming such an act ("praised the crackdown") is aimed at its
doer the same way (record.praised-act-doer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from gestae.engine.records.carried_sources import (
    Earlier,
    aim_at_doer_told,
    definite_object,
    reaction_trigger,
)
from gestae.engine.rules import rule
from gestae.resources.word_classes import words
from gestae.schema import EventRecord

CONDEMNED_ACTS = words("condemned_acts")
ARREST_NOUNS = words("arrest_nouns")
# Nouns of a show of force ("the test", "the launch", "the deployment"): condemned, they are
# aimed at the doer of a build-up or test told before (MOBILIZE), never at an attack's doer.
CONDEMNED_SHOWS = words("condemned_shows")
SHOW_TYPES = frozenset({"MOBILIZE"})
CONDEMNED_NOUNS = CONDEMNED_ACTS | CONDEMNED_SHOWS
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})
ARREST_CODE = "173"
DISAPPROVAL_ROOT = "11"
APPROVAL_ROOT = "05"


def _told_force(noun: str) -> Callable[[EventRecord], bool]:
    """The acts the noun may name: an arrest or detention for an arrest noun, else any act of
    force."""
    if noun in ARREST_NOUNS:
        return lambda r: r.event_type == "COERCE" and (r.cameo or "").startswith(ARREST_CODE)
    return lambda r: r.event_type in FORCE_TYPES


def _aimed(
    record: EventRecord, sent: Span, earlier: Earlier, root: str, rule_id: str
) -> EventRecord | None:
    trigger = reaction_trigger(record, sent, earlier, lambda c: c.startswith(root))
    if trigger is None:
        return None
    obj = definite_object(trigger)
    if obj is None or obj.lemma_.lower() not in CONDEMNED_NOUNS:
        return None
    if any(_another_act(c) for c in obj.children):
        return None  # "condemned the attack by the army", "the new strikes"
    why = f"target: '{obj.text}' is the act sentence {{index}} told, done by it"
    if obj.lemma_.lower() in CONDEMNED_SHOWS:
        return condemned_show_doer(record, earlier, rule_id, why)
    named = aim_at_doer_told(record, earlier, _same_word(obj.lemma_.lower()), rule_id, why)
    if named is not None:
        said = f"; [{SAME_WORD_RULE}] '{obj.text}' names the act by its own word"
        return replace(
            named, explanation=named.explanation + said, rules=[*named.rules, SAME_WORD_RULE]
        )
    return aim_at_doer_told(record, earlier, _told_force(obj.lemma_.lower()), rule_id, why)


@rule("record.condemned-show")
def condemned_show_doer(
    record: EventRecord, earlier: Earlier, rule_id: str, why: str
) -> EventRecord | None:
    """'Iran test-fired a missile on Monday. Israel condemned the test': a show of force
    (a missile test or launch, a deployment: MOBILIZE) named by its noun is aimed at the doer
    of the build-up told before; an attack told nearer is not the test.

    Example: Pakistan test-fired a cruise missile on Monday. India condemned the test.
    """
    named = aim_at_doer_told(record, earlier, lambda r: r.event_type in SHOW_TYPES, rule_id, why)
    if named is None:
        return None
    said = "; [record.condemned-show] a show of force, told as MOBILIZE"
    return replace(
        named, explanation=named.explanation + said, rules=[*named.rules, "record.condemned-show"]
    )


SAME_WORD_RULE = "record.condemned-same-word"
# An act of force a crowd does is a riot (PROTEST 145) when its doers are a mob.
RIOT_CODE = "145"
# Endings a verb drops to its act noun's stem: "bombing" of "bombed", "killing" of "killed".
NOUN_ENDINGS = ("ing",)


@rule(SAME_WORD_RULE)
def _same_word(noun: str) -> Callable[[EventRecord], bool]:
    """'A mob attacked a clinic in Kenema. Police fired tear gas. The government condemned
    the attack': the act named by the noun's own word (attacked, bombed, raided) is the one
    condemned, before a nearer act of force of other words; a riot counts as force.

    Example: A mob attacked a clinic in Kenema on Monday. Police fired tear gas at the crowd. Sierra Leone's government condemned the attack.
    """
    stem = next((noun[: -len(e)] for e in NOUN_ENDINGS if noun.endswith(e)), noun)
    if len(stem) <= 3:
        return lambda r: False  # too short a stem to tell the word apart
    return lambda r: (
        (r.event_type in FORCE_TYPES or (r.cameo or "") == RIOT_CODE)
        and r.trigger.text.lower().startswith(stem)
    )


@rule("record.condemned-act-doer")
def condemned_act_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'Rebels shelled Goma on Monday. Kenya condemned the attack': disapproving an act the
    article told before, named with "the" and no doer of its own, is aimed at that act's one
    doer.

    Example: Rebels shelled a market in Goma on Monday. Kenya condemned the attack.
    """
    return _aimed(record, sent, earlier, DISAPPROVAL_ROOT, "record.condemned-act-doer")


@rule("record.praised-act-doer")
def praised_act_doer(record: EventRecord, sent: Span, earlier: Earlier) -> EventRecord | None:
    """'Police arrested 30 smugglers in Zuwara. The EU praised the crackdown': praising or
    welcoming an act of force the article told before, named with "the" and no doer of its
    own, is aimed at that act's one doer, as condemning it is.

    Example: Police in Lagos arrested 40 suspected traffickers on Monday. Ghana praised the crackdown.
    """
    return _aimed(record, sent, earlier, APPROVAL_ROOT, "record.praised-act-doer")


# Words that tell an act noun as another act than the one told before ("the new strikes").
ANOTHER_ACT = frozenset({"another", "separate", "second", "new", "fresh", "further", "other"})


def _another_act(child: Token) -> bool:
    """A word of an act noun that tells it as another act than one told, or names a doer of
    its own in a phrase: "the new strikes", "the attack by the army"."""
    return child.lower_ in ANOTHER_ACT or (child.dep_ == "prep" and child.lower_ == "by")
