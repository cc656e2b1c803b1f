"""Users query the warehouse while runs write it: neither waits for nor breaks the other.

Each test starts a real writer (`jobtrends build`, `jobtrends load`) and real readers
(`jobtrends sql`, `jobtrends report`, a `sql` prompt) as the processes a user would start.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from pipeline.config import Settings
from pipeline.ingest.publish import writer_lock
from tests.e2e.cli import jobtrends, start
from tests.landing import build_small_warehouse, posting, write_landing


def count(path: Path, table: str = "postings") -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(f"select count(*) from {table}").fetchone()[0]


@pytest.fixture
def home(tmp_path) -> Path:
    build_small_warehouse(tmp_path)
    return tmp_path


def test_sql_and_report_run_while_a_build_writes(home):
    builder = start("build", "--full", home=home)
    readers = 0
    try:
        # Wait until dbt has the working copy open, then read for as long as it builds.
        while builder.poll() is None:
            got = jobtrends("sql", "select count(*) as n from postings", "-f", "csv", home=home)
            assert got.returncode == 0, got.stderr
            assert got.stdout.splitlines()[1].isdigit(), got.stdout
            page = jobtrends("report", home=home)
            assert page.returncode == 0, page.stderr
            if builder.poll() is None:
                readers += 1
        out, errors = builder.communicate(timeout=600)
    finally:
        builder.kill()
    assert builder.returncode == 0, out + errors
    assert readers >= 1, "the build ended before a reader ran beside it"
    assert "Traceback" not in out + errors


def test_load_succeeds_while_a_sql_prompt_is_open(home):
    warehouse = home / "warehouse.duckdb"
    before = count(warehouse, "raw.postings")
    prompt = start("sql", home=home, stdin=subprocess.PIPE)
    try:
        assert prompt.stdin is not None and prompt.stdout is not None
        prompt.stdin.write("select count(*) as n from raw.postings;\n")
        prompt.stdin.flush()
        # The prompt has the snapshot open once it answers.
        deadline = time.monotonic() + 60
        while f"{before:,}" not in prompt.stdout.readline():
            assert time.monotonic() < deadline, "the prompt did not answer"
        write_landing(home, "greenhouse", "20990101T000000Z", [posting("new-1", "ML Engineer")])
        load = jobtrends("load", home=home)
        assert load.returncode == 0, load.stdout + load.stderr
        assert "1 new row(s)" in load.stdout, load.stdout
        # The open prompt still answers, from the snapshot it opened.
        prompt.stdin.write("select 41 + 1 as answer;\n")
        out, errors = prompt.communicate(timeout=60)
    finally:
        prompt.kill()
    assert prompt.returncode == 0, errors
    assert "42" in out
    assert count(warehouse, "raw.postings") == before + 1


def test_the_published_snapshot_is_read_only_and_whole(home):
    warehouse = home / "warehouse.duckdb"
    assert not os.access(warehouse, os.W_OK) or os.geteuid() == 0
    assert oct(warehouse.stat().st_mode & 0o777) == "0o444"
    assert not warehouse.with_name("warehouse.duckdb.wal").exists()
    # A DuckDB client opens it read-only; a writer is refused.
    assert count(warehouse) > 0


def test_a_second_writer_waits_for_the_first_and_says_for_whom(home):
    settings = Settings(home=home)
    write_landing(home, "greenhouse", "20990101T000000Z", [posting("new-2", "ML Engineer")])
    with writer_lock(settings, "a test holding the lock"):
        load = start("load", home=home)
        time.sleep(3)
        assert load.poll() is None, "load did not wait for the writer lock"
    out, errors = load.communicate(timeout=120)
    assert load.returncode == 0, out + errors
    assert "waiting for a test holding the lock" in errors
    assert "1 new row(s)" in out


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_a_run_within_10_s_and_leaves_nothing_half_landed(
    tmp_path, corpus_path, stop
):
    # In a session of its own, as a terminal runs a command: Ctrl-C signals the whole group.
    run = start(
        "run",
        "--replay",
        str(corpus_path),
        "-s",
        "hackernews",
        home=tmp_path,
        start_new_session=True,
    )
    try:
        # Stop it mid-crawl: once the crawl has begun writing its landing file.
        deadline = time.monotonic() + 120
        while not list((tmp_path / "landing" / "hackernews").glob("*.partial")):
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline, "the crawl did not start"
            time.sleep(0.2)
        time.sleep(1)
        if stop == signal.SIGINT:
            os.killpg(run.pid, signal.SIGINT)
        else:
            run.terminate()
        stopped = time.monotonic()
        out, errors = run.communicate(timeout=30)
        took = time.monotonic() - stopped
    finally:
        run.kill()
    assert took < 10, f"the run took {took:.1f}s to stop"
    assert run.returncode == 128 + stop, out + errors
    assert "stopped: complete landing files are kept" in errors
    assert "Traceback" not in out + errors
    # What the stopped crawl wrote stays .partial: no later load takes it for a whole crawl.
    assert not list((tmp_path / "landing" / "hackernews").glob("*.jsonl.gz"))
    load = jobtrends("load", home=tmp_path)
    assert load.returncode == 0, load.stdout + load.stderr
    assert count(tmp_path / "warehouse.duckdb", "raw.postings") == 0
