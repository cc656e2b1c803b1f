"""Read the structured pay of job boards, each in the shape its platform gives it.

Figures are kept as given (amount, currency, period); only their shape is checked. The
platforms, and the key a posting's ``pay`` holds them under:

- Ashby ``compensation`` (``compensationTiers``, ``summaryComponents``);
- schema.org JobPosting ``baseSalary`` (a MonetaryAmount), under ``baseSalary``;
- Lever ``salaryRange`` (``currency``, ``interval``, ``min``, ``max``), under ``salaryRange``;
- Greenhouse ``pay_input_ranges`` (``min_cents``, ``max_cents``, ``currency_type``, ``title``);
- Recruitee ``salary`` (``min``, ``max``, ``currency``, ``period``), under ``salary``.

``read_structured_pay`` returns the salaries and, when an object is there but cannot be read,
why: the spiders turn that reason into a reject row, so a dropped pay figure is never silent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.domain.salary import EMPLOYER_STRUCTURED, Salary

_ASHBY_INTERVAL = re.compile(r"^\s*1\s+(HOUR|DAY|WEEK|MONTH|YEAR)S?\s*$", re.I)
_SCHEMA_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
# Lever's ``salaryRange.interval``; "one-time" is a lump sum, not a rate of pay.
_LEVER_INTERVALS = {
    "per-year-salary": "year",
    "per-month-salary": "month",
    "per-week-salary": "week",
    "per-day-wage": "day",
    "per-hour-wage": "hour",
}
# Recruitee's ``salary.period``.
_RECRUITEE_PERIODS = {
    "year": "year",
    "annual": "year",
    "yearly": "year",
    "month": "month",
    "monthly": "month",
    "week": "week",
    "weekly": "week",
    "day": "day",
    "daily": "day",
    "hour": "hour",
    "hourly": "hour",
}
# A Greenhouse pay range names its period, if at all, in its title or blurb.
_GREENHOUSE_PERIODS = (
    ("hour", re.compile(r"\bhour(?:ly)?\b|\bper\s+hr\b", re.I)),
    ("day", re.compile(r"\bdaily\b|\bper\s+day\b|\bday\s+rate\b", re.I)),
    ("week", re.compile(r"\bweekly\b|\bper\s+week\b", re.I)),
    ("month", re.compile(r"\bmonth(?:ly)?\b", re.I)),
    ("year", re.compile(r"\bannual(?:ly|ised|ized)?\b|\byear(?:ly)?\b|\bsalary\b", re.I)),
)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) and value > 0 else None
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "").strip())
        except ValueError:
            return None
        return number if math.isfinite(number) and number > 0 else None
    return None


def _structured(
    low: Any,
    high: Any,
    currency: Any,
    period: str | None,
    snippet: str,
    label: str | None,
    is_period_inferred: bool = False,
) -> Salary | None:
    lo, hi = _number(low), _number(high)
    lo, hi = lo or hi, hi or lo
    if lo is None or hi is None or period is None or not isinstance(currency, str):
        return None
    if not currency.strip():
        return None
    lo, hi = min(lo, hi), max(lo, hi)
    return Salary(
        min_amount=lo,
        max_amount=hi,
        currency=currency.strip().upper(),
        period=period,
        is_period_inferred=is_period_inferred,
        is_ote=False,
        snippet=snippet,
        provenance=EMPLOYER_STRUCTURED,
        label=label,
    )


def _problem(low: Any, high: Any, currency: Any, period: str | None, what: str) -> str:
    """Say why a structured range did not read: the first field that is missing or wrong."""
    if _number(low) is None and _number(high) is None:
        shown = low if low is not None else high
        if shown is None:
            return f"{what} has no amount"
        return f"{what} amount is not a number: {shown!r}"
    if not isinstance(currency, str) or not currency.strip():
        return f"{what} has no currency"
    if period is None:
        return f"{what} has no known pay period"
    return f"{what} could not be read"


def _ashby_components(components: Iterable[Mapping[str, Any]], label: str | None) -> list[Salary]:
    out = []
    for comp in components or ():
        if not isinstance(comp, Mapping) or comp.get("compensationType") != "Salary":
            continue
        m = _ASHBY_INTERVAL.match(str(comp.get("interval") or ""))
        period = m.group(1).lower() if m else None
        snippet = str(comp.get("summary") or "")
        sal = _structured(
            comp.get("minValue"),
            comp.get("maxValue"),
            comp.get("currencyCode"),
            period,
            snippet,
            label,
        )
        if sal is not None:
            out.append(sal)
    return out


def salaries_from_ashby(compensation: Mapping[str, Any] | None) -> list[Salary]:
    """Return the base salaries of an Ashby ``compensation`` object, one per tier.

    Tiers (often one per location) are kept apart; ``summaryComponents`` spans all tiers, so
    it is used only when there are no tiers. Equity, bonus and commission are not base pay.
    """
    if not compensation:
        return []
    out: list[Salary] = []
    for tier in compensation.get("compensationTiers") or ():
        if isinstance(tier, Mapping):
            out.extend(_ashby_components(tier.get("components") or (), tier.get("title")))
    if not out:
        out = _ashby_components(compensation.get("summaryComponents") or (), None)
    return _dedupe(out)


def _schema_org_amounts(item: Mapping[str, Any]) -> tuple[Any, Any, Any, str | None]:
    value = item.get("value")
    currency = item.get("currency") or (
        value.get("currency") if isinstance(value, Mapping) else None
    )
    if isinstance(value, Mapping):
        unit = value.get("unitText") or item.get("unitText")
        low = value.get("minValue", value.get("value"))
        high = value.get("maxValue", value.get("value"))
    else:
        unit, low, high = item.get("unitText"), value, value
    return low, high, currency, _SCHEMA_UNITS.get(str(unit or "").strip().upper())


def _schema_org(base_salary: Any) -> tuple[list[Salary], str | None]:
    items = base_salary if isinstance(base_salary, list) else [base_salary]
    out: list[Salary] = []
    problem = None
    for item in items:
        if not isinstance(item, Mapping):
            problem = problem or f"baseSalary is not a MonetaryAmount: {item!r:.60}"
            continue
        low, high, currency, period = _schema_org_amounts(item)
        sal = _structured(low, high, currency, period, "", None)
        if sal is None:
            problem = problem or _problem(low, high, currency, period, "baseSalary")
        else:
            out.append(sal)
    return _dedupe(out), None if out else problem


def salaries_from_schema_org(base_salary: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salary of a schema.org JobPosting ``baseSalary`` (a MonetaryAmount).

    ``value`` is a QuantitativeValue (``minValue``/``maxValue`` or ``value``, and
    ``unitText``) or, as some sites write it, a bare number; a list of amounts is accepted.
    """
    return _schema_org(base_salary)[0] if base_salary else []


