"""Ashby public job boards (posting API), with structured compensation kept as given.

Boards come from sources.toml or ``-a boards=cohere,harvey``; one request a board.
"""

from __future__ import annotations

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardSpider

API = "https://api.ashbyhq.com/posting-api/job-board"


class AshbySpider(JobBoardSpider):
    name = "ashby"
    allowed_domains = ["api.ashbyhq.com"]
    api_base = API

    def board_url(self, board: str) -> str:
        return f"{self.api_base}/{board}?includeCompensation=true"

    def posting(self, job: dict, board: str) -> JobPosting:
        """Build the posting of one Ashby job object."""
        address = (job.get("address") or {}).get("postalAddress") or {}
        return JobPosting(
            source=self.name,
            source_id=f"{board}/{job['id']}",
            url=job.get("jobUrl") or f"https://jobs.ashbyhq.com/{board}/{job['id']}",
            title=job.get("title"),
            company=board,
            location=job.get("location"),
            country=address.get("addressCountry"),
            remote=job.get("isRemote"),
            posted_at=job.get("publishedAt"),
            description_html=job.get("descriptionHtml"),
            description_text=job.get("descriptionPlain"),
            salary_text=(job.get("compensation") or {}).get("scrapeableCompensationSalarySummary"),
            pay=job.get("compensation"),
            employment_type=job.get("employmentType"),
            board=board,
            extras={
                "department": job.get("department"),
                "team": job.get("team"),
                "is_listed": job.get("isListed"),
                "secondary_locations": job.get("secondaryLocations") or [],
                "address": address or None,
                "workplace_type": job.get("workplaceType"),
            },
        )
