"""Tests of pipeline.domain.geo: location fields, free-text posts, the gazetteer, a labelled corpus set."""

from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter

import pytest

from pipeline.domain import geo
from pipeline.domain.geo import countries_of, country_of, country_of_post
from pipeline.eval.documents import labelled_documents
from pipeline.paths import LABELS_DIR

LABELS = LABELS_DIR / "geo_labels.jsonl"


# ---------------------------------------------------------------- country_of: location fields


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        # country names, codes and common variants
        ("United States", "US"),
        ("United States ", "US"),
        ("United States of America", "US"),
        ("USA", "US"),
        ("U.S.", "US"),
        ("U.S.A.", "US"),
        ("US", "US"),
        ("UK", "GB"),
        ("U.K.", "GB"),
        ("United Kingdom", "GB"),
        ("England", "GB"),
        ("Scotland", "GB"),
        ("Deutschland", "DE"),
        ("Germany", "DE"),
        ("The Netherlands", "NL"),
        ("Holland", "NL"),
        ("India", "IN"),
        ("South Korea", "KR"),
        ("Korea", "KR"),
        ("Czechia", "CZ"),
        ("UAE", "AE"),
        ("KSA", "SA"),
        ("Brasil", "BR"),
        ("México", "MX"),
        ("Türkiye", "TR"),
        ("Cabo Verde", "CV"),
        ("Hong Kong", "HK"),
        ("Singapore", "SG"),
        # cities, with and without qualifiers
        ("Seoul, South Korea", "KR"),
        ("Chicago", "US"),
        ("Bengaluru", "IN"),
        ("Bangalore, Karnataka, India", "IN"),
        ("Gurgaon", "IN"),
        ("Tokyo", "JP"),
        ("Berlin", "DE"),
        ("München", "DE"),
        ("Muenchen", "DE"),
        ("Zürich, Switzerland", "CH"),
        ("Zurich", "CH"),
        ("Sao Paulo", "BR"),
        ("São Paulo, São Paulo, Brazil", "BR"),
        ("Hồ Chí Minh, Vietnam", "VN"),
        ("Mexico City", "MX"),
        ("Tel Aviv", "IL"),
        ("NYC", "US"),
        ("New York City", "US"),
        ("SF", "US"),
        ("SF Bay Area", "US"),
        ("Bay Area, CA", "US"),
        ("Silicon Valley", "US"),
        ("San Francisco-Hybrid", "US"),
        ("Mountain View, California (HQ)", "US"),
        ("San Mateo, CA, United States", "US"),
        ("Seattle, New-York, San Francisco, Atlanta", "US"),
        # US states: by name, by code after a comma, in other shapes
        ("Austin, TX", "US"),
        ("Indianapolis, IN", "US"),
        ("Portland, OR", "US"),
        ("Presidio, CA", "US"),
        ("Lehi, UT", "US"),
        ("Weave - Headquarters (Lehi, UT)", "US"),
        ("Texas", "US"),
        ("Remote - California", "US"),
        ("Remote-Virginia", "US"),
        ("California - SF", "US"),
        ("Washington, D.C.", "US"),
        ("Washington DC", "US"),
        ("Central - United States", "US"),
        ("West Coast (Remote)", "US"),
        ("Boston, Mass", "US"),
        # Canadian provinces
        ("Vancouver, British Columbia, Canada", "CA"),
        ("Toronto, ON, CA", "CA"),
        ("Ottawa, Ontario", "CA"),
        ("Montreal QC", "CA"),
        ("Victoria, BC", "CA"),
        ("Quebec", "CA"),
        ("Remote - Ontario, Canada", "CA"),
        ("Canada - Remote (ON, AB, BC, or NS Only)", "CA"),
        # remote and prefixed forms
        ("Remote - US", "US"),
        ("US Remote", "US"),
        ("US-Remote", "US"),
        ("Remote (US)", "US"),
        ("Remote in the US", "US"),
        ("UK - London", "GB"),
        ("Brazil - Rio de Janeiro", "BR"),
        ("India - Bengaluru", "IN"),
        ("IN-Bengaluru", "IN"),
        ("CA-Toronto", "CA"),
        ("MX- Mexico City", "MX"),
        ("UK & Europe - Remote", "GB"),
        ("Middle East - Doha", "QA"),
        # short field abbreviations
        ("SF, NY, SEA, Remote-US", "US"),
        ("CHI and DUB", "US"),
        ("TOR", "CA"),
        ("USCA", "US"),
        # unknown
        ("Hybrid", None),
        ("Remote", None),
        ("Anywhere", None),
        ("Distributed", None),
        ("In-Office", None),
        ("N/A", None),
        ("EMEA", None),
        ("Europe", None),
        ("North America - Remote", None),
        ("Remote - Global", None),
        ("", None),
        (None, None),
    ],
)
def test_country_of(location, expected):
    assert country_of(location) == expected


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        # a qualifier decides an ambiguous code or name
        ("Toronto, CA", "CA"),
        ("Ontario, CA", "CA"),
        ("San Francisco, CA", "US"),
        ("Remote - CA", "US"),
        ("Remote, CA, US", "US"),
        ("Berlin, DE", "DE"),
        ("Hamburg, DE", "DE"),
        ("Dover, DE", "US"),
        ("Kleinstadt, DE", "DE"),  # an unknown city: DE reads as Germany first
        ("Wilmington, DE", "US"),
        ("Buenos Aires, AR", "AR"),
        ("Little Rock, AR", "US"),
        ("Tel Aviv, IL", "IL"),
        ("Perth, WA", "AU"),
        ("Seattle, WA", "US"),
        ("Bratislava, SK", "SK"),
        ("Saskatoon, SK", "CA"),
        ("Tbilisi, Georgia", "GE"),
        ("Atlanta, Georgia", "US"),
        ("Georgia; Illinois", "US"),
        ("Remote - Georgia", "US"),
        # a region or country after a city wins over the city's own country
        ("London, ON", "CA"),
        ("London, Ontario, Canada", "CA"),
        ("Paris, TX", "US"),
        ("Cambridge, MA", "US"),
        ("Cambridge, UK", "GB"),
        ("Birmingham, AL", "US"),
        ("Vancouver, WA", "US"),
        # territories keep their own code next to their parent
        ("China - Hong Kong", "HK"),
        ("Hong Kong, China", "HK"),
        # cities whose names are common words count in a location field
        ("Reading", "GB"),
        ("Reading, PA", "US"),
        ("Nice", "FR"),
        ("Mobile, AL", "US"),
        ("Remote-Jakarta", "ID"),
        # codes that are words
        ("Poland - Remote OR Romania - Remote", "PL"),
        ("Remote - OR", "US"),
        ("Dublin OR London", "IE"),
        # case: 'US' the code, not 'us' the word
        ("Work with us", None),
    ],
)
def test_country_of_ambiguity(location, expected):
    assert country_of(location) == expected


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("San Francisco, CA | New York City, NY", ["US"]),
        ("Dublin, Ireland; London, England", ["IE", "GB"]),
        ("Tbilisi, Georgia; Yerevan, Armenia", ["GE", "AM"]),
        ("Paris, France, Barcelona, Spain", ["FR", "ES"]),
        ("London, UK; Ontario, CA; Remote-Friendly, United States", ["GB", "CA", "US"]),
        ("US / Canada", ["US", "CA"]),
        ("Chicago, US-Remote, Canada-Remote", ["US", "CA"]),
        ("Singapore, Sydney", ["SG", "AU"]),
        ("Italy or France or Germany", ["IT", "FR", "DE"]),
        ("Belgium; France; Netherlands", ["BE", "FR", "NL"]),
        ("Hybrid", []),
        (None, []),
    ],
)
def test_countries_of_in_order(location, expected):
    assert countries_of(location) == expected


