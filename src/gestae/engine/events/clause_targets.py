"""Targets named as the subject of a clause the act governs: the that-clause of a demand
("demanded that Venezuela release ..."), the "for ... to" clause of an appeal, the condition of
a threat ("if Moldova joined NATO")."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.codes import REQUEST_CODES, THREAT_CODES, TOLD_ABOUT_CODES
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, with_country
from gestae.engine.events.modality import CONDITIONAL_MARKS
from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, child
from gestae.resources.lexicon import TriggerEntry


@rule("target.condition")
def condition_subject(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'threatened to deploy missiles if Sweden joined NATO': a threat is aimed at whoever
    must meet its condition.

    Example: Moscow threatened to cut gas supplies if Moldova joined NATO.
    """
    if not entry.cameo.startswith(THREAT_CODES):
        return []
    for node in token.subtree:
        if node.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children
        ):
            continue
        subject = child(node, SUBJECT_DEPS)
        if subject is not None:
            found = with_country(actor_group(ev.grammar, subject, ev.actors))
            return ev.found("target.condition", found)
    return []


@rule("target.clause-subject")
def clause_subject(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'demanded that Prime Minister X step down': the one asked or warned is the subject of
    the that-clause (a bare 'said' is never a trigger, so this stays narrow).

    Example: Washington demanded that Venezuela release the prisoners.
    """
    if token.pos_ not in ("VERB", "AUX"):
        return []
    for comp in token.children:
        if comp.dep_ != "ccomp":
            continue
        marks = {c.lower_ for c in comp.children if c.dep_ == "mark"}
        if "that" not in marks:
            if not marks and entry.cameo.startswith(TOLD_ABOUT_CODES):
                return bare_clause_subject(ev, comp)
            continue
        if own_side_clause(ev, token, entry, comp):
            continue
        found = _named_subject(ev, comp, "target.clause-subject")
        if found is not None:
            return found
    return []


@rule("target.own-side-clause")
def own_side_clause(ev: Event, token: Token, entry: TriggerEntry, comp: Token) -> bool:
    """'Belarus's foreign minister warned that Minsk would respond with countermeasures': a
    threat whose clause's subject is the threatener's own state tells what that state will
    do, not whom it warns; the clause's subject is no target (another rule may find one).

    Example: Iran's foreign minister warned that Tehran would retaliate against Britain.
    """
    if not entry.cameo.startswith(THREAT_CODES):
        return False
    own, told = child(token, SUBJECT_DEPS), child(comp, SUBJECT_DEPS)
    if own is None or told is None:
        return False
    own_countries = {a.country for m in actor_group(ev.grammar, own, ev.actors) for a in m.actors}
    told_countries = {a.country for m in actor_group(ev.grammar, told, ev.actors) for a in m.actors}
    if None in own_countries or not told_countries or told_countries != own_countries:
        return False
    ev.trace.add("target.own-side-clause", f"'{told.text}' is the threatener's own side")
    return True


@rule("target.bare-clause-subject")
def bare_clause_subject(ev: Event, comp: Token) -> list[Mention]:
    """'Washington alleges the insurgent group broke the truce', 'warned Iran would pay': an
    appeal, demand, accusation or threat (cameo group told_about) that tells its clause
    without "that" is aimed at the clause's subject, as with "that" (target.clause-subject);
    only an actor with a country counts, never a thing ("warned the move would fail").

    Example: Ghana alleged the Togolese army had shelled the border post.
    """
    return _named_subject(ev, comp, "target.bare-clause-subject") or []


@rule("target.for-clause-subject")
def for_clause_subject(ev: Event, token: Token, entry: TriggerEntry) -> list[Mention]:
    """'called for the Taliban to lift the ban': an appeal or demand whose "for ... to" clause
    names who is to act is aimed at that clause's subject, not at what it is to act on.

    Example: Chile called for Peru to reopen the border.
    """
    if not entry.cameo.startswith(REQUEST_CODES) or token.pos_ not in ("VERB", "AUX"):
        return []
    for comp in token.children:
        marks = {c.lower_ for c in comp.children if c.dep_ in ("mark", "aux")}
        if comp.dep_ not in ("advcl", "ccomp", "xcomp") or not {"for", "to"} <= marks:
            continue
        found = _named_subject(ev, comp, "target.for-clause-subject")
        if found is not None:
            return found
    return []


def _named_subject(ev: Event, comp: Token, rule_id: str) -> list[Mention] | None:
    """The actors with a country the clause's subject names; None when the clause has no
    subject but a pronoun, so the caller may look at another clause."""
    subject = child(comp, SUBJECT_DEPS)
    if subject is None or subject.pos_ == "PRON":
        return None
    return ev.found(rule_id, with_country(actor_group(ev.grammar, subject, ev.actors)))
