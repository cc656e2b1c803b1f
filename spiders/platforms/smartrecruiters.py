"""SmartRecruiters company job boards (public Posting API), paged with ``offset``/``limit``.

Companies come from sources.toml or ``-a boards=acme``, listed in pages of ``page_size``
(100). The list gives titles, places, departments and dates; companies in ``content``
(``-a content=acme``) also have each posting fetched on its own for its job ad (description,
qualifications), one request a posting. The Posting API has no pay field: pay is read from
the job ad's text.
"""

from __future__ import annotations

from urllib.parse import urlencode

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardSpider

API = "https://api.smartrecruiters.com/v1/companies"
PAGE_SIZE = 100
AD_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def label(value) -> str | None:
    """Return the ``label`` of a SmartRecruiters ``{id, label}`` object (or a bare string)."""
    if isinstance(value, dict):
        return value.get("label") or value.get("name")
    return value if isinstance(value, str) else None


class SmartrecruitersSpider(JobBoardSpider):
    name = "smartrecruiters"
    allowed_domains = ["api.smartrecruiters.com"]
    api_base = API

    @property
    def page_size(self) -> int:
        return int(self.config.get("page_size") or PAGE_SIZE)

    def page_url(self, board: str, offset: int) -> str:
        query = urlencode({"offset": offset, "limit": self.page_size})
        return f"{self.api_base}/{board}/postings?{query}"

    def board_url(self, board: str) -> str:
        return self.page_url(board, 0)

    def jobs_in(self, data):
        content = data.get("content") if isinstance(data, dict) else None
        return content if isinstance(content, list) else None

    def next_page(self, response, data, jobs, board):
        offset = int(data.get("offset") or 0) + len(jobs)
        total = data.get("totalFound")
        if not jobs or not isinstance(total, int) or offset >= total:
            return None
        return self.page_url(board, offset)

    def detail_url(self, job: dict, board: str) -> str | None:
        if board not in self.arg_list("content"):
            return None
        return f"{self.api_base}/{board}/postings/{job['id']}"

    def posting(self, job: dict, board: str) -> JobPosting:
        """Build the posting of one SmartRecruiters posting (listed, or with its job ad)."""
        location = job.get("location") or {}
        sections = ((job.get("jobAd") or {}).get("sections")) or {}
        parts = []
        for key in AD_SECTIONS:
            section = sections.get(key) or {}
            if section.get("text"):
                parts.append(f"<h3>{section.get('title') or ''}</h3>{section['text']}")
        place = location.get("fullLocation") or ", ".join(
            p for p in (location.get("city"), location.get("region"), location.get("country")) if p
        )
        company = job.get("company") or {}
        return JobPosting(
            source=self.name,
            source_id=f"{board}/{job['id']}",
            url=job.get("postingUrl") or f"https://jobs.smartrecruiters.com/{board}/{job['id']}",
            title=job.get("name"),
            company=company.get("name") or board,
            location=place or None,
            country=(location.get("country") or "").upper() or None,
            remote=location.get("remote"),
            posted_at=job.get("releasedDate"),
            description_html="\n".join(parts) or None,
            employment_type=label(job.get("typeOfEmployment")),
            board=board,
            extras={
                "department": label(job.get("department")),
                "function": label(job.get("function")),
                "experience_level": label(job.get("experienceLevel")),
                "industry": label(job.get("industry")),
                "ref_number": job.get("refNumber"),
                "language": label(job.get("language")),
            },
        )
