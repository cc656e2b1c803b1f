"""What every JSON API spider shares: arguments, board lists, and bodies that fail to parse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.downloadermiddlewares.retry import get_retry_request

from pipeline.config import load_sources
from spiders.items import Reject


def split_arg(value: Any) -> list[str]:
    """Return a list from a ``-a`` argument (comma-separated) or a TOML list."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(",") if v.strip()]


class JsonApiSpider(scrapy.Spider):
    """A spider of a JSON API; subclasses define ``name``, ``api_base`` and their parsing.

    Its configuration is resolved once, when Scrapy builds it: the table of ``sources.toml``
    named by ``-a source=NAME`` (default: the spider's name), with any other ``-a`` argument
    replacing that key for this crawl. ``api_base`` (in the table, or ``-a api_base=URL``)
    points a spider at a mirror or a local test server; the host is then allowed too, so the
    offsite filter does not drop it.
    """

    api_base: str = ""
    config: dict[str, Any]

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        table = load_sources(Path(crawler.settings["JOBTRENDS_SOURCES"])).get(
            kwargs.pop("source", None) or spider.name
        )
        spider.config = {**(table.args if table else {}), **kwargs}
        if "api_base" in spider.config:
            spider.api_base = str(spider.config["api_base"])
            host = urlsplit(spider.api_base).hostname
            if host and hasattr(spider, "allowed_domains"):
                spider.allowed_domains = [*spider.allowed_domains, host]
        return spider

    def arg_list(self, name: str) -> list[str]:
        """Return a list setting: ``-a name=a,b`` or the TOML list of sources.toml."""
        return split_arg(self.config.get(name))

    def load_json(self, response):
        """Return the decoded body, or a retry Request or a Reject when it does not parse.

        A body that does not parse is often truncated, so it is fetched again before it is
        given up; what is given up becomes a Reject with the reason, never a silent loss.
        """
        try:
            return json.loads(response.body)
        except (ValueError, UnicodeDecodeError) as exc:
            reason = f"malformed JSON body ({exc.__class__.__name__}: {exc})"
            self.crawler.stats.inc_value(f"{self.name}/malformed_body")
            retry = get_retry_request(response.request, spider=self, reason="malformed_body")
            if retry is not None:
                return retry
            self.logger.error("giving up %s: %s", response.url, reason)
            return Reject(source=self.name, url=response.url, reason=reason)

    def reject(self, url: str, reason: str, source_id: str | None = None, payload: Any = None):
        """Return a Reject for one record of an otherwise good response, and count it."""
        self.crawler.stats.inc_value(f"{self.name}/rejected")
        return Reject(
            source=self.name, url=url, reason=reason, source_id=source_id, payload=payload
        )


class JobBoardSpider(JsonApiSpider):
    """A job board API that answers ``{"jobs": [...]}`` per board; subclasses build postings.

    ``boards`` (sources.toml or ``-a boards=a,b``) are fetched one request each, at the URL
    ``board_url`` gives.
    """

    async def start(self):
        for board in self.arg_list("boards"):
            yield scrapy.Request(
                self.board_url(board), callback=self.parse_board, cb_kwargs={"board": board}
            )

    def board_url(self, board: str) -> str:
        """Return the API URL of one board's jobs."""
        raise NotImplementedError

    def parse_board(self, response, board: str):
        data = self.load_json(response)
        if not isinstance(data, dict):
            yield data
            return
        jobs = data.get("jobs")
        if not isinstance(jobs, list):
            yield self.reject(response.url, "no jobs list in the board response")
            return
        self.crawler.stats.inc_value(f"{self.name}/boards")
        for job in jobs:
            if not isinstance(job, dict) or not job.get("id"):
                yield self.reject(response.url, "job without id", payload=job)
                continue
            yield self.posting(job, board)

    def posting(self, job: dict, board: str):
        """Return the JobPosting of one job object of ``board``."""
        raise NotImplementedError
