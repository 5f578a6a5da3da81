"""The pipeline: read -> parse -> actors -> events -> dates -> places -> records.

`Coder` loads every resource once (spaCy model, dictionaries, lexicon, gazetteer) and then
codes articles in batches with `nlp.pipe`. Stages never call each other; this module calls
them in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from gestae.actor_dictionary import ActorDictionary
from gestae.actors import ActorResolver, DocActors, Mention
from gestae.events import EventFinder
from gestae.lexicon import Lexicon
from gestae.model import Article, EventRecord
from gestae.ontology import Ontology
from gestae.parse import load_model
from gestae.places import Gazetteer
from gestae.records import RecordBuilder


@dataclass
class CodedArticle:
    article: Article
    records: list[EventRecord]


class Coder:
    """Codes articles into event records; build once, reuse for many articles."""

    def __init__(
        self,
        model: str | None = None,
        actor_files: Sequence[Path] = (),
        include_negated: bool = False,
        include_incidents: bool = True,
    ) -> None:
        self.nlp = load_model(model)
        self.ontology = Ontology.load()
        self.lexicon = Lexicon.load()
        self.dictionary = ActorDictionary.load(actor_files)
        self.actors = ActorResolver(self.dictionary, self.nlp)
        self.events = EventFinder(self.lexicon, self.actors)
        self.records = RecordBuilder(self.ontology, Gazetteer.default())
        self.include_negated = include_negated
        self.include_incidents = include_incidents

    def code(self, article: Article) -> list[EventRecord]:
        return self.code_doc(article, self.nlp(article.text))

    def code_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[CodedArticle]:
        """Code a stream of articles, parsing them in batches."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield CodedArticle(article, self.code_doc(article, doc))

    def analyse(self, article: Article, doc: Doc) -> DocActors:
        return self.actors.resolve(doc, article.published)

    def code_doc(self, article: Article, doc: Doc) -> list[EventRecord]:
        actors = self.analyse(article, doc)
        records: list[EventRecord] = []
        seen: set[str] = set()
        for index, sent in enumerate(doc.sents):
            for candidate in self.events.find(sent, actors):
                for record in self.records.build(
                    article, index, sent, candidate, actors, self.include_negated
                ):
                    if record.id not in seen:
                        seen.add(record.id)
                        records.append(record)
            if self.include_incidents:
                for record in self.records.incidents(article, index, sent, actors):
                    if record.id not in seen:
                        seen.add(record.id)
                        records.append(record)
        return records

    def resolve_actor(
        self, phrase: str, on: date | None = None, context: str = ""
    ) -> Mention | None:
        """Resolve a stand-alone actor phrase on a date (the `gestae actor` command); `context`
        is text read before it, as earlier sentences of the same article.

        The phrase is parsed as the subject of a neutral verb, because a bare phrase gets
        unreliable tags ("Kyiv" alone comes out an adjective)."""
        prefix = f"{context.rstrip()}\n\n" if context.strip() else ""
        text = f"{prefix}{phrase.strip()} acted."
        return self.actors.resolve_phrase(self.nlp(text), on, len(prefix))
