"""dbt build on a small warehouse: models, keys and the postings mart."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.build import BuildError, build
from pipeline.config import Settings
from pipeline.load import load_landing
from tests.pipeline.test_load import posting, write_landing


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    write_landing(home, "greenhouse", "r1", [posting("a/1"), posting("a/2")])
    write_landing(
        home,
        "greenhouse",
        "r2",
        [posting("a/2", title="Staff ML Engineer", crawled_at="2026-03-01T00:00:00Z")],
    )
    hn = posting("42") | {
        "source": "hackernews",
        "extras": {"thread_id": "41", "thread_month": "2025-12", "author": "x"},
    }
    write_landing(home, "hackernews", "r1", [hn])
    load_landing(home / "warehouse.duckdb", home / "landing")
    result = build(Settings(home=home, replay=None))
    return home, result


def test_build_passes_every_model_and_test(built):
    _, result = built
    assert result.ok, result.failures
    assert result.counts.get("success", 0) >= 5 and result.counts.get("pass", 0) >= 5


def test_postings_has_one_row_per_posting_with_its_newest_version(built):
    home, _ = built
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        got = con.execute(
            "select posting_id, title, n_versions from postings order by 1"
        ).fetchall()
    assert got == [
        ("greenhouse:a/1", "ML Engineer", 1),
        ("greenhouse:a/2", "Staff ML Engineer", 2),
        ("hackernews:42", "ML Engineer", 1),
    ]


def test_build_without_a_warehouse_says_so(tmp_path):
    with pytest.raises(BuildError, match="run `jobtrends load` first"):
        build(Settings(home=tmp_path, replay=None))
