"""Who protests when the words name no one the dictionaries know, and marches that are no
protest. A protest frame already gives the political reading (a seat of power as the goal, a
purpose, 'against', a crowd); these rules only say who the protesters are when the subject is
a pronoun with no antecedent, a people counted or named by a plural ('200 neo-Nazis',
'Kurds'), or the protest noun itself ('protests took place'), and drop marches in a parade."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule
from gestae.engine.syntax import SUBJECT_DEPS, pobjs, prep_child
from gestae.resources.lexicon import TriggerEntry
from gestae.resources.word_classes import words

# Plural pronouns that stand for a crowd when they point back to no one ('They marched to
# parliament'); 'he', 'she', 'I' protest in words as often as in the street.
CROWD_PRONOUNS = words("crowd_pronouns")
# Shows that people march in with no cause ('marched in the pride parade').
PARADE_NOUNS = words("parade_nouns")
NOT_CROWDS = words("parade_marchers") | words("sports_words")
# Protest verbs whose object is what the protest opposes ('They protested the ruling').
OBJECT_PROTESTS = words("object_protest_verbs")
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Prepositions that set a march inside a show ('in the parade', 'at the carnival').
SCENE_PREPS = frozenset({"in", "at"})
# Marches, rallies and demonstrations (CAMEO 141): strikes and hunger strikes are no show.
RALLY_CODE = "141"
STRIKE_CODE = "143"
WALKOUT_BODIES = words("walkout_bodies")
# Riots (CAMEO 145): reported as breaking out, they are the rioters' act as a rally is.
RIOT_CODE = "145"


def _forms(token: Token) -> set[str]:
    forms = {token.lemma_.lower(), token.lower_}
    return forms | {f[:-1] for f in forms if f.endswith("s")}


@rule("source.unnamed-protesters")
def unnamed_protesters(subject: Token) -> str | None:
    """People the words do not name who protest are a crowd of civilians: a plural pronoun
    with no antecedent ('They marched to parliament'), a plural noun counted by a number or
    naming a people or a movement ('200 neo-Nazis', 'Kurds') that the dictionaries do not
    know. Athletes and people who parade stay out (their march is never a crowd's).

    Example: They marched to the parliament in Nairobi to protest against the new tax.
    """
    if subject.pos_ == "PRON":
        if subject.lower_ not in CROWD_PRONOUNS or _shows_something(subject.head):
            return None
        return "a pronoun naming no one"
    if subject.tag_ not in PLURAL_TAGS or _forms(subject) & NOT_CROWDS:
        return None
    counted = any(c.dep_ == "nummod" for c in subject.children)
    named = subject.tag_ == "NNPS" or (subject.text[:1].isupper() and not subject.is_sent_start)
    if counted or named:
        return "people counted or named by a plural"
    return None


def _shows_something(verb: Token) -> bool:
    """'They demonstrated the new phone', 'they marched the prisoners out', 'they protested
    that they were innocent': an object or a clause says what was shown, moved or said; only
    'protest' and its kin take as object what they oppose ('They protested the ruling')."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return verb.lemma_.lower() not in OBJECT_PROTESTS and any(
        c.dep_ == "dobj" for c in verb.children
    )


@rule("source.protest-happened")
def protest_happened(token: Token, cameo: str, subject: Token, happening: bool) -> bool:
    """'Huge protests took place in Hama': a demonstration noun reported as happening, with no
    one named, is the act of the unnamed protesters, civilians of where it happens. Not a
    strike ('the stoppage would continue'), which is the strikers' and told with them. Riots
    breaking out are the rioters' the same way ('riots broke out in Nairobi').

    Example: Huge protests took place in Hama on Friday against the regime.
    """
    shown = cameo in (RALLY_CODE, RIOT_CODE)
    return shown and subject.i == token.i and token.pos_ == "NOUN" and happening


@rule("suppress.parade")
def parade(token: Token, entry: TriggerEntry) -> bool:
    """'Thousands marched in the annual pride parade', 'rallied at the carnival': a march inside
    a parade, a pageant or a festival is a show, no protest.

    Example: Thousands marched in the annual gay pride parade in Toronto.
    """
    if entry.cameo != RALLY_CODE or entry.pos != "verb":
        return False
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and _forms(pobj) & PARADE_NOUNS:
                return True
    subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return any(_forms(c) & PARADE_NOUNS for c in subject.subtree)
    return False


@rule("suppress.walked-out-of-place")
def walked_out_of_place(token: Token, entry: TriggerEntry) -> bool:
    """'The minister walked out of the hospital', 'he walked out of his house': walking out of
    a building or a place is leaving it, no strike; a walkout from a sitting, a gathering or a
    workplace ('walked out of parliament', 'of the plant') stays a protest.

    Example: The minister walked out of the hospital after treatment on Monday.
    """
    if entry.cameo != STRIKE_CODE or entry.lemma != "walk":
        return False
    of = prep_child(token, "out of")
    left = pobjs(of) if of is not None else []
    return any(o.lemma_.lower() not in WALKOUT_BODIES for o in left)


# Participles that say what the people after them are doing ("striking teachers").
CROWD_PARTICIPLES = words("crowd_participles")
GATHERING_NOUNS = words("gathering_nouns")


@rule("suppress.striking-people")
def striking_people(token: Token, entry: TriggerEntry) -> bool:
    """'a march by striking teachers': after a gathering noun and "by", the small model reads
    the participle that describes the people as a verb with an object ("by striking
    [teachers]", as "by hitting them"); it says who gathered and strikes no one.

    Example: Police fired tear gas at a march by striking teachers in Harare.
    """
    by = token.head
    if token.tag_ != "VBG" or token.dep_ != "pcomp" or by.lower_ != "by" or by.i == 0:
        return False
    if token.lemma_.lower() not in CROWD_PARTICIPLES:
        return False
    gathering = token.doc[by.i - 1].lemma_.lower() in GATHERING_NOUNS
    return gathering and any(c.dep_ == "dobj" and c.tag_ in PLURAL_TAGS for c in token.children)
