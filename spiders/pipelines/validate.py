"""Turn postings that break the schema into rejects with the reason."""

from __future__ import annotations

from datetime import datetime

from spiders.items import JobPosting, Reject


def problems(item: JobPosting) -> list[str]:
    """Return what is wrong with a posting; empty when it is usable."""
    found = []
    for name in ("source", "source_id", "url"):
        if not getattr(item, name):
            found.append(f"missing {name}")
    if not (item.title or item.description_text or item.description_html):
        found.append("neither title nor description")
    for name in ("posted_at", "updated_at"):
        value = getattr(item, name)
        if value is None:
            continue
        try:
            datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            found.append(f"{name} is not an ISO date: {value!r}")
    return found


class ValidatePipeline:
    """Swap an invalid posting for a Reject; the feeds route each kind to its own file."""

    def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        found = problems(item)
        if not found:
            return item
        return Reject(
            source=item.source or "unknown",
            url=item.url or "",
            source_id=item.source_id or None,
            reason="; ".join(found),
            payload={"title": item.title, "posted_at": item.posted_at},
            crawled_at=item.crawled_at,
        )
