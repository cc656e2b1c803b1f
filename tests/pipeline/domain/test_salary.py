"""Unit tests of pipeline.salary: the formats real posts use, and what is not pay.

Every string here is written for the test, after the shapes seen in the corpus; none is
copied from it.
"""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.domain.pay_structured import salaries_from_ashby, salaries_from_schema_org
from pipeline.domain.pay_text import _windows as pay_windows
from pipeline.domain.salary import EMPLOYER_STRUCTURED, EMPLOYER_TEXT, Salary
from pipeline.salary import extract_salaries


def ranges(text: str, country: str | None = None) -> list[tuple]:
    return [
        (s.min_amount, s.max_amount, s.currency, s.period)
        for s in extract_salaries(text, country=country)
    ]


# --- formats ---------------------------------------------------------------------------------

FORMATS = [
    # symbols and codes
    (
        "Acme Robotics | Backend Engineer | Austin, TX | $130k - $160k",
        [(130e3, 160e3, "USD", "year")],
    ),
    ("Salary: US$95,000 to US$120,000", [(95e3, 120e3, "USD", "year")]),
    ("Pay: USD 140,000 - 170,000 base", [(140e3, 170e3, "USD", "year")]),
    ("Berlin | ONSITE | €65.000—€80.000", [(65e3, 80e3, "EUR", "year")]),
    ("Gehalt: 60.000 € - 72.000 € brutto", [(60e3, 72e3, "EUR", "year")]),
    ("Salary 55k-70k EUR, Munich", [(55e3, 70e3, "EUR", "year")]),
    ("Paris | 45-55k€ | CDI", [(45e3, 55e3, "EUR", "year")]),
    ("Leeds | Data Engineer | £45,000 - £60,000 + bonus", [(45e3, 60e3, "GBP", "year")]),
    ("Compensation: 70-90k GBP", [(70e3, 90e3, "GBP", "year")]),
    ("Vancouver | C$110k–C$140k", [(110e3, 140e3, "CAD", "year")]),
    ("the salary range is $150,000 - $180,000 CAD + equity", [(150e3, 180e3, "CAD", "year")]),
    ("Brisbane | A$120k - A$150k + super", [(120e3, 150e3, "AUD", "year")]),
    ("Zurich | SALARY: 120k-140k CHF | ONSITE", [(120e3, 140e3, "CHF", "year")]),
    ("Singapore | SGD 8,000 - 11,000 per month", [(8e3, 11e3, "SGD", "month")]),
    ("Compensation: S$90k-S$120k", [(90e3, 120e3, "SGD", "year")]),
    ("Tokyo | ¥8M - ¥11M | Hybrid", [(8e6, 11e6, "JPY", "year")]),
    # Indian formats
    ("CTC: ₹18L - ₹24L", [(18e5, 24e5, "INR", "year")]),
    ("Salary Rs. 6,00,000 - 9,00,000 per annum", [(6e5, 9e5, "INR", "year")]),
    ("Pay: INR 12-16 LPA, Pune", [(12e5, 16e5, "INR", "year")]),
    ("Offering 10 to 14 lakhs p.a. plus ESOPs", [(10e5, 14e5, "INR", "year")]),
    ("Budgeted CTC up to 1.2 Cr for the lead", [(12e6, 12e6, "INR", "year")]),
    ("Salary: ₹ 45,000 - 60,000 per month", [(45e3, 60e3, "INR", "month")]),
    # suffixes, shared multipliers, separators
    ("Pay: $120-150k + equity", [(120e3, 150e3, "USD", "year")]),
    ("$120k-150k DOE", [(120e3, 150e3, "USD", "year")]),
    ("Comp: $95-$125K", [(95e3, 125e3, "USD", "year")]),
    ("Compensation: $70-90,000 annual", [(70e3, 90e3, "USD", "year")]),
    ("Salary: 1.234.000 CZK gross", [(1234e3, 1234e3, "CZK", "year")]),
    ("Offering between $140,000 and $165,000 for this role", [(140e3, 165e3, "USD", "year")]),
    ("Salary from £40k to £52k", [(40e3, 52e3, "GBP", "year")]),
    ("£38k–£46k, London", [(38e3, 46e3, "GBP", "year")]),
    # open-ended figures
    ("Senior SRE | Denver, CO | $150k+ | Remote", [(150e3, 150e3, "USD", "year")]),
    ("Salary up to £70k depending on experience", [(70e3, 70e3, "GBP", "year")]),
    ("Base salary starting at $110,000", [(110e3, 110e3, "USD", "year")]),
    ("We pay from €50k for juniors", [(50e3, 50e3, "EUR", "year")]),
    # periods
    ("Contract | Rate: $85/hr", [(85, 85, "USD", "hour")]),
    ("Data labeller, $25 - $40 per hour, remote", [(25, 40, "USD", "hour")]),
    ("Contract role paying $60-75 hourly", [(60, 75, "USD", "hour")]),
    ("Contractor, £550 per day, outside IR35", [(550, 550, "GBP", "day")]),
    ("Day rate: £500-£600", [(500, 600, "GBP", "day")]),
    ("Intern stipend, paid $1,200/week", [(1200, 1200, "USD", "week")]),
    ("Salary €4,500 per month (14 payments)", [(4500, 4500, "EUR", "month")]),
    ("Salary: £3,200 pm", [(3200, 3200, "GBP", "month")]),
    ("$140k/yr + equity", [(140e3, 140e3, "USD", "year")]),
    ("Salary £48,000 p.a.", [(48e3, 48e3, "GBP", "year")]),
    ("£32-40kp.a. plus pension", [(32e3, 40e3, "GBP", "year")]),
    ("Pay: €58,000 per annum", [(58e3, 58e3, "EUR", "year")]),
    (
        "The base salary for this role is $160,000-$190,000 annually.",
        [(160e3, 190e3, "USD", "year")],
    ),
    ("Annual Salary:\n$210,000—$260,000 USD\n", [(210e3, 260e3, "USD", "year")]),
    ("Pay is $95k a year", [(95e3, 95e3, "USD", "year")]),
    # job titles are not negative cues
    ("- Machine Learning Engineer ($150-190k plus stock options)", [(150e3, 190e3, "USD", "year")]),
    ("Revenue Operations Manager ($120k-$140k)", [(120e3, 140e3, "USD", "year")]),
    ("Sales Lead | $70-90k", [(70e3, 90e3, "USD", "year")]),
    # several ranges, order of appearance, duplicates dropped
    (
        "- Backend ($140-170k)\n- Frontend ($120k-$150k)\n- Backend again ($140-170k)",
        [(140e3, 170e3, "USD", "year"), (120e3, 150e3, "USD", "year")],
    ),
    # a conversion in parentheses does not count twice
    ("Hourly pay between £15 ($19) and £30 ($38) per hour", [(15, 30, "GBP", "hour")]),
    ("Monthly salary 40,000 DKK (about €5,400/month)", [(40e3, 40e3, "DKK", "month")]),
    # bracketed notes between the ends of a range
    (
        "The expected range is $120,000 [lowest market] to $160,000 [highest market].",
        [(120e3, 160e3, "USD", "year")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMATS, ids=[t[:40] for t, _ in FORMATS])
def test_formats(text, expected):
    assert ranges(text) == expected


NOT_PAY = [
    "We raised $10M from great investors.",
    "Series B: $25M led by a16z.",
    "Fresh off a $5M seed round.",
    "We just closed a $500k seed.",
    "We hit $2M ARR this quarter.",
    "Customers spend $200K+ a year with us.",
    "Revenue of $3.5M last year, profitable.",
    "Valued at $1.2B.",
    "Tackling the $50B+ logistics market.",
    "Plans start at $9.99/month.",
    "Our Pro plan costs $49/month per seat.",
    "Used by 2M+ users and 10k companies.",
    "A $10k signing bonus for senior hires.",
    "Bonus: $15,000",
    "$2,000 annual learning budget and a $500 home office stipend.",
    "We pay for your gym membership (up to $50/month).",
    "$1,000 referral bonus if we hire your friend.",
    "0.5% - 1.0% equity, 401k matching.",
    "401(k) with 4% match.",
    "5-7 years of experience with Python.",
    "We worked on it from 2012-2018.",
    "Call us at +1 (415) 555-0199.",
    "Closing deals in the $50k–$150k ACV range.",
    "We have grown from 10k to 500k users.",
    "Our fees are $3,000 per day of training.",
    "Attorneys bill $300 / hour on average.",
    "Employees get a €100 voucher on their birthday.",
    "Won a $200,000 prize from the foundation.",
    "Total comp $300k-$450k including equity.",
    "The average salary at our company is $98,000.",
    "Scaled from $1M to $500M in revenue.",
    "We process $4 billion in payments a year.",
    "C$85 - C$140 | Calgary",  # unreadable: neither an hourly rate nor thousands
    "$160k-£240k",  # two currencies in one range
]


@pytest.mark.parametrize("text", NOT_PAY)
def test_not_pay(text):
    assert ranges(text) == []


# --- currency resolution ---------------------------------------------------------------------


def test_dollar_is_usd_by_default():
    assert ranges("Salary: $100k-$120k") == [(100e3, 120e3, "USD", "year")]


@pytest.mark.parametrize(("country", "currency"), [("CA", "CAD"), ("AU", "AUD"), ("SG", "SGD")])
def test_dollar_follows_the_posting_country(country, currency):
    assert ranges("Salary: $100k-$120k", country=country) == [(100e3, 120e3, currency, "year")]


def test_dollar_follows_a_non_us_location_in_the_text():
    text = "Kestrel Labs | Toronto, ON | Backend Developer | $95k-$115k"
    assert ranges(text) == [(95e3, 115e3, "CAD", "year")]


def test_us_place_keeps_the_us_dollar():
    text = "Kestrel Labs | Toronto or New York | Backend Developer | $95k-$115k"
    assert ranges(text) == [(95e3, 115e3, "USD", "year")]


def test_figure_without_currency_takes_the_posting_country():
    got = extract_salaries("Zeno | Backend | ONSITE, SALARY: 70k-90k", country="GB")
    assert [(s.min_amount, s.max_amount, s.currency) for s in got] == [(70e3, 90e3, "GBP")]
    assert got[0].is_currency_inferred


def test_figure_without_currency_takes_the_place_named():
    assert ranges("Zeno | Austin, TX | ONSITE, SALARY: 120-150k") == [(120e3, 150e3, "USD", "year")]


def test_figure_without_currency_takes_the_texts_other_currency():
    text = "We raised £2m last year.\nSalary: 50k-65k depending on experience."
    assert ranges(text) == [(50e3, 65e3, "GBP", "year")]


def test_figure_without_currency_or_place_is_dropped():
    assert ranges("Remote | SALARY: 100-150k") == []


def test_figure_without_currency_needs_a_pay_word():
    assert ranges("Austin, TX | we serve 100-150k requests a second") == []


# --- flags and fields ------------------------------------------------------------------------


def test_ote_is_flagged():
    (s,) = extract_salaries("Account Executive | $160k-$200k OTE + equity")
    assert s.is_ote
    (s,) = extract_salaries("On-target earnings (OTE): $90,000-$120,000")
    assert s.is_ote
    (s,) = extract_salaries("Base salary: $60,000-$75,000")
    assert not s.is_ote


def test_period_inferred_or_stated():
    (s,) = extract_salaries("Salary: $120k-$150k")
    assert (s.period, s.is_period_inferred) == ("year", True)
    (s,) = extract_salaries("Salary: $120k-$150k per year")
    assert (s.period, s.is_period_inferred) == ("year", False)
    (s,) = extract_salaries("Rate: $50-$70 depending on experience")
    assert (s.period, s.is_period_inferred) == ("hour", True)


def test_monthly_is_inferred_for_currencies_quoted_monthly_only():
    (s,) = extract_salaries("Gehalt: 4.500 € - 5.500 €")
    assert (s.period, s.is_period_inferred) == ("month", True)
    # a US post never quotes $4,500-$5,500 a month without saying so: dropped
    assert extract_salaries("Salary: $4,500-$5,500") == []


def test_snippet_provenance_and_offset():
    text = "Backend | Salary: $120k-$150k + equity"
    (s,) = extract_salaries(text)
    assert s.snippet == "$120k-$150k"
    assert text[s.start : s.start + len(s.snippet)] == s.snippet
    assert s.provenance == EMPLOYER_TEXT
    assert s.midpoint == 135e3


def test_salary_is_frozen():
    (s,) = extract_salaries("Salary: $120k-$150k")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.min_amount = 1.0  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "no figures here", "just 42 numbers 7"])
