"""Sector cues: what the words of a noun phrase (a title, an agent noun, a modifier) say about
the sector of the actor it names; split from sector_mentions so each module stays small."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from gestae.engine.indefinite_names import INDEFINITE_NAME_RULE, read_as_kind
from gestae.engine.mentions import FROM_ELSEWHERE
from gestae.engine.rules import declare
from gestae.engine.syntax import of_objects, opposed_word
from gestae.resources.word_classes import words


@dataclass(frozen=True)
class TitleMatch:
    phrase: str
    sector: str
    kind: str
    # The words of the title: none of them is also a modifier ("press" in "press secretary").
    at: frozenset[int] = frozenset()


# Sectors of a state's institutions: an organization in one of them names its state.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# A state's forces stay forces under a "government", "regime" or "royal" modifier.
STATE_FORCES = frozenset({"MIL", "COP", "SPY"})
# Armed people outside a state's forces: "armed" in front leaves them on their own side
# ("armed rebels" REB, "armed herders" AGR: herders, not the military).
NON_STATE_ARMED = frozenset({"REB", "UAF", "CRM", "AGR"})
# Armed people a faith word describes: they stay armed ("Sunni militants" REB, not REL).
ARMED_OF_A_FAITH = (NON_STATE_ARMED - {"AGR"}) | STATE_FORCES
FAITH_ARMED_RULE = "actor.faith-armed"
# Sides that seek their ends by law: a separatist or Islamist word before them says what they
# want, not that they took up arms ("separatist parties" PTY, "separatist lawmakers" LEG).
LAWFUL_POLITICS = frozenset({"PTY", "LEG"})
SEPARATIST_PARTY_RULE = "actor.lawful-separatists"
# A modifier that names the field people work in, not whom they are: (modifier, agent noun)
# pairs where the agent noun's own sector stays ("defense firms", "security companies",
# "government employees", "public-sector workers").
DOMAIN_OVER_TRADE = frozenset({("MIL", "BUS"), ("COP", "BUS"), ("GOV", "LAB")})
# "former", "ex-", "retired" make an elite of a title ("a former minister": ELI); students and
# academics so described are still of the campus ("a former law lecturer": EDU, session 35).
ELITE = "ELI"
KEPT_UNDER_FORMER = frozenset({"EDU"})
FORMER_ACADEMIC_RULE = "actor.former-academic"
# People who belong to or back a side ("opposition supporters", "union members"): a word
# everyone could be, made an actor by the side in front of it. Only sides a civilian joins;
# "government supporters" are not the government, "rebel sympathisers" bear no arms.
ADHERENT_NOUNS = words("adherent_nouns")
ADHERED_SIDES = frozenset({"OPP", "PTY", "LAB", "REL"})
SIDE_ADHERENTS_RULE = "actor.side-adherents"
# Craft a force mans ("navy boats"): named in the actor's reason as actor.force-craft.
FORCE_CRAFT = words("force_craft")
ARMED_GROUP_FORCES = "actor.armed-group-forces: a non-state group's forces keep its sector"


@dataclass(frozen=True)
class SectorCues:
    """What the words of a noun phrase say about its sector: a title, an agent noun, a
    modifier ("opposition", "former"); the modifier wins, except that a state-side modifier
    leaves a state force and a court or prosecutor their own sector."""

    title: TitleMatch | None
    noun_sector: str | None
    modifier: str | None
    # The agent noun needed the word before it ("armed men"): the head alone is generic.
    phrase: bool = False
    # The modifier is the side the title leads after "of" ("the leader of the opposition").
    side: bool = False

    @property
    def found(self) -> bool:
        return self.title is not None or self.noun_sector is not None

    @property
    def sector(self) -> str | None:
        own = self.title.sector if self.title is not None else self.noun_sector
        if self.modifier == "GOV" and own in STATE_FORCES:
            return own  # "government troops", "federal police", "the Royal Thai Army"
        if self.modifier == "GOV" and own == "JUD":
            return own  # "a federal court", "state prosecutors": the state's judiciary
        if self.modifier == "MIL" and own in NON_STATE_ARMED:
            return own  # "armed fighters", "armed rebels": rule actor.armed-non-state-noun
        if self.modifier == "OPP" and own in NON_STATE_ARMED:
            return own  # "anti-government rebels" take up arms: more than an opposition
        if self.modifier == "REB" and own in LAWFUL_POLITICS:
            return own  # "separatist parties", "Islamist lawmakers": SEPARATIST_PARTY_RULE
        if self.modifier == "REL" and own in ARMED_OF_A_FAITH:
            return own  # "Shia militiamen", "Sunni militants": armed, of a faith (FAITH_ARMED_RULE)
        if (self.modifier, own) in DOMAIN_OVER_TRADE and self.title is None:
            return own  # "defense firms" are businesses, "government workers" labour
        if self.modifier == ELITE and own in KEPT_UNDER_FORMER:
            return own  # "a former lecturer" still teaches: rule actor.former-academic
        return self.modifier or own

    def reasons(self, head: Token) -> list[str]:
        bits = []
        if self.title is not None:
            bits.append(f"title '{self.title.phrase}' -> {self.title.sector}")
            at = self.title.at
            if any(t.lemma_.lower() in RANK_TITLES and t.i not in at for t in head.lefts):
                bits.append(f"{DEPUTY_RULE}: 'deputy' ranks the title after it")
        if self.noun_sector:
            bits.append(f"agent noun '{head.lemma_}' -> {self.noun_sector}")
            if read_as_kind(head):
                bits.append(f"{INDEFINITE_NAME_RULE}: one of its kind, not the listed body")
            if self.phrase and armed_after(head) is not None:
                bits.append(ARMED_WITH_RULE)
            if self.phrase and head.lemma_.lower() in MEMBER_BODIES:
                bits.append(f"{MEMBERS_BODY_RULE}: the body of the members its owner names")
            if head.lemma_.lower() in FORCE_CRAFT:
                bits.append("actor.force-craft: the craft stands for the force that mans it")
            if head.lemma_.lower() in ADHERENT_NOUNS and self.title is None:
                bits.append(f"{SIDE_ADHERENTS_RULE}: of the side its modifier names")
        if any(opposed_word(t) for t in head.lefts):
            bits.append(OPPOSED_RULE)
        if self.modifier:
            bits.append(f"modifier -> {self.modifier}")
            if self.side and title_owner(head) is not None:
                bits.append(f"{OWNER_TITLE_RULE}: the title serves the body that owns it")
            elif self.side and side_body_word(head) is not None:
                bits.append(f"{SIDE_BODY_RULE}: the title leads the body its modifier names")
            elif self.side:
                bits.append("actor.title-of-side: the title leads the side named after 'of'")
            if self.modifier == "MIL" and self.sector in NON_STATE_ARMED:
                bits.append("actor.armed-non-state-noun: 'armed' leaves the noun's side")
            if self.modifier == "REB" and self.sector in LAWFUL_POLITICS:
                bits.append(f"{SEPARATIST_PARTY_RULE}: a party or a legislator stays one")
            if self.modifier == "REL" and self.sector in ARMED_OF_A_FAITH:
                bits.append(
                    f"{FAITH_ARMED_RULE}: a faith word leaves armed people their own sector"
                )
            if self.modifier == ELITE and self.sector in KEPT_UNDER_FORMER:
                bits.append(f"{FORMER_ACADEMIC_RULE}: 'former' leaves academics their sector")
        return bits


declare(
    SEPARATIST_PARTY_RULE,
    """'the separatist parties', 'Islamist lawmakers', 'secessionist MPs': a separatist,
    secessionist, rebel or Islamist word before a party or a legislator (PTY, LEG) says what
    they stand for, not that they took up arms; they keep their own sector. The same words
    before fighters, groups or movements still make them rebels (REB).

    Example: Spain's prime minister criticised the separatist parties of Catalonia.
    """,
    __name__,
)


declare(
    FAITH_ARMED_RULE,
    """'Sunni militants', 'Shia militiamen', 'Christian militia fighters': a faith word before
    armed people (rebels, gunmen, gangs, or a state's forces) says whom they fight for, not
    that they are religious figures; they keep the armed sector of their noun. Clerics,
    worshippers and protesters of a faith keep the faith's sector (REL).

    Example: Sunni gunmen ambushed a police patrol near Ramadi.
    """,
    __name__,
)


declare(
    FORMER_ACADEMIC_RULE,
    """'a former lecturer', 'ex-students', 'a retired professor': the word that makes an elite
    (ELI) of a former minister or general leaves students and academics in their own sector
    (EDU), as they are jailed, dismissed or expelled as academics, not as notables.

    Example: Police in Minsk arrested a former history lecturer on Monday.
    """,
    __name__,
)


OWNER_TITLE_RULE = "actor.owner-title"


def title_owner(head: Token) -> Token | None:
    """The common noun that owns a title by a possessive: "the union's" in "the union's
    secretary general"."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "NOUN":
            return child
    return None


def title_side(
    modifier_sector: Callable[[str], str | None], head: Token, of_sectors: frozenset[str]
) -> str | None:
    """ "The leader of the opposition", "the head of a gang": a title over a side named after
    "of" leads that side, as "opposition leader" does (rule actor.title-of-side); "the minister
    of defence" keeps its title's sector, a state office not being a side. A body that owns
    the title by a possessive is the body the holder serves, whatever its sector (rule
    actor.owner-title: "the union's secretary general" is labour, not a U.N. official)."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "NOUN":
                continue
            sector = modifier_sector(obj.lemma_.lower())
            if sector in of_sectors:
                return sector
            sector = _body_side(modifier_sector, obj, of_sectors)
            if sector is not None:
                return sector
    owner = title_owner(head)
    return None if owner is None else modifier_sector(owner.lemma_.lower())


SIDE_BODY_RULE = "actor.title-of-side-body"
# Bodies a side is named by ("a separatist group", "the rebel movement").
SIDE_BODIES = words("body_nouns")


def _body_words(obj: Token) -> list[Token]:
    """The words in front of a body noun after "of" that may name its side: "separatist" in
    "the leader of a separatist movement"; none for a noun that is no body."""
    if obj.lemma_.lower() not in SIDE_BODIES:
        return []
    return [c for c in obj.lefts if c.dep_ in ("amod", "compound") and "-" not in c.text]


def _body_side(
    modifier_sector: Callable[[str], str | None], obj: Token, of_sectors: frozenset[str]
) -> str | None:
    for word in _body_words(obj):
        sector = modifier_sector(word.lemma_.lower()) or modifier_sector(word.lower_)
        if sector in of_sectors:
            return sector
    return None


def side_body_word(head: Token) -> Token | None:
    """The body after "of" whose modifier names the side a title leads (SIDE_BODY_RULE)."""
    for obj in of_objects(head):
        if _body_words(obj):
            return obj
    return None


declare(
    SIDE_BODY_RULE,
    """'a leader of the Ambazonia separatist movement', 'two commanders of a rebel group': a
    title over a body (group, movement, faction, network) whose modifier names a side (REB,
    OPP, CRM) leads that side, as "the leader of the opposition" does (actor.title-of-side);
    the title alone would make a state's leader (GOV) or officer (MIL). A hyphened place word
    ("the governor of the rebel-held province") names no body and gives nothing.

    Example: Police in Azerbaijan arrested a leader of the Talysh separatist movement.
    """,
    __name__,
)


declare(
    OWNER_TITLE_RULE,
    """'the union's secretary general', 'the party's leader': a title owned by a body named by
    a common noun in the possessive takes that body's sector (LAB, PTY), not the one the title
    has alone (IGO for "secretary general", GOV for "leader"). "The U.N. secretary general"
    and "NATO's secretary general" (names, not common nouns) keep theirs.

    Example: Police in Kenya arrested the union's secretary general.
    """,
    __name__,
)


MEMBERS_BODY_RULE = "actor.members-body"
# Bodies that stand for the members named in their possessive ("the employers' federation").
MEMBER_BODIES = words("member_body_nouns")


def members_body(sector_of: Callable[[str], str | None], head: Token) -> tuple[str, Token] | None:
    """The agent sector a members' body takes and the possessive common noun that gives it
    (rule actor.members-body), or None."""
    if head.lemma_.lower() not in MEMBER_BODIES and head.lower_ not in MEMBER_BODIES:
        return None
    owner = title_owner(head)  # "the employers'": the common noun owning the body
    sector = sector_of(owner.lemma_.lower()) if owner is not None else None
    return (sector, owner) if sector and owner is not None else None


declare(
    MEMBERS_BODY_RULE,
    """'the employers' federation', 'the farmers' association': a body of members (word class
    member_body_nouns) owned by an agent noun in the possessive is of that noun's sector (BUS,
    AGR), where the body noun alone names no one. A body with a name of its own ("the
    Confederation of Labour") is read by its name.

    Example: Morocco's trade unions and the employers' federation signed an agreement.
    """,
    __name__,
)


# "Anti-government protesters" are no government, "anti-Russian protesters" not Russians.
OPPOSED_RULE = "actor.opposed-modifier: the word after 'anti-' is what they oppose"
ARMED_WITH_RULE = "actor.armed-with: 'armed with' after the noun makes it armed people"


def armed_after(head: Token) -> Token | None:
    """'Men armed with machetes', 'two youths, armed with rifles,': a participle "armed" with
    its "with" after a people noun says what "armed men" says before it (rule
    actor.armed-with; the dictionary's "armed" phrases give the sector)."""
    for child in head.rights:
        armed = child.lower_ == "armed" and child.dep_ in ("acl", "amod", "appos", "relcl")
        if armed and any(c.dep_ == "prep" and c.lower_ == "with" for c in child.children):
            return child
    return None


# Where a word heads a noun phrase of its own: the subject, object or a preposition's object.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def adjective_as_noun(head: Token) -> bool:
    """'A militant shot three judges': the small model tags an agent noun that is also an
    adjective ("militant", "radical", "extremist") ADJ when it heads its own phrase behind an
    article; there it is the noun, and its sector is read as the noun's (actor.sector-noun)."""
    return (
        head.pos_ == "ADJ"
        and head.dep_ in NOMINAL_DEPS
        and any(c.dep_ == "det" for c in head.children)
    )


# Titles that rank the noun after them ("deputy ambassador", "deputy caliph"): a title of
# their own only as the head of the phrase ("the deputy", "deputies from the ruling party").
RANK_TITLES = words("rank_titles")
DEPUTY_RULE = "actor.deputy-rank"

declare(
    DEPUTY_RULE,
    """'the deputy U.N. ambassador', 'deputy caliph': "deputy" before the noun it ranks is no
    title of its own (a lawmaker, LEG): the title after it gives the sector, and a noun that
    is no title gives none. As the head of its phrase ("the deputy", "deputies of the ruling
    party") or before a name ("Deputy Ana Ruiz") it stays a lawmaker.

    Example: Peru's deputy ambassador criticized Chile.
    """,
    __name__,
)


# Ranks that also name the master of a craft ("the captain of a fishing boat").
MASTER_TITLES = words("ship_master_titles")
CRAFT = words("flagged_craft") | words("small_craft")


def ship_master(word: Token) -> bool:
    """'the captain of an Indonesian fishing boat', 'the tanker's captain': a captain or a
    skipper of a craft (word class ship_master_titles) commands a ship, not troops, and holds
    no military rank; "Captain Ali Musa" and "an army captain" stay officers."""
    if word.lemma_.lower() not in MASTER_TITLES:
        return False
    crafts = [p for p in word.children if p.dep_ == "poss"] + of_objects(word)
    return any(c.lemma_.lower() in CRAFT for c in crafts)


def not_a_title(word: Token, is_title: Callable[[str], object]) -> bool:
    """A one-word title that is none here: 'a major attack', 'a private dinner', 'the general
    strike' (a rank written as a lowercase adjective is an adjective; a "major general" is a
    two-word title), and "deputy" before the noun it ranks: "the deputy U.N. ambassador" is an
    envoy, "the deputy caliph" no lawmaker (rule actor.deputy-rank); "Deputy Ana Ruiz" stays
    one: a capitalised word ranked must be a title (`is_title`), not a name."""
    if word.pos_ == "ADJ" and word.dep_ == "amod" and word.text.islower():
        return True
    if ship_master(word):
        return True
    head = word.head
    return (
        word.lemma_.lower() in RANK_TITLES
        and word.dep_ in ("compound", "amod", "nmod")
        and head.i > word.i
        and head.ent_type_ != "PERSON"
        and (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and bool(is_title(head.lower_))))
    )


# How a rule says an international official takes no country from the article.
IGO_TITLE = "actor.igo-title-no-context: an international title, no country from the article"


def igo_title_of(cues: SectorCues, countries: list[str | None], bits: list[str]) -> bool:
    """An international official ("special rapporteur", "secretary general") serves a body,
    not the country the article is about (rule actor.igo-title-no-context)."""
    igo = cues.title is not None and cues.title.sector == "IGO"
    if igo and not countries:
        bits.append(IGO_TITLE)
    return igo


SERVES_BODY_RULE = "actor.serves-body"

declare(
    SERVES_BODY_RULE,
    """'a spokesman for the Kenyan police', 'a lawyer for the Chilean government': a title or
    agent noun with "for" and a state's own body (a demonym before a sector noun) serves that
    state; "for" and a bare state's name is a task ("the envoy for Syria"), never a country.

    Example: A spokesman for the Kenyan police accused Somalia of lying on Monday.
    """,
    __name__,
)


def served_body(head: Token) -> list[str]:
    """The rule's mark when the country of `head` came from a "for" phrase on it."""
    served = any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children)
    return [f"{SERVES_BODY_RULE}: the state's body it serves"] if served else []


