"""Shared fixtures: the replay corpus, small corpora built from fixtures, crawls through Scrapy."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest

from pipeline import config
from pipeline.config import Settings, Source
from pipeline.ingest.corpus import Corpus
from pipeline.ingest.crawl import CrawlResult, crawl

FIXTURES = Path(__file__).parent / "fixtures"

# Prefect's local server starts slowly when both test workers start one at once.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

# Where each fixture is served from: the URLs the spiders really ask for.
FIXTURE_URLS = {
    "https://hn.algolia.com/api/v1/search_by_date?tags=story%2Cauthor_whoishiring&hitsPerPage=1000": "hackernews/search_by_date.json",
    "https://hn.algolia.com/api/v1/items/900300": "hackernews/item_900300.json",
    "https://hn.algolia.com/api/v1/items/900200": "hackernews/item_900200.json",
    "https://api.ashbyhq.com/posting-api/job-board/examplelabs?includeCompensation=true": "ashby/job-board.json",
    "https://boards-api.greenhouse.io/v1/boards/examplecorp/jobs": "greenhouse/jobs.json",
    "https://boards-api.greenhouse.io/v1/boards/contentco/jobs?content=true": "greenhouse/jobs_content.json",
    "https://boards-api.greenhouse.io/v1/boards/paycorp/jobs": "greenhouse/pay_jobs.json",
    "https://boards-api.greenhouse.io/v1/boards/paycorp/jobs/6000001?pay_transparency=true": "greenhouse/pay_job_6000001.json",
    "https://boards-api.greenhouse.io/v1/boards/paycorp/jobs/6000002?pay_transparency=true": "greenhouse/pay_job_6000002.json",
    "https://api.lever.co/v0/postings/leverexample?mode=json&skip=0&limit=2": "lever/postings_page1.json",
    "https://api.lever.co/v0/postings/leverexample?mode=json&skip=2&limit=2": "lever/postings_page2.json",
    "https://api.eu.lever.co/v0/postings/euexample?mode=json&skip=0&limit=2": "lever/eu_postings.json",
    "https://examplerecruit.recruitee.com/api/offers/": "recruitee/offers.json",
    "https://api.smartrecruiters.com/v1/companies/ExampleCo/postings?offset=0&limit=2": "smartrecruiters/postings_page1.json",
    "https://api.smartrecruiters.com/v1/companies/ExampleCo/postings?offset=2&limit=2": "smartrecruiters/postings_page2.json",
    "https://api.smartrecruiters.com/v1/companies/ExampleCo/postings/744000000000001": "smartrecruiters/posting_744000000000001.json",
    "https://careers.example.org/sitemap.xml": "jobposting/sitemap.xml",
    "https://careers.example.org/jobs/ml-engineer": "jobposting/jsonld_graph.html",
    "https://careers.example.org/jobs/data-analyst": "jobposting/microdata.html",
    "https://careers.example.org/about": "jobposting/no_jobposting.html",
    "https://jobs.example.net/openings/ml-platform": "jobposting/rdfa.html",
    "https://jobs.example.net/openings": "jobposting/jsonld_array.html",
}
# The content type a fixture is served with, by its file's suffix.
CONTENT_TYPES = {
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
}


def require_corpus() -> Path:
    """Return the replay corpus path; fail under CI when it is missing, skip elsewhere."""
    path = config.corpus_path()
    if (path / "manifest.jsonl").is_file():
        return path
    message = f"replay corpus not found at {path} (set JOBTRENDS_CORPUS)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return require_corpus()


@pytest.fixture(scope="session")
def corpus(corpus_path) -> Corpus:
    return Corpus(corpus_path)


def make_corpus(
    root: Path, bodies: dict[str, bytes | tuple[bytes, str]], content_type: str = "application/json"
) -> Path:
    """Write a corpus in the replay format (manifest + gzip bodies) and return its folder.

    A body may come with its own content type, as ``(body, content_type)``.
    """
    root.mkdir(parents=True, exist_ok=True)
    lines = []
    for url, given in bodies.items():
        body, type_ = given if isinstance(given, tuple) else (given, content_type)
        name = hashlib.sha256(url.encode()).hexdigest()[:16]
        rel = f"bodies/test/{name}.gz"
        (root / "bodies" / "test").mkdir(parents=True, exist_ok=True)
        with gzip.open(root / rel, "wb") as fh:
            fh.write(body)
        lines.append(
            json.dumps(
                {
                    "url": url,
                    "status": 200,
                    "content_type": type_,
                    "body": rel,
                    "source": "test",
                    "note": "test fixture",
                }
            )
        )
    (root / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def fixture_bodies() -> dict[str, tuple[bytes, str]]:
    return {
        url: ((FIXTURES / rel).read_bytes(), CONTENT_TYPES[Path(rel).suffix])
        for url, rel in FIXTURE_URLS.items()
    }


@pytest.fixture
def fixture_corpus(tmp_path) -> Path:
    """A corpus of the hand-written fixtures, at the URLs the spiders ask for."""
    return make_corpus(tmp_path / "corpus", fixture_bodies())


def run_spider(
    spider: str, home: Path, replay: Path | None, run_id: str = "test-run", settings=None, **args
) -> CrawlResult:
    """Run a spider through the real Scrapy machinery (a `scrapy crawl` process)."""
    source = Source(name=spider, spider=spider, schedule="daily")
    settings_ = Settings(home=home, replay=replay)
    return crawl(source, settings_, run_id, scrapy_settings=settings, overrides=args)


def landed(home: Path, spider: str, run_id: str = "test-run", kind: str = "") -> list[dict]:
    """Return the records of a landing file (``kind`` = "" for postings, "rejects")."""
    suffix = ".rejects.jsonl.gz" if kind == "rejects" else ".jsonl.gz"
    path = home / "landing" / spider / f"{run_id}{suffix}"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def small_warehouse(tmp_path_factory) -> Path:
    """A warehouse built by dbt from the small hand-made landing files of ``tests.landing``."""
    from tests.landing import build_small_warehouse

    return build_small_warehouse(tmp_path_factory.mktemp("small"))
