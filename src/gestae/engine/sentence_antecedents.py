"""An "it" whose antecedent its own sentence gives, before any state or body named further
back: the body a person subject speaks for ("A spokesperson for the Chilean Foreign Ministry
said it ..."), the state a relative clause hangs on ("Bolivia, which says it was forced ..."),
and the subject a fronted clause runs ahead to ("After denying it held them, Chile freed ...")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from gestae.engine.mentions import DocActors, Mention
from gestae.engine.pointers import pointer
from gestae.engine.rules import declare
from gestae.engine.syntax import pobjs
from gestae.resources.word_classes import words
from gestae.schema import Actor

SPOKEN_FOR_RULE = "reference.spoken-for-body"
RELATIVE_IT_RULE = "reference.relative-it"
FRONTED_IT_RULE = "reference.fronted-it"
SPEAKERS_THEY_RULE = "reference.speakers-they"
JOINED_THEY_RULE = "reference.joined-subject-they"
SPEAKER_BODY_RULE = "reference.speaker-body-they"
UNKNOWN_SPEAKER_RULE = "reference.unknown-speaker-it"
# Messages that speak for their author ("a statement from the ministry said it would"): the
# "it" after one is the author, found further on, not the message.
MESSAGE_NOUNS = words("message_speaker_nouns")
# Sectors of a body a lone speaker talks for ("a police spokesman said they ..."): a state's
# arms, armed groups, parties, companies and organizations; not civilians, nor a former leader.
BODY_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "OPP", "PTY", "NGO", "IGO"}
)
SPEECH_VERBS = words("speech_verbs")
EMPTY_IT_VERBS = words("empty_it_verbs")
GROUP_KINDS = ("group", "organization")
# Prepositions that tie a person to the body they speak or work for ("a spokesperson for X",
# "an official of X", "a lawyer with X").
SPOKEN_FOR_PREPS = frozenset({"for", "of", "with", "at"})
RELATIVE_PRONOUNS = frozenset({"which", "that"})
# Where a fronted clause hangs on the main verb: "After denying it ...", "Though it denied ...".
FRONTED_DEPS = frozenset({"prep", "advcl"})

declare(
    SPOKEN_FOR_RULE,
    """'A spokesperson for the Chilean Foreign Ministry said it would ...': "it" is no person,
    so when the nearest subject before it in its sentence is a person tied by "for", "of",
    "with" or "at", or by a possessive, to one body or state, "it" is that body, not the
    last state named further back.

    Example: A spokesperson for the Chilean Foreign Ministry said it had asked Peru to help.
    """,
    __name__,
)
declare(
    RELATIVE_IT_RULE,
    """'Bolivia, which says it was forced to cede the coast': a subject "it" whose nearest
    subject before it is the relative pronoun of a clause hung on one state or body is that
    state or body.

    Example: Bolivia, which says it was forced out by Chile, accused Santiago of lying.
    """,
    __name__,
)
declare(
    FRONTED_IT_RULE,
    """'After denying it planned to expel them, Chile deported 40 migrants': a subject "it"
    inside a clause or phrase put before the main clause's subject runs ahead to that subject,
    when it is one state or body.

    Example: After denying for weeks that it would act, Chile expelled two Peruvian diplomats.
    """,
    __name__,
)
declare(
    SPEAKERS_THEY_RULE,
    """'Those leaders have said they will no longer recognize him': a subject "they" of the
    clause a saying verb reports, whose own subject is a plural noun before it, is those
    speakers, and so are states joined by "and" ("Chile and Peru said they would"), also
    as the subject of a first verb the saying verb shares ("voted no and said they"); when
    the coder does not know who they are, "they" is left unresolved rather than given to a
    group named further back.

    Example: The government blamed the rebels. Peruvian officials said they would not talk.
    """,
    __name__,
)


declare(
    JOINED_THEY_RULE,
    """'Girls are not allowed to travel alone, and they are barred from stadiums', 'Nurses
    were not paid, so they went on strike': a subject "they" of a clause joined to an earlier
    clause of its own sentence whose subject is a plural noun that undergoes (a passive) or is
    described (a copula) is that noun's group; when the coder knows no actor in its words,
    "they" is left unresolved rather than given to a body named further back. An active
    clause's subject is not followed ("soldiers fired on students, and they fled").

    Example: The junta closed the schools. Teachers were not paid for months, so they went on
    strike against the government.
    """,
    __name__,
)


declare(
    SPEAKER_BODY_RULE,
    """'A Nigerian police spokesman said they had arrested 40 people': a subject "they" of
    the clause a saying verb reports, whose own subject is one person or body before it, is
    not that one speaker but the body they speak for: the group or organization tied to the
    speaker by a possessive or "for", "of", "with", "at" ("a spokesman for the M23 movement"),
    else the speaker's own side when the coder knows its country and a sector of a body
    (state, armed group, party, organization) or the speaker is itself a body ("Hamas", "the
    government"), of no country if none is known; for any other
    lone speaker ("a resident said they burned the market") the speaker is passed over, and
    "they" is read as before among the groups named. A passive "they" ("said they would be
    punished") is left to the other rules.

    Example: Protesters marched through the capital. A Peruvian police spokesman said they had
    arrested 40 people.
    """,
    __name__,
)


declare(
    UNKNOWN_SPEAKER_RULE,
    """'A hacking group called Red Lynx said it had carried out the attack', 'a Lagos firm said
    it would sue': a subject "it" of the clause a saying verb reports, whose own subject is a
    singular common noun with no word the coder knows a country for ("an Iran-allied group" is
    left to the other rules), is that speaker; it is left unresolved
    rather than given to the last state named further back. A message ("a statement from the
    ministry said it") is no such speaker.

    Example: Kenya's economy grew by five percent last year. A hacking group called Red Lynx
    said it had carried out the attack.
    """,
    __name__,
)


def it_here(token: Token, found: DocActors) -> tuple[bool, Mention | None]:
    """Whether its own sentence decides a subject "it", and the mention it gives: none for
    an unknown speaker's "it" (reference.unknown-speaker-it), else antecedent_here's."""
    if unknown_speaker_it(token, found):
        return True, None  # "A hacking group said it had ...": that group, unknown
    near = antecedent_here(token, found)
    return near is not None, near


def unknown_speaker_it(token: Token, found: DocActors) -> bool:
    """Whether "it" opens the clause a saying verb reports and that verb's subject is a
    singular common noun no actor stands for (reference.unknown-speaker-it)."""
    verb = token.head
    if (
        token.dep_ != "nsubj"
        or verb.dep_ != "ccomp"
        or verb.head.lemma_.lower() not in SPEECH_VERBS
    ):
        return False
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if speaker is None or speaker.pos_ != "NOUN" or speaker.tag_ != "NN":
        return False
    if speaker.lemma_.lower() in MESSAGE_NOUNS:
        return False
    # "Iran-allied group said it ...": a word of the speaker's that the coder knows gives it away
    if found.by_token.get(speaker.i) is not None:
        return False  # "the government announced it ...": antecedent_here's
    mentions = [found.by_token.get(t.i) for t in speaker.subtree]
    return not any(m is not None and any(a.country for a in m.actors) for m in mentions)


def clause_they(token: Token, found: DocActors) -> tuple[bool, Mention | None]:
    """A subject "they" its own sentence's clauses decide: the speakers of the saying verb
    whose clause it opens (reference.speakers-they), else the undergoing subject of the clause
    its own is joined to (reference.joined-subject-they)."""
    spoken, speakers = speakers_they(token, found)
    return (spoken, speakers) if spoken else joined_subject_they(token, found)


def joined_subject_they(token: Token, found: DocActors) -> tuple[bool, Mention | None]:
    """Whether "they" continues the plural undergoing subject of a clause joined to its own,
    and the mention of that group (None when the coder knows no actor in its words)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False, None
    verb = token.head
    joined = [verb.head] if verb.dep_ == "conj" and verb.head.i < token.i else []
    joined += [c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.i < token.i]
    for other in joined:
        subjects = [c for c in other.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subjects) != 1 or subjects[0].tag_ not in ("NNS", "NNPS"):
            continue
        subject = subjects[0]
        copula = other.lemma_ == "be" and subject.dep_ == "nsubj"
        if subject.dep_ != "nsubjpass" and not copula:
            continue
        group = found.by_token.get(subject.i)
        if group is None or group.media or not group.actors:
            return True, None
        first = group.actors[0]
        what = f"{first.name or first.text} ({JOINED_THEY_RULE})"
        return True, pointer(token, group.actors, what, whole_phrase=False)
    return False, None


def speakers_they(token: Token, found: DocActors) -> tuple[bool, Mention | None]:
    """Whether "they" is the plural subject of the saying verb its clause hangs on, and the
    mention of those speakers (None when the coder knows no actor in their words)."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return False, None
    saying = verb.head
    if saying.lemma_.lower() not in SPEECH_VERBS:
        return False, None
    speakers = _speakers(saying, token)
    if not speakers:
        return False, None
    coordinated = [c for c in speakers[0].children if c.dep_ == "conj"]
    if speakers[0].tag_ not in ("NNS", "NNPS") and not coordinated:
        return _speaker_body(token, speakers[0], found)
    said = [found.by_token.get(t.i) for t in (speakers[0], *coordinated)]
    actors = [a for m in said if m is not None and not m.media for a in m.actors]
    actors = [a for i, a in enumerate(actors) if all(b.text != a.text for b in actors[:i])]
    if not actors or (coordinated and len(actors) < 1 + len(coordinated)):
        return True, None
    first = actors[0]
    what = f"{first.name or first.text} ({SPEAKERS_THEY_RULE})"
    return True, pointer(token, actors, what, whole_phrase=False)


def _speaker_body(token: Token, speaker: Token, found: DocActors) -> tuple[bool, Mention | None]:
    """ "A police spokesman said they ...": the body one singular speaker talks for, as a
    group of its country and sector (rule reference.speaker-body-they)."""
    if speaker.tag_ not in ("NN", "NNP") or token.dep_ != "nsubj":
        return False, None  # "said they would be punished": those who undergo it
    owner = _owning_body(speaker, found)  # "the union's chairman said they ..."
    if owner is not None:
        what = f"{owner.name or owner.text}, whom the speaker serves ({SPEAKER_BODY_RULE})"
        return True, pointer(token, [owner], what, whole_phrase=False)
    mention = found.by_token.get(speaker.i)
    if mention is None or mention.media or len(mention.actors) != 1:
        return False, None
    actor = mention.actors[0]
    # "Hamas said they ...", "the government said they ...": a body, even of no known country;
    # not a person noun read as a group ("a resident", "a farmer").
    body_noun = actor.kind in GROUP_KINDS and (
        actor.name is not None or actor.sector in BODY_SECTORS
    )
    if not body_noun and (not actor.country or actor.sector not in BODY_SECTORS):
        return False, None
    body = (
        replace(actor, kind="group", name=None, wikidata=None) if actor.kind == "person" else actor
    )
    what = f"{speaker.text}'s side ({SPEAKER_BODY_RULE})"
    return True, pointer(token, [body], what, whole_phrase=False)


def _owning_body(speaker: Token, found: DocActors) -> Actor | None:
    """The one group or organization a speaker noun is tied to by a possessive or by "for",
    "of", "with" or "at" ("the union's chairman", "a spokesman for the movement")."""
    for owner in _owners(speaker):
        mention = found.by_token.get(owner.i)
        if mention is not None and not mention.media and len(mention.actors) == 1:
            actor = mention.actors[0]
            return actor if actor.kind in GROUP_KINDS else None
    return None


def lone_speaker(token: Token) -> set[int]:
    """The words naming the one noun or name saying the clause a subject "they" opens ("a
    resident, Ali Musa, said they ..."): "they" is not that speaker, though it may be the body
    the speaker is tied to ("the union's chairman said they ...")."""
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return set()
    saying = verb.head
    if saying.lemma_.lower() not in SPEECH_VERBS:
        return set()
    speakers = _speakers(saying, token)
    if not speakers or speakers[0].tag_ not in ("NN", "NNP"):
        return set()
    speaker = speakers[0]
    if any(c.dep_ == "conj" for c in speaker.children):
        return set()
    return {speaker.i, *(c.i for c in speaker.children if c.dep_ == "appos")}


def _speakers(saying: Token, token: Token) -> list[Token]:
    """The saying verb's subject before "they", or, for a saying verb joined by "and" with
    no subject of its own ("Chile and Peru voted no and said they ..."), the first verb's."""
    own = [c for c in saying.children if c.dep_ == "nsubj" and c.i < token.i]
    if own or saying.dep_ != "conj":
        return own
    return [c for c in saying.head.children if c.dep_ == "nsubj" and c.i < token.i]


def antecedent_here(token: Token, found: DocActors) -> Mention | None:
    """The actor the nearest subject before "it" in the same sentence gives: a singular common
    noun's body ("the administration", "the ministry": the likeliest antecedent), the body a
    person subject speaks for, or the one a relative clause's pronoun stands for."""
    for i in range(token.i - 1, token.sent.start - 1, -1):
        word = token.doc[i]
        if word.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if word.lower_ in RELATIVE_PRONOUNS and word.head.dep_ == "relcl":
            held = _one_body(found.by_token.get(word.head.head.i))
            return _point(token, held, RELATIVE_IT_RULE) if held is not None else None
        mention = found.by_token.get(i)
        if word.pos_ != "NOUN" or word.tag_ != "NN" or mention is None:
            return None
        if mention.reference or mention.media or len(mention.actors) != 1:
            return None
        actor = mention.actors[0]
        if actor.kind != "person":
            return pointer(token, [actor], actor.name or actor.text, whole_phrase=False)
        # "A spokesperson said it ...": "it" is no person, but may be the body it speaks for.
        body = _spoken_for(word, found)
        return _point(token, body, SPOKEN_FOR_RULE) if body is not None else None
    return None


def point_fronted_it(doc: Doc, found: DocActors) -> None:
    """Point a subject "it" of a fronted clause at the main clause's subject after it (rule
    reference.fronted-it), replacing what reading back from the pronoun found."""
    for token in doc:
        if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.head.lemma_.lower() in EMPTY_IT_VERBS:
            continue
        subject = _main_subject_after(token)
        body = _one_body(found.by_token.get(subject.i)) if subject is not None else None
        if body is None:
            continue
        old = found.by_token.get(token.i)
        if old is not None:
            if old.start != token.i or old.end != token.i + 1:
                continue  # a longer phrase ("it" inside a name) is left as it is
            found.mentions.remove(old)
        mention = _point(token, body, FRONTED_IT_RULE)
        found.add(mention)


def _main_subject_after(token: Token) -> Token | None:
    """The subject of the sentence's main verb, when `token` sits in a clause or phrase hung
    on that verb before the subject."""
    root = token.sent.root
    node = token
    while node.head.i != node.i and node.head.i != root.i:
        node = node.head
    if node.i == root.i or node.head.i != root.i or node.dep_ not in FRONTED_DEPS:
        return None
    after = [
        c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > node.right_edge.i
    ]
    return after[0] if after and node.i < after[0].i < root.i + 1 else None


def _spoken_for(person: Token, found: DocActors) -> Actor | None:
    """The one body or state a person noun is tied to by "for"/"of"/"with"/"at" or "'s"."""
    owner = next(_owners(person), None)
    return _one_body(found.by_token.get(owner.i)) if owner is not None else None


def _owners(noun: Token) -> Iterator[Token]:
    """The words a noun is tied to by a possessive or by "for", "of", "with" or "at"."""
    for child in noun.children:
        if child.dep_ == "poss":
            yield child
        elif child.dep_ == "prep" and child.lower_ in SPOKEN_FOR_PREPS:
            yield from pobjs(child)[:1]


def _one_body(mention: Mention | None) -> Actor | None:
    """The mention's one actor when it is a state or a body, not a person or a medium."""
    if mention is None or mention.media or len(mention.actors) != 1:
        return None
    actor = mention.actors[0]
    if actor.kind == "person" or not (actor.country or actor.kind in GROUP_KINDS):
        return None
    return actor


def _point(token: Token, actor: Actor, rule_id: str) -> Mention:
    return pointer(token, [actor], f"{actor.name or actor.text} ({rule_id})", whole_phrase=False)
