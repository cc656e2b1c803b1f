"""Each platform's postings reach the warehouse, with their structured pay as pay rows:
annualised, in USD, provenance `employer_structured`, and INR pay in the India series."""

from __future__ import annotations

import pytest

from pipeline.config import Settings
from pipeline.ingest.build import build
from pipeline.ingest.load import load_landing
from tests.conftest import fixture_bodies, make_corpus, run_spider
from tests.landing import warehouse_rows, write_landing

CRAWLS = {
    "lever": {"boards": "leverexample,euexample", "eu": "euexample", "page_size": "2"},
    "recruitee": {"boards": "examplerecruit"},
    "greenhouse": {"boards": "paycorp", "pay": "paycorp"},
    "jobposting": {
        "sitemaps": "https://careers.example.org/sitemap.xml",
        "urls": "https://jobs.example.net/openings/ml-platform,https://jobs.example.net/openings",
    },
    "smartrecruiters": {"boards": "ExampleCo", "page_size": "2"},
}
# Indian ML engineer jobs with INR pay in each platform's structured field (as the spiders
# land them), for the India series.
INR_PAY = {
    "ashby": {
        "compensationTiers": [
            {
                "title": "India",
                "components": [
                    {
                        "compensationType": "Salary",
                        "interval": "1 YEAR",
                        "currencyCode": "INR",
                        "minValue": 2000000,
                        "maxValue": 3000000,
                    }
                ],
            }
        ]
    },
    "greenhouse": {
        "pay_input_ranges": [
            {
                "min_cents": 200000000,
                "max_cents": 300000000,
                "currency_type": "INR",
                "title": "Bengaluru annual salary",
            }
        ]
    },
    "recruitee": {
        "salary": {"min": "2000000", "max": "3000000", "period": "year", "currency": "INR"}
    },
}
MODELS = "+postings +int_pay_points_selected +salary_quarantine role_families source_credits"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    corpus = make_corpus(home.parent / f"{home.name}-corpus", fixture_bodies())
    for spider, args in CRAWLS.items():
        result = run_spider(spider, home, corpus, **args)
        assert result.status == "ok", (spider, result.reason)
    for source, pay in INR_PAY.items():
        india = {
            "source": source,
            "source_id": f"india/{source}",
            "url": f"https://x.example/india/{source}",
            "title": "Machine Learning Engineer",
            "location": "Bengaluru, India",
            "posted_at": "2025-11-01T00:00:00Z",
            "employment_type": "FullTime",
            "pay": pay,
            "extras": {},
            "crawled_at": "2025-11-02T00:00:00Z",
            "content_hash": f"india-{source}",
        }
        write_landing(home, source, "india-run", [india])
    load_landing(Settings(home=home))
    result = build(Settings(home=home, replay=None), select=MODELS)
    assert result.ok, result.failures
    return home


query = warehouse_rows


def test_every_platform_reaches_postings(home):
    sql = "select source, count(*) from postings where source_id not like 'india/%' group by 1"
    got = dict(query(home, sql))
    assert got == {
        "lever": 4,
        "recruitee": 2,
        "greenhouse": 2,
        "jobposting": 5,
        "smartrecruiters": 3,
    }


def test_structured_pay_is_annualised_in_usd_with_its_provenance(home):
    got = query(
        home,
        """
        select posting_id, range_index, pay_basis, currency, period, annual_min_amount,
               annual_max_amount, annual_min_usd is not null and annual_max_usd is not null
        from intermediate.int_pay_ranges_parsed
        where posting_id in (
            'lever:leverexample/7d1c2b3a-0001-4e5f-9a8b-000000000001',
            'lever:leverexample/7d1c2b3a-0002-4e5f-9a8b-000000000002',
            'recruitee:examplerecruit/910001',
            'greenhouse:paycorp/6000001',
            'jobposting:careers.example.org/EO-1042',
            'jobposting:careers.example.org/jobs/data-analyst',
            'jobposting:jobs.example.net/openings/ml-platform'
        )
        order by posting_id, range_index
        """,
    )
    assert got == [
        ("greenhouse:paycorp/6000001", 1, "employer_structured", "USD", "year", 190000.0, 240000.0, True),
        ("greenhouse:paycorp/6000001", 2, "employer_structured", "USD", "year", 170000.0, 215000.0, True),
        ("jobposting:careers.example.org/EO-1042", 1, "employer_structured", "USD", "year", 165000.0, 210000.0, True),
        ("jobposting:careers.example.org/jobs/data-analyst", 1, "employer_structured", "EUR", "month", 38400.0, 38400.0, True),
        ("jobposting:jobs.example.net/openings/ml-platform", 1, "employer_structured", "GBP", "year", 85000.0, 105000.0, True),
        ("lever:leverexample/7d1c2b3a-0001-4e5f-9a8b-000000000001", 1, "employer_structured", "USD", "year", 180000.0, 230000.0, True),
        ("lever:leverexample/7d1c2b3a-0002-4e5f-9a8b-000000000002", 1, "employer_structured", "USD", "hour", 124800.0, 166400.0, True),
        ("recruitee:examplerecruit/910001", 1, "employer_structured", "EUR", "year", 70000.0, 90000.0, True),
    ]  # fmt: skip
    # The Greenhouse job's text says "$100 - $120 an hour": its structured ranges win.
    assert not query(
        home,
        "select 1 from intermediate.int_pay_ranges_parsed "
        "where posting_id = 'greenhouse:paycorp/6000001' and pay_basis <> 'employer_structured'",
    )


def test_structured_inr_pay_reaches_the_india_series(home):
    got = query(
        home,
        """
        select posting_id, source, country, currency, role_family, employment_type,
               mid_annual_amount
        from intermediate.int_pay_points_selected
        where country = 'IN' and currency = 'INR'
        order by posting_id
        """,
    )
    by_id = {row[0]: row for row in got}
    lever = by_id["lever:leverexample/7d1c2b3a-0003-4e5f-9a8b-000000000003"]
    assert lever[1:] == ("lever", "IN", "INR", "ml_engineer", "full_time", 3750000.0)
    page = by_id["jobposting:jobs.example.net/EN-77"]
    assert page[1:4] == ("jobposting", "IN", "INR") and page[6] == 3000000.0
    for source in INR_PAY:
        row = by_id[f"{source}:india/{source}"]
        assert row[1:] == (source, "IN", "INR", "ml_engineer", "full_time", 2500000.0), source
