"""Greenhouse job boards (boards API); boards in ``content`` are fetched with descriptions.

Boards come from sources.toml or ``-a boards=stripe,reddit -a content=stripe``. Boards in
``pay`` (``-a pay=stripe``) also have each job fetched on its own with
``pay_transparency=true``, for the structured pay ranges (``pay_input_ranges``) that boards
in pay-transparency jurisdictions publish: one request a job, so it is off by default. A job
whose own request fails still lands, from the list, without those ranges.
"""

from __future__ import annotations

import html

import scrapy

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardSpider

API = "https://boards-api.greenhouse.io/v1/boards"


class GreenhouseSpider(JobBoardSpider):
    name = "greenhouse"
    allowed_domains = ["boards-api.greenhouse.io"]
    api_base = API

    def board_url(self, board: str) -> str:
        with_content = board in self.arg_list("content")
        return f"{self.api_base}/{board}/jobs" + ("?content=true" if with_content else "")

    def job_url(self, board: str, job_id) -> str:
        return f"{self.api_base}/{board}/jobs/{job_id}?pay_transparency=true"

    def postings(self, job: dict, board: str):
        if board not in self.arg_list("pay"):
            yield from super().postings(job, board)
            return
        yield scrapy.Request(
            self.job_url(board, job["id"]),
            callback=self.parse_job,
            errback=self.job_failed,
            cb_kwargs={"board": board, "listed": job},
        )

    def parse_job(self, response, board: str, listed: dict):
        """Build a posting from a job's own response, with its pay ranges."""
        data = self.load_json(response)
        if isinstance(data, scrapy.Request):
            yield data
            return
        if not isinstance(data, dict) or not data.get("id"):
            yield self.reject(response.url, "job response without id; kept as listed")
            yield from super().postings(listed, board)
            return
        self.crawler.stats.inc_value(f"{self.name}/jobs_with_pay_request")
        yield from super().postings({**listed, **data}, board)

    def job_failed(self, failure):
        """A job whose own request was given up lands as listed, without its pay ranges."""
        request = failure.request
        board, listed = request.cb_kwargs["board"], request.cb_kwargs["listed"]
        self.logger.warning("no pay ranges for %s (%s); kept as listed", request.url, failure.value)
        yield from super().postings(listed, board)

    def posting(self, job: dict, board: str) -> JobPosting:
        """Build the posting of one Greenhouse job object."""
        content = job.get("content")
        ranges = job.get("pay_input_ranges")
        return JobPosting(
            source=self.name,
            source_id=f"{board}/{job['id']}",
            url=job.get("absolute_url")
            or f"https://job-boards.greenhouse.io/{board}/jobs/{job['id']}",
            title=job.get("title"),
            company=job.get("company_name") or board,
            location=(job.get("location") or {}).get("name"),
            posted_at=job.get("first_published") or job.get("updated_at"),
            updated_at=job.get("updated_at"),
            # The API escapes the description HTML once more than it needs.
            description_html=html.unescape(content) if content else None,
            pay={"pay_input_ranges": ranges} if ranges else None,
            board=board,
            extras={
                "internal_job_id": job.get("internal_job_id"),
                "requisition_id": job.get("requisition_id"),
                "departments": [d.get("name") for d in job.get("departments") or []],
                "offices": [o.get("name") for o in job.get("offices") or []],
                "metadata": {m.get("name"): m.get("value") for m in job.get("metadata") or []},
                "language": job.get("language"),
            },
        )
