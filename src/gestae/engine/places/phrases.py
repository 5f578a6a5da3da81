"""Which phrases of a sentence are places: locative prepositions, frame nouns, place names used
as settings rather than as participants ("in Paris" versus "Paris canceled ...").

The words are data (`data/places.yaml`); see the comment on each list there.
"""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import declare
from gestae.resources.place_words import PlaceWords
from gestae.resources.word_classes import words

LOCATIVE_PREPS = PlaceWords("locative_preps")
AT_TARGET_HEADS = PlaceWords("at_target_heads")
FROM_PLACE_VERBS = PlaceWords("from_place_verbs")
PLACE_NOUNS = PlaceWords("place_nouns")
LOWER_CASE_FRAMES = PlaceWords("lower_case_frames")
SUB_TOWN_NOUNS = PlaceWords("sub_town_nouns")
THOROUGHFARE_NOUNS = PlaceWords("thoroughfare_nouns")
WATER_HEADS = PlaceWords("water_heads")
FRAME_PREPS = PlaceWords("frame_preps")
ADVERBIAL_LOCATORS = PlaceWords("adverbial_locators")
CONTRAST_CONJUNCTIONS = PlaceWords("contrast_conjunctions")
DISTANCE_WORDS = PlaceWords("distance_words")
PERSON_ACTS = PlaceWords("person_acts")
COMPASS_WORDS = PlaceWords("compass_words")
PLACE_OBJECT_VERBS = PlaceWords("place_object_verbs")
GROUND_VERBS = PlaceWords("ground_verbs")
TOPIC_VERBS = PlaceWords("topic_verbs")
SCENE_EVENT_NOUNS = PlaceWords("scene_event_nouns")
SCENE_MARKS = PlaceWords("scene_marks")
AREA_NOUNS = PlaceWords("area_nouns")
SITE_NOUNS = PlaceWords("site_nouns")
OVER_PLACE_HEADS = PlaceWords("over_place_heads")
ASSAULT_NOUNS = PlaceWords("assault_nouns")
CONTEST_NOUNS = PlaceWords("contest_nouns")
TOPONYM_WORDS = PlaceWords("toponym_words")
FACING_NOUNS = PlaceWords("facing_nouns")
GOAL_FRAMES = PlaceWords("goal_frames")
ORIGIN_PARTICIPLES = PlaceWords("origin_participles")
AFTERMATH_VERBS = PlaceWords("aftermath_verbs")
INCIDENT_ACTS = PlaceWords("incident_acts")
ACTING_INCIDENT_NOUNS = PlaceWords("acting_incident_nouns")
ATTACK_MEANS = words("attack_means")
# Prepositions of a spread over ground ("attacks across Iraq", "protests throughout Kenya").
SPREAD_PREPS = PlaceWords("spread_preps")


def incident_noun(noun: Token) -> bool:
    """An attack, fight, violent incident or weapon noun: "attack", "shelling", "car bomb"."""
    lemma = noun.lemma_.lower()
    return (
        lemma in ASSAULT_NOUNS
        or lemma in CONTEST_NOUNS
        or lemma in ACTING_INCIDENT_NOUNS
        or lemma in ATTACK_MEANS
    )


NAMED_PLACE_FRAMES = PlaceWords("named_place_frames")
HOLDER_NOUNS = PlaceWords("holder_nouns")
VISIT_NOUNS = PlaceWords("visit_nouns")
TRAVEL_VERBS = PlaceWords("travel_verbs")
# Nouns of a settlement: a name their "of" phrase or their appositive gives is a place,
# whatever the tagger says ("the village of X", "X, a small town in Y").
SETTLEMENT_NOUNS = frozenset({"city", "hamlet", "settlement", "town", "township", "village"})

FACED_BODY = "place.faced-body"
declare(
    FACED_BODY,
    """What "in front of" faces is a place only when it is one: a name the tagger calls an
    organisation ("in front of the National Reform Alliance's offices in X") is read for the
    places it names, never kept as an unknown place itself, as a person faced is not.

    Example: Hundreds protested in front of the National Reform Alliance's offices on Monday.
    """,
    __name__,
)


def faced_body(pobj: Token) -> bool:
    """The "of" name of a facing noun ("in front of") that the tagger calls an organisation
    (`place.faced-body`)."""
    return pobj.ent_type_ == "ORG" and pobj.head.head.lower_ in FACING_NOUNS


NEAR_ADVERB = "place.near-adverb"
declare(
    NEAR_ADVERB,
    """ "Close to X", "next to X" and "not far from X" set the scene as "near X" does, also when
    the parser reads "close" as the verb's predicate ("was shot dead close to the village of
    X"); a "far from" without "not" is no place of the act.

    Example: A farmer was shot dead not far from Jenin on Monday.
    """,
    __name__,
)
# The adverbs of nearness the parser may hang on the verb as a predicate, not as an adverb.
_NEAR_ADVERBS = frozenset({"close", "next"})