def test_texts_without_pay(text):
    assert extract_salaries(text) == []


# --- structured pay --------------------------------------------------------------------------

ASHBY = {
    "compensationTierSummary": "$150K – $170K • Offers Equity",
    "compensationTiers": [
        {
            "title": "US",
            "components": [
                {
                    "summary": "$150K – $170K",
                    "compensationType": "Salary",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": 150000,
                    "maxValue": 170000,
                },
                {
                    "summary": "Offers Equity",
                    "compensationType": "EquityPercentage",
                    "interval": "NONE",
                    "currencyCode": None,
                    "minValue": None,
                    "maxValue": None,
                },
                {
                    "compensationType": "Bonus",
                    "interval": "1 YEAR",
                    "currencyCode": "USD",
                    "minValue": 10000,
                    "maxValue": 20000,
                },
            ],
        },
        {
            "title": "Canada",
            "components": [
                {
                    "compensationType": "Salary",
                    "interval": "1 HOUR",
                    "currencyCode": "CAD",
                    "minValue": 60,
                    "maxValue": 75.5,
                }
            ],
        },
    ],
    "summaryComponents": [
        {
            "compensationType": "Salary",
            "interval": "1 YEAR",
            "currencyCode": "USD",
            "minValue": 60,
            "maxValue": 170000,
        }
    ],
}


