"""Hacker News "Ask HN: Who is hiring?" threads, one posting per top-level comment.

Threads are listed with the Algolia HN API (``search_by_date`` on the ``whoishiring`` account)
and read whole with ``items/<id>``. Arguments: ``-a since=2015-01``, ``-a until=2018-12``,
``-a months=3`` (the latest N threads).
"""

from __future__ import annotations

import re
from datetime import datetime

import scrapy

from pipeline.domain.text import html_to_text
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
        yield scrapy.Request(self.thread_list_url(), callback=self.parse_thread_list)

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
        self.crawler.stats.set_value("hackernews/threads", len(threads))
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
