"""Recruitee careers sites (Careers Site API), with the structured salary kept as given.

Companies come from sources.toml or ``-a boards=acme,example``: each company's careers site
answers at ``https://<company>.recruitee.com/api/offers/`` with every published offer.
"""

from __future__ import annotations

import re

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardSpider

API = "https://{board}.recruitee.com/api"
# Recruitee writes its times as "2025-09-01 09:30:00 UTC".
_UTC_SUFFIX = re.compile(r"\s*UTC$")


def recruitee_time(value) -> str | None:
    """Return a Recruitee timestamp as ISO 8601 (``T`` separator, ``+00:00`` for UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if _UTC_SUFFIX.search(text):
        text = _UTC_SUFFIX.sub("+00:00", text)
    return text.replace(" ", "T", 1)


class RecruiteeSpider(JobBoardSpider):
    name = "recruitee"
    allowed_domains = ["recruitee.com"]
    api_base = API

    def board_url(self, board: str) -> str:
        return self.api_base.replace("{board}", board) + "/offers/"

    def jobs_in(self, data):
        offers = data.get("offers") if isinstance(data, dict) else None
        return offers if isinstance(offers, list) else None

    def posting(self, job: dict, board: str) -> JobPosting:
        """Build the posting of one Recruitee offer."""
        html = "\n".join(p for p in (job.get("description"), job.get("requirements")) if p)
        salary = job.get("salary")
        place = ", ".join(p for p in (job.get("city"), job.get("country")) if p)
        return JobPosting(
            source=self.name,
            source_id=f"{board}/{job['id']}",
            url=job.get("careers_url") or f"https://{board}.recruitee.com/o/{job.get('slug')}",
            title=job.get("title"),
            company=job.get("company_name") or board,
            location=job.get("location") or place or None,
            country=job.get("country_code") or job.get("country"),
            remote=job.get("remote"),
            posted_at=recruitee_time(job.get("published_at") or job.get("created_at")),
            updated_at=recruitee_time(job.get("updated_at")),
            description_html=html or None,
            pay={"salary": salary} if isinstance(salary, dict) and salary else None,
            employment_type=job.get("employment_type_code"),
            board=board,
            extras={
                "department": job.get("department"),
                "hybrid": job.get("hybrid"),
                "on_site": job.get("on_site"),
                "tags": job.get("tags") or [],
                "close_at": job.get("close_at"),
                "apply_url": job.get("careers_apply_url"),
            },
        )
