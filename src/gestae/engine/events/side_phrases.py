"""Whom an act is aimed at when a phrase on it names a side: ground or goods taken "from" a side
are taken from that side ("recaptured the town from the rebels", "liberated Kherson from Russian
forces"; the town is where it happened), and an act condemned "by" its doer is that doer's
("condemned the killing of protesters by police"). An inquiry into a harm is not aimed at
the harmed its "of" phrase names ("an investigation into the disappearance of six students"),
only at whom a "by" phrase blames, else at no one."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.actors import Mention
from gestae.engine.events.context import Event
from gestae.engine.events.mentions import actor_group, pobj_actors
from gestae.engine.events.target_search import Search
from gestae.engine.events.thing_targets import stance_on_measure
from gestae.engine.rules import rule
from gestae.engine.syntax import child, of_objects, prep_child
from gestae.resources.word_classes import words

# Occupying territory (192) and seizing property (171): what is taken has a loser.
TAKING_CODES = ("192", "171")


@rule("target.losing-side")
def losing_side(q: Search) -> list[Mention]:
    """A "from" phrase on a taking act that names an actor names the side that lost the
    ground or goods: it is the target, before the town or thing taken.

    Example: The army recaptured the town of Kidal from the rebels on Sunday.
    """
    if q.depth != 0 or not q.ev.entry.cameo.startswith(TAKING_CODES):
        return []
    prep = prep_child(q.token, "from")
    if prep is None:
        # "took control of Mosul's airport from the army": on the object, or on what it holds
        held = [o for obj in q.objects for o in (obj, *of_objects(obj))]
        prep = next((p for o in held if (p := prep_child(o, "from")) is not None), None)
    if prep is None:
        return []
    found = pobj_actors(q.ev.grammar, prep, q.ev.actors)
    return q.found("target.losing-side", found) if found else []


# Stances taken on another's act: approval (05x), disapproval (11x), rejection (12x), protest
# (14x). Criticising or welcoming an act is aimed at whoever did it.
STANCE_ROOTS = ("05", "11", "12", "14")


@rule("target.blamed-doer")
def blamed_doer(q: Search) -> list[Mention]:
    """'condemned the killing of protesters by police', 'welcomed the release of the hostages by
    the rebels': a stance on an act whose doer the "by" phrase names (disapproving, welcoming,
    rejecting or protesting it) is aimed at that doer, not at those the act befell.

    Example: Ghana condemned the detention of two reporters by Togolese police.
    """
    if q.depth != 0 or not q.ev.entry.cameo.startswith(STANCE_ROOTS):
        return []
    for obj in q.objects:
        if not q.ev.grammar.is_event_noun(obj):
            continue
        # "by" on the act, on its "of" object, or on the active verb itself, where the parse
        # often hangs it ("condemned the killing of protesters by police")
        for holder in (obj, *of_objects(obj), q.token):
            by = prep_child(holder, "by")
            found = pobj_actors(q.ev.grammar, by, q.ev.actors) if by is not None else []
            if found:
                return q.found("target.blamed-doer", found)
    return []


@rule("target.act-possessor")
def act_possessor(q: Search) -> list[Mention]:
    """'condemned Russia's invasion of Ukraine', 'welcomed Iran's release of the sailors': a
    stance on an act (a noun the lexicon lists) whose possessor did it is aimed at that doer,
    not at those the act befell nor at what it gave.

    Example: Peru condemned Bolivia's arrest of two Chilean reporters.
    """
    if q.depth != 0:
        return []
    found: list[Mention] = []
    for obj in q.objects:
        found += [m for m in act_doers(q.ev, obj) if m not in found]
    return q.found("target.act-possessor", found) if found else []


def act_doers(ev: Event, noun: Token) -> list[Mention]:
    """The actors owning an act noun a stance is taken on ("Turkey's expulsion of ...")."""
    poss = child(noun, {"poss"})
    if poss is None or not ev.entry.cameo.startswith(STANCE_ROOTS):
        return []
    if not ev.grammar.is_event_noun(noun) or stance_on_measure(ev.entry.cameo, noun):
        return []  # a measure a stance is on keeps its own rule (target.measure-stance)
    return [m for m in actor_group(ev.grammar, poss, ev.actors) if m.actors]


HELP_NOUNS = words("help_nouns")


@rule("target.ally-phrase")
def ally_phrase(q: Search, prep: Token) -> bool:
    """'retook the base with help from African Union troops', 'with the help of US air strikes',
    'with backing from coalition jets': a "with" phrase whose object is help names an ally of
    the doer, never whom the act is aimed at.

    Example: Somali troops retook the town of Bulo Burte with help from Kenyan forces.
    """
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ != "with" or pobj is None or pobj.lemma_.lower() not in HELP_NOUNS:
        return False
    q.ev.trace.add("target.ally-phrase", f"'{prep.text} {pobj.text} ...' names an ally")
    return True


# Investigations (CAMEO 09x): what they look into is an act, not a party.
INVESTIGATION_ROOT = "09"
# Nouns of a harm done to people whose "of" phrase names the harmed.
HARM_NOUNS = words("investigated_harms")


@rule("target.harm-victim")
def harm_victim(ev: Event, pobj: Token) -> list[Mention] | None:
    """'an investigation into the disappearance of six students': an inquiry into a harm
    (word class investigated_harms) with an "of" phrase is not aimed at the harmed; it is
    aimed at whom a "by" phrase of the harm names, else at no one. None when the inquiry's
    object is no such harm.

    Example: Kenya opened an inquiry into the killing of two farmers by police.
    """
    if not _inquired_harm(ev, pobj):
        return None
    by = next((c for c in pobj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    doers = [m for m in pobj_actors(ev.grammar, by, ev.actors) if m.actors] if by else []
    ev.trace.add("target.harm-victim", f"'{pobj.text} of ...' names the harmed, not a party")
    return ev.found("target.harm-victim", doers)


def _inquired_harm(ev: Event, pobj: Token) -> bool:
    """An investigation's object that is a harm (investigated_harms) with an "of" phrase."""
    if not ev.entry.cameo.startswith(INVESTIGATION_ROOT):
        return False
    if pobj.lemma_.lower() not in HARM_NOUNS and pobj.lower_ not in HARM_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children)


def harmed_prep(ev: Event, prep: Token) -> bool:
    """Whether a phrase hung on a light verb ("opened an inquiry on Monday into the death of
    a student") names a harm an investigation looks into (target.harm-victim)."""
    pobj = child(prep, {"pobj"})
    return pobj is not None and _inquired_harm(ev, pobj)
