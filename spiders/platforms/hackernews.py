"""Hacker News "Ask HN: Who is hiring?" threads, one posting per top-level comment.

Threads are listed with the Algolia HN API (``search_by_date`` on the ``whoishiring`` account)
and read whole with ``items/<id>``. Arguments: ``-a since=2015-01``, ``-a until=2018-12``,
``-a months=3`` (the latest N threads), ``-a full=1`` (every thread again).

A closed month never changes, so a crawl asks only for the threads its earlier crawls do not
hold complete: a thread is complete when it was read after its month and the next one were
over (people post to a month's thread for about a month). Each finished crawl's stats list
the complete months it holds (``hackernews/complete_months``); the next crawl reads them from
the crawls whose landing files are complete, unless told ``full`` (``jobtrends run --full``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import scrapy

from pipeline.domain.text import html_to_text
from pipeline.ingest.landing import crawl_stats, landing_path
from spiders.items import JobPosting
from spiders.platforms.base import JsonApiSpider

API = "https://hn.algolia.com/api/v1"
THREAD_TITLE = re.compile(r"^Ask HN: Who is hiring\? \((?P<month>[A-Za-z]+ \d{4})\)", re.I)


def thread_month(title: str) -> str | None:
    """Return ``YYYY-MM`` of a "Who is hiring? (March 2026)" title, None for other threads."""
    match = THREAD_TITLE.match(title or "")
    if not match:
        return None
    return datetime.strptime(match["month"], "%B %Y").strftime("%Y-%m")


def complete_by(month: str) -> str:
    """Return the first day (``YYYY-MM-DD``) a thread of ``month`` read on is complete: the
    start of the month after next."""
    year, mon = int(month[:4]), int(month[5:7]) + 2
    year, mon = year + (mon - 1) // 12, (mon - 1) % 12 + 1
    return f"{year:04d}-{mon:02d}-01"


def held_months(landing_dir: Path | str, spider: str = "hackernews") -> set[str]:
    """Return the months earlier crawls hold complete: listed in the stats of a finished crawl
    whose postings file is complete (a crawl stopped midway holds nothing)."""
    held: set[str] = set()
    for run_id, stats in crawl_stats(landing_dir, spider):
        whole = landing_path(landing_dir, spider, run_id, "postings").exists()
        if whole and stats.get("finish_reason") == "finished":
            held.update(stats.get(f"{spider}/complete_months") or [])
    return held


def header_line(text: str) -> str | None:
    """Return a post's first line when it is the usual ``Company | Role | Place`` header."""
    first = text.split("\n", 1)[0].strip()
    return first[:300] if "|" in first else None


class HackernewsSpider(JsonApiSpider):
    name = "hackernews"
    allowed_domains = ["hn.algolia.com"]
    api_base = API

    async def start(self):
        self.since = self.config.get("since")
        self.until = self.config.get("until")
        self.months = int(self.config["months"]) if self.config.get("months") else None
        full = self.settings.getbool("JOBTRENDS_FULL") or str(self.config.get("full")) in (
            "1",
            "true",
            "True",
        )
        landing = self.settings.get("JOBTRENDS_LANDING")
        self.held = set() if full or not landing else held_months(landing, self.name)
        self.complete: set[str] = set()
        self.today = datetime.now(UTC).strftime("%Y-%m-%d")
        yield scrapy.Request(self.thread_list_url(), callback=self.parse_thread_list)

    def closed(self, reason):
        if reason == "finished":
            months = sorted(self.held | self.complete)
            self.crawler.stats.set_value(f"{self.name}/complete_months", months)

    def thread_list_url(self) -> str:
        """Return the search for every story of the ``whoishiring`` account."""
        return f"{self.api_base}/search_by_date?tags=story%2Cauthor_whoishiring&hitsPerPage=1000"

    def wanted(self, month: str) -> bool:
        """Return whether a thread month is inside ``since``/``until``."""
        return (self.since is None or month >= self.since) and (
            self.until is None or month <= self.until
        )

    def parse_thread_list(self, response):
        data = self.load_json(response)
        if not isinstance(data, dict):
            yield data
            return
        threads = []
        for hit in data.get("hits", []):
            month = thread_month(hit.get("title", ""))
            if month and self.wanted(month):
                threads.append((month, hit["objectID"]))
        threads.sort(reverse=True)
        if self.months:
            threads = threads[: self.months]
        held = [t for t in threads if t[0] in self.held]
        threads = [t for t in threads if t[0] not in self.held]
        self.crawler.stats.set_value("hackernews/threads", len(threads))
        self.crawler.stats.set_value("hackernews/threads_held", len(held))
        if held:
            self.logger.info(
                "%d thread(s) held complete by earlier crawls (%s to %s) not asked for again; "
                "%d to read",
                len(held),
                held[-1][0],
                held[0][0],
                len(threads),
            )
        for month, thread_id in threads:
            yield scrapy.Request(
                f"{self.api_base}/items/{thread_id}",
                callback=self.parse_thread,
                cb_kwargs={"month": month},
            )

    def parse_thread(self, response, month: str):
        data = self.load_json(response)
        if not isinstance(data, dict):
            yield data
            return
        if self.today >= complete_by(month):
            self.complete.add(month)
        for comment in data.get("children") or []:
            if not comment.get("text") or not comment.get("author"):
                # Deleted or flagged comments keep their place in the thread with no text.
                self.crawler.stats.inc_value("hackernews/deleted_skipped")
                continue
            yield self.posting(comment, thread_id=str(data.get("id")), month=month)

    def posting(self, comment: dict, thread_id: str, month: str) -> JobPosting:
        """Build the posting of one top-level comment."""
        text = html_to_text(comment["text"])
        header = header_line(text)
        return JobPosting(
            source=self.name,
            source_id=str(comment["id"]),
            url=f"https://news.ycombinator.com/item?id={comment['id']}",
            title=header,
            company=header.split("|", 1)[0].strip() if header else None,
            posted_at=comment.get("created_at"),
            description_html=comment["text"],
            description_text=text,
            extras={"thread_id": thread_id, "thread_month": month, "author": comment.get("author")},
        )
