"""Coverage: a month that looks partially captured is flagged by what the source shows."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.config import Settings
from pipeline.ingest.build import build
from pipeline.ingest.load import load_landing
from tests.landing import hn_post, write_landing


def post(source_id: str, month: str, day: int = 1) -> dict:
    row = hn_post(source_id, f"Co{source_id} | Backend Engineer | Remote\nWe build things.", month)
    return row | {"posted_at": f"{month}-{day:02d}T15:00:00Z"}


@pytest.fixture(scope="module")
def coverage(tmp_path_factory):
    home = tmp_path_factory.mktemp("coverage")
    rows = []
    for m in range(1, 8):
        month = f"2017-{m:02d}"
        # 2017-04 holds 5 posts where its neighbours hold 20: it looks partial.
        n = 5 if m == 4 else 20
        rows += [post(f"{m}{i:02d}", month) for i in range(n)]
    # 2018-01: posts on real days, the latest on day 9: captured before the thread ended.
    rows += [post(f"9{i:02d}", "2018-01", day=1 + i % 9) for i in range(20)]
    write_landing(home, "hackernews", "r1", rows)
    load_landing(Settings(home=home))
    result = build(Settings(home=home, replay=None), select="+coverage_monthly role_families")
    assert result.ok, result.failures
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        found = con.execute(
            "select strftime(posted_month, '%Y-%m'), n_postings, looks_partial, partial_reason "
            "from coverage_monthly order by posted_month"
        ).fetchall()
    return {month: (n, flag, reason) for month, n, flag, reason in found}


def test_a_thread_much_smaller_than_its_neighbours_looks_partial(coverage):
    n, flag, reason = coverage["2017-04"]
    assert (n, flag) == (5, True)
    assert reason == "5 posts, 25% of the median of the months around it (20)"
    assert not any(coverage[f"2017-{m:02d}"][1] for m in (1, 2, 3, 5, 6, 7))


def test_a_thread_whose_posts_stop_early_looks_partial(coverage):
    _, flag, reason = coverage["2018-01"]
    assert flag is True
    assert reason == "the latest post is of day 9: captured before the thread ended"
