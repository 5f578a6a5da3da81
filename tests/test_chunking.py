"""Long articles are cut into blocks, parsed one at a time, with offsets into the whole text."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest

from gestae.engine.chunking import DEFAULT_BLOCK_CHARS, block_bounds
from gestae.engine.pipeline import Coder
from gestae.schema import Article

PARAGRAPHS = [
    "Russian troops attacked the Ukrainian town of Izium on Monday.",
    "The weather stayed cold and grey across the region.",
    "France called on Germany to send more aid to Kyiv.",
    "Chinese officials met Indian diplomats in Beijing on Friday.",
    "Police in Kenya arrested dozens of protesters in Nairobi.",
    "Turkey condemned the air strikes on northern Syria.",
]


def _long_text(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs))


def _check_tiling(text: str, limit: int) -> list[tuple[int, int]]:
    bounds = list(block_bounds(text, limit))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= limit for start, end in bounds)
    return bounds


def test_blocks_tile_the_text_and_end_at_paragraph_breaks() -> None:
    text = _long_text(60)
    bounds = _check_tiling(text, 500)
    assert len(bounds) > 5
    for _, end in bounds[:-1]:
        assert text[end - 2 : end] == "\n\n"  # each block ends after a blank line


def test_without_paragraphs_blocks_end_at_sentences_then_spaces_then_anywhere() -> None:
    sentences = " ".join(PARAGRAPHS * 20)
    for _, end in _check_tiling(sentences, 300)[:-1]:
        assert sentences[end - 2] == "."
    words = "word " * 400
    for _, end in _check_tiling(words, 97)[:-1]:
        assert words[end - 1] == " "
    _check_tiling("x" * 1000, 64)  # no break at all: hard cuts, still tiling


def test_a_five_megabyte_article_is_cut_into_bounded_blocks() -> None:
    text = _long_text(90_000)
    assert len(text) >= 5_000_000
    bounds = _check_tiling(text, DEFAULT_BLOCK_CHARS)
    assert len(bounds) >= 50


def test_block_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        list(block_bounds("text", 0))


@pytest.fixture(scope="module")
def small_blocks(coder: Coder) -> Coder:
    chunked = copy.copy(coder)
    chunked.block_chars = 400
    return chunked


def _summary(records: list[Any]) -> set[tuple[Any, ...]]:
    return {
        (
            r.event_type,
            r.sentence_index,
            r.trigger.start,
            r.source.country if r.source else None,
            r.target.country if r.target else None,
        )
        for r in records
    }


def test_a_chunked_article_gives_the_records_of_an_unchunked_one(
    coder: Coder, small_blocks: Coder
) -> None:
    article = Article(id="long", text=_long_text(24))
    windows = list(small_blocks.windows(article))
    assert len(windows) > 3
    assert max(len(w.block.text) for w in windows) <= 400  # each parse is bounded
    chunked = small_blocks.code(article)
    whole = coder.code(article)
    assert len(chunked) >= 12
    assert _summary(chunked) == _summary(whole)


def test_offsets_and_sentence_indexes_refer_to_the_whole_article(small_blocks: Coder) -> None:
    text = _long_text(24)
    records = small_blocks.code(Article(id="long", text=text))
    later = [r for r in records if r.trigger.start > 1000]
    assert later, "records from blocks after the first"
    sentences = text.split("\n\n")
    for record in records:
        assert text[record.trigger.start : record.trigger.end] == record.trigger.text
        for actor in (record.source, record.target):
            if actor is not None:
                assert text[actor.start : actor.end] == actor.text
        assert sentences[record.sentence_index] == record.sentence