# Region and bloc adjectives ("European leaders", "Western diplomats", "Arab ministers"): the
# people are of several states, none of them the article's (actor.regional-people).
REGIONAL_WORDS = words("regional_modifiers")
REGIONAL_RULE = "actor.regional-people"

declare(
    REGIONAL_RULE,
    """'European leaders condemned Russia', 'Western diplomats met in Kabul': a region's or a
    bloc's adjective on an agent noun or title names people of several states, so they take
    no country from the article, the place or the act's other side (a wrong country is worse
    than none); a state's demonym beside it still gives its own ("European and Kenyan
    officials").

    Example: European leaders condemned Russia on Tuesday.
    """,
    __name__,
)


def elsewhere_why(outside: str | None) -> str:
    """Why a body put outside any one state has no country: abroad, or of a region."""
    if outside in REGIONAL_WORDS:
        return f"{FROM_ELSEWHERE}; {REGIONAL_RULE}: '{outside}' names several states"
    return FROM_ELSEWHERE


# Nouns for states themselves: "West African states" are states, named in their own right.
STATE_NOUNS = frozenset({"state", "country", "nation"})


def regional_states(word: str, head: Token) -> bool:
    """'West African states, including Ghana', 'European countries': a region's adjective on
    a noun for states names states, not people abroad; they keep what the phrase names."""
    return word in REGIONAL_WORDS and head.lemma_.lower() in STATE_NOUNS


def adherents_sector(title: object, modifier: str | None, head: Token) -> str | None:
    """The sector of a side's adherents ("opposition supporters"), read as an agent noun."""
    if title is None and modifier in ADHERED_SIDES and head.lemma_.lower() in ADHERENT_NOUNS:
        return modifier
    return None


declare(
    SIDE_ADHERENTS_RULE,
    """'opposition supporters', 'union members', 'party loyalists': a word anyone could be
    (supporter, member, follower) names an actor when a side civilians join stands in front
    of it, and takes that side's sector, wherever the phrase stands ("a rally by opposition
    supporters", "dozens of union members"). "Government supporters" and "rebel sympathisers"
    stay unnamed: backing the state or the rebels makes no one an official or a fighter.

    Example: Police in Lusaka broke up a rally by opposition supporters on Saturday.
    """,
    __name__,
)
