"""Loading landing files: set-based, idempotent, each file all or nothing, in batches."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb

from pipeline.config import Settings
from pipeline.ingest.load import connect, load_landing
from tests.landing import posting, write_landing


def rows(home: Path, sql: str):
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_loading_twice_adds_nothing(tmp_path):
    write_landing(tmp_path, "greenhouse", "r1", [posting("a/1"), posting("a/2")])
    first = load_landing(Settings(home=tmp_path))
    again = load_landing(Settings(home=tmp_path))
    assert [(r.rows_read, r.rows_inserted) for r in first] == [(2, 2)]
    assert [(r.skipped, r.rows_inserted, r.rows_known) for r in again] == [(True, 0, 2)]
    assert rows(tmp_path, "select count(*) from raw.postings") == [(2,)]
    assert rows(tmp_path, "select landed_file, rows_inserted from raw.load_ledger") == [
        ("landing/greenhouse/r1.jsonl.gz", 2)
    ]


def test_a_recrawl_adds_only_changed_postings(tmp_path):
    write_landing(tmp_path, "greenhouse", "r1", [posting("a/1"), posting("a/2")])
    load_landing(Settings(home=tmp_path))
    write_landing(
        tmp_path,
        "greenhouse",
        "r2",
        [
            posting("a/1", crawled_at="2026-02-01T00:00:00Z"),  # unchanged: known
            posting(
                "a/2", title="Senior ML Engineer", crawled_at="2026-02-01T00:00:00Z"
            ),  # changed
            posting("a/3", crawled_at="2026-02-01T00:00:00Z"),  # new
        ],
    )
    (second,) = [r for r in load_landing(Settings(home=tmp_path)) if not r.skipped]
    assert (second.rows_read, second.rows_inserted, second.rows_known) == (3, 2, 1)
    assert rows(tmp_path, "select source_id, count(*) from raw.postings group by 1 order by 1") == [
        ("a/1", 1),
        ("a/2", 2),
        ("a/3", 1),
    ]


def test_duplicate_keys_within_one_file_load_once(tmp_path):
    write_landing(tmp_path, "greenhouse", "r1", [posting("a/1"), posting("a/1")])
    (result,) = load_landing(Settings(home=tmp_path))
    assert (result.rows_read, result.rows_inserted) == (2, 1)


def test_the_first_crawl_of_a_repeated_version_is_kept_and_rows_without_a_time_load(tmp_path):
    late, early = posting("a/1", crawled_at="2026-03-01T00:00:00Z"), posting("a/1")
    untimed = [posting(f"b/{i}", crawled_at=None) for i in range(3)]
    write_landing(tmp_path, "greenhouse", "r1", [late, early, *untimed])
    (result,) = load_landing(Settings(home=tmp_path))
    assert (result.rows_read, result.rows_inserted) == (5, 4)
    assert rows(tmp_path, "select crawled_at from raw.postings where source_id = 'a/1'") == [
        ("2026-01-01T00:00:00Z",)
    ]
    assert rows(tmp_path, "select count(*) from raw.sightings") == [(4,)]


def test_files_loaded_in_one_batch_count_as_if_loaded_one_after_another(tmp_path):
    write_landing(tmp_path, "greenhouse", "r1", [posting("a/1"), posting("a/2")])
    later = "2026-02-01T00:00:00Z"
    write_landing(
        tmp_path,
        "greenhouse",
        "r2",
        [
            posting("a/1", crawled_at=later),  # the version of r1: known
            posting("a/2", title="Senior ML Engineer", crawled_at=later),  # changed
            posting("a/3", crawled_at=later),
            posting("a/3", crawled_at=later),  # listed twice
        ],
    )
    first, second = load_landing(Settings(home=tmp_path))  # two small files: one batch
    assert (first.rows_read, first.rows_inserted) == (2, 2)
    assert (second.rows_read, second.rows_inserted, second.rows_known) == (4, 2, 2)
    assert rows(
        tmp_path, "select source_id, landed_file from raw.postings order by source_id, run_id"
    ) == [
        ("a/1", "landing/greenhouse/r1.jsonl.gz"),
        ("a/2", "landing/greenhouse/r1.jsonl.gz"),
        ("a/2", "landing/greenhouse/r2.jsonl.gz"),
        ("a/3", "landing/greenhouse/r2.jsonl.gz"),
    ]
    assert rows(tmp_path, "select run_id, count(*) from raw.sightings group by 1 order by 1") == [
        ("r1", 2),
        ("r2", 3),
    ]
    assert rows(
        tmp_path, "select landed_file, rows_read, rows_inserted from raw.load_ledger order by 1"
    ) == [("landing/greenhouse/r1.jsonl.gz", 2, 2), ("landing/greenhouse/r2.jsonl.gz", 4, 2)]


def test_a_file_with_the_bytes_of_another_of_its_batch_is_skipped(tmp_path):
    path = write_landing(tmp_path, "greenhouse", "r1", [posting("a/1")])
    copy = path.with_name("r2.jsonl.gz")
    copy.write_bytes(path.read_bytes())
    first, second = load_landing(Settings(home=tmp_path))
    assert (first.rows_inserted, first.skipped) == (1, False)
    assert (second.rows_read, second.rows_inserted, second.skipped) == (1, 0, True)
    assert rows(tmp_path, "select count(*) from raw.postings") == [(1,)]


def test_a_bad_file_is_reported_and_leaves_nothing_half_written(tmp_path):
    bad = tmp_path / "landing" / "ashby" / "r1.jsonl.gz"
    bad.parent.mkdir(parents=True)
    with gzip.open(bad, "wt") as fh:
        fh.write(json.dumps(posting("b/1") | {"source": "ashby"}) + "\n")
        fh.write('{"source": "ashby", "source_id": "b/2", "remote": "not a boolean at all"}\n')
    write_landing(tmp_path, "greenhouse", "r1", [posting("a/1")])
    results = {r.source: r for r in load_landing(Settings(home=tmp_path))}
    assert results["ashby"].error and "ashby/r1.jsonl.gz" in results["ashby"].error
    assert results["greenhouse"].rows_inserted == 1
    assert rows(tmp_path, "select source, count(*) from raw.postings group by 1") == [
        ("greenhouse", 1)
    ]
    assert rows(tmp_path, "select count(*) from raw.load_ledger where source = 'ashby'") == [(0,)]
    # the two files were one batch: the good one loaded alone once the batch failed
    again = {r.source: r for r in load_landing(Settings(home=tmp_path))}
    assert again["greenhouse"].skipped and again["ashby"].error


def test_a_truncated_gzip_file_is_an_error_not_a_crash(tmp_path):
    path = write_landing(tmp_path, "greenhouse", "r1", [posting(f"a/{i}") for i in range(500)])
    path.write_bytes(path.read_bytes()[:-40])
    (result,) = load_landing(Settings(home=tmp_path))
    assert result.error
    assert rows(tmp_path, "select count(*) from raw.postings") == [(0,)]


def test_rejects_are_kept_with_their_reason(tmp_path):
    write_landing(
        tmp_path,
        "hackernews",
        "r1",
        [{"source": "hackernews", "url": "https://hn/1", "reason": "malformed JSON body"}],
        kind="rejects",
    )
    load_landing(Settings(home=tmp_path))
    load_landing(Settings(home=tmp_path))
    assert rows(tmp_path, "select source, reason from raw.rejects") == [
        ("hackernews", "malformed JSON body")
    ]


def test_partial_files_are_not_loaded(tmp_path):
    path = write_landing(tmp_path, "greenhouse", "r1", [posting("a/1")])
    path.rename(path.with_name(path.name + ".partial"))
    assert load_landing(Settings(home=tmp_path)) == []


def test_connect_creates_the_raw_schema(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        tables = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'raw'"
            ).fetchall()
        }
    # The posting tables, and one table per dataset of sources.toml, before any load.
    assert {"postings", "rejects", "load_ledger", "aijobs_salaries", "indeed_ai_share"} <= tables
