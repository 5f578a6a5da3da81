"""References to several actors at once: "the two countries", "both sides", "the other three
countries", "both leaders", "the presidents" point back to the states or people named before
(rule reference.counted-states)."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.casualties import parse_number
from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import as_state, pointer
from gestae.engine.rules import rule
from gestae.engine.sector_cues import STATE_SECTORS
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Phrases that point back to the last two states named ("the two countries", "both sides").
PAIR_HEADS = words("pair_heads")
# Words that make a pair head point to two states ("the two countries", "both sides").
PAIR_QUANTIFIERS = frozenset({"two", "both"})
# Plural heads that, counted, point back to that many states ("the other three countries").
COUNTED_STATE_HEADS = words("counted_state_heads")
# Plural titles that, counted, point back to that many people ("both leaders").
COUNTED_PERSON_HEADS = words("counted_person_heads")
# Words before a counted head that make it definite ("the two allies", "all three countries").
COUNTED_DETERMINERS = frozenset({"the", "these", "those", "all", "both"})
# Modifiers that leave out the states of the sentence itself ("the other three countries").
OTHER_WORDS = frozenset({"other", "remaining"})
COUNTED_RULE = "reference.counted-states"


def pair_reference(token: Token, found: DocActors) -> Mention | None:
    """ "the two countries", "both sides", "the two parties": the last two states named. Read
    before any agent noun, so "both parties" to a talk are not political parties."""
    mods = {c.lower_ for c in token.children}
    pair_head = token.lemma_.lower() in PAIR_HEADS or token.lower_ in PAIR_HEADS
    described = any(c.dep_ in ("amod", "compound") for c in token.children)
    if token.lemma_.lower() == "party" and described:
        return None  # "both main parties", "the two ruling parties" are political parties
    if pair_head and mods & PAIR_QUANTIFIERS:
        acting = _acting_countries(token, found)
        if token.lemma_.lower() in SIDE_HEADS:
            sides = opposed_sides(token, found, acting)
            if sides is not None:
                return sides
        last = _last_pair(token, found, acting)
        if last is None or not _named_together(token, last):
            leading = _leading_pair(token, found, acting)
            if leading is not None:
                return pointer(token, leading, f"the article's two leading states ({STORY_PAIR})")
        if last is not None:
            return pointer(token, last, "the last two states named")
    return counted_states(token, found)


# Heads that name the parties of a contest, not states as such ("both sides", "the two parties").
SIDE_HEADS = frozenset({"side", "party"})
# Words that set two parties against or beside each other ("clashes between X and Y").
RECIPROCAL_LEMMAS = words("reciprocal_lemmas")
OPPOSED_RULE = "reference.opposed-sides"
# How many sentences back a contest still gives "both sides" their referents.
SIDES_WINDOW = 4


@rule(OPPOSED_RULE)
def opposed_sides(token: Token, found: DocActors, acting: set[str]) -> Mention | None:
    """'Both sides' after a contest of two named parties points to those parties, whoever they
    are (an army and a militia, police and protesters), not to the last two states named:
    states named together as co-actors ("Egypt and Qatar urged a truce") are one side.
    The contest is the last one told before the phrase, within a few sentences: "between X and
    Y", or X and Y (or X ... with Y) as the parties of a reciprocal verb ("clashed", "talked").

    Example: Army troops and rebels clashed near Goma on Friday. Angola urged restraint. Both sides blamed each other.
    """
    first_sentence = token.doc[max(token.sent.start - 1, 0)].sent
    for _ in range(SIDES_WINDOW - 1):
        if first_sentence.start == 0:
            break
        first_sentence = token.doc[first_sentence.start - 1].sent
    lowest = first_sentence.start
    for mention in sorted(found.mentions, key=lambda m: -m.head):
        if not lowest <= mention.head < token.i:
            continue
        pair = _contest_pair(token.doc[mention.head], mention, found)
        if pair is None:
            continue
        if {a.country for a in pair} & acting or _same_party(*pair):
            continue
        return pointer(token, pair, f"the two parties of the last contest ({OPPOSED_RULE})")
    return None


def _contest_pair(head: Token, mention: Mention, found: DocActors) -> list[Actor] | None:
    """The two parties a mention takes part in a contest with: its own two actors ("Armenian
    and Azerbaijani troops exchanged fire"), or itself and its partner."""
    if len(mention.actors) == 2 and _contest_role(head):
        return list(mention.actors)
    if len(mention.actors) != 1:
        return None
    other = _contest_partner(head, found)
    return None if other is None else [mention.actors[0], other.actors[0]]


def _contest_role(head: Token) -> bool:
    """Whether a phrase is a party of a contest: after "between", or subject of a reciprocal verb."""
    verb = head.head
    between = head.dep_ == "pobj" and verb.lower_ == "between"
    return between or (head.dep_ == "nsubj" and verb.lemma_.lower() in RECIPROCAL_LEMMAS)


def _contest_partner(head: Token, found: DocActors) -> Mention | None:
    """The mention a party is set against: its conjunct after "between" or as a joined subject
    of a reciprocal verb, or the object of "with" after that verb."""
    if not _contest_role(head):
        return None
    for conj in head.conjuncts:
        partner = found.by_token.get(conj.i)
        if partner is not None and len(partner.actors) == 1 and head.i < conj.i:
            return partner
    if head.dep_ == "nsubj":  # "X clashed with Y"
        for prep in head.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                partner = found.by_token.get(objects[0].i) if objects else None
                if partner is not None and len(partner.actors) == 1:
                    return partner
    return None


def _same_party(one: Actor, two: Actor) -> bool:
    """Two mentions of one party ("the army ... the army") are no contest."""
    return (one.country, one.sector, one.name) == (two.country, two.sector, two.name)


# "The two countries" far from any sentence naming two states together points to the pair the
# article is about, not to the last two states it happened to name.
STORY_PAIR = "reference.story-pair"


def _last_pair(token: Token, found: DocActors, acting: set[str]) -> list[Actor] | None:
    """The last two states of different countries named before `token`, in text order; not
    those that act on the pair ("Egypt and Qatar urged both sides": not Egypt and Qatar)."""
    chosen: list[Actor] = []
    for actor in reversed(found.states_seen):
        if actor.country in acting:
            continue
        if actor.start < token.idx and all(actor.country != c.country for c in chosen):
            chosen.append(actor)
        if len(chosen) == 2:
            return list(reversed(chosen))
    return None


def _named_together(token: Token, pair: list[Actor]) -> bool:
    """Whether the two were named in one sentence ("Japan and Korea met ...")."""
    doc = token.doc
    spans = [doc.char_span(a.start, a.end, alignment_mode="expand") for a in pair]
    starts = {span[0].sent.start for span in spans if span is not None and len(span)}
    return len(starts) == 1


def _leading_pair(token: Token, found: DocActors, acting: set[str]) -> list[Actor] | None:
    """Rule reference.story-pair: the two states the article names most, when both lead every
    other state and were named before `token`; each at its last mention before it. Not those
    that act on the pair ("Egypt and Qatar urged both sides")."""
    ranked = [(c, n) for c, n in found.country_counts.most_common() if c not in acting][:3]
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) == 3 and ranked[2][1] >= ranked[1][1]):
        return None
    wanted = {ranked[0][0], ranked[1][0]}
    last: dict[str, Actor] = {}
    # Any actor of the two counts ("Israeli warplanes"), each as its state.
    for actor in (a for m in found.mentions for a in m.actors):
        if actor.start < token.idx and actor.country in wanted:
            last[actor.country] = as_state(actor)
    if len(last) < 2:
        return None
    return sorted(last.values(), key=lambda a: a.start)


