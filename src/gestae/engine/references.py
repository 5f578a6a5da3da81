"""Reference inside an article: "he", "it", "they", "the country", "the two countries",
"the group" point back to actors named earlier; nothing is resolved without an antecedent."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from gestae.engine.based_groups import based_bare, based_note
from gestae.engine.country_references import last_state
from gestae.engine.craft_references import craft_it
from gestae.engine.firm_references import same_firm
from gestae.engine.group_references import pair_reference
from gestae.engine.mentions import DocActors, Mention, relocate
from gestae.engine.nationality import told_mark
from gestae.engine.object_pronouns import object_antecedent, participle_object
from gestae.engine.people_references import same_international, same_people
from gestae.engine.pointers import as_state, pointer
from gestae.engine.protesting_they import crowd_they
from gestae.engine.quote_tellers import QUOTE_TELLER_RULE, quote_teller
from gestae.engine.sentence_antecedents import clause_they, it_here, lone_speaker
from gestae.engine.speaker_references import speakers_themselves
from gestae.engine.unlisted_people import SURNAME_RULE, name_subject_between
from gestae.resources.word_classes import words
from gestae.schema import Actor

# Pronouns that may refer back to the last person named in the article.
PERSON_PRONOUNS = words("person_pronouns")
# Nouns that point back to the last organization named ("the group", "the alliance").
GROUP_REFERENCES = words("group_references")
# Nouns that point back to the last state named ("the country").
STATE_REFERENCES = words("state_references")
# Pronouns that point back to several actors, or a group ("they").
PLURAL_PRONOUNS = words("plural_pronouns")
# Verbs whose subject "it" mostly refers to nothing ("it is", "it seems").
EMPTY_IT_VERBS = words("empty_it_verbs")
STANCE_ADJECTIVES = words("stance_adjectives")
TAKEN_STEPS = words("taken_steps")
GROUP_KINDS = ("group", "organization")
# Ideas, measures and documents ("the Kenyan ban", "the Paris climate pact") may stand for
# their owner as an act's target, but a "they" never points to one (reference.thing-not-they).
THING_NOUNS = words("abstract_objects")
# Determiners of a phrase that points back ("the country", "this minister").
POINTING_DETERMINERS = frozenset({"the", "this"})
# Particles glued to a name word that the article may drop ("al-Burhan" -> "Burhan").
NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "ar-")
# Apostrophes a name may be typed with, read as the plain one ("O’Brien", "O'Brien").
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
OWN_SUBJECT_RULE = "reference.own-subject-possessive"
SINGULAR_RULE = "reference.singular-person"
SUBJECT_THEY_RULE = "reference.subject-they"
OBJECT_THEM_RULE = "reference.object-not-subject"


def resolve_reference(token: Token, found: DocActors) -> Mention | None:
    """Within-article reference: "he" -> the last person; "the two countries" -> last two;
    "the country" -> the last state. Nothing when there is no earlier actor to point to."""
    lower, lemma = token.lower_, token.lemma_.lower()
    mods = {c.lower_ for c in token.children}
    states_seen = found.states_seen
    if (
        lemma in STATE_REFERENCES
        and token.tag_ == "NN"
        and mods
        and (mods <= POINTING_DETERMINERS)
        and states_seen
    ):
        return last_state(token, states_seen)
    own = _own_country(token, lemma, mods, found)
    if own is not None:
        return own
    if (
        lower == "it"
        and token.dep_ in ("nsubj", "nsubjpass")
        and (token.head.lemma_.lower() not in EMPTY_IT_VERBS or _stance(token.head))
        and (found.bodies_seen or found.subjects_seen)
    ):
        return _subject_it(token, found)
    if (held := participle_object(token, found)) is not None:
        return held  # "expelled two diplomats, accusing them of spying"
    if lower in PLURAL_PRONOUNS and token.pos_ == "PRON":
        spoken, speakers = clause_they(token, found)  # "Officials said they would ..."
        if spoken:
            return speakers
        lone = lone_speaker(token)  # "they": the last group named; never "a resident" saying it
        plural = [
            m
            for m in reversed(found.mentions)
            if (len(m.actors) > 1 or (m.actors and m.actors[0].kind in GROUP_KINDS))
            and m.head < token.i
            and not m.media
            and m.head not in lone
            and token.doc[m.head].lemma_.lower() not in THING_NOUNS  # reference.thing-not-they
        ]
        if plural and _is_own_subject(plural[0], _own_subject_mention(token, found)):
            # "they picked out ten people and shot them": not themselves; "protesters marched
            # and police arrested them": the group before the subject (OBJECT_THEM_RULE).
            other = _other_group(token, plural, _own_subject_mention(token, found))
            if other is None:
                return None
            what = f"{other.actors[0].text} ({OBJECT_THEM_RULE})"
            return pointer(token, other.actors, what, whole_phrase=False)
        subject = _subject_they(token, plural, found) if plural else None
        if (crowd := crowd_they(token, subject or next(iter(plural), None), found)) is not None:
            return crowd  # "police arrested students as they marched" (reference.protesting-they)
        if subject is not None and subject is not plural[0]:
            what = f"{subject.actors[0].text} ({SUBJECT_THEY_RULE})"
            return pointer(token, subject.actors, what, whole_phrase=False)
        if plural:
            return pointer(token, plural[0].actors, plural[0].actors[0].text, whole_phrase=False)
    if lower in PERSON_PRONOUNS and token.pos_ == "PRON" and token.dep_ == "poss":
        return own_subject(token, found)
    if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
        return _last_person(token, found)
    if (
        lemma in GROUP_REFERENCES
        and found.orgs_seen
        and (definite_bare(token) or based_bare(token))
    ):
        last = found.orgs_seen[-1]  # "the group", "the London-based group"
        return pointer(token, [last], based_note(token, last.name or last.text))
    people = same_people(token, found, definite_bare(token))
    people = people or same_international(token, found, definite_bare(token))  # "the rapporteur"
    return people if people is not None else pair_reference(token, found)


def _subject_it(token: Token, found: DocActors) -> Mention | None:
    """A subject "it": "Britain said it will not lift the ban" is the last state or body,
    preferring one that was a subject; "the union said it would strike" a group subject, even
    one whose country the text does not give."""
    if _thing_before(token, found):
        return None  # "The train was carrying 450 passengers when it came under attack"
    if (craft := craft_it(token, found))[0]:
        return craft[1]  # "shot down a Turkish drone after it crossed into Greek airspace"
    if (here := it_here(token, found))[0]:
        return here[1]  # "The Mahathir administration is reviewing ... and it would file"
    bodies = [
        a
        for a in found.subjects_seen
        if a.kind != "person"
        and (a.country or a.kind in GROUP_KINDS)
        and id(a) not in found.plural_ids
    ]
    singular = [a for a in found.bodies_seen if id(a) not in found.plural_ids]
    if not (bodies or singular):
        return None
    last = (bodies or singular)[-1]
    if speakers_themselves(token, last, found):
        return None  # "They say it violates the treaty": "it" is what they speak of
    return pointer(token, [last], last.name or last.text, whole_phrase=False)


def _stance(verb: Token) -> bool:
    """'it is skeptical', 'it was ready': a copula with a stance adjective has a real 'it';
    so has 'take' with steps as its object ('said it would take countermeasures'), where 'it
    takes time' has none."""
    return any(
        (c.dep_ == "acomp" and c.lemma_.lower() in STANCE_ADJECTIVES)
        or (c.dep_ == "dobj" and verb.lemma_.lower() == "take" and c.lemma_.lower() in TAKEN_STEPS)
        for c in verb.children
    )