def locator_objects(locator: Token) -> list[Token]:
    """The places an adverb of place measures or sets ("north of X", "close to X", "elsewhere
    in X", "nearby X"): the objects of its "to", "of" or "in" phrase or its own object; "far"
    only with "not", through "from" (`place.near-adverb`)."""
    word = locator.lower_
    if word == "far":
        if not _negated(locator):
            return []
        preps: tuple[str, ...] = ("from",)
    elif locator.dep_ in ("advmod", "npadvmod") and word in ADVERBIAL_LOCATORS:
        preps = ("to", "of", "in")
    elif locator.dep_ in ("oprd", "acomp") and word in _NEAR_ADVERBS:
        preps = ("to",)
    else:
        return []
    out: list[Token] = []
    for child in locator.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "pobj":
            out.append(child)
    return out


# Light verbs whose object visit is the act itself ("paid a visit to X").
_VISIT_VERBS = frozenset({"begin", "conclude", "end", "make", "mark", "pay", "start", "undertake"})
_DURING_PREPS = frozenset({"at", "during", "in", "on", "throughout"})
VISIT_TO = "place.visit-to"
declare(
    VISIT_TO,
    """A visit or trip (`visit_nouns`) takes place where its "to" phrase goes, as "visited X"
    does: the visit "to Beijing" is in Beijing, and so is what was done "during a visit to
    Beijing". A "to" phrase of any other noun names a participant or an aim.

    Example: The two leaders signed a trade pact during a state visit to Nairobi on Monday.
    """,
    __name__,
)


def visit_to(prep: Token) -> bool:
    """The "to" phrase of a visit noun (`place.visit-to`) that tells the visit itself: its own
    event, the phrase of an act done during it ("signed during a visit to X"), or the object
    of a light verb ("paid a visit to X"); not a visit welcomed, condemned, protested or
    called off elsewhere ("condemned the visit to X"), nor a journey "from X to Y"."""
    visit = prep.head
    if prep.lower_ != "to" or visit.lemma_.lower() not in VISIT_NOUNS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in visit.children):
        return False  # "on a trip from X to Y": on the road between them
    if visit.dep_ == "dobj":
        return visit.head.lemma_.lower() in _VISIT_VERBS
    if visit.dep_ == "pobj":
        return visit.head.lower_ in _DURING_PREPS  # not "protested against the visit to X"
    return visit.dep_ in ("nsubj", "ROOT", "appos", "attr", "conj")


TRAVEL_GOAL = "place.travel-goal"
declare(
    TRAVEL_GOAL,
    """A trip told by a travel verb (`travel_verbs`) takes place where its "to" phrase goes, as
    a visit does ("flew to Rome" is in Rome), and so does a verb joined to it ("flew to Rome and
    met the prime minister"); a journey "from X to Y" is on the road between them.

    Example: The Ghanaian president flew to Lome on Monday and met the Togolese leader.
    """,
    __name__,
)


def travel_to(prep: Token) -> bool:
    """The "to" phrase of a travel verb (`place.travel-goal`), not of a "from X to Y" journey."""
    verb = prep.head
    if prep.lower_ != "to" or verb.pos_ != "VERB" or verb.lemma_.lower() not in TRAVEL_VERBS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)


GERUND_PHRASE = "place.gerund-phrase"
declare(
    GERUND_PHRASE,
    """An "-ing" word the parser tags as a verb but an article makes a noun, the object of a
    preposition ("in a drive-by shooting"), heads a phrase whose places set the scene as a
    noun's do ("killed in a bombing in X"): "wounded in a drive-by shooting near Kisumu" is
    Kisumu; the same test dates events (`date.determined-gerund`).

    Example: Three traders were wounded in a drive-by shooting near Kisumu on Tuesday.
    """,
    __name__,
)


def goal_note(prep: Token) -> str | None:
    """The rule that makes a locator's phrase a place, when one of them needs naming."""
    if near_adverb(prep):
        return NEAR_ADVERB
    if visit_to(prep):
        return VISIT_TO
    return TRAVEL_GOAL if travel_to(prep) else None


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def near_adverb(locator: Token) -> bool:
    """A locator `place.near-adverb` reads (beyond the adverbs the parse marks as such): also
    a "from" phrase the parser heads with "not far"."""
    if locator.lower_ == "from":
        return any(c.lower_ == "far" and _negated(c) for c in locator.children)
    return locator.lower_ == "far" or locator.dep_ in ("oprd", "acomp")


def named_place(head: Token) -> bool:
    """A name that can only be a place, whatever the tagger says: a street, avenue or square
    ("First Avenue", "Rasheed Street": the head is a capitalised thoroughfare noun), a named
    water ("the Strait of Hormuz", "the Bab el-Mandeb strait": `water_heads`) or the name
    a settlement noun's "of" phrase gives ("the town of Tal Rifaat"). Such a name is no actor
    and no target (target.place-name)."""
    if head.lemma_.lower() in WATER_HEADS and _named_water(head):
        return True
    if head.pos_ != "PROPN":
        return False
    if head.text[:1].isupper() and head.lower_ in THOROUGHFARE_NOUNS:
        return True
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or prep.i == prep.head.i:
        return False
    frame = prep.head
    return frame.is_lower and frame.lemma_.lower() in NAMED_PLACE_FRAMES


