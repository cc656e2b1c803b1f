"""End to end, as a user runs it: `jobtrends run --replay` on the corpus, then `jobtrends sql`."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli import jobtrends


@pytest.fixture(scope="module")
def home(tmp_path_factory, corpus_path):
    home = tmp_path_factory.mktemp("e2e")
    first = jobtrends(
        "run", "--replay", str(corpus_path), "-s", "ashby", "-s", "greenhouse", home=home
    )
    assert first.returncode == 0, first.stdout + first.stderr
    return home


def query(home, sql):
    out = jobtrends("sql", sql, "--format", "json", home=home, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_run_lands_every_job_of_the_corpus(home):
    got = {
        r["source"]: r["n"]
        for r in query(home, "select source, count(*) as n from postings group by 1")
    }
    assert got == {"ashby": 1769, "greenhouse": 7892}


def raw_rows(home) -> dict[str, int]:
    tables = query(home, "select table_name from duckdb_tables() where schema_name = 'raw'")
    return {
        t["table_name"]: query(home, f'select count(*) as n from raw."{t["table_name"]}"')[0]["n"]
        for t in tables
    }


def test_a_second_run_adds_no_row(home, corpus_path):
    before = raw_rows(home)
    again = jobtrends(
        "run", "--replay", str(corpus_path), "-s", "ashby", "-s", "greenhouse", home=home
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert raw_rows(home) == before
    out = " ".join(again.stdout.split())
    assert "ashby: recordings unchanged since run" in out
    assert "nothing new to build" in out


def test_the_report_says_the_data_are_a_replay_and_of_when(home):
    page = (home / "reports" / "latest.html").read_text(encoding="utf-8")
    line = page.split('id="data-line">', 1)[1].split("</p>", 1)[0]
    assert "a replay of recorded responses, not a live crawl" in line
    # Ashby's boards were recorded on 2025-10-28: its newest posting is just before.
    assert "Ashby posted 2023-03-08 to 2025-10-25" in line
    (ashby,) = query(home, "select * from captures where source = 'ashby'")
    assert ashby["fetch_mode"] == "replay" and ashby["n_runs"] >= 1


def test_sql_errors_are_one_line_not_a_traceback(home):
    bad = jobtrends("sql", "select nope from postings", home=home)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr and "nope" in bad.stderr


def test_run_without_network_or_corpus_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # a proxy nobody listens on
    result = jobtrends("run", home=tmp_path)
    assert result.returncode == 2
    assert "no network to crawl and no corpus to replay" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["run", "crawl", "load", "build", "report", "docs"])
def test_a_home_that_cannot_be_written_is_one_line_with_what_to_do(tmp_path, command):
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = jobtrends(command, home=tmp_path / "a-file" / "home")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "cannot write to" in result.stderr and "set JOBTRENDS_HOME" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_replay_of_a_missing_corpus_is_one_clear_line(tmp_path):
    result = jobtrends("run", "--replay", str(tmp_path / "nowhere"), home=tmp_path)
    assert result.returncode == 2
    assert "cannot replay: no corpus at" in result.stderr


def test_pay_series_hold_only_their_kind_of_job(home):
    # Ashby and Greenhouse as the corpus records them: contract, intern and part-time pay has
    # series of its own, no inferred hourly figure is above an hourly rate, and every range
    # found is in a series or in salary_quarantine.
    (mixed,) = query(
        home,
        "select count(*) as n from intermediate.int_pay_ranges_parsed "
        "where series is not null and series != employment_type",
    )
    assert mixed["n"] == 0
    (hourly,) = query(
        home,
        "select count(*) as n from intermediate.int_pay_ranges_parsed where series is not null "
        "and period = 'hour' and is_period_inferred and max_amount >= 300",
    )
    assert hourly["n"] == 0
    kinds = {
        r["employment_type"]
        for r in query(home, "select distinct employment_type from salary_yearly")
    }
    assert "full_time" in kinds and kinds <= {"full_time", "part_time", "contract", "intern"}
    (counts,) = query(
        home,
        "select (select count(*) from intermediate.int_pay_ranges_parsed) as found, "
        "(select count(*) from intermediate.int_pay_ranges_parsed where series is not null) "
        "+ (select count(*) from salary_quarantine where source != 'aijobs') as accounted",
    )
    assert counts["found"] == counts["accounted"] > 0


def test_copies_of_one_opening_in_nine_countries_are_one_job(home):
    # bjakcareer (Ashby) posts "Machine Learning Engineer (LLM)" in eight countries, and in a
    # ninth (China) with the title in Chinese too.
    (row,) = query(
        home,
        "select count(*) as n, count(distinct job_id) as jobs, count(distinct location_text) "
        "as places from postings where board = 'bjakcareer' "
        "and title = 'Machine Learning Engineer (LLM)'",
    )
    assert row == {"n": 8, "jobs": 1, "places": 8}
    (job,) = query(
        home,
        "select n_postings, match_reasons from jobs where job_id = (select min(job_id) from "
        "postings where board = 'bjakcareer' and title = 'Machine Learning Engineer (LLM)')",
    )
    assert job == {"n_postings": 9, "match_reasons": ["same company and title"]}
    # Shares count jobs: the skill marts say how many postings stand behind them.
    (cell,) = query(
        home,
        "select n_jobs_naming, n_postings_naming, top_company_share from skill_demand_yearly "
        "where source = 'ashby' and posted_year = 2025 and role_family = 'ml_engineer' "
        "and skill_id = 'scikit-learn'",
    )
    assert cell["n_jobs_naming"] < cell["n_postings_naming"]
    assert cell["top_company_share"] > 0.5
