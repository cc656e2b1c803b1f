"""Currencies, the countries that use them, and rough scales between them: one table each.

The pay parser (``pay_text``), the conversions (``money``) and the structured pay readers all
read these tables; none keeps a copy.
"""

from __future__ import annotations

from collections.abc import Mapping

# ISO 4217 codes the parser recognises when written out ("USD 150k", "90k CHF").
ISO_CODES = frozenset(
    [
        "USD",
        "EUR",
        "GBP",
        "CAD",
        "AUD",
        "NZD",
        "CHF",
        "SGD",
        "INR",
        "JPY",
        "CNY",
        "HKD",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "CZK",
        "HUF",
        "RON",
        "BRL",
        "MXN",
        "ILS",
        "ZAR",
        "KRW",
        "TWD",
        "MYR",
        "PHP",
        "THB",
        "IDR",
        "TRY",
        "AED",
    ]
)

EURO_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "CY",
        "DE",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PT",
        "SI",
        "SK",
    ]
)
# Countries whose own currency is a dollar: what a bare "$" means there.
DOLLAR_OF_COUNTRY: Mapping[str, str] = {
    "US": "USD",
    "CA": "CAD",
    "AU": "AUD",
    "NZ": "NZD",
    "SG": "SGD",
    "HK": "HKD",
    "MX": "MXN",
    "TW": "TWD",
}
DOLLAR_CODES = frozenset(DOLLAR_OF_COUNTRY.values())
# The currency pay is stated in, by country (ISO 3166-1 alpha-2; "UK" as some sources write it).
CURRENCY_OF_COUNTRY: Mapping[str, str] = {
    **DOLLAR_OF_COUNTRY,
    **dict.fromkeys(EURO_COUNTRIES, "EUR"),
    "GB": "GBP",
    "UK": "GBP",
    "CH": "CHF",
    "IN": "INR",
    "JP": "JPY",
    "SE": "SEK",
    "NO": "NOK",
    "DK": "DKK",
    "PL": "PLN",
    "CZ": "CZK",
    "IL": "ILS",
    "BR": "BRL",
    "CN": "CNY",
}
# Where a posting has no country, the country whose conventions its currency most likely
# follows: the one country of a national currency, Germany for the euro.
HOME_COUNTRY: Mapping[str, str] = {
    **{cur: country for country, cur in CURRENCY_OF_COUNTRY.items() if cur != "EUR"},
    "GBP": "GB",
    "EUR": "DE",
}

# Rough units per US dollar, only to scale limits given in dollars to another currency (a
# plausible hourly rate, a price); never used to convert an amount.
UNITS_PER_USD: Mapping[str, float] = {
    "USD": 1,
    "CAD": 1.3,
    "AUD": 1.4,
    "NZD": 1.5,
    "SGD": 1.35,
    "HKD": 7.8,
    "GBP": 0.8,
    "EUR": 0.9,
    "CHF": 0.9,
    "INR": 25,  # purchasing power, not the market rate: Indian pay is lower in dollars
    "JPY": 130,
    "SEK": 10,
    "NOK": 10,
    "DKK": 7,
    "PLN": 4,
    "CZK": 22,
    "BRL": 5,
    "MXN": 18,
    "ILS": 3.6,
}
