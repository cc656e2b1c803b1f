"""Emerging skills on a small landing fixture: a planted rising term is proposed, a rising
company's name is not, and a skill the taxonomy already has is covered, not proposed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.config import Settings
from pipeline.domain.emerging import candidate_terms
from pipeline.ingest.build import build
from pipeline.ingest.load import load_landing
from tests.landing import hn_post, warehouse_rows, write_landing

MONTHS = [f"{y}-{m:02d}" for y in (2015, 2016) for m in range(1, 13)]
RISING_FROM = "2016-01"


def posts() -> list[dict]:
    out = []
    for month in MONTHS:
        tag = month.replace("-", "")
        rising = month >= RISING_FROM
        for i in range(90):
            tools = (
                "Python, Zorblax and Django" if rising and i < 8 else "Python, Django and Postgres"
            )
            text = f"Company{tag}x{i} | Engineer | Berlin\nWe use {tools}. We also run Kafka, Redis and Postgres."
            out.append(hn_post(f"{tag}{i:02d}", text, month))
        if rising:
            # A company that hires a lot, and whose name others drop ("ex-Quuxly"): rising, but
            # its name is an employer's, not a skill.
            for i in range(10):
                text = f"Quuxly | Engineer {i} | Berlin\nQuuxly ships Python, Quuxly and Django."
                out.append(hn_post(f"{tag}q{i}", text, month))
            for i in range(3):
                text = f"Alumni{tag}x{i} | Engineer | Berlin\nFounded by ex-Quuxly people: Quuxly, Python and Django."
                out.append(hn_post(f"{tag}a{i}", text, month))
    return out


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("emerging")
    write_landing(home, "hackernews", "r1", posts())
    load_landing(Settings(home=home))
    result = build(
        Settings(home=home), select="+emerging_skills posting_skills role_families source_credits"
    )
    assert result.ok, result.failures
    return home


query = warehouse_rows


def test_a_planted_rising_term_is_proposed_and_a_rising_company_is_not(home):
    proposed = query(
        home,
        "select term, period_type, min(period_start) from emerging_skills "
        "where is_proposed group by all order by 1, 2",
    )
    terms = {t for t, _, _ in proposed}
    assert "zorblax" in terms
    assert "quuxly" not in terms
    (first_month,) = [str(p)[:7] for t, kind, p in proposed if t == "zorblax" and kind == "month"]
    assert first_month == RISING_FROM  # proposed the month it appears
    (row,) = query(
        home,
        "select is_employer_name, n_companies, growth, example_posting_ids is not null "
        "from emerging_skills where term = 'quuxly' and period_type = 'year' "
        "and year(period_start) = 2016",
    )
    assert row[0] is True  # its own jobs are many of those that name it


def test_a_skill_of_the_taxonomy_is_covered_not_proposed(home):
    rows = query(
        home,
        "select distinct covered_skill_id, is_proposed from emerging_skills where term = 'kafka'",
    )
    assert rows == [("kafka", False)]


def test_the_yearly_row_has_the_share_interval_and_baseline(home):
    (row,) = query(
        home,
        "select n_jobs_naming, n_jobs, round(share, 4), share_low < share, share_high > share, "
        "baseline_share, growth, n_companies, first_seen_month, is_proposed, proposal_rank, "
        "len(example_posting_ids) "
        "from emerging_skills where term = 'zorblax' and period_type = 'year'",
    )
    assert row[:5] == (96, 12 * 93 + 10, round(96 / (12 * 93 + 10), 4), True, True)
    assert row[5] == 0 and row[6] is None  # new: not named in 2015
    assert row[7] == 96 and str(row[8])[:7] == RISING_FROM and row[9] is True and row[10] == 1
    assert row[11] == 3


def test_candidate_terms_of_a_text():
    text = (
        "Acme AI | ML Engineer | Berlin\n"
        "We use PyTorch, vLLM and Hugging Face with Python. Perks: free lunch, relocation. "
        "Apply at https://acme.ai/jobs?gh_jid=12 or jobs@acme.com. Responsive and robust: we "
        "iterate end-to-end, backed by Greylock."
    )
    terms = candidate_terms(text, "Acme AI")
    assert {"pytorch", "vllm", "hugging face", "python"} <= set(terms)
    # Not: the company, places, ordinary words, addresses, boilerplate and investors.
    for word in (
        "acme",
        "berlin",
        "perks",
        "relocation",
        "responsive",
        "iterate",
        "end-to-end",
        "gh",
        "jid",
        "acme.ai",
        "greylock",
        "engineer",
    ):
        assert word not in terms, word


def test_a_removed_skill_vouches_for_no_list():
    # "Beacon" is an ordinary word: it counts as a name only in a list of known skills.
    text = "Experience with TensorFlow, Beacon and Keras."
    assert "beacon" in candidate_terms(text, None)
    assert "beacon" not in candidate_terms(text, None, ["tensorflow", "keras"])


def test_the_cli_prints_the_proposals(home):
    out = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "skills", "--emerging", "--home", str(home)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert out.returncode == 0, out.stderr
    assert "zorblax" in out.stdout and "quuxly" not in out.stdout
    assert "hackernews" in out.stdout and "2016" in out.stdout
