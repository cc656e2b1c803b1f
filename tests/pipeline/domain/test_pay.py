"""Tests of pipeline.domain.pay: one posting's pay rows, as the warehouse stores them."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from pipeline.domain import pay
from pipeline.domain.pay import PAY_ROW_FIELDS, pay_rows, pay_rows_sql

ASHBY = {
    "compensationTiers": [
        {
            "title": "San Francisco",
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
                    "compensationType": "EquityPercentage",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": 0.1,
                    "maxValue": 0.2,
                },
            ],
        },
        {
            "title": "London",
            "components": [
                {
                    "compensationType": "Salary",
                    "interval": "1 HOUR",
                    "currencyCode": "GBP",
                    "minValue": 50,
                    "maxValue": 60,
                    "summary": "£50 – £60 per hour",
                }
            ],
        },
    ]
}
HN_EUR = "Acme | ML Engineer | Berlin, Germany | Onsite\nSalary: €60.000 - €80.000 per year"


def test_every_row_has_every_field_in_the_declared_order():
    (row,) = pay_rows("hackernews", HN_EUR, None, "DE", date(2019, 3, 1))
    assert list(row) == list(PAY_ROW_FIELDS)


def test_structured_pay_wins_over_the_text_and_keeps_one_row_per_tier():
    rows = pay_rows("ashby", "Pay: $100k-$120k a year", json.dumps(ASHBY), "US", date(2025, 5, 6))
    assert [(r["range_index"], r["tier_label"], r["provenance"]) for r in rows] == [
        (1, "San Francisco", "employer_structured"),
        (2, "London", "employer_structured"),
    ]
    sf = rows[0]
    assert (sf["min_amount"], sf["max_amount"], sf["currency"], sf["period"]) == (
        150_000,
        190_000,
        "USD",
        "year",
    )
    assert (sf["annual_min_usd"], sf["usd_rate"], sf["usd_rate_date"]) == (
        150_000,
        1.0,
        date(2025, 5, 6),
    )
    assert sf["cpi_year"] == 2025
    assert sf["annual_min_usd_2019"] == pytest.approx(150_000 * 255.657 / 321.943)
    assert sf["quarantine_reason"] is None


def test_hourly_pay_is_annualised_with_the_posting_countrys_rule_and_stores_it():
    # The tier is in pounds, but the posting's country picks the working year.
    london = pay_rows("ashby", None, ASHBY, "GB", date(2025, 5, 6))[1]
    assert (london["annual_min_amount"], london["annual_max_amount"]) == (50 * 1950, 60 * 1950)
    assert london["annualisation_rule"] == "GB: hour x 1950"
    assert (london["hours_per_year"], london["days_per_year"]) == (1950, 260)


def test_structured_pay_without_a_base_salary_falls_back_to_the_text():
    equity_only = {
        "compensationTiers": [{"components": ASHBY["compensationTiers"][0]["components"][1:]}]
    }
    (row,) = pay_rows("ashby", "Salary: $100k-$120k a year", equity_only, "US", date(2025, 5, 6))
    assert (row["min_amount"], row["max_amount"], row["provenance"]) == (
        100_000,
        120_000,
        "employer_text",
    )


def test_text_pay_in_euros_is_converted_at_the_ecb_rate_of_the_posting_date():
    # A Saturday takes Friday's rate: 1 EUR = 1.1383 USD on 2019-03-01.
    (row,) = pay_rows("hackernews", HN_EUR, "", "DE", date(2019, 3, 2))
    assert (row["min_amount"], row["max_amount"], row["currency"], row["period"]) == (
        60_000,
        80_000,
        "EUR",
        "year",
    )
    assert (row["usd_rate"], row["usd_rate_date"]) == (1.1383, date(2019, 3, 1))
    assert row["annual_min_usd"] == pytest.approx(68_298.0)
    assert row["annual_max_usd"] == pytest.approx(91_064.0)
    # 2019 is the base year: 2019 dollars are the nominal ones.
    assert row["annual_min_usd_2019"] == pytest.approx(68_298.0)
    assert (row["provenance"], row["is_period_inferred"], row["is_ote"]) == (
        "employer_text",
        False,
        False,
    )
    assert row["snippet"] == "€60.000 - €80.000 per year"


def test_implausible_pay_is_kept_with_its_reason():
    (row,) = pay_rows(
        "hackernews", "Acme | Engineer | NYC\nPay: $1,800 per hour", None, "US", date(2019, 3, 1)
    )
    assert row["quarantine_reason"] == "annual 3,744,000 USD above 3,000,000"
    assert row["annual_min_usd"] == 3_744_000
    assert (row["series"], row["exclusion_reason"]) == (None, row["quarantine_reason"])


@pytest.mark.parametrize(
    ("text", "field", "employment", "series"),
    [
        ("Acme | Contract | Remote\nRate: $60-80/hr", None, "contract", "contract"),
        ("Acme | Intern | NYC\nPay: $40/hr", None, "intern", "intern"),
        ("Acme | NYC\nSalary: $150k - $180k", None, "full_time", "full_time"),
        ("Acme | NYC\nSalary: $150k - $180k", "Contract", "contract", "contract"),
        ("Acme | NYC\nSalary: $150k - $180k", "PartTime", "part_time", "part_time"),
        ("Acme | NYC\nRate: $60-80/hr", None, "unknown", None),
    ],
)
def test_each_range_is_in_the_series_of_its_kind_of_job(text, field, employment, series):
    (row,) = pay_rows("hackernews", text, None, "US", date(2026, 1, 5), field)
    assert (row["employment_type"], row["series"]) == (employment, series)
    assert (row["exclusion_reason"] is None) == (series is not None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Acme | NYC\nSalary: up to $250k", "upper bound only"),
        ("Acme | NYC\nSalary: from $150k", "lower bound only"),
        ("Acme | NYC\nSALARY: 100-150k", "no currency written"),
        ("Acme | Sales | NYC\nSalary: $100k - $150k OTE", "on-target earnings"),
    ],
)
def test_ranges_left_out_of_every_series_say_why(text, reason):
    (row,) = pay_rows("hackernews", text, None, "US", date(2026, 1, 5))
    assert row["series"] is None and reason in row["exclusion_reason"]


def test_a_posting_without_a_date_is_quarantined_not_converted():
    (row,) = pay_rows("hackernews", HN_EUR, None, "DE", None)
    assert row["annual_min_usd"] is None
    assert row["quarantine_reason"] == "no posting date for the exchange rate"


def test_self_reported_sources_are_labelled_so():
    salary = {"baseSalary": {"currency": "USD", "value": {"value": 150000, "unitText": "YEAR"}}}
    (row,) = pay_rows("aijobs", None, salary, "US", date(2024, 7, 1))
    assert (row["provenance"], row["min_amount"], row["period"]) == (
        "self_reported",
        150_000,
        "year",
    )


def test_nothing_stated_gives_no_rows():
    assert pay_rows("greenhouse", None, None, None, date(2025, 1, 1)) == []
    assert pay_rows("greenhouse", "We pay well.", "not json", "US", date(2025, 1, 1)) == []


def test_the_sql_wrapper_turns_an_error_into_a_quarantined_row(monkeypatch):
    def boom(*_):
        raise RuntimeError("bad input")

    monkeypatch.setattr(pay, "pay_rows", boom)
    (row,) = pay_rows_sql("hackernews", "x", None, None, None)
    assert row["range_index"] == 1
    assert row["quarantine_reason"] == "pay_rows error: RuntimeError('bad input')"


def test_duckdb_returns_a_list_of_structs_that_unnests_into_columns():
    con = duckdb.connect()
    con.create_function(
        "jt_pay_rows",
        pay_rows_sql,
        pay.PAY_ROWS_PARAMS,
        pay.PAY_ROWS_TYPE,
        null_handling="special",
        side_effects=False,
    )
    got = con.execute(
        "select r.range_index, r.currency, r.usd_rate_date, r.quarantine_reason"
        " from (select unnest(jt_pay_rows('hackernews', ?, null, 'DE', date '2019-03-01', null, null)) as r)",
        [HN_EUR],
    ).fetchall()
    assert got == [(1, "EUR", date(2019, 3, 1), None)]
    assert con.execute(
        "select jt_pay_rows(null, null, null, null, null, null, null)"
    ).fetchall() == [([],)]