def _lever(salary_range: Any) -> tuple[list[Salary], str | None]:
    if not isinstance(salary_range, Mapping):
        return [], f"salaryRange is not an object: {salary_range!r:.60}"
    interval = str(salary_range.get("interval") or "").strip().lower()
    if interval == "one-time":
        return [], "salaryRange is a one-time amount, not a rate of pay"
    return _min_max(salary_range, _LEVER_INTERVALS.get(interval), "salaryRange")


def _min_max(
    obj: Mapping[str, Any], period: str | None, what: str
) -> tuple[list[Salary], str | None]:
    """Read an object of ``min``, ``max`` and ``currency`` (Lever, Recruitee) in ``period``."""
    low, high, currency = obj.get("min"), obj.get("max"), obj.get("currency")
    sal = _structured(low, high, currency, period, "", None)
    if sal is None:
        return [], _problem(low, high, currency, period, what)
    return [sal], None


def salaries_from_lever(salary_range: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salary of a Lever posting's ``salaryRange``: min, max, currency, interval."""
    return _lever(salary_range)[0] if salary_range else []


def _greenhouse_period(text: str) -> tuple[str, bool]:
    for period, pattern in _GREENHOUSE_PERIODS:
        if pattern.search(text):
            return period, False
    return "year", True  # pay-transparency ranges are annual unless they say otherwise


def _greenhouse(ranges: Any) -> tuple[list[Salary], str | None]:
    if not isinstance(ranges, list):
        return [], f"pay_input_ranges is not a list: {ranges!r:.60}"
    out: list[Salary] = []
    problem = None
    for item in ranges:
        if not isinstance(item, Mapping):
            continue
        title = str(item.get("title") or "").strip()
        blurb = str(item.get("blurb") or "")
        period, inferred = _greenhouse_period(f"{title} {blurb}")
        low, high = _cents(item.get("min_cents")), _cents(item.get("max_cents"))
        currency = item.get("currency_type")
        sal = _structured(low, high, currency, period, title, title or None, inferred)
        if sal is None:
            raw_low, raw_high = item.get("min_cents"), item.get("max_cents")
            problem = problem or _problem(raw_low, raw_high, currency, period, "pay_input_range")
        else:
            out.append(sal)
    return _dedupe(out), None if out else problem


def _cents(value: Any) -> float | None:
    number = _number(value)
    return number / 100 if number is not None else None


def salaries_from_greenhouse(ranges: list[Mapping[str, Any]] | None) -> list[Salary]:
    """Return the salaries of a Greenhouse job's ``pay_input_ranges`` (amounts in cents).

    Each range is kept apart (often one per zone or location, named by its ``title``); a
    range is annual unless its title or blurb names an hourly, daily, weekly or monthly rate.
    """
    return _greenhouse(ranges)[0] if ranges else []


def _recruitee(salary: Any) -> tuple[list[Salary], str | None]:
    if not isinstance(salary, Mapping):
        return [], f"salary is not an object: {salary!r:.60}"
    if all(salary.get(k) in (None, "") for k in ("min", "max")):
        return [], None  # the employer left the salary empty: nothing stated
    period = _RECRUITEE_PERIODS.get(str(salary.get("period") or "").strip().lower())
    return _min_max(salary, period, "salary")


def salaries_from_recruitee(salary: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salary of a Recruitee offer's ``salary``: min, max, currency, period."""
    return _recruitee(salary)[0] if salary else []


def read_structured_pay(pay: Any) -> tuple[list[Salary], str | None]:
    """Return the salaries of a posting's structured ``pay`` and why none could be read.

    The reason is None when there is nothing to read (no pay, or no salary in it, such as
    Ashby equity only) and a short sentence when a figure is there but unusable.
    """
    if not isinstance(pay, Mapping) or not pay:
        return [], None
    if "compensationTiers" in pay or "summaryComponents" in pay:
        return salaries_from_ashby(pay), None
    if "baseSalary" in pay:
        return _schema_org(pay["baseSalary"]) if pay["baseSalary"] else ([], None)
    if pay.get("@type") == "MonetaryAmount":
        return _schema_org(pay)
    if "salaryRange" in pay:
        return _lever(pay["salaryRange"]) if pay["salaryRange"] else ([], None)
    if "pay_input_ranges" in pay:
        return _greenhouse(pay["pay_input_ranges"]) if pay["pay_input_ranges"] else ([], None)
    if "salary" in pay:
        return _recruitee(pay["salary"]) if pay["salary"] else ([], None)
    return [], None


def _dedupe(salaries: list[Salary]) -> list[Salary]:
    seen: set[tuple[float, float, str, str, str | None]] = set()
    out = []
    for s in salaries:
        key = (s.min_amount, s.max_amount, s.currency, s.period, s.label)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out