def _subject_they(token: Token, plural: list[Mention], found: DocActors) -> Mention | None:
    """ "The militants asked the passengers to come forward. Then they picked out police
    officers": a subject "they" goes on with the last group that was itself a subject, not
    with a later group it acted on, both in the sentence of the last group named, that one
    or the one before (rule reference.subject-they). Nothing when there is no such subject
    (the last group named then stands)."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = token.sent
    if plural[0].start < (token.doc[sent.start - 1].sent.start if sent.start else 0):
        return None
    # Only within the sentence of the last group named: a nearer one is not passed over
    # for a subject further back ("the U.N. did not invite ... recognized the Taliban since
    # they seized").
    start = token.doc[plural[0].start].sent.start
    subjects = {id(a) for a in found.subjects_seen}
    for mention in plural:
        if mention.start < start:
            return None
        if id(mention.actors[0]) in subjects:
            return mention
    return None


def _own_subject_mention(token: Token, found: DocActors) -> Mention | None:
    """The subject mention of the verb an object governs, or of the first of joined verbs
    ("seized ten people and beat them"), never one past a joined verb with its own subject
    ("protesters marched and police arrested them": the police)."""
    if token.dep_ not in ("dobj", "pobj", "dative"):
        return None
    verb = token.head
    while verb.dep_ == "prep" and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    while subject is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return found.by_token.get(subject.i) if subject is not None else None


def _actor_keys(mention: Mention) -> set[tuple[str | None, ...]]:
    return {(a.country, a.sector, a.name, a.kind) for a in mention.actors}


def _is_own_subject(mention: Mention, subject: Mention | None) -> bool:
    """Whether a group mention names the same actors as the clause's subject (a "they"
    pointing back to it names them too)."""
    return subject is not None and (
        mention is subject or bool(_actor_keys(mention) & _actor_keys(subject))
    )


def _other_group(token: Token, plural: list[Mention], subject: Mention | None) -> Mention | None:
    """ "Protesters marched through the capital and police arrested them": an object "them"
    whose nearest group is its own clause's subject points to the plural noun nearest before
    it in its sentence, outside that subject, when that noun names a group (rule
    reference.object-not-subject); none when it names no actor ("picked out ten people and
    shot them") or there is no such noun (English would say "themselves")."""
    inside = {t.i for t in token.doc[subject.start : subject.end]} if subject is not None else set()
    heads = {m.head: m for m in plural}
    for word in reversed(token.doc[token.sent.start : token.i]):
        if word.i in inside or word.tag_ not in ("NNS", "NNPS"):
            continue
        mention = heads.get(word.i)
        if mention is not None and _is_own_subject(mention, subject):
            continue  # a noun joined to the subject ("artillery and warplanes attack them")
        return mention if mention is not None and mention.actors else None
    return None


def _last_person(token: Token, found: DocActors) -> Mention | None:
    """ "he", "him": the last person who was a subject, else the last person named. Never one
    named by a plural, nor, for an object, its own clause's subject (English says "himself"):
    then the last fitting person named after that subject, else a subject or person before (rule
    reference.singular-person: "Senators wrote to the secretary, urging him": the secretary)."""
    told, teller = quote_teller(token, found)  # '"...," he told reporters' (a quote's teller)
    if told:
        if teller is None:
            return None
        what = f"{teller.name or teller.text}, the quote's speaker ({QUOTE_TELLER_RULE})"
        return pointer(token, [teller], what, whole_phrase=False)
    plain = object_antecedent(token, found)  # "removed Mugabe and jailed him"
    if plain is not None:
        person, rule_id = plain
        return pointer(token, [person], f"{person.name or person.text} ({rule_id})", False)
    people = [a for a in found.subjects_seen if a.kind == "person"] or found.persons_seen
    if not people:
        return None
    own = _clause_subject(token, found)
    last = people[-1]
    speaker = name_subject_between(token, last.end, found)
    if speaker is not None:
        if speaker.person is None:
            return None  # "Nop Vy told reporters ... He called for": no known person before
        what = f"{speaker.person.name or speaker.person.text}, named '{speaker.word.text}' before it ({SURNAME_RULE})"
        return pointer(token, [speaker.person], what, whole_phrase=False)
    if id(last) in found.plural_ids or last is own:
        fit = [a for a in found.persons_seen if id(a) not in found.plural_ids and a is not own]
        after = [a for a in fit if a.start > last.start]
        before = [a for a in people if id(a) not in found.plural_ids and a is not own]
        if not (after or before or fit):
            return None
        last = (after or before or fit)[-1]
        what = f"{last.name or last.text} ({SINGULAR_RULE})"
        return pointer(token, [last], what, whole_phrase=False)
    return pointer(token, [last], last.name or last.text, whole_phrase=False)


def own_subject(token: Token, found: DocActors) -> Mention | None:
    """ "A female suicide bomber detonated her explosives": a possessive "her" belongs to the
    subject of the nearest clause above it that names one before it, not to the last person
    named (rule reference.own-subject-possessive); nothing when that subject is a singular
    noun or name that is no actor; the last person as before when it is a body or a plural."""
    for verb in token.ancestors:
        subjects = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i and token not in c.subtree
        ]
        if not subjects:
            continue
        subject = subjects[0]
        mention = found.by_token.get(subject.i)
        if mention is None or not mention.actors:
            # "A woman detonated her explosives": hers, though she names no actor.
            return None if subject.tag_ in ("NN", "NNP") else _last_person(token, found)
        actor = mention.actors[0]
        one = subject.tag_ in ("NN", "NNP", "PRP") and len(mention.actors) == 1
        if not one or mention.media or actor.kind not in ("person", "group"):
            # "The Taliban had banned her book": not the Taliban's.
            return _last_person(token, found)
        if actor.kind == "group" and (subject.pos_ != "NOUN" or subject.tag_ != "NN"):
            return _last_person(token, found)
        what = f"{actor.name or actor.text}, the subject of its clause ({OWN_SUBJECT_RULE})"
        return pointer(token, [actor], what, whole_phrase=False)
    return _last_person(token, found)  # "Her husband was arrested": no subject before it


