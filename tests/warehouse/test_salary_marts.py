"""Pay in a small warehouse: pay rows, quarantine, the monthly and yearly marts, the summary."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.config import Settings
from pipeline.ingest.build import build
from pipeline.ingest.load import load_landing
from tests.landing import posting, warehouse_rows, write_landing

ASHBY_PAY = {
    "compensationTierSummary": "$150K – $190K • Offers Equity",
    "compensationTiers": [
        {
            "title": None,
            "components": [
                {
                    "compensationType": "Salary",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": 150000,
                    "maxValue": 190000,
                    "summary": "$150K – $190K",
                },
                {
                    "compensationType": "EquityCashValue",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": None,
                    "maxValue": None,
                },
            ],
        }
    ],
}

# The pay models with their parents (not their children: claims need seeds of their own), and
# the seed their parents' tests read.
PAY_MODELS = " ".join(
    [
        *(
            "+" + m
            for m in (
                "int_postings_pay_summarised",
                "salary_monthly",
                "salary_yearly",
                "salary_quarantine",
            )
        ),
        "role_families",
    ]
)


def hn(source_id: str, text: str, posted_at: str) -> dict:
    return posting(source_id) | {
        "source": "hackernews",
        "title": None,
        "posted_at": posted_at,
        "description_text": text,
        "extras": {"thread_id": "1", "thread_month": posted_at[:7], "author": "x"},
    }


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    ashby = posting("examplelabs/1", title="Machine Learning Engineer") | {
        "source": "ashby",
        "country": "USA",
        "posted_at": "2025-05-06T10:00:00Z",
        "description_text": "Train and ship models. The base pay range is $100,000 - $120,000.",
        "salary_text": "$150K - $190K",
        "pay": ASHBY_PAY,
        "extras": {"department": "AI"},
    }
    write_landing(home, "ashby", "r1", [ashby])
    write_landing(
        home,
        "hackernews",
        "r1",
        [
            hn(
                "101",
                "Acme AI | Machine Learning Engineer | Berlin, Germany | Onsite\n"
                "We build models. Salary: €60.000 - €80.000 per year.",
                "2019-03-02T12:00:00Z",
            ),
            hn(
                "102",
                "Beta Labs | Machine Learning Engineer | New York, NY | Onsite\n"
                "Pay: $1,800 per hour.",
                "2019-03-04T12:00:00Z",
            ),
        ],
    )
    write_landing(home, "greenhouse", "r1", [posting("a/1")])
    load_landing(Settings(home=home))
    # Only the pay models, their parents and their tests: the rest is test_build's job.
    result = build(Settings(home=home, replay=None), select=PAY_MODELS)
    assert result.ok, result.failures
    return home


query = warehouse_rows


def test_each_stated_range_is_one_row_structured_before_text(home):
    got = query(
        home,
        """
        select posting_id, range_index, pay_basis, country, role_family, min_amount,
               max_amount, currency, period, annualisation_rule, usd_rate, usd_rate_date,
               round(annual_min_usd, 2), round(annual_max_usd, 2), cpi_year, is_in_pay_series
        from intermediate.int_pay_ranges_parsed order by posting_id, range_index
        """,
    )
    assert got == [
        # Ashby's structured range wins over the $100k-$120k of its description.
        (
            "ashby:examplelabs/1", 1, "employer_structured", "US", "ml_engineer",
            150000.0, 190000.0, "USD", "year", "US: year x 1", 1.0, date(2025, 5, 6),
            150000.0, 190000.0, 2025, True,
        ),
        # A Saturday: the ECB rate of Friday 2019-03-01, 1 EUR = 1.1383 USD.
        (
            "hackernews:101", 1, "employer_text", "DE", "ml_engineer",
            60000.0, 80000.0, "EUR", "year", "DE: year x 1", 1.1383, date(2019, 3, 1),
            68298.0, 91064.0, 2019, True,
        ),
        (
            "hackernews:102", 1, "employer_text", "US", "ml_engineer",
            1800.0, 1800.0, "USD", "hour", "US: hour x 2080", 1.0, date(2019, 3, 4),
            3744000.0, 3744000.0, 2019, False,
        ),
    ]  # fmt: skip


def test_implausible_pay_is_quarantined_with_its_reason(home):
    assert query(
        home,
        "select record_id, range_index, source, snippet, quarantine_reason from salary_quarantine",
    ) == [
        (
            "hackernews:102",
            1,
            "hackernews",
            "$1,800 per hour",
            "annual 3,744,000 USD above 3,000,000",
        )
    ]


def test_salary_monthly_counts_plausible_pay_at_its_midpoint(home):
    got = query(
        home,
        """
        select source, pay_basis, role_family, country, posted_month, n_postings,
               round(median_annual_usd, 2), round(mean_annual_usd_2019, 2)
        from salary_monthly order by source
        """,
    )
    assert got[0][:7] == (
        "ashby", "employer_structured", "ml_engineer", "US", date(2025, 5, 1), 1, 170000.0
    )  # fmt: skip
    assert got[1] == (
        "hackernews", "employer_text", "ml_engineer", "DE", date(2019, 3, 1), 1, 79681.0, 79681.0
    )  # fmt: skip
    assert len(got) == 2


def test_salary_yearly_has_the_same_postings_by_year(home):
    assert query(
        home, "select source, pay_year, n_salaries from salary_yearly order by source"
    ) == [("ashby", 2025, 1), ("hackernews", 2019, 1)]


def test_postings_summary_has_one_row_per_posting(home):
    got = query(
        home,
        """
        select posting_id, salary_min_annual, salary_max_annual, salary_currency, salary_period,
               round(salary_mid_usd, 2), pay_basis, n_salary_ranges
        from intermediate.int_postings_pay_summarised order by posting_id
        """,
    )
    assert got == [
        ("ashby:examplelabs/1", 150000.0, 190000.0, "USD", "year", 170000.0,
         "employer_structured", 1),
        ("greenhouse:a/1", None, None, None, None, None, None, 0),
        ("hackernews:101", 60000.0, 80000.0, "EUR", "year", 79681.0, "employer_text", 1),
        # Its only range is quarantined: counted, but no salary columns.
        ("hackernews:102", None, None, None, None, None, None, 1),
    ]  # fmt: skip


def test_every_range_found_is_in_a_series_or_in_quarantine(home):
    (found, in_series, quarantined) = query(
        home,
        """
        select
            (select count(*) from intermediate.int_pay_ranges_parsed),
            (select count(*) from intermediate.int_pay_ranges_parsed where is_in_pay_series),
            (select count(*) from salary_quarantine where source <> 'aijobs')
        """,
    )[0]
    assert found == in_series + quarantined > 0
