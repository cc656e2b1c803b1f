"""dbt build on a small warehouse: models, keys and the postings mart."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.config import Settings
from pipeline.ingest.build import BuildError, build
from pipeline.ingest.load import load_landing
from tests.landing import posting, write_landing


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
    hn = posting("42", title="Backend Engineer") | {
        "source": "hackernews",
        "extras": {"thread_id": "41", "thread_month": "2025-12", "author": "x"},
    }
    hn_ml = posting("43") | {
        "source": "hackernews",
        "title": "Acme | Machine Learning Engineer | Boston, MA",
        "description_text": "Acme | Machine Learning Engineer | Boston, MA\nWe train models in PyTorch and serve them on Kubernetes.",
        "extras": {"thread_id": "41", "thread_month": "2025-12", "author": "y"},
    }
    write_landing(home, "hackernews", "r1", [hn, hn_ml])
    load_landing(Settings(home=home))
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
        ("hackernews:42", "Backend Engineer", 1),
        ("hackernews:43", "Acme | Machine Learning Engineer | Boston, MA", 1),
    ]


def query(home, sql):
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_skills_and_roles_are_derived_from_the_text(built):
    home, _ = built
    assert query(
        home, "select skill_id from posting_skills where posting_id = 'hackernews:43' order by 1"
    ) == [("kubernetes",), ("machine-learning",), ("pytorch",)]
    # Postings without a description name no skills, whatever their title says.
    assert query(
        home, "select count(*) from posting_skills where posting_id like 'greenhouse:%'"
    ) == [(0,)]
    assert query(
        home, "select role_family, country from postings where posting_id = 'hackernews:43'"
    ) == [("ml_engineer", "US")]


def test_demand_shares_have_their_denominator_and_interval(built):
    home, _ = built
    (row,) = query(
        home,
        "select n_postings_with_role, n_postings, share, share_low, share_high from role_demand_monthly "
        "where source = 'hackernews' and role_family = 'ml_engineer'",
    )
    assert row[:3] == (1, 2, 0.5)
    assert row[3] == pytest.approx(0.0945, abs=1e-3) and row[4] == pytest.approx(
        0.9055, abs=1e-3
    )  # Wilson, n=2
    (skill,) = query(
        home,
        "select n_postings_naming, n_postings, share from skill_demand_monthly "
        "where source = 'hackernews' and role_family = 'all' and skill_id = 'pytorch'",
    )
    assert skill == (1, 1, 1.0)  # only the post with a description counts in the denominator


def test_build_without_a_warehouse_says_so(tmp_path):
    with pytest.raises(BuildError, match="run `jobtrends load` first"):
        build(Settings(home=tmp_path, replay=None))


# Last in the module: it lands a new file into the module's warehouse.
def test_a_build_with_nothing_new_is_skipped_and_one_with_new_rows_is_not(built, monkeypatch):
    from pipeline.ingest import build as building

    home, _ = built
    settings = Settings(home=home)
    published = home / "warehouse.duckdb"
    before = published.stat().st_mtime_ns
    again = build(settings)
    assert again.ok and again.up_to_date
    assert published.stat().st_mtime_ns == before, "an up-to-date build published anyway"
    # A change to the models or the rules they call is a reason to build.
    monkeypatch.setattr(building, "code_digest", lambda: "another version")
    assert building.build_inputs(settings) != building.last_build_inputs(settings)
    monkeypatch.undo()

    write_landing(home, "greenhouse", "r3", [posting("a/3", title="Data Scientist")])
    load_landing(settings)
    rebuilt = build(settings)
    assert rebuilt.ok and not rebuilt.up_to_date
    assert query(home, "select role_family from postings where posting_id = 'greenhouse:a/3'") == [
        ("data_scientist",)
    ]