def _own_country(token: Token, lemma: str, mods: set[str], found: DocActors) -> Mention | None:
    """'Putin said his country will not lift the ban': "his/her country" is the state of the
    last person named who has one (the subject first), not the last state named."""
    if lemma not in STATE_REFERENCES or token.tag_ != "NN" or mods not in ({"his"}, {"her"}):
        return None
    subjects = [a for a in found.subjects_seen if a.kind == "person" and a.country]
    people = subjects or [a for a in found.persons_seen if a.country]
    if not people:
        return None
    person = people[-1]
    return pointer(token, [as_state(person)], f"the country of {person.name or person.text}")


# How a rule says a plural definite noun points back to the last group named with that noun.
SAME_NOUN_RULE = "reference.same-noun-group"


def same_noun_group(head: Token, wanted: set[str], found: DocActors) -> Actor | None:
    """ "Iraqi officials said ... The officials also said", "G7 foreign ministers met ...
    the foreign ministers": a plural definite noun points back to the last group named with
    the same noun and sector, when that mention names one country only ("U.S. and Iraqi
    officials" gives none) (rule reference.same-noun-group); a singular "the firm" the last
    firm named (firm_references.same_firm)."""
    if head.tag_ != "NNS":
        return same_firm(head, found)  # "an Australian company ... the firm"
    same = [
        a
        for a in found.bodies_seen
        if a.sector in wanted and a.text.lower().split()[-1:] == [head.lower_]
    ]
    if not same:
        return None
    last = [a for a in same if a.start == same[-1].start]
    return last[-1] if len({a.country for a in last}) == 1 else None


