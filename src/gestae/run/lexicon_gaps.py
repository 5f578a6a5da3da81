"""The lexicon gap report: words that head a clause with an actor but match no trigger frame.

Coverage should come from a method, not from one fix per missed sentence: parse unlabeled news,
find every verb (and deverbal noun) that has an actor, or a participant noun such as "troops"
or "protesters", as its subject, object or agent, and count those for which no lexicon entry
fits. The most frequent ones are where recall is lost. Each is then decided in
resources/data/lexicon_decisions.yaml (covered by new entries, or not an event, with why), and a
decided lemma leaves the report, so a corpus whose top gaps are all decided has been worked
through.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from gestae.engine.actors import DocActors
from gestae.engine.events.frame_subjects import is_actor
from gestae.engine.pipeline import Coder
from gestae.resources.lexicon_decisions import Decision, LexiconDecisions
from gestae.resources.word_classes import words
from gestae.schema import Article

# Dependencies through which a verb takes its participants (subject, object, recipient).
VERB_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "agent"})
# Dependencies and prepositions through which an event noun names its participants
# ("Israel's raid", "the capture of the town by rebels", "an attack on troops").
NOUN_ARGUMENT_DEPS = frozenset({"poss", "compound"})
NOUN_ARGUMENT_PREPS = frozenset({"by", "of", "on", "against", "from", "with"})
# Endings that mark a noun made from a verb ("seizure", "abduction", "deployment").
DEVERBAL_ENDINGS = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "al")
# Nouns that count people or things ("hundreds of protesters"), never an act.
QUANTITY_NOUNS = words("quantity_nouns") | {"score", "total", "majority", "rest", "half"}
# Texts processed per spaCy batch.
BATCH = 32


@dataclass(frozen=True)
class Gap:
    """One lemma heading clauses with actors that no frame fits, and how often."""

    lemma: str
    pos: str
    count: int
    # True when the lexicon has entries for the lemma but none of their frames fit.
    has_entries: bool
    # Where the first occurrence is: article id and character offset.
    example: tuple[str, int]
    example_text: str
    decision: Decision | None

    def as_dict(self) -> dict[str, object]:
        decided = self.decision
        return {
            "lemma": self.lemma,
            "pos": self.pos,
            "count": self.count,
            "has_entries": self.has_entries,
            "example": {"article": self.example[0], "offset": self.example[1]},
            "example_text": self.example_text,
            "covered_by": list(decided.covered_by) if decided else None,
            "not_an_event": decided.not_an_event if decided else None,
        }


def _argument_words(token: Token, pos: str) -> Iterable[Token]:
    """The words that fill the head's participant slots."""
    for child in token.children:
        if pos == "verb" and child.dep_ in VERB_ARGUMENT_DEPS:
            if child.dep_ == "agent":
                yield from (c for c in child.children if c.dep_ == "pobj")
            else:
                yield child
        elif pos == "noun" and child.dep_ in NOUN_ARGUMENT_DEPS:
            yield child
        elif pos == "noun" and child.dep_ == "prep" and child.lower_ in NOUN_ARGUMENT_PREPS:
            yield from (c for c in child.children if c.dep_ == "pobj")


def participants(token: Token, pos: str, actors: DocActors, nouns: frozenset[str]) -> list[Token]:
    """The slot fillers that are resolved actors or participant nouns ("troops", "crowd")."""
    return [
        word
        for word in _argument_words(token, pos)
        if is_actor(word, actors) or word.lemma_.lower() in nouns
    ]


def _carries_event(coder: Coder, verb: Token) -> bool:
    """'launched an offensive', 'the attack occurred': the noun is the trigger, the verb its
    carrier, so the verb is no gap."""
    grammar = coder.events.grammar
    return any(
        c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") and grammar.is_event_noun(c)
        for c in verb.children
    )


def _head_pos(token: Token, actors: DocActors, nouns: frozenset[str]) -> str | None:
    """'verb' for a content verb, 'noun' for a common noun that names no participant itself
    ("officials", "the government" are actors, not acts), else None."""
    if not token.is_alpha:
        return None
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound"):
        return "verb"
    if token.pos_ == "NOUN" and not is_actor(token, actors) and token.lemma_.lower() not in nouns:
        return "noun"
    return None


@dataclass
class _Tally:
    counts: Counter[tuple[str, str]]
    # Nouns whose participant is an agent or owner ("X's raid", "a raid by X"), not a
    # modifier: a noun that is also a verb counts only with such a participant.
    owned: Counter[tuple[str, str]]
    first: dict[tuple[str, str], tuple[str, int, str]]
    verb_lemmas: set[str]


def _tally_doc(
    coder: Coder, article: Article, doc: Doc, nouns: frozenset[str], tally: _Tally
) -> None:
    actors = coder.analyse(article, doc)
    for token in doc:
        pos = _head_pos(token, actors, nouns)
        if pos is None:
            continue
        lemma = coder.lexicon.normalize(token.lemma_)
        if pos == "verb":
            tally.verb_lemmas.add(lemma)
        found = participants(token, pos, actors, nouns)
        if not found or coder.events.match(token, actors) is not None:
            continue
        if pos == "verb" and _carries_event(coder, token):
            continue
        if pos == "noun" and (lemma in QUANTITY_NOUNS or not token.is_lower):
            continue
        key = (lemma, pos)
        tally.counts[key] += 1
        tally.owned[key] += any(w.dep_ == "poss" or w.head.lower_ == "by" for w in found)
        if key not in tally.first:
            sent = token.sent.text.strip()
            tally.first[key] = (article.id, token.idx, sent[:160])


def find_gaps(articles: Iterable[Article], coder: Coder, decisions: LexiconDecisions) -> list[Gap]:
    """Every gap lemma on the corpus, most frequent first (decided ones included, marked)."""
    tally = _Tally(Counter(), Counter(), {}, set())
    batch: list[Article] = []

    def flush() -> None:
        docs = coder.nlp.pipe([a.text for a in batch])
        for article, doc in zip(batch, docs, strict=True):
            _tally_doc(coder, article, doc, decisions.participant_nouns, tally)
        batch.clear()

    for article in articles:
        batch.append(article)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    gaps = []
    for (lemma, pos), count in tally.counts.most_common():
        # A noun counts when it is made from a verb: by its ending, or as a verb of the same
        # lemma with an agent or owner ("Israel's raid", not "Lebanon's border").
        if pos == "noun" and not lemma.endswith(DEVERBAL_ENDINGS):
            count = tally.owned[(lemma, pos)] if lemma in tally.verb_lemmas else 0
            if not count:
                continue
        article_id, offset, text = tally.first[(lemma, pos)]
        gaps.append(
            Gap(
                lemma=lemma,
                pos=pos,
                count=count,
                has_entries=bool(coder.lexicon.candidates(lemma, pos)),
                example=(article_id, offset),
                example_text=text,
                decision=decisions.get(lemma, pos),
            )
        )
    gaps.sort(key=lambda gap: -gap.count)
    return gaps


def undecided(gaps: Iterable[Gap]) -> list[Gap]:
    """The gaps nobody has decided yet, in report order."""
    return [g for g in gaps if g.decision is None]