def _named_water(head: Token) -> bool:
    """ "The Strait of Hormuz", "the Gulf", "the Bab el-Mandeb strait": a water head written
    as a name, or named by a proper compound; "the sea" alone names no water in particular."""
    if head.pos_ == "PROPN" and head.text[:1].isupper():
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)


def is_frame(token: Token) -> bool:
    """A common noun that frames a place; lemmas vary ("outskirts" -> "outskirt")."""
    if not token.is_lower and token.lemma_.lower() in LOWER_CASE_FRAMES:
        return False  # "the Islamic State of Iraq" is no state of Iraq
    return token.lower_ in PLACE_NOUNS or token.lemma_.lower() in PLACE_NOUNS


def is_any_frame(token: Token) -> bool:
    """A frame noun, or one below the town ("the X camp"), when reading an event's place."""
    return is_frame(token) or is_sub_town(token)


def is_sub_town(token: Token) -> bool:
    """A frame below the town ("the X neighbourhood", "the X camp"): its own name is the more
    specific one, ahead of the town its "of" phrase names."""
    return token.lower_ in SUB_TOWN_NOUNS or token.lemma_.lower() in SUB_TOWN_NOUNS


def is_locative_prep(prep: Token, obj: Token, attaching: bool = False) -> bool:
    """True when `prep` introduces a place; `attaching` (reading an event's place) also
    takes the frames below the town ("the streets of X", "at the camp")."""
    word = prep.lower_
    governor = prep.head
    frame = is_any_frame if attaching else is_frame
    if word == "of":
        return frame(governor)
    if word in FRAME_PREPS:
        return frame(obj) or (attaching and (visit_to(prep) or travel_to(prep)))
    if word == "over":
        # "shot down over Lebanon" is a place; "talks over Kashmir" a topic
        verb = governor.head if governor.dep_ in ("dobj", "nsubjpass") else governor
        downed = any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
        return downed or governor.lemma_.lower() in OVER_PLACE_HEADS
    if word not in LOCATIVE_PREPS:
        return False
    if word == "at":
        return governor.lemma_.lower() not in AT_TARGET_HEADS
    if word == "from":
        moved = governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() in FROM_PLACE_VERBS
        return moved or near_adverb(prep)  # "not far from X"
    return True


def phrase_head(token: Token) -> Token:
    """Climb from a name part to the token that carries its role in the clause."""
    current = token
    for _ in range(8):
        dep = current.dep_
        governor = current.head
        if dep in ("compound", "flat", "conj", "appos") and governor.i != current.i:
            if governor.lower_ == "based":
                break
            current = governor
        elif (
            dep == "pobj"
            and governor.lower_ == "of"
            and governor.head.pos_ == "PROPN"
            and governor.head.text[:1].isupper()
        ):
            current = governor.head  # "Strait of Hormuz", "Gulf of Aden"
        else:
            break
    return current


def is_place_phrase(token: Token) -> bool:
    """True when a place name is used as a location rather than as a participant.

    Location readings: object of a locative preposition (in, at, near, outside, off, across,
    into, through, ...), "from" only after motion/launch verbs, "at" except after targeting
    verbs, the object of "of" after a frame noun ("the outskirts of Kyiv"), a possessor of a
    frame noun ("Syria's north"), a compound on a frame noun ("the Gaza border") and
    "X-based". Participant readings (returns False): subjects and objects, and objects of
    "with", "to", "on", "against", "between", "over", "for", "by" - "called on France",
    "talks with Russia", "aid to Ukraine".
    """
    if apposed_to_place(token):
        return True
    head = phrase_head(token)
    dep = head.dep_
    governor = head.head
    if dep == "pobj" and governor.dep_ in ("prep", "advmod", "agent", "dative", "prt"):
        return is_locative_prep(governor, head)
    if dep == "poss":
        return is_frame(governor)
    if dep in ("npadvmod", "nmod", "amod") and governor.i != head.i:
        # "a London-based group": the tokenizer splits the hyphen, "based" governs London
        return governor.lower_ in ("based", "-based") or is_frame(governor)
    return False


def apposed_to_place(head: Token) -> bool:
    """A name set off by a comma right after the holder noun of a locative phrase ("marched
    through the capital, Lusaka,") is that place, however the parse hangs it (the small model
    often makes it an adverb of the verb and a purpose clause its relative): a capital so
    written is the city, never its government acting."""
    start = head.left_edge.i
    if start < 2 or head.doc[start - 1].text != ",":
        return False
    holder = head.doc[start - 2]
    if holder.lemma_.lower() not in HOLDER_NOUNS or holder.dep_ != "pobj":
        return False
    return holder.head.dep_ == "prep" and is_locative_prep(holder.head, holder)


def goal_frame(frame: Token, prep: Token) -> bool:
    """ "The entrance to Hebron" frames Hebron as "the entrance of Hebron" does."""
    return prep.lower_ == "to" and frame.lemma_.lower() in GOAL_FRAMES