# ---------------------------------------------------------------- country_of_post: free text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the header: '|'-separated fields
        ("Acme Corp | Senior ML Engineer | San Francisco, CA or REMOTE (US) | Full-time", "US"),
        ("Acme | ML Engineer | Austin, TX | $150k-200k\nWe are a team in Berlin.", "US"),
        ("Acme | Backend | Waterloo, ON, Canada | ONSITE", "CA"),
        ("Acme | Data Scientist | Bengaluru | Full-time", "IN"),
        ("Acme | Engineer | Irving TX", "US"),
        ("Acme | Engineer | Myrtle Beach, SC, USA", "US"),
        ("Acme | Engineer | Hattiesburg, MS", "US"),
        ("Acme | Engineer | Chicago IL | Onsite", "US"),
        ("Acme | Engineer | REMOTE/SF/DC", "US"),
        ("Acme | Engineer | Boston or NYC", "US"),
        ("Acme | Engineer | Remote (US only)", "US"),
        ("Acme | Engineer | Remote (UK/EU)", "GB"),
        # fields after the company come first; then the company field
        ("Boston Robotics | Engineer | London, UK", "GB"),
        ("Acme (Berlin) | Engineer | Full-time", "DE"),
        # then the first lines of the body
        ("Acme | Engineer | REMOTE\nWe're a small team based in Toronto.", "CA"),
        ("Acme | Engineer | REMOTE | Full-time\nWe build tools for teams.", None),
        # prose posts of 2012-2015
        ("We're in Palo Alto and hiring engineers.", "US"),
        ("Berlin, Germany - Acme is hiring a Python developer.", "DE"),
        ("NYC - Acme - full time", "US"),
        ("Acme - San Francisco - https://acme.example", "US"),
        ("Acme is a startup in DC hiring Rails developers.", "US"),
        ("Pirate3D (Singapore) - Part time, REMOTE.", "SG"),
        ("Hiring in Cambridge, MA: ML engineers.", "US"),
        ("", None),
        (None, None),
    ],
)
def test_country_of_post(text, expected):
    assert country_of_post(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'Go' the language, 'in' the word, 'CA' inside words
        ("Acme | Go Engineer | Remote\nWe write Go in production.", None),
        ("We use Go, Rust and Python in our stack.", None),
        ("Acme | Engineer | REMOTE\nIN OFFICE DAYS ARE OPTIONAL.", None),
        ("Acme | CAD Engineer | Remote\nCAPTCHA and CAML experience welcome.", None),
        ("Acme | Engineer | Remote\nScala, CUDA, CANbus.", None),
        # 'ME', 'OR', 'DE', 'IN' as words, not states or countries
        ("Acme | Engineer | Remote\nEMAIL ME OR CALL.", None),
        ("Acme | Engineer | ONSITE OR REMOTE", None),
        ("Acme | Frontend (React, DE, FR translations) | Remote", None),
        ("Acme | Engineer | REMOTE\nWORK IN OFFICE OR AT HOME.", None),
        ("Acme | Engineer | Remote\nHi, ME here.", None),
        # a code that is a conjunction between two places
        ("Acme | Engineer | Seattle OR Portland", "US"),
        ("Acme | Engineer | London OR Dublin", "GB"),
        # abbreviations in a list are not state codes after a place
        ("Acme | Data Scientist | Remote\nYou hold a BS, MS, or PhD.", None),
        ("Acme | Engineer | Remote\nBrowsers: Edge, IE, Chrome.", None),
        ("Acme | Engineer | Remote\nVisa OK (TN, OPT, or H1B transfer).", None),
        ("Acme | Engineer | Remote\nSoftware Engineers (FE, BE, FS) wanted.", None),
        # city names that are common words need a qualifier in free text
        ("Acme | Engineer | Remote\nReading the docs is part of the job.", None),
        ("Acme | Engineer | Remote\nNice team, mobile apps, a bath of tests.", None),
        ("Acme | Engineer | Remote\nMobile developers wanted.", None),
        ("Acme | Engineer | Remote\nWe use Phoenix and Elixir.", None),
        ("Acme | Engineer | Remote\nWe run on Aurora and Jakarta EE.", None),
        ("Acme | Engineer | Reading, UK", "GB"),
        ("Acme | Engineer | Nice, France", "FR"),
        ("Acme | Engineer | Mobile, AL", "US"),
        ("Acme | Engineer | Bath, England", "GB"),
        ("Acme | Engineer | Phoenix, AZ", "US"),
        # 'US' the pronoun in capitals
        ("Acme | Engineer | Remote\nJOIN US! ABOUT US: we build tools.", None),
        ("Acme | Engineer | Remote\nWHY WORK WITH US? Because.", None),
        # given names and words that are also country names
        ("Acme | Engineer | Remote\nEmail Jordan with questions.", None),
        ("Acme | Engineer | Remote\nWe love turkey sandwiches.", None),
        # places inside e-mail addresses and URLs
        ("Acme | Engineer | Remote\nWrite to jobs@london.example.com or see berlin.io/jobs", None),
    ],
)
def test_country_of_post_false_positive_traps(text, expected):
    assert country_of_post(text) == expected


