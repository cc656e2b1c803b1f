"""The postings of the replay corpus as the spiders land them, for evaluation and benchmarks.

Each spider is built as Scrapy builds it (``from_crawler``, its table of ``sources.toml``) and
its own callbacks parse the recorded bodies, from its start requests on; every posting then
passes the item pipelines (validate, clean) that a crawl runs. So what is measured here is what
the warehouse classifies: the same ids, titles and description texts, no parsing of our own.
Only the downloader is skipped: bodies come straight from the corpus, in request order.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from scrapy import Request
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils.test import get_crawler

from pipeline.domain.pay import pay_rows
from pipeline.domain.postings import (
    posting_country,
    posting_duties,
    posting_roles,
    posting_skills,
)
from pipeline.ingest.corpus import Corpus, CorpusError
from pipeline.paths import SOURCES_FILE
from spiders.items import JobPosting
from spiders.pipelines.clean import CleanPipeline
from spiders.pipelines.validate import ValidatePipeline
from spiders.platforms.ashby import AshbySpider
from spiders.platforms.greenhouse import GreenhouseSpider
from spiders.platforms.hackernews import HackernewsSpider

SPIDERS = {"hackernews": HackernewsSpider, "ashby": AshbySpider, "greenhouse": GreenhouseSpider}


@dataclass(frozen=True)
class Document:
    """A landed posting, with what the classifiers read of it."""

    source: str
    source_id: str
    title: str | None
    description: str | None
    salary_text: str | None
    posted_at: str | None
    country_text: str | None = None
    location: str | None = None
    pay: Any = None
    employment_type: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return self.source, self.source_id

    @property
    def text(self) -> str:
        """The description (a Hacker News post's whole text)."""
        return self.description or ""

    def skills(self) -> set[str]:
        """The skills the warehouse finds in this posting."""
        return set(posting_skills(self.title, self.description))

    def roles(self) -> set[str]:
        """The role families the warehouse gives this posting."""
        return set(posting_roles(self.source, self.title, self.description)["role_families"])

    def duties(self) -> set[str]:
        """The responsibilities and application domains the warehouse finds in this posting."""
        roles = posting_roles(self.source, self.title, self.description)["role_families"]
        return set(posting_duties(self.title, self.description, roles))

    def country(self) -> str | None:
        """The country the warehouse gives this posting."""
        return posting_country(self.source, self.description, self.country_text, self.location)

    def pay_rows(self, structured: bool = True) -> list[dict[str, Any]]:
        """The pay rows the warehouse reads from this posting (``int_pay_ranges_parsed``).

        With ``structured=False`` the source's structured pay is left out, so only the text's
        ranges are read, and of the text only the description (the pay labels are of it).
        """
        parts = (self.description, self.salary_text) if structured else (self.description,)
        text = "\n".join(t for t in parts if t)
        posted = date.fromisoformat(self.posted_at[:10]) if self.posted_at else None
        pay = self.pay if structured else None
        return pay_rows(
            self.source, text, pay, self.country(), posted, self.employment_type, self.title
        )


async def _start(spider) -> list[Request]:
    return [r async for r in spider.start()]


def landed_postings(corpus: Corpus, source: str) -> Iterator[JobPosting]:
    """Yield the postings one source's spider lands from the corpus, after the pipelines."""
    spider_cls = SPIDERS[source]
    crawler = get_crawler(spider_cls, settings_dict={"JOBTRENDS_SOURCES": str(SOURCES_FILE)})
    spider = spider_cls.from_crawler(crawler)
    pipelines = (ValidatePipeline(), CleanPipeline())
    queue = asyncio.run(_start(spider))
    while queue:
        request = queue.pop(0)
        recording = corpus.get(request.url)
        if recording is None:
            raise CorpusError(f"not recorded: {request.url}")
        headers = Headers({"Content-Type": recording.content_type})
        body = recording.body()
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        response = cls(
            url=request.url, status=recording.status, headers=headers, body=body, request=request
        )
        for out in request.callback(response, **request.cb_kwargs):
            if isinstance(out, Request):
                queue.append(out)
                continue
            for pipeline in pipelines:
                out = pipeline.process_item(out)
            if isinstance(out, JobPosting):
                yield out


def documents(corpus: Corpus, sources: Iterable[str] = tuple(SPIDERS)) -> Iterator[Document]:
    """Yield every posting of the corpus as a Document, source by source."""
    for source in sources:
        for p in landed_postings(corpus, source):
            yield Document(
                p.source,
                p.source_id,
                p.title,
                p.description_text,
                p.salary_text,
                p.posted_at,
                p.country,
                p.location,
                p.pay,
                p.employment_type,
            )


@cache
def _all(root: str, sources: tuple[str, ...]) -> dict[tuple[str, str], Document]:
    return {d.key: d for d in documents(Corpus(root), sources)}


def documents_by_key(
    corpus: Corpus, sources: tuple[str, ...] = tuple(SPIDERS)
) -> dict[tuple[str, str], Document]:
    """Return every posting of the corpus by (source, source_id), read once per process."""
    return _all(str(corpus.root), sources)


def labelled_documents(
    corpus: Corpus, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Document]:
    """Return the documents of the labelled keys; raise if one is missing."""
    wanted = set(keys)
    found = documents_by_key(corpus, tuple(sorted({s for s, _ in wanted})))
    missing = wanted - found.keys()
    if missing:
        raise LookupError(
            f"{len(missing)} labelled postings not in the corpus, e.g. {min(missing)}"
        )
    return {k: found[k] for k in wanted}
