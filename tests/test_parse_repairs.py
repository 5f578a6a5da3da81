"""Parse repairs on trees built by hand: the small model's misreadings are not reproducible on
demand, so each test gives the tree it makes and checks what the repair leaves."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from gestae.engine.fronted_subjects import mend_fronted_subjects
from gestae.engine.participle_roots import mend_participle_roots

# word, tag, pos, dep, head (index)
Tree = list[tuple[str, str, str, str, int]]


def _doc(tree: Tree) -> Doc:
    return Doc(
        Vocab(),
        words=[w for w, *_ in tree],
        lemmas=[w.lower() for w, *_ in tree],  # enough for 'be'
        tags=[t for _, t, *_ in tree],
        pos=[p for _, _, p, *_ in tree],
        deps=[d for *_, d, _ in tree],
        heads=[h for *_, h in tree],
    )


# "Taking advantage of the fog, the Kenyan Defence Forces (KDF) stormed the camp.", with the
# army read as an apposition of "fog" and the gerund as the verb's clausal subject.
GERUND_OPENING: Tree = [
    ("Taking", "VBG", "VERB", "csubj", 14),
    ("advantage", "NN", "NOUN", "dobj", 0),
    ("of", "IN", "ADP", "prep", 1),
    ("the", "DT", "DET", "det", 4),
    ("fog", "NN", "NOUN", "pobj", 2),
    (",", ",", "PUNCT", "punct", 4),
    ("the", "DT", "DET", "det", 9),
    ("Kenyan", "NNP", "PROPN", "compound", 9),
    ("Defence", "NNP", "PROPN", "compound", 9),
    ("Forces", "NNPS", "PROPN", "appos", 4),
    ("(", "-LRB-", "PUNCT", "punct", 9),
    ("KDF", "NNP", "PROPN", "appos", 9),
    (")", "-RRB-", "PUNCT", "punct", 9),
    ("reportedly", "RB", "ADV", "advmod", 14),
    ("stormed", "VBD", "VERB", "ROOT", 14),
    ("the", "DT", "DET", "det", 16),
    ("camp", "NN", "NOUN", "dobj", 14),
    (".", ".", "PUNCT", "punct", 14),
]


def test_opening_gerund_gives_back_the_subject() -> None:
    doc = _doc(GERUND_OPENING)
    mend_fronted_subjects(doc)
    assert (doc[9].dep_, doc[9].head.i) == ("nsubj", 14)
    assert doc[0].dep_ == "advcl"


def test_gerund_subject_with_a_list_stays() -> None:
    """'Killing civilians, women and children violates the law': a real clausal subject."""
    tree: Tree = [
        ("Killing", "VBG", "VERB", "csubj", 6),
        ("civilians", "NNS", "NOUN", "dobj", 0),
        (",", ",", "PUNCT", "punct", 1),
        ("women", "NNS", "NOUN", "conj", 1),
        ("and", "CC", "CCONJ", "cc", 3),
        ("children", "NNS", "NOUN", "conj", 3),
        ("violates", "VBZ", "VERB", "ROOT", 6),
        ("the", "DT", "DET", "det", 8),
        ("law", "NN", "NOUN", "dobj", 6),
    ]
    doc = _doc(tree)
    mend_fronted_subjects(doc)
    assert doc[0].dep_ == "csubj"
    assert doc[3].dep_ == "conj"


def test_passive_verb_gets_its_fronted_subject() -> None:
    """'In Gao, a police officer was shot': the subject read as an apposition of the place."""
    tree: Tree = [
        ("In", "IN", "ADP", "prep", 8),
        ("Gao", "NNP", "PROPN", "pobj", 0),
        (",", ",", "PUNCT", "punct", 1),
        ("a", "DT", "DET", "det", 5),
        ("police", "NN", "NOUN", "compound", 5),
        ("officer", "NN", "NOUN", "appos", 1),
        ("was", "VBD", "AUX", "auxpass", 8),
        ("reportedly", "RB", "ADV", "advmod", 8),
        ("shot", "VBN", "VERB", "ROOT", 8),
    ]
    doc = _doc(tree)
    mend_fronted_subjects(doc)
    assert (doc[5].dep_, doc[5].head.i) == ("nsubjpass", 8)


# "Gunmen suspected to be members of the sect, yesterday, attacked a village."
PARTICIPLE_ROOT: Tree = [
    ("Gunmen", "NNS", "NOUN", "nsubj", 1),
    ("suspected", "VBN", "VERB", "ROOT", 1),
    ("to", "TO", "PART", "aux", 3),
    ("be", "VB", "AUX", "xcomp", 1),
    ("members", "NNS", "NOUN", "attr", 3),
    ("of", "IN", "ADP", "prep", 4),
    ("the", "DT", "DET", "det", 7),
    ("sect", "NN", "NOUN", "pobj", 5),
    (",", ",", "PUNCT", "punct", 1),
    ("yesterday", "NN", "NOUN", "npadvmod", 1),
    (",", ",", "PUNCT", "punct", 11),
    ("attacked", "VBD", "VERB", "dep", 1),
    ("a", "DT", "DET", "det", 13),
    ("village", "NN", "NOUN", "dobj", 11),
    (".", ".", "PUNCT", "punct", 1),
]


def test_participle_root_is_a_reduced_relative() -> None:
    doc = _doc(PARTICIPLE_ROOT)
    mend_participle_roots(doc)
    assert doc[11].dep_ == "ROOT"
    assert (doc[0].dep_, doc[0].head.i) == ("nsubj", 11)
    assert (doc[1].dep_, doc[1].head.i) == ("acl", 0)
    assert doc[9].head.i == 11  # the day goes with the act
    assert doc[14].head.i == 11


def test_finite_root_without_to_be_stays() -> None:
    """'Rebels captured the town, killed ...' with 'captured' misread as a participle: no 'to
    be' and no 'by' shows it is one, so the root stays."""
    tree: Tree = [
        ("Rebels", "NNS", "NOUN", "nsubj", 1),
        ("captured", "VBN", "VERB", "ROOT", 1),
        ("the", "DT", "DET", "det", 3),
        ("town", "NN", "NOUN", "dobj", 1),
        (",", ",", "PUNCT", "punct", 1),
        ("killed", "VBD", "VERB", "dep", 1),
        ("five", "CD", "NUM", "dobj", 5),
    ]
    doc = _doc(tree)
    mend_participle_roots(doc)
    assert doc[1].dep_ == "ROOT"
    assert doc[5].dep_ == "dep"
