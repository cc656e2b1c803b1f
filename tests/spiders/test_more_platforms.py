"""Lever, Recruitee, SmartRecruiters, schema.org JobPosting pages and Greenhouse pay ranges,
run through Scrapy on fixtures written from each format's public documentation."""

from __future__ import annotations

import json

import pytest

from pipeline.domain.pay import structured_salaries
from tests.conftest import landed, make_corpus, run_spider


def by_id(home, spider):
    return {p["source_id"]: p for p in landed(home, spider)}


def test_lever_pages_both_instances_and_keeps_the_salary_range(tmp_path, fixture_corpus):
    result = run_spider(
        "lever",
        tmp_path,
        fixture_corpus,
        boards="leverexample,euexample",
        eu="euexample",
        page_size="2",
    )
    assert result.status == "ok", result.reason
    postings = by_id(tmp_path, "lever")
    assert len(postings) == 4  # two pages of leverexample, one EU site
    mle = postings["leverexample/7d1c2b3a-0001-4e5f-9a8b-000000000001"]
    assert mle["title"] == "Machine Learning Engineer, Ranking"
    assert mle["posted_at"] == "2025-09-01T16:00:00Z"  # createdAt in epoch milliseconds
    assert mle["remote"] is True and mle["country"] == "US"
    assert mle["employment_type"] == "Full-time"
    assert mle["extras"]["team"] == "Machine Learning"
    assert "Experience serving models with Kubernetes" in mle["description_text"]
    assert "equal opportunity employer" in mle["description_text"]
    assert mle["pay"] == {
        "salaryRange": {
            "currency": "USD",
            "interval": "per-year-salary",
            "min": 180000,
            "max": 230000,
        }
    }
    assert mle["salary_text"] == "Base salary for this role."
    india = postings["leverexample/7d1c2b3a-0003-4e5f-9a8b-000000000003"]
    ((low, high, currency, period),) = [
        (s.min_amount, s.max_amount, s.currency, s.period)
        for s in structured_salaries(india["pay"])
    ]
    assert (low, high, currency, period) == (3000000, 4500000, "INR", "year")
    recruiter = postings["euexample/5e6f7a8b-0001-4c3d-8e9f-000000000001"]
    assert recruiter["remote"] is None  # "unspecified"
    (monthly,) = structured_salaries(recruiter["pay"])
    assert (monthly.currency, monthly.period) == ("EUR", "month")


def test_lever_body_that_is_not_json_and_a_range_without_currency(tmp_path):
    good = [
        {
            "id": "a1",
            "text": "ML Engineer",
            "createdAt": 1756742400000,
            "salaryRange": {"interval": "per-year-salary", "min": 100000, "max": 150000},
        },
    ]
    corpus = make_corpus(
        tmp_path / "c",
        {
            "https://api.lever.co/v0/postings/broken?mode=json&skip=0&limit=100": b'[{"id": ',
            "https://api.lever.co/v0/postings/nocur?mode=json&skip=0&limit=100": json.dumps(
                good
            ).encode(),
        },
    )
    result = run_spider(
        "lever", tmp_path, corpus, boards="broken,nocur", settings={"RETRY_TIMES": "1"}
    )
    assert [p["source_id"] for p in landed(tmp_path, "lever")] == ["nocur/a1"]
    reasons = sorted(r["reason"] for r in landed(tmp_path, "lever", kind="rejects"))
    assert reasons[0].startswith("malformed JSON body")
    assert reasons[1] == "salaryRange has no currency; the posting is kept without it"
    assert result.rejects == 2


@pytest.mark.parametrize(
    ("spider", "url"),
    [
        ("recruitee", "https://bad.recruitee.com/api/offers/"),
        (
            "smartrecruiters",
            "https://api.smartrecruiters.com/v1/companies/bad/postings?offset=0&limit=100",
        ),
        ("greenhouse", "https://boards-api.greenhouse.io/v1/boards/bad/jobs"),
    ],
)
def test_a_body_that_is_not_json_is_fetched_again_then_rejected(tmp_path, spider, url):
    corpus = make_corpus(tmp_path / "c", {url: b'{"offers": [{"id": 1, '})
    result = run_spider(spider, tmp_path, corpus, boards="bad", settings={"RETRY_TIMES": "1"})
    (reject,) = landed(tmp_path, spider, kind="rejects")
    assert reject["reason"].startswith("malformed JSON body") and reject["url"] == url
    assert result.retries == 1 and result.rejects == 1


def test_greenhouse_pay_ranges_are_asked_for_per_job_on_boards_in_pay(tmp_path, fixture_corpus):
    result = run_spider(
        "greenhouse", tmp_path, fixture_corpus, boards="paycorp,examplecorp", pay="paycorp"
    )
    assert result.status == "ok", result.reason
    postings = by_id(tmp_path, "greenhouse")
    assert set(postings) == {
        "paycorp/6000001",
        "paycorp/6000002",
        "examplecorp/4000001",
        "examplecorp/4000002",
    }
    mle = postings["paycorp/6000001"]
    assert mle["pay"]["pay_input_ranges"][0]["min_cents"] == 19000000
    assert mle["extras"]["departments"] == ["Machine Learning"]
    zones = structured_salaries(mle["pay"])
    assert [
        (s.min_amount, s.max_amount, s.period, s.label, s.is_period_inferred) for s in zones
    ] == [
        (190000, 240000, "year", "New York City Annual Salary", False),
        (170000, 215000, "year", "Remote (US)", True),
    ]
    (hourly,) = structured_salaries(postings["paycorp/6000002"]["pay"])
    assert (hourly.min_amount, hourly.max_amount, hourly.period) == (26, 32, "hour")
    assert postings["examplecorp/4000001"]["pay"] is None  # not in `pay`: no per-job request