def earlier_pool(head: Token, titled: bool, found: DocActors) -> list[Actor]:
    """Who "the minister" (people) or "the militants" (bodies) may point back to; a body
    noun also to a leader named with it ("the Biden administration ... the administration")."""
    if titled:
        return found.persons_seen
    led = [p for p in found.persons_seen if p.text.lower().endswith(head.lower_)]
    return sorted([*found.orgs_seen, *led], key=lambda a: a.start)


def _thing_before(token: Token, found: DocActors) -> bool:
    """Whether the nearest subject before "it", in its sentence or the one before, is a thing
    that names no actor ("the train", "the deal"): "it" is that thing, not an actor."""
    sent = token.sent
    first = sent.start
    if first > 0:
        first = token.doc[first - 1].sent.start
    for i in range(token.i - 1, first - 1, -1):
        word = token.doc[i]
        if word.dep_ not in ("nsubj", "nsubjpass") or word.pos_ not in ("NOUN", "PROPN"):
            continue
        if word.tag_ in ("NNS", "NNPS"):
            continue  # "it" is not "the protesters"
        if word.lemma_.lower() in GROUP_REFERENCES:
            return False  # "an Iran-allied group announced it ...": a body, if unnamed
        named = [found.by_token.get(t.i) for t in word.subtree if t.i <= word.i]
        return not any(m is not None and m.actors for m in named)
    return False


