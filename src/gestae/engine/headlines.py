"""Headlines: the title of a story (or a first line with no final stop) coded as a sentence.

A headline states the main event most plainly ("Rebels Declare Nationwide Ceasefire"), but in
Title Case the small model tags nearly every word a proper noun and finds no verb. The headline
is therefore given ordinary case before it is parsed: a capitalised word goes to lower case
when an English dictionary lists it (the model's own lemma index, or a stop word) and no actor
dictionary or gazetteer entry names it; names, acronyms and unknown words keep their capitals.
The change is letter for letter, so every offset into the headline stays valid, and the records
show the headline as written.

Headline records have `sentence_index` -1 (docs/contract.md). Their offsets point into the
`title`, or, for a first line of the text, into the text (the line starts the text, so the two
are the same). A headline event that a sentence of the body also reports is dropped in favour
of the body's record (`record.headline-restated`), so it is not counted twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Token

from gestae.engine.rules import Step, Trace, rule
from gestae.schema import Actor, Article, EventRecord, Location

HEADLINE_INDEX = -1
# A line ending in one of these is a sentence (or a dateline), not a headline.
_FINAL = frozenset(".!?:;,\"'”’)…-—–")
MIN_WORDS, MAX_WORDS = 3, 25
# A line is in Title Case when at least this share of its longer words start with a capital.
TITLE_SHARE = 0.6
# Longest name, in words, looked up as a whole ("Democratic Republic of the Congo").
MAX_NAME_WORDS = 5
# A sentence ending inside the line ("... last week. Russian"): not a headline, which is one
# sentence. "U.S. Strikes" is not such an end.
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?] ")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*(?:-[A-Za-z][A-Za-z'’.]*)*")


@dataclass(frozen=True)
class Headline:
    """The headline as written, the same in ordinary case, and whether it opens the text."""

    text: str
    cased: str
    in_text: bool


class HeadlineReader:
    """Finds an article's headline and gives it ordinary case.

    `words` are the lower-case words an English dictionary lists, `lemmas` guesses the lemmas of
    an inflected form, `is_name` says whether a phrase (one word or several) names an actor or a
    place."""

    def __init__(
        self,
        words: Collection[str],
        lemmas: Callable[[str], Iterable[str]],
        is_name: Callable[[str], bool],
    ) -> None:
        self.words = words
        self.lemmas = lemmas
        self.is_name = is_name

    def find(self, article: Article) -> Headline | None:
        """The title, or else a first line without a final stop followed by more text."""
        line = first_line(article.text)
        if line is not None:
            return Headline(line, self.ordinary_case(line), True)
        title = (article.title or "").strip()
        if not title or article.text.startswith(title):
            return None
        return Headline(title, self.ordinary_case(title), False)

    def ordinary_case(self, line: str) -> str:
        """The line with ordinary case when it is in Title Case or capitals, else as it is."""
        found = list(_WORD.finditer(line))
        words = [m.group() for m in found]
        shouting = line.upper() == line
        if not (shouting or is_title_case(words)):
            return line
        chars = list(line)
        keep = self._names([w.capitalize() if shouting else w for w in words], line, found)
        for k, (match, word) in enumerate(zip(found, words, strict=True)):
            if shouting and len(word) <= 4 and self.is_name(word):
                new = word  # an acronym: UN, NATO
            elif shouting and (keep[k] or k == 0):
                new = word.capitalize()
            elif keep[k] or k == 0 or not word[:1].isupper():
                new = word
            else:
                new = word.lower()
            chars[match.start() : match.end()] = new
        return "".join(chars)

    def _names(self, words: list[str], line: str, found: list[re.Match[str]]) -> list[bool]:
        """Which words belong to a name: the longest listed name of several words first, then
        each word on its own."""
        keep = [False] * len(words)
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + MAX_NAME_WORDS), i + 1, -1):
                span = line[found[i].start() : found[j - 1].end()]
                if _one_phrase(found[i:j], line) and self.is_name(span):
                    keep[i:j] = [True] * (j - i)
                    i = j
                    break
            else:
                keep[i] = self._is_name(words[i])
                i += 1
        return keep

    def _is_name(self, word: str) -> bool:
        if not word[:1].isupper():
            return False
        if _INNER_CAPITAL.search(word):
            return True  # McCain, DeSantis
        if word.isupper() and len(word.strip(".")) <= 5:
            return True  # NATO, UN, U.S.
        if self.is_name(word):
            return True
        parts = [part for part in word.split("-") if part]
        if len(parts) > 1 and all(self.is_name(part) for part in parts):
            return True  # Russia-Ukraine, U.S.-China
        lower = word.lower().rstrip(".").removesuffix("'s").removesuffix("’s")
        return not all(self._listed(part) for part in lower.split("-") if part)

    def _listed(self, lower: str) -> bool:
        return lower in self.words or any(lemma in self.words for lemma in self.lemmas(lower))


def is_title_case(words: list[str]) -> bool:
    """Most longer words capitalised, past the first: "Police Threaten Protesters With Arrest"."""
    longer = [w for w in words[1:] if len(w) > 3]
    if len(longer) < 2:
        return False
    capitals = sum(w[:1].isupper() for w in longer)
    return capitals >= TITLE_SHARE * len(longer)


def first_line(text: str) -> str | None:
    """A first line that is a headline: 3 to 25 words, one sentence with no final stop, more
    text after it."""
    line, newline, rest = text.partition("\n")
    line = line.rstrip()
    if not newline or not rest.strip() or not line.strip() or line[-1] in _FINAL:
        return None
    if not MIN_WORDS <= len(_WORD.findall(line)) <= MAX_WORDS or _SENTENCE_END.search(line):
        return None
    return line


def _one_phrase(matches: list[re.Match[str]], line: str) -> bool:
    """Capitalised words separated by single spaces only ("New York", not "Talks, New")."""
    if not all(m.group()[:1].isupper() or m.group() in ("of", "the") for m in matches):
        return False
    return all(line[a.end() : b.start()] == " " for a, b in pairwise(matches))


def as_written(record: EventRecord, headline: Headline) -> EventRecord:
    """A headline record with the headline's own words (the parse saw the ordinary case)."""
    text = headline.text
    return replace(
        record,
        sentence_index=HEADLINE_INDEX,
        sentence=text.strip(),
        trigger=replace(record.trigger, text=text[record.trigger.start : record.trigger.end]),
        source=_actor(record.source, text),
        target=_actor(record.target, text),
        reported_by=_actor(record.reported_by, text),
        location=_place(record.location, text),
    )


