"""Greenhouse job boards (boards API); boards in ``content`` are fetched with descriptions.

Boards come from sources.toml or ``-a boards=stripe,reddit -a content=stripe``. Boards in
``pay`` (``-a pay=stripe``) also have each job fetched on its own with
``pay_transparency=true``, for the structured pay ranges (``pay_input_ranges``) that boards
in pay-transparency jurisdictions publish: one request a job, so it is off by default. A job
whose own request fails still lands, from the list, without those ranges.
"""

from __future__ import annotations

import html

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

    def detail_url(self, job: dict, board: str) -> str | None:
        if board not in self.arg_list("pay"):
            return None
        return f"{self.api_base}/{board}/jobs/{job['id']}?pay_transparency=true"

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
