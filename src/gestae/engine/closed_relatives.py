"""Parse repair: the phrases after a relative clause closed by its comma are the main verb's.

"Police arrested X, who governed Kogi state until last year, in Lagos on Monday": the model
hangs "in Lagos on Monday" on "governed", so the arrest loses its place and its day. A
relative clause set off by commas ends at its closing comma; a phrase after that comma is
not the clause's, so it goes back to the verb whose object the clause describes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule

MENDED = "gestae_closed_relative"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)  # set on the verb that got the phrases back

# What follows the closing comma and is moved: prepositional phrases and bare days.
MOVED_DEPS = frozenset({"prep", "npadvmod"})


def _closing_comma(clause: Token) -> Token | None:
    """The clause's own comma after its verb and before a phrase it holds, if any."""
    commas = [c for c in clause.children if c.dep_ == "punct" and c.text == "," and c.i > clause.i]
    return commas[0] if commas else None


@rule("parse.closed-relative")
def mend_closed_relatives(doc: Doc) -> None:
    """'arrested X, who governed Kogi state until last year, in Lagos on Monday': the phrases
    after the comma that closes a relative clause set off by commas belong to the verb whose
    object the clause describes (where and when the arrest was), not to the clause.

    Example: Police arrested Yahaya Danladi, who governed Kogi state until last year, in Lagos on
    Monday.
    """
    for clause in doc:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        noun, opening = clause.head, clause.left_edge.i - 1
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or opening < 0 or doc[opening].text != ",":
            continue
        comma = _closing_comma(clause)
        if comma is None:
            continue
        moved = [c for c in clause.children if c.i > comma.i and c.dep_ in MOVED_DEPS]
        if not moved:
            continue
        for c in [comma, *moved]:
            c.head = verb
        verb._.set(MENDED, True)


def trace_closed_relative(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that phrases were taken back from a relative clause."""
    if token._.get(MENDED):
        trace.add("parse.closed-relative", f"'{token.text}' has its phrases back")
