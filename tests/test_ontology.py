"""The ontology files load, hold the standard facts, and reject malformed entries by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gestae.errors import DataFileError
from gestae.resources.ontology import Ontology, package_data
from gestae.schema import EVENT_TYPES


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_load_is_cached(onto: Ontology) -> None:
    assert Ontology.load() is onto


def test_all_plover_types_present(onto: Ontology) -> None:
    assert set(onto.types) == set(EVENT_TYPES)


def test_codebook_size_and_hierarchy(onto: Ontology) -> None:
    codes = list(onto.codes)
    assert 300 <= len(codes) <= 330
    roots = {c for c in codes if len(c) == 2}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for code in codes:
        if len(code) > 2:
            assert code[:-1] in onto.codes, code


def test_event_codes_map_to_plover_types(onto: Ontology) -> None:
    for entry in onto:
        if entry.root == "01":
            assert entry.plover is None, entry.code
        else:
            assert entry.plover in EVENT_TYPES, entry.code
            if entry.mode is not None:
                assert entry.mode in onto.plover(entry.plover).modes, entry.code


@pytest.mark.parametrize(
    ("code", "plover", "mode"),
    [
        ("0231", "REQUEST", "assist"),
        ("1053", "REQUEST", "yield"),
        ("036", "AGREE", None),
        ("042", "CONSULT", "visit"),
        ("043", "CONSULT", "visit"),
        ("045", "CONSULT", "third-party"),
        ("057", "SUPPORT", None),
        ("081", "CONCEDE", None),
        ("0831", "RETREAT", "resign"),
        ("0841", "RETREAT", "release"),
        ("0871", "RETREAT", "ceasefire"),
        ("091", "ACCUSE", "investigate"),
        ("112", "ACCUSE", "allege"),
        ("116", "SANCTION", "convict"),
        ("129", "REJECT", None),
        ("143", "PROTEST", "strike"),
        ("154", "MOBILIZE", "troops"),
        ("163", "COERCE", "withhold"),
        ("173", "COERCE", "arrest"),
        ("191", "COERCE", "restrict"),
        ("192", "COERCE", "seize"),
        ("195", "ASSAULT", "aerial"),
        ("2041", "ASSAULT", "unconventional"),
    ],
)
def test_known_mappings(onto: Ontology, code: str, plover: str, mode: str | None) -> None:
    entry = onto.cameo(code)
    assert (entry.plover, entry.mode) == (plover, mode)


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [("190", -10.0), ("0874", 10.0), ("057", 8.0), ("130", -4.4), ("042", 1.9), ("163", -8.0)],
)
def test_goldstein_values(onto: Ontology, code: str, goldstein: float) -> None:
    assert onto.cameo(code).goldstein == goldstein


def test_quad_classes_and_intensity(onto: Ontology) -> None:
    consult = onto.cameo("04").plover
    assert consult == "CONSULT"
    assert onto.quad_class(consult) == 1
    assert onto.quad_class("ASSAULT") == 4
    assert onto.quad_class("AID") == 2
    assert onto.quad_class("THREATEN") == 3
    assert onto.intensity("CONSULT") == 2.5
    assert onto.intensity("CONSULT", "visit") == 4.0
    assert onto.intensity("CONSULT", "phone") == 1.5
    assert onto.intensity("ASSAULT", "aerial") == -9.5
    assert onto.intensity("ASSAULT", "firearms") == -9.0  # no own score: the base applies
    with pytest.raises(KeyError, match="visit"):
        onto.intensity("ASSAULT", "visit")


def test_unknown_lookups_name_the_key(onto: Ontology) -> None:
    with pytest.raises(KeyError, match="9999"):
        onto.cameo("9999")
    with pytest.raises(KeyError, match="ATTACK"):
        onto.plover("ATTACK")


def test_code_lists(onto: Ontology) -> None:
    assert {"military", "diplomatic", "cbrn", "human_rights"} <= onto.contexts
    assert {"GOV", "MIL", "COP", "REB", "UAF", "CVL", "JRN", "REF"} <= set(onto.sectors)
    assert set(onto.pseudo_countries) == {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
    assert set(onto.modalities) == {"future", "hypothetical", "negation", "historical"}


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("FRA", True),
        ("USA", True),
        ("KOS", True),
        ("UNO", True),
        ("IGO", True),
        ("XXX", False),
        ("fra", False),
        ("FR", False),
        ("GOV", False),
        ("", False),
    ],
)
def test_is_country_code(onto: Ontology, code: str, valid: bool) -> None:
    assert onto.is_country_code(code) is valid


# --- validation -----------------------------------------------------------------------------

GOOD_CODES = """codes:
  "02": {name: appeal, goldstein: 3.0, plover: REQUEST}
  "021": {name: appeal for cooperation, goldstein: 3.4, plover: REQUEST, mode: assist}
