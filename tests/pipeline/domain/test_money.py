"""Tests of pipeline.domain.money: annualising, ECB conversion, CPI deflation, plausibility."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from pipeline.domain.money import (
    DEFAULT_RULES,
    AnnualisationRule,
    annualisation_rule,
    annualise,
    cpi_u,
    cpi_year_used,
    plausibility,
    to_2019_usd,
    to_usd,
    usd_rate,
)
from pipeline.domain.salary import Salary

# --- annualising -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "period", "country", "expected"),
    [
        (50, "hour", None, 104_000),  # US default: 2080 h
        (50, "hour", "US", 104_000),
        (50, "hour", "GB", 50 * 1950),
        (50, "hour", "uk", 50 * 1950),
        (50, "hour", "FR", 50 * 1820),
        (50, "hour", "AU", 50 * 1976),
        (500, "day", "GB", 500 * 260),
        (2000, "week", "DE", 2000 * 52),
        (5000, "month", "CH", 60_000),
        (120_000, "year", "IN", 120_000),
    ],
)
def test_annualise(amount, period, country, expected):
    assert annualise(amount, period, country) == pytest.approx(expected)


def test_unknown_country_uses_the_currency_then_the_us_rule():
    assert annualisation_rule(None, currency="GBP").country == "GB"
    assert annualisation_rule("ZZ").country == "US"
    assert annualise(10, "hour", "ZZ") == 20_800


def test_rules_are_configurable():
    rules = {"US": AnnualisationRule("US", hours_per_year=1800, days_per_year=220)}
    assert annualise(10, "hour", "US", rules=rules) == 18_000
    assert annualise(100, "day", rules=rules) == 22_000


def test_rule_is_described_for_storage():
    assert annualisation_rule("GB").describe("hour") == "GB: hour x 1950"
    assert annualisation_rule("US").describe("month") == "US: month x 12"
    assert all(rule.source for rule in DEFAULT_RULES.values())


def test_unknown_period_is_an_error():
    with pytest.raises(ValueError, match="fortnight"):
        annualise(1, "fortnight")


# --- currency conversion ---------------------------------------------------------------------


def test_usd_is_identity():
    assert to_usd(100, "USD", date(2015, 6, 1)) == (100, 1.0, date(2015, 6, 1))


def test_eur_on_a_business_day():
    usd, rate, day = to_usd(100, "EUR", date(2014, 3, 28))
    assert day == date(2014, 3, 28)
    assert rate == pytest.approx(1.3759, abs=1e-4)  # ECB reference rate of that day
    assert usd == pytest.approx(137.59, abs=0.01)


def test_weekend_takes_the_nearest_published_day():
    usd, rate, day = to_usd(1000, "GBP", date(2016, 10, 1))  # a Saturday
    assert day in (date(2016, 9, 30), date(2016, 10, 3))
    assert day == date(2016, 9, 30)  # the earlier day wins a tie
    assert usd == pytest.approx(1000 * rate)


@pytest.mark.parametrize("currency", ["INR", "SGD", "CHF", "CAD", "AUD", "JPY"])
def test_other_ecb_currencies(currency):
    usd, rate, day = to_usd(1000, currency, date(2017, 11, 1))
    assert rate > 0 and usd == pytest.approx(1000 * rate)
    assert abs((day - date(2017, 11, 1)).days) <= 3


def test_inr_rate_is_about_right():
    rate, _ = usd_rate("INR", date(2018, 1, 2))
    assert 1 / 70 < rate < 1 / 60


def test_date_before_the_history_takes_its_first_day():
    _, _, day = to_usd(1, "INR", date(1990, 1, 1))
    assert day.year >= 1999


def test_unknown_currency():
    with pytest.raises(ValueError, match="XYZ"):
        to_usd(1, "XYZ", date(2020, 1, 1))


# --- CPI -------------------------------------------------------------------------------------


def test_cpi_table_covers_2010_to_2025():
    table = cpi_u()
    assert set(range(2010, 2026)) <= set(table)
    assert table[2019] == pytest.approx(255.657)


def test_2019_dollars():
    assert to_2019_usd(100_000, 2019) == pytest.approx(100_000)
    assert to_2019_usd(100_000, 2012) == pytest.approx(100_000 * 255.657 / 229.594)
    assert to_2019_usd(100_000, 2024) == pytest.approx(100_000 * 255.657 / 313.689)


def test_year_past_the_table_uses_the_latest_and_says_so(caplog):
    latest = max(cpi_u())
    assert cpi_year_used(2026) == latest
    with caplog.at_level(logging.INFO, logger="pipeline.domain.money"):
        assert to_2019_usd(100, 2026) == pytest.approx(to_2019_usd(100, latest))
    assert "2026" in caplog.text


def test_year_before_the_table_is_an_error():
    with pytest.raises(ValueError):
        to_2019_usd(100, 2005)


# --- plausibility ----------------------------------------------------------------------------


def _salary(low, high, currency="USD", period="year"):
    return Salary(low, high, currency, period)


def _usd(salary: Salary, rate: float) -> tuple[float, float]:
    """The annual range in USD at ``rate`` (US rules), as pipeline.domain.pay computes it."""
    factor = annualisation_rule("US").factor(salary.period)
    return salary.min_amount * factor * rate, salary.max_amount * factor * rate


@pytest.mark.parametrize(
    ("salary", "rate"),
    [
        (_salary(120_000, 150_000), 1.0),
        (_salary(40, 60, period="hour"), 1.0),
        (_salary(450, 600, "GBP", "day"), 1.25),
        (_salary(4_000, 5_500, "EUR", "month"), 1.1),
        (_salary(600_000, 900_000, "INR"), 0.012),
        (_salary(25_000, 40_000, "INR", "month"), 0.012),
        (_salary(250_000, 400_000, "ZAR"), 0.055),  # any currency: one rule, in dollars
    ],
)
def test_plausible(salary, rate):
    assert plausibility(salary, _usd(salary, rate)) is None


@pytest.mark.parametrize(
    ("salary", "rate", "words"),
    [
        (_salary(1_000, 1_500), 1.0, "below"),
        (_salary(3_500_000, 3_500_000), 1.0, "above"),
        (_salary(0.5, 0.8, period="hour"), 1.0, "below"),
        (_salary(100_000, 120_000, "INR"), 0.012, "below"),
        (_salary(150_000, 120_000), 1.0, "min"),
        (_salary(10_000, 200_000), 1.0, "10x"),
        (_salary(0, 10), 1.0, "zero"),
    ],
)
def test_implausible(salary, rate, words):
    reason = plausibility(salary, _usd(salary, rate))
    assert reason is not None and words in reason


def test_without_dollars_only_the_shape_is_judged():
    assert plausibility(_salary(1, 2, "XYZ")) is None
    assert "10x" in plausibility(_salary(1, 20, "XYZ"))