def test_country_of_post_reads_only_the_first_few_hundred_characters():
    filler = "We build developer tools for teams. " * 30
    assert country_of_post(f"Acme | Engineer | Remote\n{filler}Offices in London.") is None
    assert country_of_post(f"Acme | Engineer | Remote\nOffices in London. {filler}") == "GB"


# ---------------------------------------------------------------- the gazetteer


def _rows() -> list[dict]:
    with geo.PLACES_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_places_csv_rows_are_valid():
    rows = _rows()
    assert len(rows) > 1000
    for row in rows:
        assert row["name"].strip() == row["name"] and row["name"], row
        for code in row["country"].split("|"):
            assert re.fullmatch(r"[A-Z]{2}", code), row
        assert row["kind"] in {"country", "region", "city"}, row
        assert row["rule"] in {"any", "segment", "comma", "qualified", "field"}, row
        assert row["case"] in {"i", "s", "t"}, row
    keys = Counter((r["name"].lower() if r["case"] == "i" else r["name"], r["case"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []


def test_places_csv_covers_what_postings_name():
    rows = _rows()
    cities = {r["name"] for r in rows if r["kind"] == "city"}
    assert len(cities) >= 300
    us_codes = {r["name"] for r in rows if r["case"] == "s" and r["country"].startswith("US")}
    states = (
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH"
        " NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
    )
    assert set(states.split()) - us_codes - {"DE", "LA"} == set()  # DE: Germany first; LA: a city
    for name in ("Ontario", "Quebec", "British Columbia", "Alberta", "Nova Scotia", "Manitoba"):
        assert country_of(name) == "CA", name


def test_gazetteer_is_loaded_once():
    assert geo.gazetteer() is geo.gazetteer()
    assert geo.gazetteer().size == len(_rows())


def test_gazetteer_rejects_a_bad_row(tmp_path):
    bad = tmp_path / "geo_places.csv"
    bad.write_text("name,country,kind,rule,case\nAtlantis,AT,island,any,i\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad row"):
        geo.Gazetteer(bad)


def test_country_of_post_is_fast():
    text = (
        "Acme Corp | Senior Machine Learning Engineer | Remote\n"
        + "We build tools for teams in many industries, with Python, Go and Rust. " * 10
    )
    start = time.perf_counter()
    for i in range(5000):
        country_of_post(f"{text}{i}")
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{elapsed:.2f}s for 5,000 posts"


# ---------------------------------------------------------------- the labelled corpus set


def _labels() -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_labels_file_shape():
    labels = _labels()
    assert len(labels) >= 150
    assert {tuple(sorted(row)) for row in labels} == {("country", "source", "source_id")}
    assert {row["source"] for row in labels} == {"hackernews", "greenhouse", "ashby"}
    assert len({(row["source"], row["source_id"]) for row in labels}) == len(labels)
    for row in labels:
        assert row["country"] is None or re.fullmatch(r"[A-Z]{2}", row["country"]), row


@pytest.mark.corpus
def test_labelled_corpus_accuracy(corpus):
    labels = _labels()
    docs = labelled_documents(corpus, {(r["source"], r["source_id"]) for r in labels})
    misses = []
    per_source: Counter = Counter()
    right: Counter = Counter()
    for row in labels:
        key = (row["source"], row["source_id"])
        got = docs[key].country()
        per_source[row["source"]] += 1
        if got == row["country"]:
            right[row["source"]] += 1
        else:
            misses.append((*key, row["country"], got))
    accuracy = sum(right.values()) / len(labels)
    detail = ", ".join(f"{s} {right[s]}/{n}" for s, n in sorted(per_source.items()))
    print(f"\ngeo accuracy on {len(labels)} labelled postings: {accuracy:.3f} ({detail})")
    for miss in misses:
        print("  miss:", miss)
    assert accuracy >= 0.9, misses