def _actor(actor: Actor | None, text: str) -> Actor | None:
    return None if actor is None else replace(actor, text=text[actor.start : actor.end])


def _place(place: Location | None, text: str) -> Location | None:
    return None if place is None else replace(place, text=text[place.start : place.end])


@rule("headline.ordinary-case")
def read_headline(record: EventRecord, headline: Headline) -> EventRecord:
    """A Title Case headline is parsed in ordinary case, since the model tags Title Case words
    as names and finds no verb; the record keeps the headline as written.

    Example: Nigeria Deploys Troops To Restive Northeast
    """
    record = as_written(record, headline)
    if headline.cased != headline.text:
        step = Step("headline.ordinary-case", f"read as '{headline.cased.strip()}'")
    else:
        step = Step("headline.ordinary-case", "the headline, read as a sentence")
    return replace(
        record,
        explanation=f"{step}; {record.explanation}" if record.explanation else str(step),
        rules=[step.rule, *record.rules],
    )


@rule("record.headline-restated")
def merge_headline(records: list[EventRecord]) -> list[EventRecord]:
    """A headline usually restates the lead: its event is dropped when a sentence of the body
    codes the same type with no actor country in conflict and, when the headline names a
    country, one in common, so one event counts once. The body's record notes the headline.
    A hostile act the headline tells in the present that the body announces for later
    ("Finland closes border" over "Finland will close its border on Thursday") is the body's
    threat of that act, told once.

    Example: "Poland Expels Three Russian Diplomats" over "Poland expelled three Russian
    diplomats on Monday."
    Example: "Lithuania Closes Border With Belarus" over "Lithuania will close its border with Belarus
    on Friday."
    """
    body = [r for r in records if r.sentence_index != HEADLINE_INDEX and r.kind == "event"]
    out: list[EventRecord] = []
    noted: dict[str, list[str]] = {}
    swapped: set[str] = set()
    for record in records:
        if record.sentence_index != HEADLINE_INDEX or record.kind != "event":
            out.append(record)
            continue
        same = next((b for b in body if _restates(b, record)), None)
        if same is None:
            out.append(record)
        else:
            noted.setdefault(same.id, []).append(record.trigger.text)
            if _sides_swapped(same, record):
                swapped.add(same.id)
    return [_noting(r, noted.get(r.id, []), r.id in swapped) for r in out]


