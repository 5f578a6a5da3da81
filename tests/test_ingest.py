"""Ingest: unchanged articles are skipped before parsing, changed ones re-coded and replaced,
clusters follow every chunk; `gestae check` catches damaged stores; a second writer gets a clear
error or waits; and a SIGKILLed `gestae ingest` loses nothing when restarted."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

import gestae.store.cluster
import gestae.store.database
from gestae.cli.app import app
from gestae.engine.config import CoderConfig
from gestae.input.read import Rejection, read_inputs
from gestae.run.ingest import Ingester, Outcome, count_articles, progress_bar
from gestae.schema import Actor, Article, EventDate, EventRecord, Trigger
from gestae.store.database import EventStore
from gestae.store.integrity import check_store
from gestae.store.migrations import V1_SCHEMA
from tests.conftest import ROOT

VERBS = {"accused": ("ACCUSE", "112", 2), "met": ("CONSULT", "040", 1)}


def _records(article: Article) -> list[EventRecord]:
    """A stand-in coder: each sentence "AAA verb BBB." is one event of AAA towards BBB."""
    records: list[EventRecord] = []
    offset = 0
    for index, sentence in enumerate(article.text.split(". ")):
        start = article.text.index(sentence, offset)
        offset = start + len(sentence)
        words = sentence.rstrip(".").split()
        if len(words) != 3 or words[1] not in VERBS:
            continue
        event_type, cameo, quad = VERBS[words[1]]
        when = article.published.isoformat() if article.published else None
        trigger_at = start + len(words[0]) + 1
        ident = hashlib.sha1(f"{article.id}|{index}|{sentence}".encode()).hexdigest()[:20]
        records.append(
            EventRecord(
                id=ident,
                article_id=article.id,
                published=when,
                sentence_index=index,
                sentence=sentence,
                event_type=event_type,
                mode=None,
                contexts=[],
                cameo=cameo,
                quad_class=quad,
                intensity=None,
                goldstein=None,
                source=Actor(
                    text=words[0],
                    start=start,
                    end=start + 3,
                    country=words[0],
                    sector="GOV",
                    name=None,
                    kind="state",
                ),
                target=Actor(
                    text=words[2],
                    start=offset - 3,
                    end=offset,
                    country=words[2],
                    sector="GOV",
                    name=None,
                    kind="state",
                ),
                trigger=Trigger(text=words[1], start=trigger_at, end=trigger_at + len(words[1])),
                date=EventDate(
                    value=when,
                    end=None,
                    granularity="day" if when else None,
                    text=None,
                    basis="publication",
                ),
                location=None,
                negated=False,
                modality="asserted",
                reported_by=None,
                fatalities=None,
                injured=None,
                confidence=0.8,
                explanation="test coder",
            )
        )
    return records


@dataclass
class _Coded:
    article: Article
    records: list[EventRecord]


class FakeCoder:
    """Records every article it is asked to parse."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def code_many(self, articles: Iterable[Article]) -> Iterator[_Coded]:
        for article in articles:
            self.parsed.append(article.id)
            yield _Coded(article, _records(article))


def _article(ident: str, text: str, day: int = 4) -> Article:
    return Article(id=ident, text=text, published=date(2024, 3, day), source=f"outlet-{ident}")


ARTICLES = [
    _article("a1", "FRA accused GBR. DEU met ITA."),
    _article("a2", "GBR accused FRA."),
    _article("a3", "USA met CHN. CHN accused USA.", day=5),
]


def _ingest(
    store: EventStore,
    items: Iterable[Article | Rejection],
    coder: FakeCoder | None = None,
    config: str = "cfg",
    chunk_size: int = 128,
) -> tuple[Ingester, list[Outcome], FakeCoder]:
    coder = coder or FakeCoder()
    ingester = Ingester(store, coder.code_many, config, chunk_size=chunk_size)
    return ingester, list(ingester.run(items)), coder


def _stored(store: EventStore) -> dict[str, list[dict[str, Any]]]:
    ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    return {i: store.article_records(i) for i in ids}


