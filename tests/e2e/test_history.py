"""History: two captures of three Greenhouse boards, ten months apart, replayed in order; the
postings that appeared, changed and disappeared are counted from the bodies themselves."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest.corpus import Corpus
from tests.e2e.cli import jobtrends

BOARDS = ("databricks", "reddit", "waymo")


def jobs_of(corpus: Corpus, board: str) -> dict:
    url = f"https://boards-api.greenhouse.io/v1/boards/{board}/jobs"
    recording = corpus.get(url) or corpus.get(f"{url}?content=true")
    return {job["id"]: job for job in json.loads(recording.body())["jobs"]}


def run(home: Path, corpus: Path) -> subprocess.CompletedProcess:
    return jobtrends("run", "--replay", str(corpus), "-s", "greenhouse", home=home)


@pytest.fixture(scope="module")
def history(tmp_path_factory, corpus_path):
    earlier = corpus_path.parent / "corpus-2025-10-28"
    if not earlier.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the earlier capture is missing: {earlier}")
        pytest.skip(f"the earlier capture is missing: {earlier}")
    home = tmp_path_factory.mktemp("history")
    first = run(home, earlier)  # 24 of the 27 boards are not in it: a partial run
    assert "greenhouse" in first.stdout, first.stdout + first.stderr
    second = run(home, corpus_path)
    assert second.returncode == 0, second.stdout + second.stderr
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        found = con.execute(
            "select board, event, count(*) from posting_events group by all"
        ).fetchall()
    expected = {}
    for board in BOARDS:
        old, new = jobs_of(Corpus(earlier), board), jobs_of(Corpus(corpus_path), board)
        # changed: the job object differs in a field the posting keeps (title, location,
        # updated_at, metadata); the envelope is rebuilt, the objects are as recorded
        expected[board] = {
            "appeared": len(new.keys() - old.keys()),
            "disappeared": len(old.keys() - new.keys()),
            "changed": sum(old[i] != new[i] for i in old.keys() & new.keys()),
        }
    reports = sorted((home / "reports").glob("report-*.html"))
    return {(b, e): n for b, e, n in found}, expected, second.stdout, reports[-1].read_text()


def test_appeared_changed_and_disappeared_match_the_bodies(history):
    found, expected, _, _ = history
    for board in BOARDS:
        for event, n in expected[board].items():
            assert found.get((board, event), 0) == n, (board, event)
    # Boards crawled once (the 24 the earlier capture lacks) have no events.
    assert {b for b, _ in found} == set(BOARDS)


def test_the_run_summary_prints_them(history):
    found, _, stdout, _ = history
    appeared = sum(n for (_, e), n in found.items() if e == "appeared")
    changed = sum(n for (_, e), n in found.items() if e == "changed")
    gone = sum(n for (_, e), n in found.items() if e == "disappeared")
    assert f"+{appeared} ~{changed} -{gone}" in stdout
    assert "since last crawl" in stdout


def test_the_report_has_a_section_since_the_last_crawl(history):
    found, _, _, html = history
    section = html.split('<section id="history"', 1)[1].split("</section>", 1)[0]
    assert 'data-status="ok"' in section
    for board in BOARDS:
        assert f"<td>{board}</td>" in section
    assert f"{found[('databricks', 'disappeared')]:,}" in section
