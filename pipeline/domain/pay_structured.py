"""Read the structured pay of job boards: Ashby ``compensation`` and schema.org ``baseSalary``.

Figures are kept as given (amount, currency, period); only their shape is checked.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from pipeline.domain.salary import EMPLOYER_STRUCTURED, Salary

_ASHBY_INTERVAL = re.compile(r"^\s*1\s+(HOUR|DAY|WEEK|MONTH|YEAR)S?\s*$", re.I)
_SCHEMA_UNITS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}


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
    low: Any, high: Any, currency: Any, period: str | None, snippet: str, label: str | None
) -> Salary | None:
    lo, hi = _number(low), _number(high)
    lo, hi = lo or hi, hi or lo
    if lo is None or hi is None or period is None or not isinstance(currency, str):
        return None
    lo, hi = min(lo, hi), max(lo, hi)
    return Salary(
        min_amount=lo,
        max_amount=hi,
        currency=currency.upper(),
        period=period,
        is_period_inferred=False,
        is_ote=False,
        snippet=snippet,
        provenance=EMPLOYER_STRUCTURED,
        label=label,
    )


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


def salaries_from_schema_org(base_salary: Mapping[str, Any] | None) -> list[Salary]:
    """Return the salary of a schema.org JobPosting ``baseSalary`` (a MonetaryAmount).

    ``value`` is a QuantitativeValue (``minValue``/``maxValue`` or ``value``, and
    ``unitText``) or, as some sites write it, a bare number; a list of amounts is accepted.
    """
    if not base_salary:
        return []
    items = base_salary if isinstance(base_salary, list) else [base_salary]
    out: list[Salary] = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
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
        period = _SCHEMA_UNITS.get(str(unit or "").strip().upper())
        sal = _structured(low, high, currency, period, "", None)
        if sal is not None:
            out.append(sal)
    return _dedupe(out)


def _dedupe(salaries: list[Salary]) -> list[Salary]:
    seen: set[tuple[float, float, str, str, str | None]] = set()
    out = []
    for s in salaries:
        key = (s.min_amount, s.max_amount, s.currency, s.period, s.label)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out
