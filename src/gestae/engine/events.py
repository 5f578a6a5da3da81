"""Events stage: find event triggers in a parsed sentence and read who did it to whom.

Triggers come from the lexicon (data/triggers.yaml); argument structure comes from the
dependency parse: subjects and passive agents give the source, objects and the lexicon's
preposition give the target. Sentences with no clear trigger yield nothing: there is no
fallback code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from gestae.engine.actors import ActorResolver, DocActors, Mention
from gestae.engine.casualties import is_incident_cause
from gestae.engine.places import is_place_phrase
from gestae.engine.rules import Trace
from gestae.resources.lexicon import ACTOR_OBJECT, ANY_COMPLEMENT, Lexicon, TriggerEntry
from gestae.resources.word_classes import words
from gestae.schema import Actor, Modality

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# Prepositions that name who performs a nominal event ("condemnation from Ankara").
NOMINAL_AGENT_PREPS = frozenset({"by", "from"})
# Verbs whose subject can be an attack rather than an actor: "a suicide attack killed eight",
# "air strikes hit the enclave". The attack noun is then the event.
IMPACT_VERBS = words("impact_verbs")
# Verbs by which an actor owns up to an act ("claimed responsibility for the attack").
RESPONSIBILITY_VERBS = frozenset({"claim", "accept", "take", "admit", "assume", "bear"})
# Modals by which a speaker tells another actor what to do ("Israel must end its attacks").
OBLIGATION_MODALS = frozenset({"must", "should"})
# The demand such a sentence makes (CAMEO 100, "demand, not specified below").
DEMAND_ENTRY = TriggerEntry(
    lemma="must", pos="verb", cameo="100", target="none", source="events.py: reported obligation"
)
# Dependencies an embedded act climbs through to the trigger whose content it is.
CONTENT_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj"})
# CAMEO roots of violent acts (coerce, assault, fight, mass violence): a participle clause of one
# after another is its outcome ("..., killing nine").
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
SPEECH_VERBS = words("speech_verbs")
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_GOVERNORS = words("future_governors")
# Verbs that make their complement a wish or a need, not something that happened.
IRREALIS_GOVERNORS = words("irrealis_governors")
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# Governors whose complement is only wished for: a statement of hope or need (CAMEO 01x).
WISH_GOVERNORS = words("wish_governors")
REFUSAL_AUX = frozenset({"will", "wo", "would", "can", "ca", "could", "shall", "'ll"})
# Material cooperation announced for the future is an intention to cooperate (PLOVER AGREE).
FUTURE_MATERIAL_TO_AGREE = {"COOPERATE": "031", "AID": "033", "RETREAT": "035"}
BORDER_NOUNS = words("border_nouns")
# Objects that are ideas or measures, never a participant of the act.
ABSTRACT_OBJECTS = words("abstract_objects")
# Prepositions that introduce the other party when the lexicon names none.
# Codes whose object is the source's own force: mobilization (15), demobilization and
# military retreat (0873, 0874); of these, withdrawals take the place left as target.
OWN_FORCE_CODES = ("15", "0873", "0874")
WITHDRAWAL_CODES = ("0873", "0874")
# Codes whose preposition names a place left behind: its country is the target.
LEAVING_CODES = ("0873", "0874", "087", "1663")
# Prepositions through which a non-actor object names the actor it belongs to or concerns.
OWNER_PREPS = frozenset({"of", "to", "on", "against", "with", "from", "for", "by"})
# Directions a deployment takes: their object, even a place, is what the force is aimed at.
DEPLOYMENT_PREPS = ("to", "into", "around", "toward", "towards", "near", "along", "across")
# Nouns of places and areas ("the village", "the region"): objects that locate an act.
NOT_GROUP_NOUNS = words("not_group_nouns")
# Prepositions whose object, even one no dictionary names, is who or what an act is aimed at.
UNNAMED_TARGET_PREPS = ("into", "against", "with", "at")
FALLBACK_TARGET_PREPS = (
    "with", "against", "on", "to", "at", "toward", "towards", "into", "between", "for",
)  # fmt: skip


@dataclass
class EventCandidate:
    """An event read off one trigger, before dates, places and ids are added."""

    trigger: Token
    trigger_tokens: list[Token]
    entry: TriggerEntry
    sources: list[Actor]
    targets: list[Actor]
    negated: bool
    modality: Modality
    reported_by: Actor | None
    reasons: list[str] = field(default_factory=list)  # being replaced by `trace`
    # The named rules (gestae/engine/rules.py) that found this candidate and its arguments.
    trace: Trace = field(default_factory=Trace)
    implicit_target: bool = False
    # "will not", "would not", "cannot": a negation that announces a refusal.
    refusal_frame: bool = False


class EventFinder:
    """Matches lexicon entries against the parse and extracts their arguments."""

    def __init__(self, lexicon: Lexicon, resolver: ActorResolver) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.light_verbs = frozenset(lexicon.light_verbs)
        self.communication_nouns = frozenset(lexicon.communication_nouns)

    def find(self, sent: Span, actors: DocActors) -> Iterator[EventCandidate]:
        matched: dict[int, TriggerEntry] = {}
        for token in sent:
            entry = self.match(token, actors)
            if entry is not None:
                matched[token.i] = entry
        demands = self._reported_obligations(sent, actors)
        # What a speaker says another actor must do is the content of the demand, not an act.
        inside = {t.i for d in demands for t in d.trigger_tokens[-1].subtree}
        for index, entry in matched.items():
            token = sent.doc[index]
            if index in inside:
                continue
            if self._is_content_of_other_trigger(token, matched):
                continue
            if self._object_says_more(token, entry, matched):
                continue
            if entry.pos == "noun" and (
                not self._noun_is_event(token, matched, actors)
                or self._light_verb_is_content(token, matched)
            ):
                continue
            candidate = self._arguments(token, entry, actors)
            if candidate is not None:
                yield candidate
        yield from demands

    def _reported_obligations(self, sent: Span, actors: DocActors) -> list[EventCandidate]:
        """'Russia says Israel must end its attacks': a speaker saying what another actor must
        or should do makes a demand (CAMEO 10) of that actor, between two different named
        actors only."""
        found: list[EventCandidate] = []
        for modal in sent:
            if modal.dep_ != "aux" or modal.lower_ not in OBLIGATION_MODALS:
                continue
            clause = modal.head
            if clause.dep_ != "ccomp" or _negated(clause):
                continue
            reporter = self._reporter(clause, actors)
            subject = _child(clause, SUBJECT_DEPS)
            if reporter is None or reporter.country is None or subject is None:
                continue
            targets = [
                a for m in _with_country(self._actor_group(subject, actors)) for a in m.actors
            ]
            targets = [
                t for t in targets if t.country != reporter.country or t.sector != reporter.sector
            ]
            if not targets:
                continue
            entry = DEMAND_ENTRY
            reasons = [
                f"'{reporter.text}' says {subject.text} '{modal.text}' {clause.text}: a demand "
                f"(CAMEO {entry.cameo})"
            ]
            candidate = EventCandidate(
                trigger=modal,
                trigger_tokens=[modal, clause],
                entry=entry,
                sources=[reporter],
                targets=targets,
                negated=False,
                modality="asserted",
                reported_by=None,
                reasons=reasons,
            )
            found.append(candidate)
        return found

    # -- matching ---------------------------------------------------------------------------------

    def match(self, token: Token, actors: DocActors | None = None) -> TriggerEntry | None:
        """The most specific lexicon entry whose frame fits this token, or None."""
        if token.pos_ in ("VERB", "AUX"):
            if token.dep_ in ("amod", "compound"):
                return None  # "government-backed troops": a description, not an act
            pos = "verb"
        elif token.pos_ in ("NOUN", "PROPN"):
            pos = "noun"
        else:
            return None
        lemma = token.lemma_.lower()
        candidates = self.lexicon.candidates(lemma, pos)
        if not candidates and pos == "noun" and token.lower_ != lemma:
            candidates = self.lexicon.candidates(token.lower_, pos)
        if not candidates and pos == "noun":
            joined = _hyphen_joined(token)
            if joined is not None:
                candidates = self.lexicon.candidates(joined, pos)
        for entry in candidates:
            if self._frame_fits(token, entry, actors):
                return entry
        return None

    def _frame_fits(
        self, token: Token, entry: TriggerEntry, actors: DocActors | None = None
    ) -> bool:
        if entry.prep:
            if entry.pos == "noun":
                prep = self._noun_prep(token, entry.prep)
            else:
                prep = _prep_child(token, entry.prep)
            if prep is None:
                return False
            if _only_time(prep) and not entry.pobj:
                return False  # "insisted on Monday", "a strike on Wednesday": a date, no frame
            if entry.pobj and not any(
                c.dep_ == "pobj" and (c.lemma_.lower() in entry.pobj or c.lower_ in entry.pobj)
                for c in prep.children
            ):
                return False
        if entry.mod and not any(
            c.dep_ in ("amod", "compound", "advmod", "nmod") and c.lemma_.lower() in entry.mod
            for c in token.children
        ):
            return False
        if entry.obj:
            # The object's head or a compound in front of it ("curfew hours").
            words = [
                w
                for o in _objects(token)
                for w in [o, *(c for c in o.lefts if c.dep_ == "compound"), *_of_objects(o)]
            ]
            # "@actor": the object is a person, group or state the dictionary resolved
            # ("freed Alpha Conde", "released the Italian fishermen").
            wants_actor = ACTOR_OBJECT in entry.obj and actors is not None
            if not any(
                w.lemma_.lower() in entry.obj
                or w.lower_ in entry.obj
                or _hyphen_joined(w) in entry.obj
                or (wants_actor and _is_actor(w, actors))
                for w in words
            ):
                return False
        if entry.xcomp:
            comps = [c for c in token.children if c.dep_ in COMPLEMENT_DEPS]
            # "agreed to hold talks": a light verb's object names the complement's act.
            comps += [
                o
                for c in comps
                if c.lemma_.lower() in self.light_verbs
                for o in c.children
                if o.dep_ in OBJECT_DEPS
            ]
            if not any(
                c.lemma_.lower() in entry.xcomp
                or (ANY_COMPLEMENT in entry.xcomp and c.pos_ in ("VERB", "AUX"))
                for c in comps
            ):
                return False
        return True

    def _light_verb(self, noun: Token) -> Token | None:
        """The light verb carrying an event noun: "hold talks", "launched air and artillery
        strikes" (the noun may be coordinated with the verb's object)."""
        obj = noun.head if noun.dep_ in ("conj", "compound") else noun
        if obj.dep_ in OBJECT_DEPS and obj.head.lemma_.lower() in self.light_verbs:
            return obj.head  # also "launched a mediation effort": the event noun modifies
        return None

    def _object_says_more(
        self, verb: Token, entry: TriggerEntry, matched: dict[int, TriggerEntry]
    ) -> bool:
        """'held joint exercises': the object's modifier frame (COOPERATE) says more than the
        verb's object frame (military exercises, MOBILIZE); the noun is coded instead."""
        if entry.pos != "verb" or not entry.obj:
            return False
        return any(
            o.i in matched and matched[o.i].mod and matched[o.i].pos == "noun"
            for o in _objects(verb)
        )

    def _carried(self, noun: Token) -> bool:
        return self._light_verb(noun) is not None

    def _noun_prep(self, noun: Token, prep: str) -> Token | None:
        """The noun's preposition, or one the parse hung on its coordinated head or verb."""
        found = _prep_child(noun, prep)
        verb = self._light_verb(noun)
        if found is None and verb is not None:
            if noun.dep_ == "conj":
                found = _prep_child(noun.head, prep)
            if found is None:
                found = _prep_child(verb, prep)
        return found

    def _is_content_of_other_trigger(self, token: Token, matched: dict[int, TriggerEntry]) -> bool:
        """'urged X to stop' codes the urging; 'stop' is its content, not a second event."""
        head = token.head
        if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i in matched:
            return True  # "accused China of violating its airspace": what the accusation says
        if self._is_consequence(token, matched):
            return True
        if self._nested_content(token, matched):
            return True
        subject = _child(token, SUBJECT_DEPS)
        if (
            subject is not None
            and subject.i in matched
            and self._impact_subject(subject)
            and matched[token.i].cameo[:2] in VIOLENT_ROOTS
        ):
            return True  # "air strikes killed 12": the strikes are the event
        if token.dep_ in ("xcomp", "advcl", "ccomp") and head.i in matched and head.i != token.i:
            if token.dep_ == "advcl" and not any(c.lower_ == "to" for c in token.children):
                return False
            return matched[head.i].pos == "verb"
        # An object noun of a verb whose frame already names it ("impose sanctions").
        if token.dep_ in OBJECT_DEPS | {"pobj", "nsubjpass"} and head.i in matched:
            head_entry = matched[head.i]
            own = matched.get(token.i)
            named = (
                token.lemma_.lower() in head_entry.obj or _hyphen_joined(token) in head_entry.obj
            )
            if head_entry.obj and named and not (own and own.mod):
                return True
        if token.dep_ == "pobj" and head.head.i in matched:
            frame = matched[head.head.i]
            if frame.prep is None:
                return False
            # "called for talks", "pressed for sanctions": what the frame's preposition asks.
            named = token.lemma_.lower() in frame.obj or token.lemma_.lower() in frame.pobj
            return named or (frame.pos == "verb" and frame.prep.split()[-1] == head.lower_)
        return False

    def _nested_content(self, token: Token, matched: dict[int, TriggerEntry]) -> bool:
        """'urged Washington to stop selling weapons', 'accused Colombia of plotting to
        assassinate X', 'refused to allow the envoy to meet Y': an act named inside what a
        trigger higher up says, asks or refuses is its content, however deep it sits."""
        if token.pos_ not in ("VERB", "AUX") or token.dep_ not in ("xcomp", "ccomp", "pcomp"):
            return False
        current = token
        for step in range(5):
            dep = current.dep_
            purpose = dep in ("advcl", "acl") and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in current.children
            )
            if dep not in CONTENT_CHAIN_DEPS and not purpose:
                return False
            current = current.head
            if current.i in matched and step > 0:
                return matched[current.i].pos == "verb" or current.lower_ in ("of",)
            if current.head.i == current.i:
                return False
            if current.pos_ in ("VERB", "AUX") and _child(current, SUBJECT_DEPS) is not None:
                # A verb with its own subject ("X said Y attacked") ends the chain unless a
                # light verb carries a trigger ("made a request to deploy ...").
                carried = [o for o in _objects(current) if o.i in matched]
                return bool(carried) and step > 0
        return False

    @staticmethod
    def _is_consequence(token: Token, matched: dict[int, TriggerEntry]) -> bool:
        """'shelled the island, killing two marines': the killing is the outcome of the attack
        the clause already codes, one event and not two."""
        if token.dep_ != "advcl" or token.tag_ != "VBG" or token.i not in matched:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
            return False  # "..., while rebels killing ...": a clause of its own
        if matched[token.i].cameo[:2] not in VIOLENT_ROOTS:
            return False
        head = token.head
        hosts = [head, *_objects(head)]
        return any(h.i in matched and matched[h.i].cameo[:2] in VIOLENT_ROOTS for h in hosts)

    def _light_verb_is_content(self, noun: Token, matched: dict[int, TriggerEntry]) -> bool:
        """'agreed to hold talks': the talks are what was agreed, not a second event."""
        verb = noun.head
        return (
            noun.dep_ in OBJECT_DEPS
            and verb.lemma_.lower() in self.light_verbs
            and verb.dep_ in ("xcomp", "ccomp", "advcl")
            and verb.head.i in matched
            and matched[verb.head.i].pos == "verb"
        )

    def _noun_is_event(
        self, noun: Token, matched: dict[int, TriggerEntry], actors: DocActors | None = None
    ) -> bool:
        """An event noun counts when a light verb carries it or it names its own agent."""
        head = noun.head
        if actors is not None and (self._group_agent(noun, actors) or self._late_agent(noun)):
            return True
        if self._carried(noun):
            return True
        if noun.dep_ == "nsubjpass" and head.lemma_.lower() in self.light_verbs:
            return True
        if self._adjunct_host(noun) is not None:
            return True
        if self._impact_subject(noun):
            return True
        if _claimed_by(noun) is not None:
            return True
        return any(
            c.dep_ == "poss"
            or (c.dep_ in ("prep", "agent") and c.lower_ in NOMINAL_AGENT_PREPS)
            or (c.dep_ == "prep" and c.lower_ == "between")
            for c in noun.children
        )

    def _group_agent(self, noun: Token, actors: DocActors) -> list[Mention]:
        """'an ELN car bomb attack', 'a Hamas rocket attack': an armed group or organization
        named in front of an attack noun carried it out (a state adjective does not: 'the
        Russian invasion' is often background, not news)."""
        if not self._is_violent_noun(noun):
            return []
        for token in noun.subtree:
            if token.i >= noun.i or token.dep_ != "compound":
                continue
            mention = actors.at(token)
            if mention is not None and mention.actors and not mention.reference:
                actor = mention.actors[0]
                if actor.kind in ("group", "organization") and actor.country:
                    return [mention]
        return []

    @staticmethod
    def _late_agent(noun: Token) -> Token | None:
        """'the expulsion of 23 diplomats by Moscow': the parse hangs the agent on the 'of'
        object; it still names who expelled."""
        of = _prep_child(noun, "of")
        obj = _child(of, {"pobj"}) if of is not None else None
        if obj is None:
            return None
        return next(
            (c for c in obj.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None
        )

    def _impact_subject(self, noun: Token) -> bool:
        """'Syrian air strikes hit the enclave': an attack noun acting as the subject."""
        return (
            noun.dep_ in SUBJECT_DEPS
            and noun.head.lemma_.lower() in IMPACT_VERBS
            and self._is_violent_noun(noun)
        )

    def _is_violent_noun(self, noun: Token) -> bool:
        entry = self.match(noun)
        return entry is not None and entry.cameo[:2] in VIOLENT_ROOTS

    def _adjunct_host(self, noun: Token) -> Token | None:
        """'praised Greece during a visit to Athens': a meeting noun in a 'during/on' phrase
        of a clause is that clause subject's act; returns the clause's verb."""
        code = self.lexicon.candidates(noun.lemma_.lower(), "noun")
        if not code or not code[0].cameo.startswith(("04", "14")):
            return None
        prep = noun.head
        if (
            noun.dep_ != "pobj"
            or prep.lower_ not in ("during", "on", "for", "at")
            or prep.head.pos_ != "VERB"
        ):
            return None
        verb = prep.head
        if _negated(verb):
            return None  # "did not meet X during the summit": no sign the subject took part
        return verb if _child(verb, SUBJECT_DEPS) is not None else None

    # -- arguments ---------------------------------------------------------------------------------

    def _arguments(
        self, token: Token, entry: TriggerEntry, actors: DocActors
    ) -> EventCandidate | None:
        reasons = [f"trigger '{token.text}' matched lexicon entry {describe_entry(entry)}"]
        clause = token
        verb = self._light_verb(token) if entry.pos == "noun" else None
        if (
            verb is None
            and entry.pos == "noun"
            and token.dep_ == "nsubjpass"
            and (token.head.lemma_.lower() in self.light_verbs)
        ):
            verb = token.head
        if verb is not None:
            clause = verb
            reasons.append(f"event noun carried by light verb '{clause.text}'")

        if _alleged(clause):
            return None  # "accusations that it attacked the tanker": a claim, not a coded act
        if _considered(clause):
            return None  # "is considering sending aid": a policy option (CAMEO 014), no act
        if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in WISH_GOVERNORS:
            return None  # "hoped to resume flights", "we need to cooperate": a wish, no act
        if _in_conditional(clause) or _in_question(clause) or _in_doubt(clause):
            return None  # "if Russia invades ...": a condition; "Did Moscow plan ...?": a question
        if _subject_is_disaster(clause):
            return None  # "Cyclone Idai destroyed homes": no actor acted
        sources, targets = self._core_arguments(token, clause, entry, actors, reasons)
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in clause.children)
        # Precision first: an act needs a known actor, except a passive with a named victim.
        if not sources and not ((passive or self._impact_subject(token)) and targets):
            return None

        negated = _negated(token) or (clause.i != token.i and _negated(clause))
        if not negated and _denied(clause):
            negated = True
            reasons.append("denied: the event sits in what someone denies")
        modality, reported_by = self._modality(clause, actors, reasons)
        if reported_by is not None:
            # Whoever reports the event is not its target (a parse slip can hang "..., Defence
            # Minister X said" on the object).
            kept = [m for m in targets if not any(a.start == reported_by.start for a in m.actors)]
            if len(kept) < len(targets):
                reasons.append(f"the reporter {reported_by.label()} is not the target")
                targets = kept
        trigger_tokens = [token]
        if entry.prep:
            prep = _prep_child(token, entry.prep)
            if prep is not None:
                trigger_tokens.append(prep)
        if clause.i != token.i:
            trigger_tokens.insert(0, clause)
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        return EventCandidate(
            refusal_frame=negated and bool(aux & REFUSAL_AUX),
            trigger=token,
            trigger_tokens=sorted(trigger_tokens, key=lambda t: t.i),
            entry=entry,
            sources=[a for m in sources for a in m.actors],
            targets=[a for m in targets for a in m.actors],
            negated=negated,
            modality=modality,
            reported_by=reported_by,
            reasons=reasons,
        )

    def _core_arguments(
        self,
        token: Token,
        clause: Token,
        entry: TriggerEntry,
        actors: DocActors,
        reasons: list[str],
    ) -> tuple[list[Mention], list[Mention]]:
        sources: list[Mention] = []
        targets: list[Mention] = []
        passive = any(
            c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in clause.children
        )

        if entry.pos == "noun" and clause.i == token.i:
            # Nominal event: "Russia's invasion of Ukraine", "the expulsion of X by Moscow".
            patient: Token | None = None
            between: list[Mention] = []
            for child in token.children:
                if child.dep_ == "poss":
                    sources += self._actor_group(child, actors)
                elif child.dep_ in ("prep", "agent") and child.lower_ in NOMINAL_AGENT_PREPS:
                    sources += self._pobj_actors(child, actors)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    patient = child
                elif child.dep_ == "prep" and child.lower_ == "between":
                    between += self._pobj_actors(child, actors)
            if sources:
                reasons.append("source from the possessor, 'by' or 'from' phrase of the event noun")
            host = self._adjunct_host(token)
            if not sources and host is not None:
                subject = _child(host, SUBJECT_DEPS)
                if subject is not None:
                    sources += self._subject_actors(subject, actors, reasons)
                    reasons.append(f"the {token.lemma_} is the act of the subject of '{host.text}'")
            late = self._late_agent(token) if not sources else None
            if late is not None:
                sources += self._pobj_actors(late, actors)
                if sources:
                    reasons.append("source from the 'by' phrase the parse hung on the 'of' object")
            claim = _claimed_by(token)
            if not sources and claim is not None:
                subject = _child(claim, SUBJECT_DEPS)
                if subject is not None:
                    sources += self._subject_actors(subject, actors, reasons)
                    reasons.append(
                        f"source: who {claim.text} responsibility for the {token.lemma_}"
                    )
            if not sources:
                sources += self._group_agent(token, actors)
                if sources:
                    reasons.append("source: the group named in front of the attack")
            if not sources and self._impact_subject(token):
                sources += self._subject_owner(token, actors)
                if sources:
                    reasons.append(f"source: whose '{token.text}' it was")
            if not sources and between:
                sources = between  # "talks between Serbian and Kosovo leaders": each side
                reasons.append("participants from 'between' (each toward the other)")
            elif patient is not None and not sources and entry.cameo.startswith(OWN_FORCE_CODES):
                # "the withdrawal of French troops from Mali": the 'of' object moved itself.
                sources += _with_country(self._pobj_actors(patient, actors))
                if sources:
                    reasons.append(f"the forces of the {token.lemma_} are its source")
            elif patient is not None and sources:
                # "the expulsion of 23 diplomats by Moscow": the 'of' object undergoes it.
                targets += self._pobj_actors(patient, actors, owner=True)
            if not targets:
                targets += self._target_from_entry(token, entry, actors)
            if not targets and self._impact_subject(token):
                for obj in _objects(token.head):
                    targets += self._actor_group(obj, actors, owner=True)
                if targets:
                    reasons.append(f"target: what the {token.lemma_} {token.head.text}")
        else:
            subject = _child(clause, SUBJECT_DEPS)
            if subject is None:
                # A parse slip hangs the subject on the auxiliary ("France have opposed").
                for aux in (c for c in clause.children if c.dep_ in ("aux", "auxpass")):
                    subject = subject or _child(aux, SUBJECT_DEPS)
            if passive:
                agent = _agent(clause)
                if agent is not None:
                    sources += self._pobj_actors(agent, actors)
                    reasons.append("passive voice: source from the 'by' agent")
                patient = _child(clause, PASSIVE_SUBJECT_DEPS)
                if patient is not None and entry.cameo.startswith(OWN_FORCE_CODES):
                    # "Thousands of police officers were deployed": the force moved is the
                    # source's own; with no agent it stands for its state.
                    if not sources:
                        sources += _with_country(self._actor_group(patient, actors))
                        if sources:
                            reasons.append("passive deployment: the force moved is the source")
                    patient = None
                if patient is not None and entry.pos == "verb":
                    targets += [m for m in self._actor_group(patient, actors) if m.actors]
                    if not targets and sources:
                        # "prisoners were released by rebel forces": the patient as written.
                        unnamed = self._unnamed_target(patient)
                        targets += [unnamed] if unnamed is not None else []
                    if targets:
                        reasons.append("passive voice: target from the grammatical subject")
            elif subject is not None:
                sources += self._subject_actors(subject, actors, reasons)
            else:
                sources += self._inherited_subject(clause, actors, reasons)
            if not targets:
                targets += self._target_from_entry(token, entry, actors)
        if targets:
            reasons.append("target: " + ", ".join(m.actors[0].label() for m in targets if m.actors))
        sources = [m for m in sources if m.actors]
        targets = [m for m in targets if m.actors and m not in sources]
        return sources, targets

    def _subject_actors(
        self, subject: Token, actors: DocActors, reasons: list[str]
    ) -> list[Mention]:
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            antecedent = subject.head.head
            if antecedent.lemma_.lower() in self.communication_nouns:
                author = self._author(antecedent, actors)
                if author:
                    reasons.append(
                        f"relative clause on a {antecedent.lemma_}: source is its author"
                    )
                return author
            reasons.append(f"relative clause: source is the antecedent '{antecedent.text}'")
            return self._actor_group(antecedent, actors)
        found = self._actor_group(subject, actors)
        if not any(m.actors for m in found):
            owners = self._subject_owner(subject, actors)
            if owners:
                reasons.append(f"source: the owner of the subject '{subject.text}'")
                return owners
        return found

    def _subject_owner(self, subject: Token, actors: DocActors) -> list[Mention]:
        """Whose the acting thing is: 'the EU's diplomatic chief', 'Syrian regime air strikes',
        'the missiles fired by the Israeli military'."""
        for child in subject.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod") and child.i < subject.i):
                found = [m for m in self._actor_group(child, actors) if m.actors]
                if found:
                    return found
            if child.dep_ == "acl" and child.tag_ == "VBN":
                agent = _agent(child)
                if agent is not None:
                    found = [m for m in self._pobj_actors(agent, actors) if m.actors]
                    if found:
                        return found
        return []

    def _inherited_subject(
        self, verb: Token, actors: DocActors, reasons: list[str]
    ) -> list[Mention]:
        """Subjects shared through coordination, control and participles."""
        seen = 0
        current = verb
        while seen < 4:
            seen += 1
            dep, head = current.dep_, current.head
            if head.i == current.i:
                return []
            if dep == "conj":
                subject = _child(head, SUBJECT_DEPS)
                if subject is not None:
                    reasons.append(f"coordinated verb shares the subject of '{head.text}'")
                    return self._subject_actors(subject, actors, reasons)
                current = head
                continue
            if dep in ("xcomp", "advcl"):
                # Object control ("asked Paris to ...") else subject control ("agreed to ...").
                obj = _child(head, OBJECT_DEPS)
                if obj is not None and dep == "xcomp":
                    group = self._actor_group(obj, actors)
                    if group:
                        reasons.append(f"object control: subject is the object of '{head.text}'")
                        return group
                subject = _child(head, SUBJECT_DEPS)
                if subject is not None:
                    reasons.append(f"subject control: subject of '{head.text}'")
                    return self._subject_actors(subject, actors, reasons)
                current = head
                continue
            if dep in ("acl", "relcl"):
                noun = head
                if noun.lemma_.lower() in self.communication_nouns:
                    author = self._author(noun, actors)
                    if author:
                        reasons.append(f"source is the author of the {noun.lemma_}")
                    return author
                group = self._actor_group(noun, actors)
                if group:
                    reasons.append(f"clause modifies actor '{noun.text}'")
                return group
            if dep == "pcomp" and head.dep_ == "prep":
                # "was guilty of violating", "are committed to opening": the clause's subject.
                anchor = head.head
                while anchor.pos_ not in ("VERB", "AUX") and anchor.head.i != anchor.i:
                    anchor = anchor.head
                subject = _child(anchor, SUBJECT_DEPS)
                if subject is not None:
                    reasons.append(f"gerund shares the subject of '{anchor.text}'")
                    return self._subject_actors(subject, actors, reasons)
                return []
            if dep in ("acomp", "attr") and head.pos_ in ("AUX", "VERB"):
                # "France is ready to send troops": the predicate adjective's subject.
                subject = _child(head, SUBJECT_DEPS)
                if subject is not None:
                    reasons.append(f"subject of '{head.text} {current.text}'")
                    return self._subject_actors(subject, actors, reasons)
                return []
            return []
        return []

    def _author(self, noun: Token, actors: DocActors) -> list[Mention]:
        """Who wrote a message: "Johnson's letter", "a letter from X", "X published a letter"."""
        if noun.dep_ in OBJECT_DEPS and noun.head.pos_ == "VERB":
            subject = _child(noun.head, SUBJECT_DEPS)
            if subject is not None:
                return self._actor_group(subject, actors)
        for child in noun.children:
            if child.dep_ == "poss":
                return self._actor_group(child, actors)
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                return self._pobj_actors(child, actors)
            if child.dep_ == "acl":
                agent = _agent(child)
                if agent is not None:
                    return self._pobj_actors(agent, actors)
        return []

    def _target_from_entry(
        self, token: Token, entry: TriggerEntry, actors: DocActors
    ) -> list[Mention]:
        """The target the entry names (its preposition's object, the dative, ...), else the
        usual places: objects, datives, participant prepositions, the complement's target."""
        mode = entry.target
        if mode == "none" and entry.prep and entry.cameo.startswith(LEAVING_CODES):
            mode = "prep"  # what a pull-out leaves is its target, whatever the object is
        if mode == "none":
            # The object is what is asked, said or imposed ("demanded the release of X",
            # "imposed sanctions on X"): only what it is about, or a clause, names a target.
            about = self._fallback_targets(token, actors, depth=0, objects_as="owners")
            return about or self._clause_subject(token, actors)
        found: list[Mention] = []
        if entry.prep and mode in ("prep", None, ""):
            if entry.pos == "noun":
                prep = self._noun_prep(token, entry.prep)
            else:
                prep = _prep_child(token, entry.prep)
            left = entry.cameo.startswith(LEAVING_CODES)
            if prep is not None and left and _locative(prep):
                # "pulled out of Ethiopia's Tigray region": the place left is the target.
                obj = _child(prep, {"pobj"})
                place = self.resolver.place_actor(obj, actors) if obj is not None else None
                found = self._pobj_actors(prep, actors, owner=True) or (
                    [place] if place is not None else []
                )
            elif prep is not None and not _locative(prep):
                found = self._pobj_actors(prep, actors, owner=True)
                pobj = _child(prep, {"pobj"})
                # A listed pobj ("by phone") is part of the frame, not a patient.
                open_slot = pobj is not None and not found and not entry.pobj
                unnamed = self._unnamed_target(pobj) if open_slot and pobj is not None else None
                if unnamed is not None:
                    return [unnamed]  # "sanctions against the entities responsible"
        elif mode == "dative":
            # "sent doctors to Haiti", "extradited Guzman to the United States": the recipient.
            for child in token.children:
                if child.dep_ in ("dative", "iobj") and child.pos_ != "ADP":
                    found += self._actor_group(child, actors, owner=True)
                elif child.dep_ in ("dative", "prep") and child.lower_ in ("to", "for"):
                    found += self._pobj_actors(child, actors, owner=True)
                    pobj = _child(child, {"pobj"})
                    unnamed = self._unnamed_target(pobj) if pobj is not None else None
                    if not found and unnamed is not None:
                        found = [unnamed]  # "donated supplies to various African countries"
        elif mode == "place" and entry.prep:
            prep = _prep_child(token, entry.prep)
            obj = _child(prep, {"pobj"}) if prep is not None else None
            place = self.resolver.place_actor(obj, actors) if obj is not None else None
            found = [place] if place is not None else []
        elif mode == "xcomp_obj":
            for comp in token.children:
                obj = _child(comp, OBJECT_DEPS) if comp.dep_ in COMPLEMENT_DEPS else None
                if obj is not None:
                    found = self._actor_group(obj, actors, owner=True)
                    break
        # What a mobilization or a pull-out moves (troops, warships) is its own force, never
        # its target; a pull-out's target is the country it leaves ("withdrew troops from Mali").
        own_force = entry.cameo.startswith(OWN_FORCE_CODES)
        if not found and own_force and entry.cameo.startswith(WITHDRAWAL_CODES):
            prep = _prep_child(token, "from")
            obj = _child(prep, {"pobj"}) if prep is not None else None
            if obj is not None:
                found = self._actor_group(obj, actors, owner=True)
                place = self.resolver.place_actor(obj, actors) if not found else None
                found = found or ([place] if place is not None else [])
        if not found and entry.pos == "noun":
            # "launched a mediation effort between India and Pakistan": both sides.
            for noun in (token, token.head if token.dep_ == "compound" else token):
                between = _prep_child(noun, "between")
                if between is not None:
                    found = self._pobj_actors(between, actors)
                    if found:
                        break
        found = found or self._fallback_targets(
            token, actors, depth=0, own_force=own_force, frame_words=entry.obj
        )
        if not found and own_force and entry.cameo.startswith("15"):
            found = self._deployment_target(token, actors)
        if not found and entry.cameo.startswith("13"):
            found = self._condition_subject(token, actors)
        if not found:
            found = self._clause_subject(token, actors)
        return found

    def _deployment_target(self, token: Token, actors: DocActors) -> list[Mention]:
        """'deployed warships around Taiwan': where a force is sent is what it is aimed at."""
        for word in DEPLOYMENT_PREPS:
            for head in (token, *_objects(token)):
                prep = _prep_child(head, word)
                obj = _child(prep, {"pobj"}) if prep is not None else None
                if obj is None:
                    continue
                found = [m for m in self._actor_group(obj, actors, owner=True) if m.actors]
                place = self.resolver.place_actor(obj, actors) if not found else None
                found = found or ([place] if place is not None else [])
                if found:
                    return found
        return []

    def _condition_subject(self, token: Token, actors: DocActors) -> list[Mention]:
        """'threatened to deploy missiles if Sweden and Finland joined NATO': a threat is aimed
        at whoever must meet its condition."""
        for node in token.subtree:
            if node.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children
            ):
                continue
            subject = _child(node, SUBJECT_DEPS)
            if subject is not None:
                return _with_country(self._actor_group(subject, actors))
        return []

    def _clause_subject(self, token: Token, actors: DocActors) -> list[Mention]:
        """'demanded that Prime Minister Imran Khan step down': the one asked or warned is the
        subject of the that-clause (a bare 'said' is never a trigger, so this stays narrow)."""
        if token.pos_ not in ("VERB", "AUX"):
            return []
        for comp in token.children:
            if comp.dep_ != "ccomp" or not any(
                c.dep_ == "mark" and c.lower_ == "that" for c in comp.children
            ):
                continue
            subject = _child(comp, SUBJECT_DEPS)
            if subject is not None and subject.pos_ != "PRON":
                return _with_country(self._actor_group(subject, actors))
        return []

    def _fallback_targets(
        self,
        token: Token,
        actors: DocActors,
        depth: int,
        own_force: bool = False,
        objects_as: str = "targets",
        frame_words: frozenset[str] = frozenset(),
    ) -> list[Mention]:
        """`objects_as` "owners": an object that is itself an actor is not the target, but
        the actor an object is about is ("demanded the release of X")."""
        found: list[Mention] = []
        objects = [] if own_force else _objects(token)
        for obj in objects:
            mention = actors.at(obj)
            if objects_as == "owners" and mention is not None and mention.actors:
                continue
            if (
                mention is not None
                and obj.lemma_.lower() in frame_words
                and not any(a.country for a in mention.actors)
            ):
                # "sharing intelligence with Ukraine": a frame word that happens to name a
                # sector ("intelligence") is what is shared, not a partner.
                found += _with_country(self._actor_group(obj, actors, owner=True)[1:])
                continue
            found += self._actor_group(obj, actors, owner=True)
        if found:
            return found
        for child in token.children:
            if child.dep_ in ("dative", "iobj"):
                found += (
                    self._pobj_actors(child, actors)
                    if child.pos_ == "ADP"
                    else self._actor_group(child, actors, owner=True)
                )
        if found:
            return found
        for word in FALLBACK_TARGET_PREPS:
            prep = _prep_child(token, word)
            if prep is not None and not _locative(prep):
                found += self._pobj_actors(prep, actors, owner=True)
                if found:
                    return found
        # "opened investigations of four corporations", "ordered the expulsion of X": an
        # event noun's 'of' object undergoes it.
        if token.pos_ in ("NOUN", "PROPN"):
            of = _prep_child(token, "of")
            if of is not None and not _locative(of):
                found += _with_country(self._pobj_actors(of, actors, owner=True))
                if found:
                    return found
        # "spoke by phone with Erdogan": the partner hangs on the manner phrase.
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = _prep_child(obj, "with")
                if inner is not None:
                    found += self._pobj_actors(inner, actors)
                    if found:
                        return found
        # "refused to meet (with) the envoy", "threatened to expel the ambassador".
        if depth < 2:
            for comp in token.children:
                if comp.dep_ == "xcomp" or (
                    comp.dep_ in ("advcl", "ccomp") and any(c.lower_ == "to" for c in comp.children)
                ):
                    frame = self.match(comp, actors)
                    # The complement's own frame knows where its target is ("agreed to
                    # withdraw troops from Georgia").
                    found = (
                        self._target_from_entry(comp, frame, actors)
                        if frame is not None
                        else self._fallback_targets(comp, actors, depth + 1)
                    )
                    if found:
                        return found
        # "massed troops near its border with Ukraine": the state across the border.
        for border in token.subtree:
            if border.lemma_.lower() in BORDER_NOUNS and _within_clause(border, token):
                found = self._border_state(border, actors)
                if found:
                    return found
        # "shelled residential districts of Kharkiv": the place inside the object.
        for obj in objects:
            # An event noun's place ("hold talks in Almaty") is where, not whom.
            concrete = not self.lexicon.candidates(obj.lemma_.lower(), "noun")
            derived = self.resolver.implied_actor(obj, actors, through_places=concrete)
            if derived is not None:
                return [derived]
        # "provide ammunition alongside assistance to Turkey": a participant preposition the
        # parse hung lower in the clause still names the recipient.
        for node in token.subtree:
            if (
                node.dep_ == "prep"
                and node.lower_ in ("to", "with", "against")
                and node.head.i != token.i
                and _within_clause(node, token)
                and not _locative(node)
            ):
                named = _with_country(self._pobj_actors(node, actors))
                if named:
                    return named
        # "launched an investigation into X": the light verb may carry the noun's partner.
        verb = self._light_verb(token) if token.pos_ in ("NOUN", "PROPN") else None
        if verb is not None and depth == 0:
            for word in FALLBACK_TARGET_PREPS:
                prep = _prep_child(verb, word)
                if prep is not None and not _locative(prep):
                    found = _with_country(self._pobj_actors(prep, actors, owner=True))
                    if found:
                        return found
        # "attacked the village": the object as written, with no country (never a guess).
        if depth == 0:
            for obj in objects:
                unnamed = self._unnamed_target(obj)
                if unnamed is not None:
                    return [unnamed]
            # "an investigation into the dealings of X", "talks with the rebels"
            for head in (token, verb) if verb is not None else (token,):
                for word in UNNAMED_TARGET_PREPS:
                    prep = _prep_child(head, word)
                    pobj = _child(prep, {"pobj"}) if prep is not None else None
                    if pobj is None or _locative(prep):  # type: ignore[arg-type]
                        continue
                    unnamed = self._unnamed_target(pobj)
                    if unnamed is not None:
                        return [unnamed]
        return []

    def _unnamed_target(self, obj: Token) -> Mention | None:
        """A concrete object that names no actor keeps its words as an unresolved target."""
        lemma = obj.lemma_.lower()
        if lemma in _QUANTITY or obj.lower_ in _QUANTITY:
            # "hundreds of political prisoners": the people counted, not the count.
            of = _prep_child(obj, "of")
            inner = _child(of, {"pobj"}) if of is not None else None
            found = self._unnamed_target(inner) if inner is not None else None
            if found is None or inner is None:
                return None
            span = obj.doc[min([obj.i] + [t.i for t in obj.lefts]) : inner.i + 1]
            actor = found.actors[0]
            widened = Actor(
                span.text, span.start_char, span.end_char, None, None, None, "group", None,
                actor.rule,
            )  # fmt: skip
            return Mention(span.start, span.end, inner.i, [widened], actor.rule, reference=True)
        if obj.pos_ not in ("NOUN", "PROPN") or lemma in ABSTRACT_OBJECTS:
            return None
        if obj.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
            return None
        if self.lexicon.candidates(lemma, "noun"):
            return None  # "condemned the attack": an event, not a target
        start = min([obj.i] + [t.i for t in obj.lefts])
        span = obj.doc[start : obj.i + 1]
        rule = f"target '{span.text}' is not in the dictionaries: no country"
        actor = Actor(
            span.text, span.start_char, span.end_char, None, None, None, "group", None, rule
        )
        return Mention(start, obj.i + 1, obj.i, [actor], rule, reference=True)

    def _border_state(self, border: Token, actors: DocActors) -> list[Mention]:
        """The other side of 'the border with X' or 'the Iraqi border'."""
        for child in border.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "of"):
                return self._pobj_actors(child, actors)
        for child in border.lefts:
            mention = actors.at(child)
            if mention is None:
                loose = [a for i, a in actors.loose if i == child.i]
                if loose:
                    rule = f"'{border.text}' lies on the border of {loose[0].country}"
                    actor = Actor(
                        loose[0].text,
                        loose[0].start,
                        loose[0].end,
                        loose[0].country,
                        None,
                        loose[0].name,
                        "state",
                        None,
                        rule,
                    )
                    return [Mention(child.i, child.i + 1, child.i, [actor], rule, reference=True)]
            elif mention.actors and mention.actors[0].country:
                return [mention]
        return []

    def _pobj_actors(self, prep: Token, actors: DocActors, owner: bool = False) -> list[Mention]:
        """Actors a preposition introduces; with `owner`, also the actor its object implies
        ("air strikes on residential districts of Kharkiv" -> UKR)."""
        out: list[Mention] = []
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            # "pulling out of X", "away from X": the object hangs on the second word.
            objects = [o for c in prep.children if c.dep_ == "prep" for o in _objects_of(c)]
        for child in objects:
            if child.dep_ == "pobj":
                group = self._actor_group(child, actors, owner=owner)
                if not group and owner:
                    implied = self.resolver.implied_actor(child, actors)
                    group = [implied] if implied is not None else []
                out += group
        return out

    def _actor_group(self, token: Token, actors: DocActors, owner: bool = False) -> list[Mention]:
        """The mention at a token plus its coordinated mentions ("A, B and C").

        With `owner`, a non-actor noun hands over to its possessor or "of" object, so
        "canceled London's participation" targets London.
        """
        out: list[Mention] = []
        members = [token, *[t for t in token.conjuncts if t.i != token.i]]
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt": a list the parser
        # attached as an apposition of the first state.
        for appos in (c for c in token.children if c.dep_ == "appos"):
            first = actors.at(token)
            other = actors.at(appos)
            if (
                first is not None
                and other is not None
                and first.actors
                and other.actors
                and other.actors[0].country != first.actors[0].country
                and other.actors[0].kind == "state"
            ):
                members += [appos, *[t for t in appos.conjuncts if t.i != appos.i]]
        for tok in members:
            mention = actors.at(tok)
            if mention is not None and mention.media:
                continue
            if owner and mention is not None and _own_envoy(tok, mention):
                # "recalled its ambassadors to the United States": the host, not the envoy.
                to = _prep_child(tok, "to")
                hosts = [m for m in self._pobj_actors(to, actors) if m.actors] if to else []
                if hosts:
                    out.extend(m for m in hosts if m not in out)
                    continue
            if mention is not None and mention.actors:
                if mention not in out:
                    out.append(mention)
                continue
            # "the separatist group Black Widow": the name in apposition is the actor.
            apposed = [actors.at(c) for c in tok.children if c.dep_ == "appos"]
            named = [m for m in apposed if m is not None and m.actors and not m.media]
            if named:
                out.extend(m for m in named[:1] if m not in out)
                continue
            if owner or tok.lemma_.lower() in _QUANTITY:
                for child in tok.children:
                    # "positions held by the TPLF": whoever holds or controls the thing.
                    if child.dep_ == "acl" and child.tag_ == "VBN" and owner:
                        agent = _agent(child)
                        if agent is not None:
                            out.extend(m for m in self._pobj_actors(agent, actors) if m not in out)
                    # "London's participation", "invitation to Patel", "sanctions on Iran",
                    # "support for Taiwan", "crimes by Russian soldiers"
                    if child.dep_ == "poss" or (
                        child.dep_ in ("prep", "agent") and child.lower_ in OWNER_PREPS
                    ):
                        inner = child if child.dep_ == "poss" else _child(child, {"pobj"})
                        if inner is not None:
                            for m in self._actor_group(inner, actors):
                                if m not in out:
                                    out.append(m)
        return out

    # -- modality -----------------------------------------------------------------------------------

    def _modality(
        self, clause: Token, actors: DocActors, reasons: list[str]
    ) -> tuple[Modality, Actor | None]:
        reported_by = self._reporter(clause, actors)
        aux = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        irrealis = clause.dep_ == "xcomp" and clause.head.lemma_.lower() in IRREALIS_GOVERNORS
        if (
            aux & HYPOTHETICAL_AUX
            or marks & CONDITIONAL_MARKS
            or _in_conditional(clause)
            or irrealis
        ):
            reasons.append("hypothetical: conditional or modal verb")
            return "hypothetical", reported_by
        if aux & FUTURE_AUX or _governed_by_future(clause):
            reasons.append("future: announced or planned")
            return "future", reported_by
        if reported_by is not None:
            reasons.append(f"reported by {reported_by.label()}")
            return "reported", reported_by
        return "asserted", None

    def _reporter(self, clause: Token, actors: DocActors) -> Actor | None:
        """The speaker when the event sits inside 'X said (that) ...'."""
        current = clause
        for _ in range(4):
            if (
                current.dep_ not in ("ccomp", "conj", "parataxis", "xcomp")
                or current.head.i == current.i
            ):
                return None
            head = current.head
            if head.lemma_.lower() in SPEECH_VERBS:
                subject = _child(head, SUBJECT_DEPS)
                if subject is None:
                    return None
                group = self._actor_group(subject, actors)
                return group[0].actors[0] if group else None
            current = head
        return None