def test_unchanged_articles_are_skipped_without_parsing(tmp_path: Path) -> None:
    with EventStore(tmp_path / "s.duckdb") as store:
        first, outcomes, coder = _ingest(store, ARTICLES)
        assert coder.parsed == ["a1", "a2", "a3"]
        assert [o.status for o in outcomes] == ["coded"] * 3
        assert (first.stats.coded, first.stats.events, first.stats.clustered) == (3, 5, 3)
        before = _stored(store)

        again, outcomes, coder = _ingest(store, ARTICLES)
        assert coder.parsed == []  # filtered before the coder ever saw them
        assert [(o.article.id, o.status, o.records) for o in outcomes] == [
            ("a1", "skipped", None),
            ("a2", "skipped", None),
            ("a3", "skipped", None),
        ]
        assert (again.stats.skipped, again.stats.coded, again.stats.events) == (3, 0, 0)
        assert _stored(store) == before
        assert "0 coded, 3 skipped (unchanged), 0 re-coded, 0 rejected" in again.stats.summary()


def test_changed_text_settings_or_version_recode_and_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with EventStore(tmp_path / "s.duckdb") as store:
        _ingest(store, ARTICLES)
        old_ids = {r["id"] for r in store.article_records("a1")}
        edited = _article("a1", "FRA met GBR.")
        mixed = [edited, ARTICLES[1], ARTICLES[2]]
        ingester, outcomes, coder = _ingest(store, mixed)
        assert coder.parsed == ["a1"]
        assert [o.status for o in outcomes] == ["recoded", "skipped", "skipped"]
        assert ingester.stats.recoded == 1
        records = store.article_records("a1")
        assert [r["event_type"] for r in records] == ["CONSULT"]
        assert not old_ids & {r["id"] for r in records}  # the old events are gone
        assert store.counts() == (3, 4)

        _, outcomes, coder = _ingest(store, mixed, config="other-settings")
        assert coder.parsed == ["a1", "a2", "a3"]
        assert {o.status for o in outcomes} == {"recoded"}

        monkeypatch.setattr(gestae.store.database, "__version__", "99.0.0")
        _, outcomes, coder = _ingest(store, mixed, config="other-settings")
        assert coder.parsed == ["a1", "a2", "a3"]
        assert store.counts() == (3, 4)


def test_outcomes_keep_input_order_and_count_rejections(tmp_path: Path) -> None:
    with EventStore(tmp_path / "s.duckdb") as store:
        _ingest(store, [ARTICLES[1]])
        bad = Rejection("feed.jsonl", 2, "invalid JSON")
        items: list[Article | Rejection] = [ARTICLES[0], bad, ARTICLES[1], ARTICLES[2]]
        ingester, outcomes, coder = _ingest(store, items, chunk_size=3)
        assert coder.parsed == ["a1", "a3"]
        assert [(o.article.id, o.status) for o in outcomes] == [
            ("a1", "coded"),
            ("a2", "skipped"),
            ("a3", "coded"),
        ]
        assert ingester.stats.rejected == 1
        assert ingester.stats.stored == 3


def test_an_article_the_coder_drops_is_counted_not_stored(tmp_path: Path) -> None:
    class Dropping(FakeCoder):
        def code_many(self, articles: Iterable[Article]) -> Iterator[_Coded]:
            return (c for c in super().code_many(articles) if c.article.id != "a2")

    with EventStore(tmp_path / "s.duckdb") as store:
        ingester, outcomes, _ = _ingest(store, ARTICLES, coder=Dropping())
        assert [o.article.id for o in outcomes] == ["a1", "a3"]
        assert (ingester.stats.coded, ingester.stats.failed) == (2, 1)
        assert "1 failed in the coder" in ingester.stats.summary()
        assert store.counts() == (2, 4)