def _clause_subject(token: Token, found: DocActors) -> Actor | None:
    """The person subject of the clause a non-subject pronoun sits in, if the parse has one."""
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return None
    verb = token.head
    while verb.dep_ in ("prep", "pobj", "dative") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "nsubj":
            mention = found.by_token.get(child.i)
            if mention is not None and mention.actors:
                return mention.actors[0]
    return None


def _same_name(one: Actor, other: Actor) -> bool:
    """Whether two person actors may be one person: names sharing a word, or, when a title
    came without its name ("prime minister" beside "Ulf Kristersson"), the same office."""
    if one.name and other.name:
        return bool(_name_parts(one.name) & _name_parts(other.name))
    if one.country and one.sector:
        return (one.country, one.sector) == (other.country, other.sector)
    return one.text == other.text


def definite_bare(head: Token) -> bool:
    """'the minister', 'the prime minister', 'the former president': a pointer back, not a
    new actor; any country or name in front makes it a new one. The parser may hang the
    article on the first word of a hyphenated title ("The secretary-general")."""
    lefts: list[Token] = []
    for t in head.lefts:
        if t.dep_ == "compound":
            lefts.extend(w for w in t.lefts if w.dep_ != "punct")
        if t.dep_ != "punct":
            lefts.append(t)
    if not lefts or lefts[0].lower_ not in POINTING_DETERMINERS:
        return False
    return all(t.pos_ in ("ADJ", "NOUN") and t.ent_type_ == "" for t in lefts[1:])


@lru_cache(maxsize=4096)
def _name_parts(name: str) -> frozenset[str]:
    """The words of a person's name, folded: "Abdel Fattah al-Burhan" and "Burhan" share
    "burhan"; "Erdoğan" is "erdogan"; "O’Brien" is "O'Brien" (news mixes the two
    apostrophes in one article) and "al - Rufay'i", the words of a hyphenated name joined by
    spaces, is "al-Rufay'i"."""
    spelled = name.translate(APOSTROPHES).replace(" - ", "-")
    folded = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode().lower()
    parts = set()
    for word in folded.replace(".", " ").split():
        for prefix in NAME_PARTICLES:
            if word.startswith(prefix) and len(word) > len(prefix) + 1:
                word = word[len(prefix) :]
        parts.add(word)
    return frozenset(parts)


def _same_person(name: str, known: Sequence[Actor]) -> Actor | None:
    """The one earlier person whose full name holds every word of `name` ("Jovenel Moise" and
    "Jovenel Moïse" are one); when two different people could be meant ("Osei" after Kofi
    Osei of Ghana and Ama Osei of Togo) none, unless both hold the same country and sector,
    which is all an event records ("Kim" after Kim Jong Un and Kim Yo Jong: PRK GOV)."""
    parts = _name_parts(name)
    if not parts:
        return None
    fits = [k for k in known if k.name and parts <= _name_parts(k.name)]
    if not fits:
        return None
    if len({_name_parts(k.name or "") for k in fits}) == 1:
        return fits[-1]
    if len({(k.country, k.sector) for k in fits}) == 1:
        return fits[0]  # the first named, as the article most likely means
    return None


def named_earlier(word: Token, found: DocActors) -> Actor | None:
    """The person named in full earlier in the article whom a lone name word stands for
    ("Kristersson promised ..." after "Ulf Kristersson"), by the same test as `link_people`:
    one earlier person with a country whose name holds the word. Used while mentions are
    read, for name words the tagger gives no entity type (which `link_people` never sees)."""
    known = [a for a in found.persons_seen if a.name and a.country and a.start < word.idx]
    return _same_person(_name_run(word), known)


def _name_run(word: Token) -> str:
    """The run of proper nouns a name word stands in ("Nguyen Ngoc Loan", not "Nguyen"), so
    a later person who shares one name word with an earlier one is not taken for them."""
    doc, start, end = word.doc, word.i, word.i + 1
    while start > word.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < word.sent.end and doc[end].pos_ == "PROPN":
        end += 1
    return doc[start:end].text


