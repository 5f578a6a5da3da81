"""Past acts a story tells without a day, that the publication day would misdate: an act told
in a witness's own quoted words, and any past act of a story about a day before publication.
Both happened before the story's time, so engine/dates.py marks them `earlier` when their
sentence gives them no date."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from gestae.engine.date_attach import SPEECH_VERBS, date_anchors
from gestae.engine.date_past import earlier_cue
from gestae.engine.date_periods import resolve_text
from gestae.engine.date_phrases import doc_candidates
from gestae.engine.date_syntax import clause_verb, is_past_event, is_verb
from gestae.engine.rules import rule

__all__ = ["quoted_narration", "same_day_story", "statement_earlier", "story_before"]

_OPENING = frozenset({"\u201c", "``"})
_CLOSING = frozenset({"\u201d", "''"})
_QUOTE_REACH = 4  # sentences a quotation may run before the act it tells
_CONDITIONS = frozenset({"if", "unless"})


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("picked out ... and shot
    them")."""
    cur = verb
    for _ in range(3):
        found = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if found is not None or cur.dep_ != "conj" or not is_verb(cur.head):
            return found
        cur = cur.head
    return None


def _simple_past(verb: Token) -> bool:
    """ "shot", "were killed": not "had shot", "have shot", "was shooting"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and [c.lemma_.lower() for c in aux] == ["be"] and aux[0].tag_ == "VBD"


def _opens(doc: Doc, i: int) -> bool | None:
    """True for a quotation mark that opens a quote, False for one that closes it, None for
    another token. A straight mark opens when a space or the text's start comes before it."""
    tok = doc[i]
    if tok.text in _OPENING:
        return True
    if tok.text in _CLOSING:
        return False
    if tok.text != '"':
        return None
    return i == 0 or bool(doc[i - 1].whitespace_)


def in_quotation(tok: Token) -> bool:
    """The token stands inside a direct quotation: the nearest quotation mark before it, within
    the sentence or the few before, opens one."""
    doc = tok.doc
    sentences = 0
    for i in range(tok.i - 1, -1, -1):
        opens = _opens(doc, i)
        if opens is not None:
            return opens
        if doc[i].is_sent_start:
            sentences += 1
            if sentences > _QUOTE_REACH:
                return False
    return False


_LEAD = 3  # sentences of the story's opening that give its day


def same_day_story(doc: Doc, published: date) -> bool:
    """The story's opening dates its news on the publication day ("Gunmen stormed a hotel on
    Tuesday", published Tuesday): acts told without a day are that day's, not earlier. The
    day of a saying ("UNICEF said Thursday") tells when the news was told, not when it was done."""
    return _story_day(doc, published, news_only=True) == published


def _story_day(
    doc: Doc, published: date, news_only: bool = False, before: int | None = None
) -> date | None:
    """The first day the story's opening gives, for its news or (unless `news_only`) for its
    telling; only in sentences that start before token `before`, when given."""
    starts, by_sent = doc_candidates(doc)
    for sent_start in starts[:_LEAD]:
        if before is not None and sent_start >= before:
            break
        for start, end in by_sent.get(sent_start, ()):
            span = doc[start:end]
            verbs = [doc[i] for i in date_anchors(span) if is_verb(doc[i])]
            if news_only and any(v.lemma_.lower() in SPEECH_VERBS for v in verbs):
                continue
            period = resolve_text(span.text, published, False)
            if period is not None and period.granularity == "day":
                return period.start
    return None


@rule("date.quoted-narration")
def quoted_narration(trigger: Token, published: date | None) -> str | None:
    """A simple-past act told in a speaker's quoted words ("'They shot and killed people on
    the train,' said a passenger") happened before the words were said, on a day the quote does
    not give: `earlier`, not the publication day. Not a saying or a condition, nor in a story
    whose opening dates its news on the publication day; the quote's own date wins.

    Example: "They burned the houses and shot the men," a villager told reporters.
    """
    verb = clause_verb(trigger)
    if verb is None or not _simple_past(verb) or verb.lemma_.lower() in SPEECH_VERBS:
        return None
    if published is None or same_day_story(verb.doc, published):
        return None
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children):
        return None
    subject = _subject(verb)
    if subject is None or not in_quotation(subject):
        return None
    if any(_opens(verb.doc, i) is not None for i in range(subject.i + 1, verb.i)):
        return None  # 'He "welcomed" the plan': a quoted word, not a quoted account
    return verb.text


_STORY_LAG = 3  # days before publication a story's news may be and still be "its" day


@rule("date.story-before")
def story_before(trigger: Token, published: date | None) -> str | None:
    """A past act (simple past or past perfect) with no date, told after a sentence of the
    story's opening that gives its day as one to three days before publication ("Militants
    attacked a train Tuesday", published Wednesday), happened by that day or before it:
    `earlier`, not the publication day, which is after the story's time. The day of a saying
    counts ("said Tuesday"); a present, perfect or future act keeps the publication day.

    Example: Rebels attacked the town of Kaya on Sunday. Soldiers arrested three men.
    """
    if published is None or not is_past_event(trigger):
        return None
    day = _story_day(trigger.doc, published, before=trigger.sent.start)
    if day is None or not 0 < (published - day).days <= _STORY_LAG:
        return None
    verb = clause_verb(trigger)
    return verb.text if verb is not None else None


@rule("date.statement-earlier")
def statement_earlier(trigger: Token, sayings: list[Token], published: date | None) -> str | None:
    """An act a saying states (its complement in the future, with a modal or in the present:
    "warned that it would execute the hostages") is the statement, dated when it was said
    (record.future-*). When the saying is itself told before the story's time ("had warned",
    "previously said", a past saying after the opening of a story about a day before
    publication, date.story-before), the act is `earlier` too, not the publication day.

    Example: The rebels had warned that they would kill the hostages.
    """
    if is_past_event(trigger):
        return None  # a past act inside a report keeps its own time (date.said-day-before)
    for saying in sayings:
        cue = earlier_cue(saying) or story_before(saying, published)
        if cue is not None:
            return cue
    return None
