"""Lever job sites (postings API), paged, with the structured salary range kept as given.

Sites come from sources.toml or ``-a boards=leverdemo,acme``; sites hosted on Lever's EU
instance are also listed in ``eu`` (``-a eu=acme``). Pages of ``page_size`` postings (100)
are asked with ``skip``/``limit`` until a page comes back short.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlencode, urlsplit

from pipeline.domain.text import html_to_text
from spiders.items import JobPosting
from spiders.platforms.base import JobBoardSpider

API = "https://api.lever.co/v0/postings"
EU_API = "https://api.eu.lever.co/v0/postings"
PAGE_SIZE = 100
# Lever's ``workplaceType``: whether the posting is remote ("unspecified" says nothing).
REMOTE = {"remote": True, "on-site": False, "hybrid": False}


def epoch_ms_to_iso(value) -> str | None:
    """Return ``createdAt`` (epoch milliseconds) as an ISO timestamp in UTC, or None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return datetime.fromtimestamp(value / 1000, tz=UTC).isoformat().replace("+00:00", "Z")


class LeverSpider(JobBoardSpider):
    name = "lever"
    allowed_domains = ["api.lever.co", "api.eu.lever.co"]
    api_base = API

    @property
    def page_size(self) -> int:
        return int(self.config.get("page_size") or PAGE_SIZE)

    def site_url(self, site: str, skip: int) -> str:
        # A test server or mirror given as api_base serves both instances.
        base = EU_API if site in self.arg_list("eu") and self.api_base == API else self.api_base
        query = urlencode({"mode": "json", "skip": skip, "limit": self.page_size})
        return f"{base}/{site}?{query}"

    def board_url(self, board: str) -> str:
        return self.site_url(board, 0)

    def jobs_in(self, data):
        return data if isinstance(data, list) else None

    def next_page(self, response, data, jobs, board):
        if len(jobs) < self.page_size:
            return None
        skip = int(parse_qs(urlsplit(response.url).query).get("skip", ["0"])[0])
        return self.site_url(board, skip + len(jobs))

    def posting(self, job: dict, board: str) -> JobPosting:
        """Build the posting of one Lever posting object."""
        categories = job.get("categories") or {}
        lists = [item for item in job.get("lists") or [] if isinstance(item, dict)]
        html_parts = [job.get("description") or ""]
        html_parts += [
            f"<h3>{i.get('text') or ''}</h3><ul>{i.get('content') or ''}</ul>" for i in lists
        ]
        html_parts.append(job.get("additional") or "")
        text_parts = [job.get("descriptionPlain") or html_to_text(job.get("description") or "")]
        for item in lists:
            text_parts += [item.get("text") or "", html_to_text(item.get("content") or "")]
        text_parts.append(job.get("additionalPlain") or html_to_text(job.get("additional") or ""))
        salary_range = job.get("salaryRange")
        return JobPosting(
            source=self.name,
            source_id=f"{board}/{job['id']}",
            url=job.get("hostedUrl") or f"https://jobs.lever.co/{board}/{job['id']}",
            title=job.get("text"),
            company=board,
            location=categories.get("location"),
            country=job.get("country"),
            remote=REMOTE.get(str(job.get("workplaceType") or "").lower()),
            posted_at=epoch_ms_to_iso(job.get("createdAt")),
            description_html="\n".join(p for p in html_parts if p.strip()) or None,
            description_text="\n\n".join(p.strip() for p in text_parts if p and p.strip()) or None,
            salary_text=job.get("salaryDescriptionPlain") or None,
            pay={"salaryRange": salary_range} if salary_range else None,
            employment_type=categories.get("commitment"),
            board=board,
            extras={
                "team": categories.get("team"),
                "department": categories.get("department"),
                "all_locations": categories.get("allLocations") or [],
                "workplace_type": job.get("workplaceType"),
                "apply_url": job.get("applyUrl"),
            },
        )