def link_people(doc: Doc, found: DocActors) -> None:
    """Within-article identity: a person named once in full with a country and office keeps
    them when the article later says only part of the name, or a pronoun pointing to it
    (Example: "Malaysian Prime Minister Mahathir Mohamad arrived. Mahathir urged China ..."
    codes "Mahathir" as MYS GOV). Only persons the text gives no country of are linked; an
    object pronoun is not its own clause's subject ("Kristersson promised him")."""
    known: list[Actor] = []
    people: list[Actor] = []
    for mention in sorted(found.mentions, key=lambda m: m.start):
        for k, actor in enumerate(mention.actors):
            if actor.kind != "person" and not _surname_like(actor):
                continue
            if actor.name and (not actor.country or _unsorted_reference(mention, actor)):
                earlier = _same_person(actor.name, known)
                if earlier is not None and actor.country not in (None, earlier.country):
                    earlier = None
                if earlier is not None and earlier.start <= actor.start:
                    rule = f"'{actor.text}' is {earlier.name}, named earlier in the article"
                    rule += told_mark(earlier)
                    actor = relocate(earlier, actor.text, actor.start, actor.end, rule)
                elif not mention.reference:
                    actor = _named_after_title(doc, mention, actor, found)
            token = doc[mention.head]
            if mention.reference and token.pos_ == "PRON":
                actor = _not_own_subject(token, actor, people, found)
            mention.actors[k] = actor
            people.append(actor)
            if actor.name and actor.country:
                known.append(actor)


def _unsorted_reference(mention: Mention, actor: Actor) -> bool:
    """ "Uganda's Bobi Wine, an opposition MP ... he": a pointer read before the apposition
    gave its person a sector, which the person named in full now has."""
    return mention.reference and actor.kind == "person" and not actor.sector


def _named_after_title(doc: Doc, mention: Mention, actor: Actor, found: DocActors) -> Actor:
    """ "China's U.N. ambassador told reporters ... . Fu Cong blamed ...": a full name with
    nothing else in its phrase, opening the sentence as its subject right after a sentence
    whose subject is a titled person of a known country with no name, is that person (rule
    actor.named-after-title); the name is kept for later mentions ("Fu", "he")."""
    head = doc[mention.head]
    sent = head.sent
    name = actor.name or ""
    if sent.start == 0 or mention.start != sent.start or head.dep_ != "nsubj":
        return actor
    if len(name.split()) < 2 or actor.text != name:
        return actor
    if any(c.dep_ == "appos" for c in head.children):
        return actor  # "Ali Hassan, a witness, said": described in its own words
    before = doc[sent.start - 1].sent
    subject = found.by_token.get(next((t.i for t in before if t.dep_ == "nsubj"), -1))
    if subject is None or subject.reference or len(subject.actors) != 1:
        return actor
    titled = subject.actors[0]
    if titled.name or not titled.country or titled.kind != "person" or not titled.sector:
        return actor
    rule = f"actor.named-after-title: '{actor.text}' is {titled.text}, the sentence before"
    return replace(relocate(titled, actor.text, actor.start, actor.end, rule), name=name)


def _surname_like(actor: Actor) -> bool:
    """One unlisted capitalised word the tagger took for a body ("Varga condemned"): it may
    be a person's surname."""
    return (
        actor.kind == "organization"
        and actor.country is None
        and actor.wikidata is None
        and actor.name is not None
        and " " not in actor.name.strip()
    )


def _not_own_subject(token: Token, actor: Actor, people: list[Actor], found: DocActors) -> Actor:
    """ "Kristersson promised him": the pronoun points to the person before the subject."""
    subject = _clause_subject(token, found)
    if subject is None or not _same_name(actor, subject):
        return actor
    others = [p for p in people if not _same_name(p, subject) and not _same_name(p, actor)]
    if not others:
        return actor
    rule = f"'{token.text}' refers to {others[-1].name or others[-1].text}, not the subject"
    end = token.idx + len(token.text)
    return relocate(others[-1], token.text, token.idx, end, rule)
