"""What every platform spider shares: its sources.toml table, board lists, bodies that fail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.downloadermiddlewares.retry import get_retry_request

from pipeline.config import load_sources
from pipeline.domain.pay_structured import read_structured_pay
from spiders.items import JobPosting, Reject


def split_arg(value: Any) -> list[str]:
    """Return a list from a ``-a`` argument (comma-separated) or a TOML list."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(",") if v.strip()]


class ConfiguredSpider:
    """A spider configured by its table of sources.toml; mixed into a Scrapy spider class.

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

    def reject(self, url: str, reason: str, source_id: str | None = None, payload: Any = None):
        """Return a Reject for one record of an otherwise good response, and count it."""
        self.crawler.stats.inc_value(f"{self.name}/rejected")
        return Reject(
            source=self.name, url=url, reason=reason, source_id=source_id, payload=payload
        )

    def pay_rejects(self, posting: JobPosting):
        """Yield a Reject when a posting's structured pay is there but cannot be read.

        The posting itself lands (its pay kept as given, so the text's pay can stand in);
        the reject row says which pay figure was not used, and why.
        """
        if not posting.pay:
            return
        _, problem = read_structured_pay(posting.pay)
        if problem:
            yield self.reject(
                posting.url,
                f"{problem}; the posting is kept without it",
                source_id=posting.source_id,
                payload=posting.pay,
            )


class JsonApiSpider(ConfiguredSpider, scrapy.Spider):
    """A spider of a JSON API; subclasses define ``name``, ``api_base`` and their parsing."""

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
            return self.reject(response.url, reason)


class JobBoardSpider(JsonApiSpider):
    """A job board API that lists a board's jobs as JSON; subclasses build postings.

    ``boards`` (sources.toml or ``-a boards=a,b``) are fetched from the URL ``board_url``
    gives. ``jobs_in`` finds the list of jobs in a response (``{"jobs": [...]}`` by default);
    a paged API returns the next page's URL from ``next_page``; a board whose jobs must each be
    fetched on their own (for pay ranges, a job ad) returns that URL from ``detail_url``, and a
    job whose own request fails still lands, as listed.
    """

    async def start(self):
        for board in self.arg_list("boards"):
            yield scrapy.Request(
                self.board_url(board), callback=self.parse_board, cb_kwargs={"board": board}
            )

    def board_url(self, board: str) -> str:
        """Return the API URL of one board's jobs (its first page)."""
        raise NotImplementedError

    def jobs_in(self, data: Any) -> list | None:
        """Return the list of job objects of a decoded response, or None when it has none."""
        jobs = data.get("jobs") if isinstance(data, dict) else None
        return jobs if isinstance(jobs, list) else None

    def next_page(self, response, data: Any, jobs: list, board: str) -> str | None:
        """Return the URL of the page after this one, or None (the default: one page)."""
        return None

    def parse_board(self, response, board: str):
        data = self.load_json(response)
        if isinstance(data, scrapy.Request | Reject):
            yield data
            return
        jobs = self.jobs_in(data)
        if jobs is None:
            yield self.reject(response.url, "no jobs list in the board response")
            return
        self.crawler.stats.inc_value(f"{self.name}/pages")
        for job in jobs:
            if not isinstance(job, dict) or not job.get("id"):
                yield self.reject(response.url, "job without id", payload=job)
                continue
            yield from self.postings(job, board)
        following = self.next_page(response, data, jobs, board)
        if following:
            yield scrapy.Request(following, callback=self.parse_board, cb_kwargs={"board": board})

    def postings(self, job: dict, board: str):
        """Yield what one job object gives: its posting (and a reject for unreadable pay), or,
        on a board whose jobs are fetched one by one (``detail_url``), the request for it."""
        url = self.detail_url(job, board)
        if url is None:
            yield from self.listed_postings(job, board)
            return
        yield scrapy.Request(
            url,
            callback=self.parse_detail,
            errback=self.detail_failed,
            cb_kwargs={"board": board, "listed": job},
        )

    def listed_postings(self, job: dict, board: str):
        posting = self.posting(job, board)
        yield posting
        yield from self.pay_rejects(posting)

    def detail_url(self, job: dict, board: str) -> str | None:
        """Return the URL of a job's own response when the board needs it (default: never)."""
        return None

    def parse_detail(self, response, board: str, listed: dict):
        """Build a posting from a job's own response, over what the list said of it."""
        data = self.load_json(response)
        if isinstance(data, scrapy.Request):
            yield data
            return
        if not isinstance(data, dict) or not data.get("id"):
            yield self.reject(response.url, "job response without id; kept as listed")
            data = {}
        else:
            self.crawler.stats.inc_value(f"{self.name}/job_details")
        yield from self.listed_postings({**listed, **data}, board)

    def detail_failed(self, failure):
        """A job whose own request was given up lands as listed, and the log says so."""
        request = failure.request
        self.logger.warning("no details for %s (%s); kept as listed", request.url, failure.value)
        yield from self.listed_postings(request.cb_kwargs["listed"], request.cb_kwargs["board"])

    def posting(self, job: dict, board: str):
        """Return the JobPosting of one job object of ``board``."""
        raise NotImplementedError
