"""Lexicon entry -> token: which entry's frame (preposition, object, modifier, complement)
fits a word of the parse, and the light verbs that carry event nouns."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from gestae.engine.actors import ActorResolver, DocActors
from gestae.engine.events.agreed_measures import agreed_measure, note_agreed_measure
from gestae.engine.events.disarm_phrases import DISARM, disarm_phrase, gives_up_arms
from gestae.engine.events.frame_subjects import (
    acting_subjects,
    antecedents,
    bare_count,
    counted_subject,
    helped_subject,
    is_actor,
    is_armed_actor,
    subordinate_clause,
    titled_complement,
)
from gestae.engine.events.held_preps import object_held_prep
from gestae.engine.events.idiom_objects import idiom_word_in_front
from gestae.engine.events.measure_goods import goods_of_measure
from gestae.engine.events.misread_tags import (
    adjective_as_noun,
    clause_head_noun,
    gerund_between,
    gerund_subject,
)
from gestae.engine.events.participles import UNDERGONE_CODES, participle_victim
from gestae.engine.rules import Trace, rule
from gestae.engine.syntax import (
    COMPLEMENT_DEPS,
    OBJECT_DEPS,
    SUBJECT_DEPS,
    for_mark,
    hyphen_joined,
    modified_title,
    objects,
    of_objects,
    only_time,
    prep_child,
    scene_with,
)
from gestae.resources.lexicon import (
    ACTOR_OBJECT,
    ANY_COMPLEMENT,
    ARMED_ACTOR,
    COUNT_SUBJECT,
    PLACE_NAME,
    Lexicon,
    TriggerEntry,
)
from gestae.resources.place_words import PlaceWords
from gestae.resources.word_classes import words

# Verbs of a report: "..., saying it was unfair" adds words, not the trigger's complement.
SPEECH_VERBS = words("speech_verbs")

# Verbs that carry on an act: "vowed to keep attacking ships" vows the attacking, so the "-ing"
# complement of "keep", "continue" or "resume" is the vow's complement too (word_classes.yaml).
PERSISTING_VERBS = words("persisting_verbs")

# Verbs that link a subject to a stance adjective: "remained skeptical" (word_classes.yaml).
COPULAS = words("copulas")
ABSTRACT_OBJECTS = words("abstract_objects")
# What is fired at someone: any other object makes "at X" the scene (word_classes.yaml).
FIRED_THINGS = words("fired_things")
PERSONAL_SITES = PlaceWords("personal_sites")
# Dependencies of modifiers a frame's `mod` list names ("joint exercises"), and the predicate
# of an object ("called the arrest a vendetta": `oprd`).
MODIFIER_DEPS = ("amod", "compound", "advmod", "nmod", "oprd")


# Verbs that carry an event noun through "in" ("engaged in ethnic cleansing"); "part" is the
# noun of "take part in".
IN_LIGHT_VERBS = frozenset({("engage", "VERB"), ("participate", "VERB"), ("part", "NOUN")})
# Verbs that put their object under an event noun's act: "placed the leader under house arrest".
UNDER_LIGHT_VERBS = words("under_light_verbs")
# Verbs of answering an act with one: "responded with air strikes" is the subject's strikes.
WITH_LIGHT_VERBS = words("with_light_verbs")
# Nouns between a light verb and its event noun: "launched a wave of attacks", "the launch of".
CARRIER_NOUNS = words("carrier_nouns")
# Kit an act noun in front of only describes ("patrol boats", "attack helicopters").
KIT_NOUNS = words("kit_nouns")
# Nouns that undo what follows their "of": "announced the end of the truce" is no truce.
UNDOING_NOUNS = words("undoing_nouns")


class Grammar:
    """The lexicon and actor resolver every event rule reads, with the frame matching."""

    def __init__(self, lexicon: Lexicon, resolver: ActorResolver) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.light_verbs = frozenset(lexicon.light_verbs)
        self.communication_nouns = frozenset(lexicon.communication_nouns)
        self.happening_verbs = frozenset(lexicon.happening_verbs)

    def match(self, token: Token, actors: DocActors | None = None) -> TriggerEntry | None:
        """The most specific lexicon entry whose frame fits this token, or None."""
        return self._pick(token, self._candidates(token), actors)[0]

    def match_over(
        self, token: Token, actors: DocActors | None = None
    ) -> tuple[TriggerEntry | None, TriggerEntry | None]:
        """`match`, with the entry `trigger.object-head-first` set aside for it (or None)."""
        return self._pick(token, self._candidates(token), actors)

    def _candidates(self, token: Token) -> Sequence[TriggerEntry]:
        if gerund_subject(token) and self.lexicon.candidates(token.lower_, "noun"):
            pos = "noun"  # "Shelling by government forces killed 15": the act as a noun
        elif gerund_between(token) and self.lexicon.candidates(token.lower_, "noun"):
            pos = "noun"  # "as fighting between the army and rebels spread": its two sides
        elif token.pos_ in ("VERB", "AUX"):
            if token.dep_ in ("amod", "compound"):
                return ()  # "government-backed troops": a description, not an act
            pos = "verb"
        elif token.pos_ in ("NOUN", "PROPN") and clause_head_noun(token):
            pos = "verb"  # "EU and UN hand over supplies": a headline verb tagged as a noun
        elif token.pos_ in ("NOUN", "PROPN"):
            pos = "noun"
        elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_ in COPULAS:
            pos = "adj"  # "said it is skeptical of": a statement frame (CAMEO 01x) on the copula
        elif token.pos_ == "ADJ" and token.dep_ in OBJECT_DEPS and self.carried(token):
            pos = "noun"  # "launched an offensive": the tagger reads the noun as an adjective
        elif token.pos_ == "ADJ" and adjective_as_noun(token):
            pos = "noun"  # "the army's offensive displaced thousands"
        else:
            return ()
        lemma = token.lemma_.lower()
        joined = hyphen_joined(token) if pos == "verb" else None
        joined_candidates = self.lexicon.candidates(joined, pos) if joined else ()
        if joined_candidates:
            return joined_candidates  # "test-fired" is not "fired"
        candidates = self.lexicon.candidates(lemma, pos)
        if not candidates and pos == "noun" and token.lower_ != lemma:
            candidates = self.lexicon.candidates(token.lower_, pos)
        if not candidates and pos == "noun":
            joined = hyphen_joined(token)
            if joined is not None:
                candidates = self.lexicon.candidates(joined, pos)
        return candidates

    def _pick(
        self, token: Token, candidates: Sequence[TriggerEntry], actors: DocActors | None
    ) -> tuple[TriggerEntry | None, TriggerEntry | None]:
        """The entry that codes the token, and the one it was preferred to (or None)."""
        first: TriggerEntry | None = None
        aside: TriggerEntry | None = None  # an idiom set aside (trigger.idiom-thing-head)
        narrowed = goods = False
        for entry in candidates:
            if not self.frame_fits(token, entry, actors):
                continue
            if first is None:
                if not entry.obj or self._obj_fits(token, entry, actors, on="head"):
                    return entry, aside
                if aside is None and idiom_word_in_front(self, token, entry, actors):
                    aside = entry
                    continue
                first = entry
                # "violated the ceasefire agreement": a word in front that names a kind of
                # the head narrows it, and its entry stands unless the head is a person.
                narrowed = self._obj_fits(token, entry, actors, on="kind")
                goods = narrowed and goods_of_measure(token)  # "an arms embargo"
                narrowed = narrowed and not goods
            elif object_head_first(self, token, entry, actors, narrowed):
                return entry, first
        if first is not None and narrowed and self._noun_carried_instead(token, first):
            return None, None
        if goods:
            return None, None  # "extended its weapons ban": no frame fits the measure itself
        return first, aside if first is not None else None

    def _noun_carried_instead(self, token: Token, entry: TriggerEntry) -> bool:
        """'launched rocket attacks': a light verb whose object frame fits only a word in
        front of an event noun it carries (the caller's `narrowed`) tells the noun's act, not
        a second one of its own (no MOBILIZE 'launched rockets' beside the ASSAULT 'attacks')."""
        if entry.pos != "verb" or token.lemma_.lower() not in self.light_verbs:
            return False
        return any(self.is_event_noun(o) for o in object_heads(token, entry))

    def frame_fits(
        self, token: Token, entry: TriggerEntry, actors: DocActors | None = None
    ) -> bool:
        """An entry counts only when every part of its frame is in the parse."""
        return (
            self._prep_fits(token, entry)
            and self._mod_fits(token, entry)
            and self._obj_fits(token, entry, actors)
            and self._subj_fits(token, entry, actors)
            and self._xcomp_fits(token, entry)
        )

    def _prep_fits(self, token: Token, entry: TriggerEntry) -> bool:
        if not entry.prep:
            return True
        if entry.pos == "noun":
            prep = self.noun_prep(token, entry.prep)
        else:
            prep = prep_child(token, entry.prep)
        if prep is None and entry.pos == "verb" and entry.obj and entry.pobj:
            # "took control of Goma": the frame's preposition hangs on the object it completes.
            held = (prep_child(o, entry.prep) for o in object_heads(token, entry))
            prep = next((p for p in held if p is not None), None)
        if prep is None:
            prep = object_held_prep(token, entry)
        if prep is None or scene_with(prep):
            return False
        if only_time(prep) and not entry.pobj:
            return False  # "insisted on Monday", "a strike on Wednesday": a date, no frame
        if entry.pos == "verb" and not (entry.obj or entry.pobj) and at_is_scene(token, prep):
            return False  # "shot two nurses at a hospital": a scene, not whom it aimed at
        wants_place = PLACE_NAME in entry.pobj
        return not entry.pobj or any(
            c.dep_ == "pobj"
            and (
                c.lemma_.lower() in entry.pobj
                or c.lower_ in entry.pobj
                or modified_title(c) in entry.pobj
                or (wants_place and self._place_named(c))
            )
            for c in prep.children
        )

    @staticmethod
    def _mod_fits(token: Token, entry: TriggerEntry) -> bool:
        if not entry.mod:
            return True
        mods = [c for c in token.children if c.dep_ in MODIFIER_DEPS]
        # "called the intercept unsafe and unprofessional": each joined predicate counts.
        mods += [g for c in mods if c.dep_ == "oprd" for g in c.conjuncts]
        # "called the measures an act of aggression": the act is named by its "of" noun.
        mods += [g for c in mods if c.lemma_.lower() == "act" for g in of_objects(c)]
        return any(m.lemma_.lower() in entry.mod for m in mods)

    def obj_fits_head(self, token: Token, entry: TriggerEntry, actors: DocActors | None) -> bool:
        """The entry's object list fits the object's head itself."""
        return self._obj_fits(token, entry, actors, on="head")

    def _obj_fits(
        self, token: Token, entry: TriggerEntry, actors: DocActors | None, on: str = "any"
    ) -> bool:
        """Does the entry's object list fit the object: on its head, a later conjunct of it,
        a compound in front of it ("curfew hours") or what a quantity holds ("tonnes of
        aid"); with `on="head"`,
        the head alone; with `on="kind"`, a compound in front, by its own word only."""
        if not entry.obj:
            return True
        found = object_heads(token, entry)
        helped = helped_subject(token, actors) if ACTOR_OBJECT in entry.obj else None
        found = [*found, helped] if helped is not None else found  # "help Pakistan build"
        if on == "head":
            heads = found
        elif on == "kind":
            heads = [c for o in found for c in o.lefts if c.dep_ == "compound"]
        else:
            # "threw fireworks and stones": the verb acts on each conjunct of its object.
            found = [*found, *(c for o in found for c in o.conjuncts if c.i > o.i)]
            heads = [
                w
                for o in found
                for w in [o, *(c for c in o.lefts if c.dep_ == "compound"), *held_objects(o)]
            ]
        # "@actor": the object is a person, group or state the dictionary resolved
        # ("freed Alpha Conde", "released the Italian fishermen").
        wants_actor = ACTOR_OBJECT in entry.obj and actors is not None and on != "kind"
        wants_place = PLACE_NAME in entry.obj and on != "kind"
        return any(
            w.lemma_.lower() in entry.obj
            or w.lower_ in entry.obj
            or hyphen_joined(w) in entry.obj
            or modified_title(w) in entry.obj
            or (wants_actor and is_actor(w, actors))
            or (wants_place and self._place_named(w))
            for w in heads
        )

    def _place_named(self, token: Token) -> bool:
        """A name of a place ("@place_name"): a proper noun the gazetteer knows, whatever the
        small model's tag ("Goma" a person, "Aleppo" a nationality, "Nadia Murad" a place)."""
        if token.pos_ != "PROPN" or token.dep_ == "compound":
            return False
        # The whole name: "Nadia Murad" is no place though one spelling of a town is "Nadia".
        words = [c.text for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        return self.resolver.gazetteer.lookup(" ".join([*words, token.text]), ()) is not None

    def _subj_fits(self, token: Token, entry: TriggerEntry, actors: DocActors | None) -> bool:
        if not entry.subj:
            return True
        # An event noun's doer is its light verb's subject ("the army resumed its advance").
        holder = self.light_verb(token) if entry.pos == "noun" else token
        if holder is None:
            return False
        heads = [
            w for s in acting_subjects(holder) for w in counted_subject(s, actors)
        ] + antecedents(acting_subjects(holder), actors)
        wants_actor = ACTOR_OBJECT in entry.subj and actors is not None
        wants_armed = ARMED_ACTOR in entry.subj and actors is not None
        wants_count = COUNT_SUBJECT in entry.subj
        return any(
            w.lemma_.lower() in entry.subj
            or w.lower_ in entry.subj
            or (wants_actor and is_actor(w, actors))
            or (wants_armed and is_armed_actor(w, actors))
            or (wants_count and bare_count(w))
            for w in heads
        )

    def happening(self, verb: Token) -> bool:
        """A verb that reports its subject as happening: "exploded", "broke out", "took place"."""
        lemma = verb.lemma_.lower()
        if lemma in self.happening_verbs:
            return True
        return any(
            f"{lemma} {c.lower_}" in self.happening_verbs
            for c in verb.children
            if c.dep_ in ("prt", "dobj", "advmod", "prep")
        )

    def happening_relative(self, noun: Token) -> Token | None:
        """'the riots that broke out in May', 'clashes which erupted on Sunday': a relative
        clause whose verb reports the event noun as happening; the verb, or None."""
        for clause in noun.children:
            if clause.dep_ != "relcl" or not self.happening(clause):
                continue
            if any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children):
                return clause
        return None

    def happening_verb(self, noun: Token) -> Token | None:
        """The verb that reports the event noun as happening: its own ("clashes broke out")
        or a relative clause's ("the clashes that broke out"), or None."""
        if noun.dep_ == "nsubj" and self.happening(noun.head):
            return noun.head
        return self.happening_relative(noun)

    def _xcomp_fits(self, token: Token, entry: TriggerEntry) -> bool:
        if not entry.xcomp:
            return True
        # A complement before the verb is what was reported, not what was asked for ("Rebels
        # will not release the pilots, a spokesman told Reuters").
        # After an idea or a pact as object ("agreed a deal to stop the boats") the infinitive
        # is what the object is for, not the verb's complement ("urged Peru to stop" is).
        idea = next(
            (
                c.i
                for c in token.children
                if c.dep_ in OBJECT_DEPS and c.lemma_.lower() in ABSTRACT_OBJECTS
            ),
            None,
        )
        comps = [
            c
            for c in token.children
            if c.dep_ in COMPLEMENT_DEPS
            and c.i > token.i
            and not subordinate_clause(c)
            and not titled_complement(token, c)
            and not (idea is not None and c.i > idea)
            # "refused to extend the deal, saying ...": a speech participle is no complement
            # ("marched, demanding ..." keeps its participle: the march's words).
            and not (c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in SPEECH_VERBS)
        ]
        # "vowed to keep attacking ships": the act carried on is what is vowed.
        comps += [
            g
            for c in comps
            if c.lemma_.lower() in PERSISTING_VERBS
            for g in c.children
            if g.dep_ in COMPLEMENT_DEPS and g.tag_ == "VBG" and g.i > c.i
        ]
        # "agreed to hold talks": a light verb's object names the complement's act.
        comps += [
            o
            for c in comps
            if c.lemma_.lower() in self.light_verbs
            for o in c.children
            if o.dep_ in OBJECT_DEPS
        ]
        if ANY_COMPLEMENT in entry.xcomp:  # "agreed to extend sanctions": the measure itself
            comps = [c for c in comps if not agreed_measure(self.match, token, c)]
        # "to hand over their weapons" is a disarming, for the frames that list one only.
        return any(
            DISARM in entry.xcomp
            if gives_up_arms(c)
            else (
                c.lemma_.lower() in entry.xcomp
                or (ANY_COMPLEMENT in entry.xcomp and c.pos_ in ("VERB", "AUX"))
            )
            for c in comps
        )

    def light_verb(self, noun: Token) -> Token | None:
        """The light verb carrying an event noun: "hold talks", "launched air and artillery
        strikes" (the noun may be coordinated with the verb's object, or counted by it:
        "launched a wave of attacks")."""
        if noun.dep_ == "compound" and noun.head.lemma_.lower() in KIT_NOUNS:
            return None  # "gave two patrol boats", "delivered attack helicopters": kit, no act
        obj = noun.head if noun.dep_ in ("conj", "compound") else noun
        if obj.dep_ == "pobj" and obj.head.lower_ == "of":
            counted = obj.head.head  # "launched a series of raids": the count is the object
            if counted.lemma_.lower() in CARRIER_NOUNS:
                obj = counted
        if obj.dep_ in OBJECT_DEPS and obj.head.lemma_.lower() in self.light_verbs:
            return obj.head  # also "launched a mediation effort": the event noun modifies
        prep = obj.head
        if obj.dep_ == "pobj" and prep.lower_ == "in" and prep.dep_ == "prep":
            verb = prep.head  # "engaged in ethnic cleansing", "took part in the talks"
            if (verb.lemma_.lower(), verb.pos_) in IN_LIGHT_VERBS:
                return verb
        if obj.dep_ == "pobj" and prep.lower_ == "with" and prep.dep_ == "prep":
            verb = prep.head  # "responded with air strikes", "retaliated with rocket fire"
            if verb.pos_ == "VERB" and verb.lemma_.lower() in WITH_LIGHT_VERBS:
                return verb
        if obj.dep_ == "pobj" and prep.lower_ == "under" and prep.dep_ == "prep":
            verb = prep.head  # "was put under investigation", "placed X under curfew"
            if verb.pos_ == "VERB" and verb.lemma_.lower() in UNDER_LIGHT_VERBS:
                return verb
        return None

    def carried(self, noun: Token) -> bool:
        """A light verb makes an event noun an act of the verb's subject."""
        return self.light_verb(noun) is not None

    def noun_prep(self, noun: Token, prep: str) -> Token | None:
        """The noun's preposition, or one the parse hung on its coordinated head or verb."""
        found = prep_child(noun, prep)
        verb = self.light_verb(noun)
        if found is None and verb is not None:
            if noun.dep_ == "conj":
                found = prep_child(noun.head, prep)
            if found is None:
                found = prep_child(verb, prep)
        return found

    def is_event_noun(self, noun: Token) -> bool:
        """A noun the lexicon lists as an event ("the attack"): an act, never a participant."""
        return bool(self.lexicon.candidates(noun.lemma_.lower(), "noun"))


def held_objects(noun: Token) -> list[Token]:
    """What an object noun holds ("tonnes of aid"), unless it undoes it ("the end of the truce")."""
    return [] if noun.lemma_.lower() in UNDOING_NOUNS else of_objects(noun)


def describe_entry(entry: TriggerEntry) -> str:
    """Readable form of a lexicon entry for explanations ("call +on -> 0211")."""
    parts = [entry.lemma]
    if entry.prep:
        parts.append(f"+{entry.prep}")
    if entry.obj:
        parts.append("obj=" + "|".join(sorted(entry.obj)))
    if entry.xcomp:
        parts.append("to=" + "|".join(sorted(entry.xcomp)))
    if entry.subj:
        parts.append("subj=" + "|".join(sorted(entry.subj)))
    return f"'{' '.join(parts)}' ({entry.pos}) -> CAMEO {entry.cameo}"


@rule("trigger.object-head-first")
def object_head_first(
    grammar: Grammar,
    token: Token,
    entry: TriggerEntry,
    actors: DocActors | None,
    narrowed: bool = False,
) -> bool:
    """What is acted on is the object's head, not a word that describes it: an entry whose
    object fits the head wins over an earlier one that fits only an of-phrase or an actor
    named in front ("released a video of the prisoners" is a statement, no freeing;
    "released CCTV footage" frees no CCTV). Where the earlier entry fits a word in front that
    names a kind of the head ("violated the ceasefire agreement"), it stands, unless the
    head is a person ("released two aid workers" frees people, it gives no aid).

    Example: The rebels released two aid workers on Monday.
    """
    if not entry.obj or not grammar._obj_fits(token, entry, actors, on="head"):
        return False
    return not narrowed or any(is_actor(h, actors) for h in object_heads(token, entry))


def object_heads(token: Token, entry: TriggerEntry) -> list[Token]:
    """The heads of what the trigger acts on: its objects, or the victim a violent or
    coercive participle stands on ("soldiers captured"); a statement frame (01x), which is
    there to outrank such an act ("hostages freed and taken to a hospital"), sees it too."""
    undergone = entry.cameo.startswith(UNDERGONE_CODES) or entry.cameo.startswith("01")
    victim = participle_victim(token) if undergone else None
    return [victim[0]] if victim is not None else objects(token)


@rule("trigger.lexicon")
def trigger_lexicon(trace: Trace, token: Token, entry: TriggerEntry) -> None:
    """An event needs a word the lexicon lists, in a frame that fits: no fallback code.

    Example: Chile urged Peru to reopen the border.
    """
    trace.add("trigger.lexicon", f"'{token.text}' -> entry {describe_entry(entry)}")
    for_clause(trace, token, entry)
    if entry.prep and prep_child(token, entry.prep) is None:
        held = object_held_prep(token, entry)
        if held is not None:
            trace.add("trigger.object-held-prep", f"'{held.text}' is '{token.text}''s")
    disarm_phrase(trace, token, entry.xcomp)
    note_agreed_measure(trace, token, entry)
    if COUNT_SUBJECT in entry.subj:
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and bare_count(subject):
            trace.add("trigger.bare-count", f"'{subject.text}' counts people")


@rule("trigger.for-clause")
def for_clause(trace: Trace, token: Token, entry: TriggerEntry) -> None:
    """'Bennett called for the Taliban to lift the ban': the parse makes 'for' the mark of the
    infinitive clause, not the verb's preposition; the 'call for' frame fits all the same, and
    the clause is what is asked for (suppress.complement), not an act.

    Example: Kenya pressed for Uganda to withdraw its troops.
    """
    if entry.prep != "for" or entry.pos != "verb":
        return
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
        return
    mark = for_mark(token)
    if mark is not None:
        trace.add("trigger.for-clause", f"'{mark.head.text}' is what '{token.text}' asks for")


@rule("trigger.light-verb")
def trigger_light_verb(grammar: Grammar, trace: Trace, token: Token) -> Token | None:
    """An event noun after a light verb ("held talks"), or reported as happening ("clashes
    broke out"), is an act of the verb's clause.

    Example: Kenya and Uganda held talks on the dispute.
    """
    verb = grammar.light_verb(token)
    if (
        verb is None
        and token.dep_ == "nsubjpass"
        and (token.head.lemma_.lower() in grammar.light_verbs)
    ):
        verb = token.head
    if verb is None and token.dep_ == "nsubj" and grammar.happening(token.head):
        # "a car bomb exploded", "clashes broke out": the verb reports the noun's event.
        verb = token.head
    if verb is not None:
        trace.add("trigger.light-verb", f"'{token.text}' carried by '{verb.text}'")
        return verb
    return happening_relative(grammar, trace, token)


def clause_carrier(grammar: Grammar, trace: Trace, token: Token, pos: str) -> Token | None:
    """The verb whose clause holds a noun's or an adjective's act: the light verb of an event
    noun ("held talks"), the copula of a statement adjective ("is skeptical of"); None for a
    verb, which heads its own clause."""
    if pos == "noun":
        return trigger_light_verb(grammar, trace, token)
    if pos == "adj":
        return token.head
    return None


@rule("trigger.happening-relative")
def happening_relative(grammar: Grammar, trace: Trace, token: Token) -> Token | None:
    """'the riots that broke out in May', 'clashes that rocked the town': a relative clause
    that reports the event noun as happening carries it as "riots broke out" does; the
    record's trigger spans the noun and the verb, and its place and date hang on the verb.

    Example: The riots that broke out in Nairobi on Monday left ten people dead.
    """
    verb = grammar.happening_relative(token)
    if verb is not None:
        trace.add("trigger.happening-relative", f"'{token.text}' carried by '{verb.text}'")
    return verb


@rule("target.personal-site")
def personal_site(trace: Trace, cameo: str, prep: Token) -> bool:
    """'arrested the 45-year-old at his home', 'was detained at his flat in Tartu': a home,
    house or office (places.yaml personal_sites) that someone is arrested, held or searched
    "at" or "in" is where the coercion (CAMEO 17) was done, never whom it was aimed at.

    Example: Police arrested the 45-year-old at his home in Lyon.
    """
    sites = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in PERSONAL_SITES]
    if not cameo.startswith("17") or prep.lower_ not in ("at", "in") or not sites:
        return False
    trace.add("target.personal-site", f"'{prep.text} {sites[0].text}' is where, not whom")
    return True


def at_is_scene(verb: Token, prep: Token) -> bool:
    """'shot two nurses at a hospital': after an object other than what is fired, "at" says
    where the act happened, not at whom it was aimed ("fired shots at the crowd")."""
    return prep.lower_ == "at" and any(
        o.lemma_.lower() not in FIRED_THINGS for o in objects(verb) if o.dep_ != "nsubjpass"
    )
