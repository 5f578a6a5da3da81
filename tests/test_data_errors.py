"""A broken data file stops gestae with the file, line and entry named, never a traceback."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from gestae.cli.app import app
from gestae.engine import date_periods
from gestae.errors import GestaeError
from gestae.resources import date_words, gazetteer, loader, place_words
from gestae.resources.gazetteer import Gazetteer
from gestae.resources.loader import DataError, load_data, parse_data

BROKEN_WATER = """\
- {name: Quiet Sea, kind: water, lat: 10, lon: 20}
- {name: Loud Sea, kind: water,
   lat: 95, lon: 20}
"""


def _clear_caches() -> None:
    Gazetteer.default.__func__.cache_clear()  # type: ignore[attr-defined]
    place_words.place_vocabulary.cache_clear()
    date_words.date_vocabulary.cache_clear()
    date_periods.words.cache_clear()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Loaders read their files again, before the test and after it (with the real data)."""
    _clear_caches()
    yield
    _clear_caches()


def _code(tmp_path: Path) -> Result:
    articles = tmp_path / "wire.jsonl"
    article = {
        "id": "a",
        "text": "France accused Britain of lying on Monday.",
        "published": "2024-05-01",
    }
    articles.write_text(json.dumps(article) + "\n", encoding="utf-8")
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    else:
        runner = CliRunner()
    return runner.invoke(app, ["code", str(articles)], env={"COLUMNS": "200"})


def _replace(monkeypatch: pytest.MonkeyPatch, module: object, name: str, path: Path) -> None:
    """Make `module` read `path` instead of the shipped data file `name`."""
    shipped = loader.package_data

    def data(wanted: str) -> object:
        return path if wanted == name else shipped(wanted)

    monkeypatch.setattr(module, "package_data", data)


def _assert_reported(result: Result, message: str) -> None:
    assert result.exit_code == 2, result.stderr
    assert isinstance(result.exception, SystemExit), result.exception
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.usefixtures("fresh_caches")
def test_broken_water_bodies_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "water_bodies.yaml"
    broken.write_text(BROKEN_WATER, encoding="utf-8")
    _replace(monkeypatch, gazetteer, "water_bodies.yaml", broken)
    result = _code(tmp_path)
    _assert_reported(result, "water_bodies.yaml:2: entry 2 ('Loud Sea'): 'lat'/'lon' must be")


@pytest.mark.usefixtures("fresh_caches")
def test_broken_places_vocabulary_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = loader.package_data("places.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("not_towns:"))
    lines[number - 1] = "not_towns: [god, Hamas]"
    while lines[number].startswith("  "):  # the list's continuation lines go with it
        del lines[number]
    broken = tmp_path / "places.yaml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _replace(monkeypatch, place_words, "places.yaml", broken)
    result = _code(tmp_path)
    _assert_reported(
        result, f"places.yaml:{number}: 'not_towns' has entries that are not lowercase words"
    )


@pytest.mark.usefixtures("fresh_caches")
def test_dates_yaml_syntax_error_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "dates.yaml"
    broken.write_text("weekdays: [monday, tuesday\nmonths: []\n", encoding="utf-8")
    _replace(monkeypatch, date_words, "dates.yaml", broken)
    result = _code(tmp_path)
    _assert_reported(result, "dates.yaml:2: not valid YAML")


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite() -> None:
    """Two word classes of one name: YAML keeps the later list, and the earlier one's words
    vanish from the coder without a sound."""
    text = "setting_words: [visit, trip]\nother: [a]\nsetting_words: [meeting]\n"
    with pytest.raises(DataError, match=r"made_up\.yaml:3: key 'setting_words' given twice"):
        parse_data(text, "made_up.yaml")


def test_data_error_is_a_gestae_error() -> None:
    assert issubclass(DataError, GestaeError)
    assert issubclass(gazetteer.PlaceDataError, GestaeError)


def test_loader_gives_the_line_of_each_entry() -> None:
    doc = parse_data("top:\n  first: 1\n  second:\n    - a\n    - b\n", "made_up.yaml")
    assert doc.data == {"top": {"first": 1, "second": ["a", "b"]}}
    assert doc.line("top") == 1
    assert doc.line("top", "second") == 3
    assert doc.line("top", "second", 1) == 5
    assert doc.line("absent") is None
    error = doc.error("is wrong", "entry b", at=("top", "second", 1))
    assert str(error) == "made_up.yaml:5: entry b: is wrong"


def test_loader_reports_unreadable_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"absent\.yaml: cannot read file"):
        load_data(tmp_path / "absent.yaml")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert load_data(empty).data is None


def test_word_list_mistakes_name_the_line() -> None:
    doc = parse_data("good: [a, b]\nupper: [a, B]\ntwice: [a, a]\nempty: []\n", "words.yaml")
    assert doc.words("good") == {"a", "b"}
    with pytest.raises(DataError, match=r"words\.yaml:2: 'upper' has entries that are not"):
        doc.words("upper")
    with pytest.raises(DataError, match=r"words\.yaml:3: 'twice' lists a more than once"):
        doc.words("twice")
    with pytest.raises(DataError, match=r"words\.yaml:4: 'empty' must be a non-empty list"):
        doc.words("empty")


def test_a_refusal_that_is_no_rejection_is_named_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gestae.engine.records import builder
    from gestae.resources.ontology import Ontology

    broken = tmp_path / "refusals.yaml"
    broken.write_text('"03": "120"\n"04": "040"\n', encoding="utf-8")
    monkeypatch.setattr(builder, "package_data", lambda name: broken)
    with pytest.raises(
        DataError, match=r"^refusals\.yaml:2: '04': 040 is not a CAMEO code of type REJECT"
    ):
        builder.load_refusals(Ontology.load())
