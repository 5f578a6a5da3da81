"""Parse repair: "declared three diplomats persona non grata", where the small model reads
"persona" as a verb with the diplomats its subject and "grata" its object.

The Latin phrase is the predicate of "declare", as "declared the zone closed" is: the envoys
are the verb's object and "grata" its object predicate (oprd), the shape the model gives the
passive ("was declared persona non grata"). The repair puts the words there before any rule
reads the parse, so the expulsion frame of "declare" (triggers.yaml, CAMEO 161) sees it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from gestae.engine.rules import Trace, rule

MENDED = "gestae_persona_grata"
if not Token.has_extension(MENDED):
    Token.set_extension(MENDED, default=False)
PERSONA = frozenset({"persona", "personae"})
GRATA = frozenset({"grata", "gratae"})
# Dependencies the model gives the misread "persona" under "declare".
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "dobj", "attr"})
# Children of the misread "persona" that belong to the clause of "declare".
CLAUSE_CHILD_DEPS = frozenset({"prep", "cc", "conj", "punct", "npadvmod", "advmod"})


def _phrase(grata: Token) -> tuple[Token, Token] | None:
    """The "persona" and "non" in front of a "grata", if the three words stand together."""
    if grata.lower_ not in GRATA or grata.i < 2:
        return None
    persona, non = grata.doc[grata.i - 2], grata.doc[grata.i - 1]
    if persona.lower_ not in PERSONA or non.lower_ != "non":
        return None
    return persona, non


@rule("parse.persona-non-grata")
def mend_persona_grata(doc: Doc) -> None:
    """'Ghana declared two Togolese envoys persona non grata': the envoys are what is
    declared, the Latin phrase the predicate, as in the passive the model reads right; the
    repair hangs both on "declare" so its expulsion frame (161) codes them.

    Example: Chile declared two Bolivian diplomats persona non grata on Monday.
    """
    for grata in doc:
        words = _phrase(grata)
        if words is None:
            continue
        persona, non = words
        declare = persona.head
        if (
            persona.dep_ not in CLAUSE_DEPS
            or declare.i == persona.i
            or declare.lemma_.lower() != "declare"
        ):
            continue
        moved = [c for c in persona.children if c.dep_ in CLAUSE_CHILD_DEPS]
        envoys = [c for c in persona.children if c.dep_ in ("nsubj", "nsubjpass")]
        grata.head, grata.dep_ = declare, "oprd"
        persona.head, persona.dep_ = grata, "compound"
        non.head, non.dep_ = grata, "compound"
        for c in moved:
            c.head = declare
        for envoy in envoys[:1]:
            envoy.head, envoy.dep_ = declare, "dobj"
        declare._.set(MENDED, True)


def trace_persona_grata(trace: Trace, token: Token) -> None:
    """Tell on an event's trace that its verb's object was mended from the Latin phrase."""
    if token._.get(MENDED):
        trace.add("parse.persona-non-grata", f"'{token.text}' declares its object unwelcome")