def counted_states(token: Token, found: DocActors) -> Mention | None:
    """'the other three countries', 'the two allies': the last N different states named
    before; 'both leaders', 'the two presidents': the last N people of different countries
    (rule reference.counted-states). With "other", not those of the sentence itself ("Japan
    agreed to work with the other three countries": not Japan). Nothing when fewer were
    named, or when a modifier describes new ones ("the three Baltic states"); a lower-case
    participle or hyphened word only tells of those named ("the three army-ruled states",
    "the two warring countries")."""
    people = token.lower_ in COUNTED_PERSON_HEADS
    if not (people or token.lower_ in COUNTED_STATE_HEADS) or token.tag_ != "NNS":
        return None
    numbers = [c for c in token.children if c.dep_ == "nummod"]
    count = (parse_number(numbers[0]) or 0) if len(numbers) == 1 else 0
    words_before = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "amod")}
    if people and not numbers and words_before == {"the"}:
        return uncounted_people(token, found)
    if "both" in words_before and not numbers:
        count = 2
    if not 2 <= count <= 12 or not words_before & COUNTED_DETERMINERS:
        return None
    if words_before - COUNTED_DETERMINERS - OTHER_WORDS - _told_of(token):
        return None
    excluded = _acting_countries(token, found)  # "North Korea condemned the two allies"
    seen = [a for a in found.persons_seen if a.country] if people else found.states_seen
    if words_before & OTHER_WORDS:
        start = token.sent.start_char
        excluded |= {a.country or "" for a in seen if a.start >= start}
    chosen: list[Actor] = []
    for actor in reversed(seen):
        if actor.start >= token.idx or actor.country in excluded:
            continue
        if all(actor.country != c.country for c in chosen):
            chosen.append(actor if people else as_state(actor))
        if len(chosen) == count:
            break
    if len(chosen) < count and people:
        return counted_compatriots(token, seen, excluded, count)
    if len(chosen) < count:
        return None
    what = f"the last {count} {'people' if people else 'states'} named ({COUNTED_RULE})"
    return pointer(token, list(reversed(chosen)), what)