def test_ashby_keeps_salary_tiers_only():
    got = salaries_from_ashby(ASHBY)
    assert [(s.min_amount, s.max_amount, s.currency, s.period, s.label) for s in got] == [
        (150000, 170000, "USD", "year", "US"),
        (60, 75.5, "CAD", "hour", "Canada"),
    ]
    assert all(s.provenance == EMPLOYER_STRUCTURED and not s.is_period_inferred for s in got)


def test_ashby_summary_when_no_tiers():
    comp = {"compensationTiers": [], "summaryComponents": ASHBY["summaryComponents"][:1]}
    comp["summaryComponents"][0] = dict(comp["summaryComponents"][0], minValue=90000)
    (s,) = salaries_from_ashby(comp)
    assert (s.min_amount, s.max_amount, s.period) == (90000, 170000, "year")


@pytest.mark.parametrize(
    "comp",
    [
        None,
        {},
        {"compensationTiers": [{"components": [{"compensationType": "Commission"}]}]},
        {
            "compensationTiers": [
                {
                    "components": [
                        {
                            "compensationType": "Salary",
                            "interval": "1 YEAR",
                            "currencyCode": "USD",
                            "minValue": None,
                            "maxValue": None,
                        }
                    ]
                }
            ]
        },
    ],
)
def test_ashby_without_salary(comp):
    assert salaries_from_ashby(comp) == []