def _restates(body: EventRecord, head: EventRecord) -> bool:
    """Same type, no country in conflict, and a country in common when the headline names
    any: a body record with no country ("the bullet hit her") must not absorb a headline
    whose sides are known."""
    if body.negated != head.negated or not (
        body.event_type == head.event_type or _announced(body, head)
    ):
        return False
    if _sides_swapped(body, head):
        return True
    shared = False
    for role in ("source", "target"):
        mine, theirs = _country(getattr(head, role)), _country(getattr(body, role))
        if mine and theirs and mine != theirs:
            return False
        shared = shared or bool(mine and mine == theirs)
    return shared or not (_country(head.source) or _country(head.target))


# Types of a meeting or a deal, which the headline may tell from either side.
_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})


@rule("record.headline-swapped-sides")
def _sides_swapped(body: EventRecord, head: EventRecord) -> bool:
    """A meeting the headline tells from one side ("Kenya, Japan Discuss Rail Loan") and the
    body from the other ("Japan's envoy held talks with Kenya's finance minister on Monday")
    is one meeting: its two countries, in either order, restate the headline.

    Example: "Ghana, Japan discuss port deal" over "Japan's trade minister held talks with
    Ghana's finance minister in Accra on Monday."
    """
    if head.event_type not in _MUTUAL_TYPES:
        return False
    mine = (_country(head.source), _country(head.target))
    theirs = (_country(body.target), _country(body.source))
    return None not in mine and mine[0] != mine[1] and mine == theirs


def _announced(body: EventRecord, head: EventRecord) -> bool:
    """The body's record is the threat of the headline's hostile act, announced for later."""
    # Imported here: the records package imports the dates module, which imports this one.
    from gestae.engine.records.codes import HOSTILE_TO_THREAT, by_prefix

    if body.event_type != "THREATEN" or body.modality != "future" or head.modality == "future":
        return False
    threat = by_prefix(HOSTILE_TO_THREAT, head.cameo or "")
    return threat is not None and threat == body.cameo


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


def _noting(record: EventRecord, triggers: list[str], swapped: bool = False) -> EventRecord:
    if not triggers:
        return record
    said = ", ".join(f"'{t}'" for t in triggers)
    steps = [Step("record.headline-restated", f"the headline says it too ({said})")]
    if swapped:
        steps.append(Step("record.headline-swapped-sides", "told from the other side"))
    told = "; ".join(str(s) for s in steps)
    return replace(
        record,
        explanation=f"{record.explanation}; {told}" if record.explanation else told,
        rules=[*record.rules, *(s.rule for s in steps)],
    )


PAIRED = "gestae_headline_pair"
if not Token.has_extension(PAIRED):
    Token.set_extension(PAIRED, default="")  # the name joined to the verb's subject
# Tags of a headline's verb: the bare present ("Japan, Vietnam Sign Pact") and the past.
_PAIR_VERB_TAGS = frozenset({"VBP", "VB", "VBD"})


@rule("parse.headline-pair")
def mend_headline_pairs(doc: Doc) -> None:
    """Headlines join two doers with a comma where prose says "and" ("Japan, Vietnam Sign
    Defense Pact"); the model reads the first name as a modifier of the verb. A proper noun so
    attached, right before a comma and the verb's subject, is the subject, joined to the other.

    Example: Chile, Peru Sign Fishing Accord
    """
    for name in doc:
        verb = name.head
        if (
            name.dep_ not in ("npadvmod", "dep")
            or name.pos_ != "PROPN"
            or verb.tag_ not in _PAIR_VERB_TAGS
            or name.i + 2 >= len(doc)
            or doc[name.i + 1].text != ","
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i != name.i + 2:
            continue
        # The first name becomes the subject and the second its conjunct, as "and" would make
        # them (conjuncts follow their head).
        name.dep_ = "nsubj"
        subject.head, subject.dep_ = name, "conj"
        doc[name.i + 1].head = name
        verb._.set(PAIRED, name.text)


def trace_headline_pair(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its headline subject was joined (parse.headline-pair)."""
    joined = token._.get(PAIRED)
    if joined:
        trace.add("parse.headline-pair", f"'{joined}' is a second subject of '{token.text}'")
