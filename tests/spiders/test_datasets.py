"""The datasets spider lands whole files; the loader loads them as snapshots."""

from __future__ import annotations

import csv
import hashlib
import io
import sqlite3

import duckdb

from pipeline.config import Settings, dataset_specs
from pipeline.ingest.load import load_landing
from tests.conftest import landed, run_spider


def test_corpus_datasets_land_byte_for_byte_and_load_once(tmp_path, corpus, corpus_path):
    result = run_spider("datasets", tmp_path, corpus_path)
    assert result.status == "ok", result.reason
    files = {f["name"]: f for f in landed(tmp_path, "datasets")}
    assert set(files) == set(dataset_specs())
    for name, spec in dataset_specs().items():
        recorded = corpus.get(spec["url"]).body()
        assert files[name]["sha256"] == hashlib.sha256(recorded).hexdigest()
        assert (
            tmp_path / "landing" / "datasets" / "test-run" / f"{name}.{spec['format']}"
        ).read_bytes() == recorded

    warehouse = tmp_path / "warehouse.duckdb"
    first = {r.landed_file.rsplit("/", 1)[1]: r for r in load_landing(Settings(home=tmp_path))}
    salaries = corpus.get(dataset_specs()["aijobs_salaries"]["url"]).body().decode()
    expected_rows = len(list(csv.DictReader(io.StringIO(salaries))))
    assert first["aijobs_salaries.csv"].rows_inserted == expected_rows == 74_301
    assert first["hn_structured_jobs.sqlite"].rows_inserted == 10_242
    again = load_landing(Settings(home=tmp_path))
    assert all(r.skipped for r in again)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.aijobs_salaries").fetchone() == (74_301,)


def test_sqlite_dataset_loads_every_column_as_text(tmp_path):
    folder = tmp_path / "landing" / "datasets" / "r1"
    folder.mkdir(parents=True)
    db = sqlite3.connect(folder / "hn_structured_jobs.sqlite")
    db.execute("create table jobs (post_link_id text primary key, post_date text, salary text)")
    db.executemany(
        "insert into jobs values (?, ?, ?)",
        [("1", "2025-01-01T00:00:00", None), ("2", "2025-02-01T00:00:00", "$150k")],
    )
    db.commit()
    db.close()
    (result,) = load_landing(Settings(home=tmp_path))
    assert (result.rows_inserted, result.error) == (2, None)
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        got = con.execute(
            "select post_link_id, salary from raw.hn_structured_jobs order by 1"
        ).fetchall()
    assert got == [("1", None), ("2", "$150k")]


def test_unknown_dataset_name_is_an_error_in_the_log(tmp_path, fixture_corpus):
    result = run_spider("datasets", tmp_path, fixture_corpus, names="no_such_dataset")
    assert result.status == "failed"
    assert (
        "no dataset 'no_such_dataset'"
        in (tmp_path / "logs" / "test-run" / "datasets.log").read_text()
    )