def test_ashby_single_value_sets_both_ends():
    comp = {
        "compensationTiers": [
            {
                "components": [
                    {
                        "compensationType": "Salary",
                        "interval": "1 MONTH",
                        "currencyCode": "eur",
                        "minValue": 5000,
                        "maxValue": None,
                    }
                ]
            }
        ]
    }
    (s,) = salaries_from_ashby(comp)
    assert (s.min_amount, s.max_amount, s.currency, s.period) == (5000, 5000, "EUR", "month")


def test_schema_org_range():
    base = {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "minValue": 40, "maxValue": 55, "unitText": "HOUR"},
    }
    (s,) = salaries_from_schema_org(base)
    assert (s.min_amount, s.max_amount, s.currency, s.period) == (40, 55, "USD", "hour")
    assert s.provenance == EMPLOYER_STRUCTURED


def test_schema_org_single_value_and_strings():
    base = {"currency": "GBP", "value": {"value": "52,000", "unitText": "YEAR"}}
    (s,) = salaries_from_schema_org(base)
    assert (s.min_amount, s.max_amount, s.currency, s.period) == (52000, 52000, "GBP", "year")


def test_schema_org_bare_number_value():
    (s,) = salaries_from_schema_org({"currency": "EUR", "value": 4000, "unitText": "MONTH"})
    assert (s.min_amount, s.period) == (4000, "month")


@pytest.mark.parametrize(
    "base",
    [
        None,
        {},
        {"currency": "USD", "value": {"minValue": 1, "maxValue": 2}},  # no unit
        {"currency": "USD", "value": {"unitText": "YEAR"}},  # no amount
        {"value": {"minValue": 1, "maxValue": 2, "unitText": "YEAR"}},  # no currency
    ],
)
def test_schema_org_incomplete(base):
    assert salaries_from_schema_org(base) == []


def test_salary_fields_of_the_contract():
    names = {f.name for f in dataclasses.fields(Salary)}
    assert {
        "min_amount",
        "max_amount",
        "currency",
        "period",
        "is_period_inferred",
        "is_ote",
        "snippet",
        "provenance",
    } <= names


@pytest.mark.parametrize(
    "text",
    [
        "We maintain a large database and a shared codebase.",  # "base" inside a word
        "Use rsync and Rsnapshot; we ship Crates.",  # codes followed by lowercase letters
        "The right place, on a black background.",  # "lac" inside a word
    ],
)
def test_text_with_no_pay_anchor_is_not_scanned(text):
    assert pay_windows(text) == []


def test_pay_windows_open_at_signs_codes_and_pay_words():
    text = "Remote. Base: 120-150k. Also 90,000 EUR. Or $100k."
    windows = pay_windows(text)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert extract_salaries("Base salary 120-150k USD")[0].max_amount == 150_000
