"""Whether a state named in a sentence acts in a clause of its own, apart from the trigger's.

"China urged both sides to talk, while the United States imposed sanctions": the United
States does its own act; it is no one the urging is aimed at, so no rule that looks for "the
other state in the sentence" may take it (record.implicit-target).
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Clauses joined beside the trigger's rather than inside it: coordinated, loosely appended, a
# relative clause on a noun ("sanctions on companies that supply it": the sanctioning state is
# not whom the supplying reaches), or an adverbial clause opened by a contrast word. A time clause is not one: "expelled diplomats
# after Britain accused it" is often aimed at the state of the clause it answers.
SIDE_DEPS = frozenset({"conj", "parataxis", "relcl"})
SIDE_MARKS = frozenset({"while", "whereas", "although", "though"})


def describes_subject(trigger: Token, head: Token) -> bool:
    """True when `head` stands in an apposition or relative clause of the trigger's subject
    ("The United States, a treaty ally of the Philippines, condemned ..."): it tells who the
    doer is, not whom the act is aimed at. A state the subject's own words name for its task
    ("the UN envoy for Syria called for ...") may still be."""
    for subject in (c for c in trigger.children if c.dep_ in SUBJECT_DEPS):
        asides = [c for c in subject.children if c.dep_ in ("appos", "relcl")]
        if any(head in aside.subtree for aside in asides):
            return True
    return False


def acts_apart(trigger: Token, head: Token) -> bool:
    """True when `head` is the subject of a verb whose clause stands beside the trigger's
    (another conjunct, a "while" clause, another branch of the sentence); a subject of the
    trigger's own complement ("demanded that Iran stop") or of a clause that reports it
    ("Iran said the US threatened to strike") is not apart."""
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head  # "Thailand and China have urged": China is a subject too
    if head.dep_ not in SUBJECT_DEPS or head.head == trigger:
        return False
    verb = head.head
    if verb in trigger.ancestors:
        return _side_path(trigger, verb)
    if trigger not in verb.ancestors:
        return True  # a clause in another branch of the sentence
    return _side_path(verb, trigger)


def _side_path(low: Token, high: Token) -> bool:
    """Whether the path up from `low` to its ancestor `high` crosses a side clause's edge."""
    step = low
    while step != high:
        if (step.dep_ in SIDE_DEPS and step.pos_ in ("VERB", "AUX")) or (
            step.dep_ == "advcl" and any(c.lower_ in SIDE_MARKS for c in step.children)
        ):
            return True
        step = step.head
    return False


# Verbs of a clause that places the object rather than telling what it did.
# An adjective reading keeps its own form as lemma ("is situated": "situated").
LOCATING_VERBS = frozenset(
    {"situate", "situated", "locate", "located", "lie", "sit", "stand", "border"}
)


def _participle(clause: Token) -> bool:
    """'a tanker suspected of ...', 'a ship carrying ...': a participle on the object; not a
    noun's content ('its demand that the US ease sanctions') nor one whose 'by' agent names
    who did it ('refugees sent by Australia': the act answers that agent)."""
    return (
        clause.dep_ == "acl"
        and clause.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("mark", "agent") for c in clause.children)
    )


def _places(clause: Token) -> bool:
    """'that lies east of X', 'which is situated near X': the clause's verb, or the
    participle its copula takes, is a verb of placing."""
    heads = [clause, *(c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp"))]
    return any(h.lemma_.lower() in LOCATING_VERBS for h in heads)


def describes_object(trigger: Token, token: Token) -> bool:
    """True when `token` stands in a participle (no 'by' agent) or relative clause of the
    trigger's object
    ("seized a tanker suspected of damaging a cable to Estonia", "arrested a man who
    attacked a mosque in Uganda"): it tells what the object did, not whom the act is aimed
    at; a clause that places the object ("a village that is situated east of the Syrian
    stronghold") still names where it is."""
    for obj in (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")):
        asides = [
            c for c in obj.children if (c.dep_ == "relcl" or _participle(c)) and not _places(c)
        ]
        if any(t.i == token.i for aside in asides for t in aside.subtree):
            return True
    return False
