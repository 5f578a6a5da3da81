"""The `gestae` command line: formats, the store, exit codes and `explain`."""

from __future__ import annotations

import csv
import inspect
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from gestae import __version__
from gestae.cli.app import app
from tests.conftest import ROOT

ARTICLES = [
    {
        "id": "moscow",
        "text": "Russian police arrested dozens of protesters in Moscow on Saturday.",
        "published": "2024-03-04",
    },
    {
        "id": "border",
        "text": "Turkish troops attacked Kurdish rebels near the Syrian border on Tuesday.",
        "published": "2024-03-04",
    },
]
EXPECTED = {("moscow", "COERCE", "RUS"), ("border", "ASSAULT", "TUR")}


def _runner() -> CliRunner:
    # Older Typer runners (Click's, before 8.2) mix stderr into stdout unless told not to;
    # Typer's own runner always keeps them apart and has no such option.
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    return CliRunner()


def _run(*args: str) -> Result:
    # A wide terminal so rich tables do not fold the words the tests look for.
    return _runner().invoke(app, list(args), env={"COLUMNS": "200"})


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _summary(records: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(r["article_id"], r["event_type"], r["source"]["country"]) for r in records}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_code_jsonl_ids_are_stable(articles: Path) -> None:
    first = _run("code", str(articles))
    assert first.exit_code == 0, first.stderr
    records = _jsonl(first.stdout)
    assert _summary(records) == EXPECTED
    assert all(r["published"] == "2024-03-04" for r in records)
    assert len({r["id"] for r in records}) == len(records)

    # Another process, with another string-hash seed, gives the same ids and records.
    second = subprocess.run(
        [sys.executable, "-m", "gestae", "code", str(articles), "--format", "jsonl"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "4242"},
        timeout=120,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert [r["id"] for r in _jsonl(second.stdout)] == [r["id"] for r in records]
    assert _jsonl(second.stdout) == records


def test_code_csv_to_file(articles: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = _run("code", str(articles), "--format", "csv", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # everything went to the file
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {(r["article_id"], r["event_type"], r["source_country"]) for r in rows} == EXPECTED
    moscow = next(r for r in rows if r["article_id"] == "moscow")
    assert (moscow["location_name"], moscow["date"]) == ("Moscow", "2024-03-02")


def test_code_table(articles: Path) -> None:
    result = _run("code", str(articles), "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "2 events from 2 articles" in result.stdout
    coerce = next(line for line in result.stdout.splitlines() if "COERCE" in line)
    assert "RUS COP" in coerce
    assert "Moscow (RUS)" in coerce
    assert "ASSAULT" in result.stdout


def test_db_then_events_and_no_duplicates(articles: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    first = _run("code", str(articles), "--db", str(db))
    again = _run("code", str(articles), "--db", str(db))
    listed = _run("events", "--db", str(db), "--format", "jsonl")
    assert first.exit_code == again.exit_code == listed.exit_code == 0, listed.stderr
    coded_ids = sorted(r["id"] for r in _jsonl(first.stdout))
    assert len(coded_ids) == 2
    assert f"stored in {db}: 2 articles, 2 events" in first.stderr
    assert f"stored in {db}: 2 articles, 2 events" in again.stderr  # replaced, not added
    stored = _jsonl(listed.stdout)
    assert sorted(r["id"] for r in stored) == coded_ids
    assert stored == sorted(_jsonl(again.stdout), key=lambda r: (r["article_id"], r["id"]))


def test_bad_line_is_reported_and_the_rest_coded(tmp_path: Path) -> None:
    path = tmp_path / "partly.jsonl"
    path.write_text(
        json.dumps(ARTICLES[0])
        + "\n"
        + '{"id": "broken", "text": \n'
        # A reason that quotes rich markup must be printed as text, not crash the run.
        + json.dumps({"id": "odd", "text": "Talks resumed.", "published": "[/draft]"})
        + "\n",
        encoding="utf-8",
    )
    result = _run("code", str(path))
    assert result.exit_code == 1
    assert f"{path}:2: skipped: invalid JSON" in result.stderr
    # An unusable date costs the date, not the article (docs/input.md).
    assert f"{path}:3: warning: published '[/draft]'" in result.stderr
    assert "2 article(s) coded; 1 input(s) skipped (1 malformed); 1 warning(s)" in result.stderr
    assert [(r["article_id"], r["event_type"]) for r in _jsonl(result.stdout)] == [
        ("moscow", "COERCE")
    ]


def test_nothing_to_do_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "absent.jsonl"
    coded = _run("code", str(missing))
    assert coded.exit_code == 2
    assert f"{missing}: skipped: no such file or directory" in coded.stderr
    assert coded.stdout == ""

    listed = _run("events", "--db", str(tmp_path / "absent.duckdb"))
    assert listed.exit_code == 2
    assert "no event store at" in listed.stderr
    assert not (tmp_path / "absent.duckdb").exists()


def test_explain_shows_parse_and_event() -> None:
    result = _run(
        "explain", "Iran refused to meet the American envoy.", "--published", "2024-05-01"
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Parse" in out
    assert "Actors" in out
    refused = next(line for line in out.splitlines() if " refused " in line)
    assert "refuse" in refused  # the lemma column
    assert "VERB" in refused
    event = next(line for line in out.splitlines() if line.startswith("REJECT "))
    assert "[trigger.lexicon] 'refused' -> entry 'refuse" in event
    assert "2024-05-01*" in out  # no date in the sentence: the publication date, starred
    assert "IRN" in out


def test_python_m_gestae_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gestae", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"gestae {__version__}"


def test_actor_command_explains_the_resolution() -> None:
    result = _run("actor", "Prime Minister Boris Johnson", "--date", "2021-11-28", "--json")
    assert result.exit_code == 0, result.stderr
    (found,) = json.loads(result.stdout)
    assert (found["country"], found["sector"], found["name"]) == ("GBR", "GOV", "Boris Johnson")
    assert "Prime Minister" in found["rule"]
    later = json.loads(_run("actor", "Boris Johnson", "--date", "2023-06-01", "--json").stdout)
    assert later[0]["sector"] == "ELI" and "former" in later[0]["rule"]


def test_actor_command_with_a_user_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "local.yaml"
    extra.write_text(
        "organizations:\n"
        "  - {name: Valley Defence Brigade, aliases: [VDB], country: COL, sector: REB,"
        " kind: group}\n",
        encoding="utf-8",
    )
    unknown = _run("actor", "the Valley Defence Brigade", "--json")
    assert json.loads(unknown.stdout) == [] or json.loads(unknown.stdout)[0]["country"] is None
    result = _run("actor", "the Valley Defence Brigade", "--actors", str(extra), "--json")
    assert result.exit_code == 0, result.stderr
    (found,) = json.loads(result.stdout)
    assert (found["country"], found["sector"]) == ("COL", "REB")
    bad = tmp_path / "bad.yaml"
    bad.write_text("organizations:\n  - {name: X, country: XYZ, sector: REB}\n", encoding="utf-8")
    failed = _run("actor", "X", "--actors", str(bad))
    assert failed.exit_code == 2 and "bad.yaml" in failed.stderr


def test_explain_in_80_columns_shows_every_word_and_why_a_trigger_was_dropped() -> None:
    """Issue 14: in an 80-column window or a pipe the parse table cut words ("trigg…"), and a
    trigger that matched but coded nothing did not say why."""
    import io

    from rich.console import Console

    from gestae.cli.explain import explain_text

    console = Console(file=io.StringIO(), width=80)
    explain_text(
        "Did the rebels shell the village? Kenya accused Uganda of arming them.",
        None,
        None,
        console,
    )
    assert isinstance(console.file, io.StringIO)
    out = console.file.getvalue()
    assert "…" not in out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "Triggers" in out and "'shell' (verb)" in out
    dropped = out[out.index("Matched but not coded") :]
    assert re.search(r"\d+ shell\s+│ suppress\.question", dropped)
    assert "publication date" not in out  # no row takes its date from a publication


def test_explain_says_why_a_kept_trigger_gives_no_record() -> None:
    """A violent act with no actor and no place that names a country passes every suppression
    rule and still gives no record; explain must say so rather than print nothing."""
    import io

    from rich.console import Console

    from gestae.cli.explain import explain_text

    console = Console(file=io.StringIO(), width=100)
    explain_text("The raid happened at dawn.", None, None, console)
    assert isinstance(console.file, io.StringIO)
    out = console.file.getvalue()
    dropped = out[out.index("Matched but not coded") :]
    assert "(record builder)" in dropped and "no participant" in dropped

    console = Console(file=io.StringIO(), width=100)
    explain_text("Kenyan police raided the camp near Nairobi.", None, None, console)
    assert isinstance(console.file, io.StringIO)
    assert "(record builder)" not in console.file.getvalue()  # coded: nothing to explain


@pytest.mark.parametrize("option", ["--rejects", "--output"])
def test_code_refuses_to_write_into_its_input_folder(tmp_path: Path, option: str) -> None:
    """Writing DIR/x.jsonl while reading DIR would read its own output and never end."""
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "a", "text": "Kenya recalled its ambassador from Uganda."}) + "\n",
        encoding="utf-8",
    )
    result = _runner().invoke(app, ["code", str(tmp_path), option, str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2
    assert "lies in the input" in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_serve_takes_the_model_and_actor_files_of_code() -> None:
    """Pasted and watched text must be coded with the same model and actors as `gestae code`."""
    result = _run("serve", "--help")
    assert "--model" in result.stdout
    assert "--actors" in result.stdout