def describe_entry(entry: TriggerEntry) -> str:
    """Readable form of a lexicon entry for explanations ("call +on -> 0211")."""
    parts = [entry.lemma]
    if entry.prep:
        parts.append(f"+{entry.prep}")
    if entry.obj:
        parts.append("obj=" + "|".join(sorted(entry.obj)))
    if entry.xcomp:
        parts.append("to=" + "|".join(sorted(entry.xcomp)))
    return f"'{' '.join(parts)}' ({entry.pos}) -> CAMEO {entry.cameo}"


_QUANTITY = words("quantity_nouns")


def _claimed_by(noun: Token) -> Token | None:
    """'The Taliban claimed responsibility for the attack': the verb whose subject owns up to
    the act, or None."""
    prep = noun.head
    if noun.dep_ == "conj":
        prep = noun.head.head  # "for the Farah and the Ghazni attacks"
    if noun.dep_ not in ("pobj", "conj") or prep.lower_ not in ("for", "on") or prep.dep_ != "prep":
        return None
    duty = prep.head
    if duty.lemma_.lower() in RESPONSIBILITY_VERBS and any(
        o.lemma_.lower() == "responsibility" for o in _objects(duty)
    ):
        return duty  # "claimed responsibility on Sunday for the bombing"
    if duty.lemma_.lower() != "responsibility" or duty.dep_ not in OBJECT_DEPS:
        return None
    verb = duty.head
    return verb if verb.lemma_.lower() in RESPONSIBILITY_VERBS else None