def test_recruitee_offers_with_and_without_salary(tmp_path, fixture_corpus):
    result = run_spider("recruitee", tmp_path, fixture_corpus, boards="examplerecruit")
    assert result.status == "ok", result.reason
    postings = by_id(tmp_path, "recruitee")
    mle = postings["examplerecruit/910001"]
    assert mle["posted_at"] == "2025-09-22T09:30:00Z"
    assert mle["country"] == "NL" and mle["company"] == "Example Recruit BV"
    assert "PyTorch and Docker" in mle["description_text"]
    (salary,) = structured_salaries(mle["pay"])
    assert (salary.min_amount, salary.max_amount, salary.currency, salary.period) == (
        70000,
        90000,
        "EUR",
        "year",
    )
    office = postings["examplerecruit/910002"]
    assert structured_salaries(office["pay"]) == []
    assert landed(tmp_path, "recruitee", kind="rejects") == []  # an empty salary is not an error


def test_smartrecruiters_pages_and_job_ads(tmp_path, fixture_corpus):
    result = run_spider(
        "smartrecruiters",
        tmp_path,
        fixture_corpus,
        boards="ExampleCo",
        page_size="2",
        content="ExampleCo",
    )
    # Two postings have no recorded job ad: they land as listed, and the crawl says so.
    assert result.status == "partial"
    postings = by_id(tmp_path, "smartrecruiters")
    assert set(postings) == {
        "ExampleCo/744000000000001",
        "ExampleCo/744000000000002",
        "ExampleCo/744000000000003",
    }
    nlp = postings["ExampleCo/744000000000001"]
    assert nlp["title"] == "Machine Learning Engineer - NLP"
    assert nlp["country"] == "IN" and nlp["location"] == "Bengaluru, Karnataka, India"
    assert "Hugging Face" in nlp["description_text"]
    assert "INR 25,00,000" in nlp["description_text"]
    assert nlp["extras"]["department"] == "AI Research"
    assert postings["ExampleCo/744000000000002"]["remote"] is True


def test_jobposting_pages_from_a_sitemap_and_a_url_list(tmp_path, fixture_corpus):
    result = run_spider(
        "jobposting",
        tmp_path,
        fixture_corpus,
        sitemaps="https://careers.example.org/sitemap.xml",
        urls="https://jobs.example.net/openings/ml-platform,https://jobs.example.net/openings",
    )
    postings = by_id(tmp_path, "jobposting")
    assert set(postings) == {
        "careers.example.org/EO-1042",
        "careers.example.org/jobs/data-analyst",
        "jobs.example.net/openings/ml-platform",
        "jobs.example.net/EN-77",
        "jobs.example.net/EN-79",
    }
    graph = postings["careers.example.org/EO-1042"]
    assert graph["title"] == "Machine Learning Engineer"
    assert graph["company"] == "Example Org"
    assert graph["location"] == "Seattle, WA, US" and graph["country"] == "US"
    assert graph["posted_at"] == "2025-10-01T00:00:00Z"
    assert graph["employment_type"] == "FULL_TIME"
    assert "fraud-detection" in graph["description_text"]
    assert graph["extras"]["syntax"] == "json-ld"
    (usd,) = structured_salaries(graph["pay"])
    assert (usd.min_amount, usd.max_amount, usd.currency, usd.period) == (
        165000,
        210000,
        "USD",
        "year",
    )
    micro = postings["careers.example.org/jobs/data-analyst"]
    assert micro["extras"]["syntax"] == "microdata" and micro["location"] == "Lyon, FR"
    (eur,) = structured_salaries(micro["pay"])
    assert (eur.min_amount, eur.currency, eur.period) == (3200, "EUR", "month")
    rdfa = postings["jobs.example.net/openings/ml-platform"]
    assert rdfa["extras"]["syntax"] == "rdfa" and rdfa["remote"] is True
    assert rdfa["company"] == "Example Net Ltd" and rdfa["location"] == "United Kingdom"
    (gbp,) = structured_salaries(rdfa["pay"])
    assert (gbp.min_amount, gbp.max_amount, gbp.currency) == (85000, 105000, "GBP")
    india = postings["jobs.example.net/EN-77"]
    assert india["country"] == "IN" and india["posted_at"] == "2025-11-01T03:30:00Z"
    (inr,) = structured_salaries(india["pay"])
    assert (inr.currency, inr.min_amount) == ("INR", 2400000)
    reasons = sorted(r["reason"] for r in landed(tmp_path, "jobposting", kind="rejects"))
    assert reasons == [
        "JobPosting (json-ld) without title",
        "baseSalary amount is not a number: 'competitive'; the posting is kept without it",
    ] + [r for r in reasons if r.startswith("malformed JSON-LD block")]
    assert len(reasons) == 3
    stats = json.loads(next((tmp_path / "landing" / "jobposting").glob("*.stats.json")).read_text())
    assert stats["jobposting/pages_without_jobposting"] == 1  # /about: counted, not an error
    assert result.status == "ok", result.reason
