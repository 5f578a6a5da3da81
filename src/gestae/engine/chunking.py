"""Long articles: cut a text into blocks that are parsed one after another.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and needs memory in proportion
to the text it parses at once, so a scraped 10 MB page is coded block by block. Blocks end at a
paragraph break where one is near the limit, else at a line break, a sentence end or a space,
so no sentence is cut unless the text has no such place at all. Offsets stay relative to the
whole article: the pipeline places each block at its character offset.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

# Blocks this size parse in well under a second each and keep memory flat; a news story is
# almost always a single block.
DEFAULT_BLOCK_CHARS = 100_000
# Where a block may end, best first: a blank line, a line break, a sentence end, a space.
_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)
# A break in the first half of the window is too early: keep looking for a worse kind of break
# nearer the limit rather than making many small blocks.
_MIN_FILL = 0.5


def block_bounds(text: str, limit: int = DEFAULT_BLOCK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) character ranges that tile `text`, each at most `limit` long."""
    if limit < 1:
        raise ValueError("block size must be at least 1 character")
    start = 0
    length = len(text)
    while length - start > limit:
        end = _cut(text, start, start + limit)
        yield start, end
        start = end
    if start < length or length == 0:
        yield start, length


def _cut(text: str, start: int, stop: int) -> int:
    """The best place to end a block that starts at `start` and may not pass `stop`."""
    floor = start + max(1, int((stop - start) * _MIN_FILL))
    window = text[floor:stop]
    for pattern in _BREAKS:
        last = deque(pattern.finditer(window), maxlen=1)
        if last:
            return floor + last[0].end()  # the break's whitespace stays with the earlier block
    return stop  # no break anywhere: a hard cut (a 100,000-character "word")