def _only_time(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _with_country(mentions: list[Mention]) -> list[Mention]:
    """Mentions whose actors have a country: a clause's subject is a target only when it
    clearly names one ("if the fishermen ..." says nothing about whom France threatens)."""
    return [m for m in mentions if m.actors and all(a.country for a in m.actors)]


def _objects_of(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _own_envoy(token: Token, mention: Mention) -> bool:
    """'its ambassador to X', 'their envoys to X': the source's own representative."""
    first = token.doc[mention.start]
    return first.lower_ in ("its", "their", "his", "her") and _prep_child(token, "to") is not None


def _hyphen_joined(token: Token) -> str | None:
    """'cease-fire' is tokenized cease, -, fire; the lexicon spells it 'ceasefire'."""
    i = token.i
    doc = token.doc
    if i < 2 or doc[i - 1].text not in ("-", "\u2010", "\u2011") or doc[i - 2].whitespace_:
        return None
    if doc[i - 1].whitespace_:
        return None
    return doc[i - 2].lower_ + token.lemma_.lower()


def _child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in OBJECT_DEPS] + [
        c for c in token.children if c.dep_ == "nsubjpass"
    ]


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return child
    return None


def _prep_child(token: Token, prep: str) -> Token | None:
    """The child preposition/particle spelling `prep` ("on", "out of", "back")."""
    words = prep.lower().split()
    children = [c for c in token.children if c.dep_ in ("prep", "prt", "agent", "dative", "advmod")]
    matching = [c for c in children if c.lower_ == words[0]]
    # "called on Saturday on the factions to ...": a date phrase is not the frame's preposition.
    first = next((c for c in matching if not _only_time(c)), matching[0] if matching else None)
    if first is None:
        return None
    if len(words) == 1:
        return first
    rest = words[1:]
    # "pull out of": the second word hangs off the particle or off the verb.
    for cand in [*first.children, *token.children]:
        if cand.lower_ == rest[0]:
            return cand
    return None


def _within_clause(token: Token, top: Token, depth: int = 5) -> bool:
    """True when `token` hangs below `top` through at most `depth` non-verb links."""
    current = token
    for _ in range(depth):
        if current.i == top.i:
            return True
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return False
        current = current.head
    return current.i == top.i


def _is_actor(token: Token, actors: DocActors | None) -> bool:
    mention = actors.at(token) if actors is not None else None
    return mention is not None and bool(mention.actors) and not mention.media


def _of_objects(noun: Token) -> list[Token]:
    """What a quantity or container noun holds: "hundreds of doctors", "tonnes of aid"."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _locative(prep: Token) -> bool:
    """A preposition that places the event ("in Cairo", "at the village of X")."""
    obj = _child(prep, {"pobj"})
    if obj is None or not is_place_phrase(obj):
        return False
    # "into alleged war crimes" is no place: only names and place nouns locate an act.
    return (
        obj.ent_type_ in ("GPE", "LOC", "FAC")
        or obj.pos_ == "PROPN"
        or obj.lemma_.lower() in NOT_GROUP_NOUNS
    )


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in token.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


DENIAL_VERBS = words("denial_verbs")


def _denied(token: Token) -> bool:
    """'Egypt denied reports that it had closed the crossing': the closing is denied."""
    current = token
    for _ in range(4):
        if current.head.i == current.i:
            return False
        if current.dep_ not in ("ccomp", "acl", "relcl", "dobj", "xcomp", "conj", "pobj", "prep"):
            return False
        current = current.head
        if current.lemma_.lower() in DENIAL_VERBS:
            return True
    return False


ALLEGATION_NOUNS = words("allegation_nouns")
# Words that make their complement an option under study, not an act (CAMEO 014).
CONSIDERING = words("considering_words")


def _considered(token: Token) -> bool:
    """'considering sending aid', 'exploring the possibility of transferring helicopters'."""
    current = token
    for _ in range(4):
        if current.dep_ not in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "acl", "dobj"):
            return False
        current = current.head
        if current.lemma_.lower() in CONSIDERING:
            return True
    return False


def _alleged(token: Token) -> bool:
    """The event is what an accusation, claim or rumour says ("claims that X attacked Y")."""
    return token.dep_ in ("acl", "ccomp", "relcl") and token.head.lemma_.lower() in ALLEGATION_NOUNS


def _in_question(token: Token) -> bool:
    return token.sent.text.rstrip().rstrip("\"\u201d'").endswith("?")


def _subject_is_disaster(clause: Token) -> bool:
    """'Cyclone Idai made landfall, destroying homes': no actor acted, in the clause or in the
    participle that shares its subject."""
    current = clause
    for _ in range(3):
        subject = _child(current, SUBJECT_DEPS)
        if subject is not None:
            return is_incident_cause(subject)
        if current.dep_ not in ("advcl", "xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_doubt(token: Token) -> bool:
    """'It is unclear whether China would invade': an open question, not an act."""
    current = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_conditional(token: Token) -> bool:
    current = token
    for _ in range(3):
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in current.children
        ):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _governed_by_future(token: Token) -> bool:
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in FUTURE_GOVERNORS:
        return True
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "aux" for c in head.children)
    )
