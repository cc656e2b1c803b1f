"""Landing files written by hand, and a warehouse dbt builds from them, for the tests.

The records have the shape the spiders land (``spiders.items.JobPosting``); the texts,
companies and figures are invented. ``build_small_warehouse`` loads them and runs the real
``dbt build``, so tests of the marts and of the report see what production builds.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

from pipeline.config import Settings
from pipeline.ingest.build import build
from pipeline.ingest.landing import dataset_path, landing_path
from pipeline.ingest.load import load_landing

EVIL_TITLE = "<script>alert('x')</script> Machine Learning Engineer & <b>Co</b>"


def warehouse_rows(home: Path, sql: str) -> list[tuple]:
    """Return the rows of a query on the published warehouse of ``home``, read-only."""
    import duckdb

    with duckdb.connect(str(Settings(home=home).warehouse_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def write_landing(home: Path, source: str, run_id: str, rows: list[dict], kind: str = "") -> Path:
    """Write one landing file of postings (or of rejects, ``kind="rejects"``)."""
    path = landing_path(home / "landing", source, run_id, kind or "postings")
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    return path


def write_dataset(home: Path, run_id: str, name: str, header: list[str], rows: list[list]) -> Path:
    """Write one CSV dataset file as the datasets spider lands it."""
    path = dataset_path(home / "landing", run_id, name, "csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def posting(
    source_id: str,
    title: str = "ML Engineer",
    content_hash: str | None = None,
    crawled_at="2026-01-01T00:00:00Z",
):
    """A Greenhouse posting with a title and no description."""
    return {
        "source": "greenhouse",
        "source_id": source_id,
        "url": f"https://x.example/{source_id}",
        "title": title,
        "posted_at": "2025-12-01T00:00:00Z",
        "pay": None,
        "extras": {"departments": ["AI"]},
        "crawled_at": crawled_at,
        "content_hash": content_hash or f"h-{source_id}-{title}",
    }


def hn_post(source_id: str, text: str, month: str) -> dict:
    """A Hacker News post of the thread of ``month`` (``YYYY-MM``)."""
    header = text.split("\n", 1)[0]
    return {
        "source": "hackernews",
        "source_id": source_id,
        "url": f"https://news.ycombinator.com/item?id={source_id}",
        "title": header if "|" in header else None,
        "company": header.split("|", 1)[0].strip() if "|" in header else None,
        "posted_at": f"{month}-01T15:00:00Z",
        "description_text": text,
        "extras": {"thread_id": f"t{month}", "thread_month": month, "author": f"a{source_id}"},
        "crawled_at": "2026-03-05T00:00:00Z",
        "content_hash": f"h-{source_id}",
    }


def ashby_job(source_id: str, title: str, country: str, pay: dict | None = None) -> dict:
    """An Ashby posting of 2025-03 with a description, and structured pay when given."""
    return {
        "source": "ashby",
        "source_id": f"examplelabs/{source_id}",
        "url": f"https://jobs.ashbyhq.com/examplelabs/{source_id}",
        "title": title,
        "company": "examplelabs",
        "location": country,
        "country": country,
        "posted_at": "2025-03-05T00:00:00Z",
        "description_text": "You will train models in PyTorch and ship them on Kubernetes.",
        "pay": pay,
        "board": "examplelabs",
        "extras": {},
        "crawled_at": "2025-10-28T00:00:00Z",
        "content_hash": f"h-ashby-{source_id}",
    }


def ashby_pay(*ranges: tuple[int, int]) -> dict:
    """Ashby ``compensation`` with one salary tier (USD a year) per range."""
    return {
        "compensationTiers": [
            {
                "title": f"Tier {i}",
                "components": [
                    {
                        "compensationType": "Salary",
                        "interval": "1 YEAR",
                        "currencyCode": "USD",
                        "minValue": low,
                        "maxValue": high,
                        "summary": f"${low:,} - ${high:,}",
                    }
                ],
            }
            for i, (low, high) in enumerate(ranges, 1)
        ]
    }


# Hacker News months of the small warehouse: two of 2015, one of 2016 (a gap), one of 2026.
HN_MONTHS = ("2015-01", "2015-02", "2016-01", "2026-01")


def small_corpus(home: Path) -> None:
    """Land the small warehouse's postings and datasets under ``home``.

    Hacker News, 10 posts a month (the same ten companies and headers: a 2015-02 post is a repost
    of 2015-01's, one job): 2 ML engineer, 1 data scientist, 7 backend roles; TensorFlow
    named by 3 posts a month before 2026, PyTorch by 5 in 2026, Hadoop by 1 every month; one
    London post of 2016 states GBP pay. Ashby 2025: 8 US ML engineer jobs (titles of their own)
    with pay (midpoints
    160k to 230k, the first one with a second, higher tier) and 6 GB jobs, one with a title
    that is HTML. aijobs.net: 6 US ML engineer salaries of 2024; Indeed: 3 months of AI share.
    """
    posts = []
    for i, month in enumerate(HN_MONTHS):
        for j in range(10):
            role = (
                "Machine Learning Engineer"
                if j < 2
                else "Data Scientist"
                if j == 2
                else "Backend Engineer"
            )
            skills = []
            if month < "2026" and j in (0, 1, 3):
                skills.append("TensorFlow")
            if month >= "2026" and j < 5:
                skills.append("PyTorch")
            if j == 5:
                skills.append("Hadoop")
            text = f"Co{j} | {role} | New York, NY\nWe build products with Python"
            text += f" and {', '.join(skills)}." if skills else "."
            posts.append(hn_post(f"{i}{j:02d}", text, month))
    posts.append(
        hn_post(
            "9001", "Brolly | ML Engineer | London, UK | £60,000 - £80,000\nWe use R.", "2016-01"
        )
    )
    write_landing(home, "hackernews", "r1", posts)
    jobs = [
        ashby_job(
            f"us{i}",
            f"Machine Learning Engineer, Team {i}",
            "United States",
            ashby_pay(
                (150_000 + 10_000 * i, 170_000 + 10_000 * i),
                *([(900_000, 900_000)] if i == 0 else []),
            ),
        )
        for i in range(8)
    ]
    jobs += [
        ashby_job(
            f"gb{j}", EVIL_TITLE if j == 0 else f"Senior ML Engineer, Team {j}", "United Kingdom"
        )
        for j in range(6)
    ]
    write_landing(home, "ashby", "r1", jobs)
    write_dataset(
        home,
        "r1",
        "aijobs_salaries",
        [
            "work_year",
            "experience_level",
            "employment_type",
            "job_title",
            "salary",
            "salary_currency",
            "salary_in_usd",
            "employee_residence",
            "remote_ratio",
            "company_location",
            "company_size",
        ],
        [
            [
                2024,
                "SE",
                "FT",
                "Machine Learning Engineer",
                100_000 + 1000 * i,
                "USD",
                100_000 + 1000 * i,
                "US",
                0,
                "US",
                "M",
            ]
            for i in range(6)
        ],
    )
    write_dataset(
        home,
        "r1",
        "indeed_ai_share",
        ["date", "jobcountry", "AI_share_postings"],
        [["2024-01-15", "US", 1.5], ["2024-02-15", "US", 1.7], ["2024-01-15", "GB", 2.0]],
    )


def build_small_warehouse(home: Path) -> Path:
    """Land the small corpus, load it and ``dbt build`` it; return the warehouse path."""
    small_corpus(home)
    settings = Settings(home=home)
    load_landing(settings)
    result = build(settings)
    assert result.ok, result.failures
    return settings.warehouse_path
