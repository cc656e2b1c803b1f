"""The Prefect run flow on fixture corpora: summary, idempotence, one source failing alone."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.run import run_pipeline
from pipeline.config import Settings


@pytest.fixture(scope="module", autouse=True)
def prefect_server():
    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture
def settings(tmp_path, fixture_corpus) -> Settings:
    """A run against the fixture boards, one of which is not recorded."""
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[ashby]\nboards = ["examplelabs"]\n'
        '[greenhouse]\nboards = ["examplecorp", "contentco"]\ncontent = ["contentco"]\n'
        '[broken]\nspider = "greenhouse"\nboards = ["notrecorded"]\n'
    )
    return Settings(home=tmp_path / "home", replay=fixture_corpus, sources_file=sources)


def count(home, sql):
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def run(settings: Settings, sources: list[str]):
    return run_pipeline(sources=sources, settings=settings, crawl_retry_delay=0, return_state=True)


def test_run_twice_on_fixtures(settings):
    home = settings.home
    state = run(settings, ["ashby", "greenhouse"])
    summary = state.result()
    assert state.is_completed() and summary.status == "ok"
    assert {r["source"]: (r["crawled"], r["new"]) for r in summary.rows()} == {
        "ashby": (2, 2),
        "greenhouse": (3, 3),
    }
    assert count(home, "select source, count(*) from postings group by 1 order by 1") == [
        ("ashby", 2),
        ("greenhouse", 3),
    ]

    # Nothing changed in the recordings: nothing is crawled or landed, and the run says why.
    again = run(settings, ["ashby", "greenhouse"]).result()
    rows = {r["source"]: r for r in again.rows()}
    assert {s: (r["status"], r["crawled"], r["new"]) for s, r in rows.items()} == {
        "ashby": ("ok", 0, 0),
        "greenhouse": ("ok", 0, 0),
    }
    assert all("recordings unchanged" in r["why"] for r in rows.values())
    assert "nothing new to build" in again.headline()
    assert count(home, "select count(*) from raw.postings") == [(5,)]

    # A full run crawls again and finds every posting already known: still no duplicate row.
    full = dataclasses.replace(settings, full=True)
    third = run(full, ["ashby", "greenhouse"]).result()
    assert {r["source"]: (r["new"], r["known"]) for r in third.rows()} == {
        "ashby": (0, 2),
        "greenhouse": (0, 3),
    }
    assert count(home, "select count(*) from raw.postings") == [(5,)]


def test_one_failing_source_leaves_a_partial_run(settings):
    home = settings.home
    state = run(settings, ["ashby", "broken"])
    summary = state.result()
    assert summary.status == "partial"
    by_source = {r["source"]: r for r in summary.rows()}
    assert by_source["ashby"]["status"] == "ok"
    assert by_source["broken"]["status"] == "failed"
    assert "not recorded" in by_source["broken"]["why"]
    assert count(home, "select source, count(*) from postings group by 1") == [("ashby", 2)]