COMPATRIOTS_RULE = "reference.counted-compatriots"


@rule(COMPATRIOTS_RULE)
def counted_compatriots(
    token: Token, seen: list[Actor], excluded: set[str], count: int
) -> Mention | None:
    """'The two leaders' after two people of one state ("the Coptic pope met the Grand Imam
    ... The two leaders signed"): when fewer than that many states have people named, the last
    people named, each once, are the ones counted; never a title read afresh ("leaders": GOV).

    Example: Kenya's president met its chief justice on Monday. The two leaders agreed to meet again.
    """
    chosen: list[Actor] = []
    for actor in reversed(seen):
        if actor.start >= token.idx or actor.country in excluded:
            continue
        if all((actor.name or actor.text) != (c.name or c.text) for c in chosen):
            chosen.append(actor)
        if len(chosen) == count:
            what = f"the last {count} people named ({COMPATRIOTS_RULE})"
            return pointer(token, list(reversed(chosen)), what)
    return None


def _told_of(token: Token) -> set[str]:
    """Modifiers of a counted head that describe the states already named, not a set of
    new ones: a lower-case participle ("warring", "sanctioned") or hyphened word
    ("military-led", "oil-rich"), never a capitalised one ("Baltic", "Gulf")."""
    return {
        c.lower_
        for c in token.children
        if c.dep_ == "amod"
        and c.text.islower()
        and (c.tag_ in ("VBN", "VBG") or any(g.tag_ == "HYPH" for g in c.children))
    }


def _acting_countries(token: Token, found: DocActors) -> set[str]:
    """The countries of the subject of the clause that acts on a phrase: "North Korea
    condemned the two allies" (not one of them), when the subject is a state or its body. A phrase that is itself a subject has none:
    "India said the two countries agreed" counts India in."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return set()
    for verb in token.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            # "Egypt and Qatar urged both sides": every joined subject acts
            heads = [subjects[0], *subjects[0].conjuncts]
            mentions = [m for h in heads if (m := found.by_token.get(h.i)) is not None]
            return {a.country for m in mentions for a in m.actors if a.country and _state(a)}
    return set()


def _state(actor: Actor) -> bool:
    """A state or one of its bodies, which stands for its state when it acts on a pair; a
    rebel group, a party or a crowd does not ("Al-Shabab attacked the two countries'
    forces": Somalia is still one of the two)."""
    return actor.kind == "state" or actor.sector in STATE_SECTORS


def uncounted_people(token: Token, found: DocActors) -> Mention | None:
    """'The presidents signed the deal', after a sentence that names Kenya's and Uganda's:
    a plural title with no number points back to the people of different countries named in
    the sentence before it or earlier in its own (rule reference.counted-states). Nothing
    when fewer than two, or when an of-phrase says whose they are ("the presidents of
    both nations")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None
    sent = token.sent
    start = token.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
    chosen: list[Actor] = []
    for actor in found.persons_seen:
        if not actor.country or not start <= actor.start < token.idx:
            continue
        if all(actor.country != c.country for c in chosen):
            chosen.append(actor)
    if len(chosen) < 2:
        return None
    return pointer(token, chosen, f"the people of {len(chosen)} countries named ({COUNTED_RULE})")
