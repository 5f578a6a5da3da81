"""What a kind of people does, found reading VOA tune stories: 'the militia has hundreds of
fighters who raid farms for cattle', 'pundits who praise the junta': a simple present in a relative
clause on a plural describes its antecedent, a kind and its habits, and tells no act on the
day of the story. clause_suppression.py runs HABIT_SUPPRESSIONS with its other reasons to
drop a clause."""

from __future__ import annotations

from spacy.tokens import Token

from gestae.engine.rules import rule

PRESENT_TAGS = frozenset({"VBP", "VBZ"})
RELATIVES = frozenset({"who", "that", "which"})


@rule("generic.kind-habit")
def kind_habit(clause: Token) -> bool:
    """'hundreds of armed men who raid farms for cattle', 'pundits who praise the junta
    get paid': an act in the simple present of a relative clause on a plural noun says what
    such people do, no act done. A past ('fighters who attacked a convoy'), a day
    ('protesters who march on parliament today') or a clause set off by a comma
    ('Students, who accuse the rector of fraud, marched') tells one and stays.

    Example: Officials say the militia has hundreds of fighters who attack convoys on the road to Gao.
    """
    if clause.dep_ != "relcl" or clause.tag_ not in PRESENT_TAGS:
        return False
    head = clause.head
    if head.tag_ != "NNS":
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") for c in clause.children):
        return False
    relative = next(
        (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVES),
        None,
    )
    if relative is None:
        return False
    # "Demonstrators, who accuse the president of fraud, marched": set off by a comma, the
    # clause tells what these people of the story say, an act of theirs.
    if relative.i > 0 and relative.doc[relative.i - 1].is_punct:
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)


HABIT_SUPPRESSIONS = [kind_habit]