"""


def _write(tmp_path: Path, cameo_text: str, plover_text: str | None = None) -> tuple[Path, Path]:
    plover = tmp_path / "plover.yaml"
    if plover_text is None:
        with package_data("plover.yaml").open("rb") as src, plover.open("wb") as dst:
            shutil.copyfileobj(src, dst)
    else:
        plover.write_text(plover_text, encoding="utf-8")
    cameo = tmp_path / "cameo.yaml"
    cameo.write_text(cameo_text, encoding="utf-8")
    return plover, cameo


def test_minimal_files_load(tmp_path: Path) -> None:
    onto = Ontology.from_files(*_write(tmp_path, GOOD_CODES))
    assert onto.cameo("021").mode == "assist"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('  "0211": {name: x, goldstein: 12, plover: REQUEST}', "goldstein 12 is not in -10..10"),
        ('  "0211": {name: x, goldstein: 1, plover: APPEAL}', "unknown PLOVER type 'APPEAL'"),
        ('  "0211": {name: x, goldstein: 1, plover: REQUEST, mode: visit}', "not a mode"),
        ('  "0211": {name: x, goldstein: 1, plover: REQUEST, contexts: [war]}', "context"),
        ('  "0211": {name: x, goldstein: 1, plover: REQUEST, weight: 2}', "unknown key"),
        ('  "0211": {name: x, goldstein: 1, plover: null}', "only root 01"),
        ('  "0219x": {name: x, goldstein: 1, plover: REQUEST}', "2-4 digits"),
        ('  "0299": {name: x, goldstein: 1, plover: REQUEST}', "parent code '029'"),
        ('  "0211": {name: x, plover: REQUEST}', "missing key"),
    ],
)
def test_bad_cameo_entry_is_named(tmp_path: Path, line: str, expected: str) -> None:
    code = line.split('"')[1]
    with pytest.raises(DataFileError) as err:
        Ontology.from_files(*_write(tmp_path, GOOD_CODES + line + "\n"))
    message = str(err.value)
    assert message.startswith("cameo.yaml")
    assert f"entry #2 (code '{code}')" in message
    assert expected in message


def test_unquoted_code_is_reported(tmp_path: Path) -> None:
    # YAML reads 0211 as an octal integer; the loader must say to quote it.
    with pytest.raises(DataFileError, match="quoted string"):
        Ontology.from_files(*_write(tmp_path, GOOD_CODES + "  0211: {name: x, goldstein: 1}\n"))


def test_bad_plover_file_is_named(tmp_path: Path) -> None:
    text = package_data("plover.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "quad_class: 4\n    intensity: -9.0", "quad_class: 5\n    intensity: -9.0"
    )
    assert broken != text
    with pytest.raises(DataFileError, match=r"plover\.yaml:\d+: type ASSAULT: quad_class must be"):
        Ontology.from_files(*_write(tmp_path, GOOD_CODES, broken))


def test_yaml_syntax_error_names_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"cameo\.yaml:\d+: not valid YAML"):
        Ontology.from_files(*_write(tmp_path, 'codes: {"02": [unclosed\n'))


def test_code_groups_are_data_with_reasons(onto: Ontology) -> None:
    assert onto.group("state_power") == ("09", "172", "173", "174")
    assert "18" in onto.group("violent_roots")
    with pytest.raises(KeyError, match="no CAMEO code group 'colour'"):
        onto.group("colour")


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("  talks:\n    why: meetings\n    codes: ['04']\n", "unknown: ['04']"),
        ("  talks:\n    codes: ['02']\n", "missing key"),
        ("  talks:\n    why: ''\n    codes: ['02']\n", "why must say"),
    ],
)
def test_bad_code_group_is_named(tmp_path: Path, group: str, expected: str) -> None:
    with pytest.raises(DataFileError) as err:
        Ontology.from_files(*_write(tmp_path, GOOD_CODES + "groups:\n" + group))
    message = str(err.value)
    assert message.startswith("cameo.yaml:") and "group 'talks'" in message
    assert expected in message