def test_clusters_follow_each_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = gestae.store.cluster.update_clusters

    def spy(con: duckdb.DuckDBPyConnection, ids: Any = None) -> Any:
        calls.append(list(ids or []))
        return real(con, ids)

    monkeypatch.setattr(gestae.store.cluster, "update_clusters", spy)
    path = tmp_path / "s.duckdb"
    extra = [_article("a4", "GBR accused FRA.", day=4), _article("a5", "ITA met DEU.")]
    with EventStore(path) as store:
        _ingest(store, [*ARTICLES, *extra], chunk_size=2)
        assert calls == [["a1", "a2"], ["a3", "a4"], ["a5"]]
        linked = store.con.execute(
            "SELECT count(*), count(DISTINCT cluster_id) FROM cluster_events"
        ).fetchall()
        # every event is linked once; a2 and a4 report the same GBR->FRA accusation
        assert linked == [(7, 6)]
        assert store.unclustered() == []
    assert check_store(path).sound


def test_a_run_stopped_before_clustering_is_finished_by_the_next(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with EventStore(path) as store:
        _ingest(store, ARTICLES)
        # As if a run was killed after writing the re-coded a1 but before clustering it:
        # its old events are gone and their cluster links are stale until the next run.
        edited = _article("a1", "FRA met GBR.")
        store.write(edited, _records(edited), "cfg")
    report = check_store(path)
    assert report.sound, report.problems  # stale links of unclustered articles are expected
    assert report.notes and "1 articles are stored but not yet clustered" in report.notes[0]
    with EventStore(path) as store:
        ingester, outcomes, coder = _ingest(store, [edited])
        assert coder.parsed == [] and outcomes[0].status == "skipped"
        assert ingester.stats.clustered == 1  # the leftover, clustered first
        assert store.unclustered() == []
    report = check_store(path)
    assert report.sound and not report.notes


def test_fingerprint_follows_settings_and_dictionaries(tmp_path: Path) -> None:
    extra = tmp_path / "actors.yaml"
    extra.write_text("persons: []\n", encoding="utf-8")
    base = CoderConfig()
    assert base.fingerprint() == CoderConfig().fingerprint()
    variants = [
        CoderConfig(include_negated=True),
        CoderConfig(include_incidents=False),
        CoderConfig(model="en_core_web_md"),
        CoderConfig(actor_files=(extra,)),
        CoderConfig(prefilter=False),
    ]
    prints = {base.fingerprint(), *(v.fingerprint() for v in variants)}
    assert len(prints) == 6
    before = CoderConfig(actor_files=(extra,)).fingerprint()
    extra.write_text("persons: [{name: Someone}]\n", encoding="utf-8")
    assert CoderConfig(actor_files=(extra,)).fingerprint() != before


def test_count_articles_for_the_eta(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": 1}\n{"id": 2}\n{"id": 3}', encoding="utf-8")  # no final newline
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "a.txt").write_text("One.", encoding="utf-8")
    (folder / "b.txt").write_text("Two.", encoding="utf-8")
    (folder / "c.jsonl").write_text('{"id": 1}\n{"id": 2}\n', encoding="utf-8")
    assert count_articles([str(feed)]) == 3
    assert count_articles([str(feed), str(folder)]) == 7
    assert count_articles([str(feed), "-"]) is None  # stdin: no total, so no ETA


def test_progress_bar_on_a_terminal_only() -> None:
    terminal = io.StringIO()
    console = Console(file=terminal, force_terminal=True, width=120)
    with progress_bar(console, 4) as progress:
        task = progress.add_task("ingesting", total=4)
        for _ in range(4):
            progress.advance(task)
            time.sleep(0.02)
        progress.refresh()
    shown = terminal.getvalue()
    assert "articles/s" in shown and "4/4" in shown

    pipe = io.StringIO()
    with progress_bar(Console(file=pipe, width=120), None) as progress:
        progress.advance(progress.add_task("ingesting", total=None))
    assert pipe.getvalue() == ""


# ---- the command line, with the real coder -------------------------------------------------

WIRE = [
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


def _runner() -> CliRunner:
    import inspect

    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    return CliRunner()


def _run(*args: str) -> Result:
    return _runner().invoke(app, list(args), env={"COLUMNS": "200"})


def _said(text: str) -> str:
    """Rich folds long lines on stderr; compare words, not line breaks."""
    return " ".join(text.split())


def test_ingest_command_is_idempotent(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    feed.write_text(
        "\n".join(json.dumps(a) for a in WIRE) + '\n{"id": "broken", "text": \n', encoding="utf-8"
    )
    db = tmp_path / "wire.duckdb"
    first = _run("ingest", str(feed), "--db", str(db))
    assert first.exit_code == 1, first.stderr  # one line rejected
    assert "2 coded, 0 skipped (unchanged), 0 re-coded, 1 rejected" in _said(first.stderr)
    assert f"{feed}:3: skipped: " in _said(first.stderr)
    again = _run("ingest", str(feed), "--db", str(db))
    assert "0 coded, 2 skipped (unchanged), 0 re-coded, 1 rejected" in _said(again.stderr)
    assert "0 events written" in _said(again.stderr)

    checked = _run("check", "--db", str(db))
    assert checked.exit_code == 0, checked.stdout
    assert f"{db} is sound: schema version 3, 2 articles, 2 events" in checked.stdout
    with EventStore(db, read_only=True) as store:
        texts = store.con.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    assert texts == [("border", WIRE[1]["text"]), ("moscow", WIRE[0]["text"])]


def test_migrate_command_and_read_only_refusal(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(V1_SCHEMA)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    listed = _run("events", "--db", str(db))
    assert listed.exit_code == 2
    assert f"gestae migrate --db {db}" in _said(listed.stderr)
    migrated = _run("migrate", "--db", str(db))
    assert migrated.exit_code == 0, migrated.stderr
    assert "from schema version 1 to 3" in migrated.stdout
    assert "already at schema version 3" in _run("migrate", "--db", str(db)).stdout
    assert _run("events", "--db", str(db)).exit_code == 0
    missing = _run("migrate", "--db", str(tmp_path / "absent.duckdb"))
    assert missing.exit_code == 2 and "no event store at" in _said(missing.stderr)
    assert not (tmp_path / "absent.duckdb").exists()


# ---- gestae check on damaged stores ------------------------------------------------------


@pytest.fixture
def sound_store(tmp_path: Path) -> Path:
    path = tmp_path / "sound.duckdb"
    with EventStore(path) as store:
        _ingest(store, ARTICLES)
    return path


EVENT_A1 = "SELECT id FROM events WHERE article_id = 'a1' ORDER BY sentence_index LIMIT 1"
CORRUPTIONS: dict[str, tuple[list[str], str]] = {
    "n_events": (
        ["UPDATE articles SET n_events = 5 WHERE id = 'a2'"],
        "articles whose n_events differs from their stored events: a2 (n_events 5, stored 1)",
    ),
    "orphan": (["DELETE FROM articles WHERE id = 'a2'"], "events without an article"),
    "duplicate": (
        [
            "CREATE TABLE loose AS SELECT * FROM events",
            "DROP TABLE events",
            "ALTER TABLE loose RENAME TO events",
            f"INSERT INTO events SELECT * FROM events WHERE id = ({EVENT_A1})",
        ],
        "1 duplicate event ids",
    ),
    "bad json": (
        [
            "ALTER TABLE events ALTER COLUMN record TYPE VARCHAR",
            f'UPDATE events SET record = \'{{"id": "trunc\' WHERE id = ({EVENT_A1})',
        ],
        "1 events whose record is not a JSON object",
    ),
    "record of another event": (
        [
            f'UPDATE events SET record = \'{{"id": "x", "article_id": "a1"}}\' WHERE id = ({EVENT_A1})'
        ],
        "1 events whose record names another id or article",
    ),
    "text edited": (
        ["UPDATE articles SET text = 'edited by hand' WHERE id = 'a3'"],
        "1 articles whose text does not match their text_hash: a3",
    ),
    "dangling link": (
        [
            "CREATE TABLE doomed AS " + EVENT_A1,
            "DELETE FROM events WHERE id IN (SELECT id FROM doomed)",
            "UPDATE articles SET n_events = n_events - 1 WHERE id = 'a1'",
        ],
        "1 cluster links to missing events",
    ),
    "missing cluster": (
        ["DELETE FROM clusters WHERE id = (SELECT min(cluster_id) FROM cluster_events)"],
        "cluster links to missing clusters",
    ),
    "unlinked event": (
        [f"DELETE FROM cluster_events WHERE event_id = ({EVENT_A1})"],
        "1 events of clustered articles in no cluster",
    ),
    "schema drift": (
        ["ALTER TABLE articles DROP COLUMN language"],
        "table articles differs from schema version 3: language VARCHAR missing",
    ),
    "old version": (
        ["UPDATE meta SET value = '1' WHERE key = 'schema_version'"],
        "schema version 1 is older than 3",
    ),
}


def test_check_passes_a_sound_store(sound_store: Path) -> None:
    result = _run("check", "--db", str(sound_store))
    assert result.exit_code == 0
    assert "is sound: schema version 3, 3 articles, 5 events, " in result.stdout


@pytest.mark.parametrize("damage", sorted(CORRUPTIONS))
def test_check_catches_damage(sound_store: Path, damage: str) -> None:
    statements, expected = CORRUPTIONS[damage]
    con = duckdb.connect(str(sound_store))
    for statement in statements:
        con.execute(statement)
    con.close()
    report = check_store(sound_store)
    assert any(expected in problem for problem in report.problems), report.problems
    result = _run("check", "--db", str(sound_store))
    assert result.exit_code == 2
    assert "problem(s):" in result.stdout and expected in result.stdout


# ---- two processes, and kill/restart ----------------------------------------------------


def _gestae(*args: str, **kwargs: Any) -> subprocess.Popen[str]:
    # A wide COLUMNS: Rich would otherwise fold the messages the tests look for.
    return subprocess.Popen(
        [sys.executable, "-m", "gestae", *args],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "1000"},
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


def _reap(proc: subprocess.Popen[str] | None) -> None:
    if proc is None:
        return
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


def test_second_writer_fails_clearly_or_waits(tmp_path: Path) -> None:
    db = tmp_path / "shared.duckdb"
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps(WIRE[1]) + "\n", encoding="utf-8")
    same = tmp_path / "same.jsonl"  # what the holder will store: the waiter needs no model
    same.write_text(json.dumps(WIRE[0]) + "\n", encoding="utf-8")
    # A real `gestae ingest` reading stdin: it holds the store while it waits for input.
    holder = _gestae("ingest", "-", "--db", str(db), stdin=subprocess.PIPE)
    second = waiter = None
    try:
        deadline = time.monotonic() + 60
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # let it take the lock after creating the file
        second = _gestae("ingest", str(later), "--db", str(db))
        _, stderr = second.communicate(timeout=120)
        assert second.returncode == 2
        assert f"the store {db} is in use by another gestae process (PID {holder.pid})" in stderr
        assert "--wait SECONDS" in stderr

        waiter = _gestae("ingest", str(same), "--db", str(db), "--wait", "120")
        assert waiter.stderr is not None
        first_line = waiter.stderr.readline()  # blocks until the waiter says it waits
        assert f"is in use by another gestae process (PID {holder.pid}); waiting" in first_line
        # the waiter is waiting; now the holder gets its article and finishes
        assert holder.stdin is not None
        holder.stdin.write(json.dumps(WIRE[0]) + "\n")
        holder.stdin.close()
        assert holder.wait(timeout=120) == 0
        assert waiter.wait(timeout=120) == 0
        said = " ".join(waiter.stderr.read().split())
        assert "0 coded, 1 skipped (unchanged)" in said  # it ran after the holder had finished
    finally:
        for proc in (holder, second, waiter):
            _reap(proc)
    with EventStore(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == ["moscow"]
    assert check_store(db).sound


STATES = [
    ("Russian", "Russia", "Moscow"),
    ("Turkish", "Turkey", "Ankara"),
    ("French", "France", "Paris"),
    ("German", "Germany", "Berlin"),
    ("Japanese", "Japan", "Tokyo"),
    ("Iranian", "Iran", "Tehran"),
    ("Egyptian", "Egypt", "Cairo"),
    ("Kenyan", "Kenya", "Nairobi"),
]
TEMPLATES = [
    "{a} police arrested {n} protesters in {cap} on {day}.",
    "The {a} government accused {o} of violating its airspace.",
    "{a} troops attacked rebels near the {oa} border on {day}.",
    "The {a} foreign minister met his {oa} counterpart in {cap}.",
    "{c} threatened to impose sanctions on {o}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _corpus(path: Path, n: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            sentences = []
            for _ in range(2):
                a, c, cap = rng.choice(STATES)
                oa, o, _ = rng.choice([s for s in STATES if s[1] != c])
                template = rng.choice(TEMPLATES)
                sentences.append(
                    template.format(
                        a=a, c=c, cap=cap, o=o, oa=oa, n=rng.randint(5, 90), day=rng.choice(DAYS)
                    )
                )
            row = {"id": f"k{i:03d}", "text": " ".join(sentences)}
            row["published"] = f"2024-{1 + i % 9:02d}-{10 + i % 10}"
            out.write(json.dumps(row) + "\n")


def _wal_size(db: Path) -> int:
    wal = db.with_name(db.name + ".wal")
    return wal.stat().st_size if wal.exists() else 0


def _wait_for_writes(proc: subprocess.Popen[str], db: Path, baseline: int) -> bool:
    """Until this process commits something (the WAL grows); False if it ended first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        size = _wal_size(db)
        if size > baseline:
            return True
        baseline = min(baseline, size)
        time.sleep(0.02)
    raise AssertionError("gestae ingest wrote nothing for 120 s")


KILL_ROUNDS = 3
KILL_CORPUS = 120


def test_sigkill_and_restart_lose_nothing(tmp_path: Path, coder: Any) -> None:
    rng = random.Random(int(os.environ.get("GESTAE_KILL_SEED", "20240304")))
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, KILL_CORPUS, rng)
    db = tmp_path / "killed.duckdb"
    EventStore(db).close()  # an empty store, so the WAL grows only once articles are written

    rounds: list[int] = []  # articles stored after each kill
    finished = False
    while not finished:
        proc = _gestae("ingest", str(corpus), "--db", str(db), "--batch-size", "4")
        if len(rounds) < KILL_ROUNDS and _wait_for_writes(proc, db, _wal_size(db)):
            time.sleep(rng.uniform(0.0, 0.4))  # a random point after the first write
        if len(rounds) < KILL_ROUNDS and proc.poll() is None:
            proc.kill()
            proc.communicate()
            report = check_store(db)  # even right after the kill: no half-written article
            assert report.sound, report.problems
            rounds.append(report.articles)
        else:
            _, stderr = proc.communicate(timeout=300)
            assert proc.returncode == 0, stderr
            finished = True
    interrupted = [n for n in rounds if 0 < n < KILL_CORPUS]
    print(f"\nkill/restart rounds survived: {len(rounds)}; articles stored at each kill: {rounds}")
    assert len(interrupted) >= 2, rounds  # the kills really landed mid-run

    # The reference: the same articles coded in one uninterrupted pass.
    articles = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    expected = {c.article.id: [r.to_dict() for r in c.records] for c in coder.code_many(articles)}
    report = check_store(db)
    assert report.sound and not report.notes, (report.problems, report.notes)
    with EventStore(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()]
        assert sorted(ids) == sorted(expected)  # every article exactly once
        stored = {i: store.article_records(i) for i in ids}
        assert store.counts() == (KILL_CORPUS, sum(len(v) for v in expected.values()))
    for article_id, records in expected.items():
        assert sorted(stored[article_id], key=_order) == sorted(records, key=_order), article_id


def _order(record: dict[str, Any]) -> tuple[int, str]:
    return record["sentence_index"], record["id"]


def test_the_summary_is_one_line_in_a_pipe(tmp_path: Path) -> None:
    """Issue 14: piped, the summary broke mid-phrase at 80 columns; a log reader or grep needs
    each summary on one line, whatever the terminal width."""
    feed = tmp_path / "a-feed-with-a-name-long-enough-to-push-the-summary-past-eighty.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in WIRE) + "\n", encoding="utf-8")
    db = tmp_path / "a-store-with-a-long-name-as-stores-on-a-shared-disk-have.duckdb"
    result = _runner().invoke(app, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "coded," in line]
    assert len(lines) == 1 and lines[0].endswith("articles clustered"), result.stderr
