"""The record every pay reader returns: one stated base-pay range, as the employer states it."""

from __future__ import annotations

from dataclasses import dataclass

PERIODS = ("hour", "day", "week", "month", "year")
EMPLOYER_TEXT = "employer_text"
EMPLOYER_STRUCTURED = "employer_structured"


@dataclass(frozen=True)
class Salary:
    """One base-pay range, in the stated currency and period; a single figure has min == max."""

    min_amount: float
    max_amount: float
    currency: str
    period: str
    is_period_inferred: bool = False
    is_ote: bool = False
    snippet: str = ""
    provenance: str = EMPLOYER_TEXT
    # The text gave no currency at all (``SALARY: 100-150k``): it came from the country or
    # from place names, so the warehouse can leave such rows out of currency-strict series.
    is_currency_inferred: bool = False
    # Structured data may give several tiers (one per location); this is the tier's title.
    label: str | None = None
    # A single figure that is only a bound: "up to $250k" (upper), "from €60k", "$120k+"
    # (lower). None for a range or a plain figure. Means and medians leave bounds out.
    bound: str | None = None
    start: int = -1

    @property
    def midpoint(self) -> float:
        """Return the middle of the range, which means and medians count."""
        return (self.min_amount + self.max_amount) / 2
