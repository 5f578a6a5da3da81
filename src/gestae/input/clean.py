"""Text clean-up before coding: scraped news arrives with HTML, entities and control bytes.

The cleaned text *is* the article text from then on: every offset in the output (trigger,
actors, places) points into it, not into the raw input. Plain text passes through unchanged
except for NUL and other control characters, which no parser or store should see.
"""

from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser

__all__ = ["clean_text", "looks_like_html"]

# A start or end tag with a real tag name, or a comment: "a < b" and "<3" are not HTML.
_TAG_RE = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|!--)")
# Only entities ended by ";" are decoded in plain text: HTML5 also accepts "&para" without one,
# which would turn "&parade" into "¶de".
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# C0 controls and DEL except tab, newline and carriage return; NUL is removed outright.
_CONTROL_RE = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES_RE = re.compile(r"[ \t\f\v\xa0]+")
_BLANK_LINES_RE = re.compile(r"\n\s*\n\s*\n+")

# Elements whose content is never article text.
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object"}
)
# Elements that end a line or a paragraph when rendered.
_LINE_BREAKS = frozenset({"br", "tr", "dt", "dd"})
_PARAGRAPHS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "article", "section", "header", "footer", "aside", "main", "nav", "table", "pre",
        "figure", "figcaption", "hr", "title", "address", "body", "form", "dl",
    }
)  # fmt: skip


def looks_like_html(text: str) -> bool:
    return _TAG_RE.search(text) is not None


def clean_text(text: str) -> str:
    """The text a reader would see: tags and scripts gone, entities decoded, no control bytes."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    if looks_like_html(text):
        text = _strip_html(text)
    elif "&" in text:
        text = _ENTITY_RE.sub(_entity, text)
    return _CONTROL_RE.sub(" ", text)


def _entity(match: re.Match[str]) -> str:
    """A character reference or a named entity of HTML5; anything else is left as it was."""
    ref = match[0]
    if ref[1] == "#" or ref[1:] in html5:
        return html.unescape(ref)
    return ref


def _strip_html(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    lines = (_SPACES_RE.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines)).strip()


class _TextExtractor(HTMLParser):
    """Collects rendered text; the standard library parser tolerates broken markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and self._skip == ["head"]:
            self._skip.clear()  # an unclosed <head> ends where the body starts
        if tag in _SKIPPED:
            self._skip.append(tag)
        elif not self._skip:
            self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip:
            self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
        elif not self._skip:
            self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " ").replace("\r", " "))

    def _break(self, tag: str) -> None:
        if tag in _LINE_BREAKS:
            self.parts.append("\n")
        elif tag in _PARAGRAPHS:
            self.parts.append("\n\n")
