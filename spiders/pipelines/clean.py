"""Normalise a valid posting: whitespace, UTC timestamps, text from HTML, content hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from datetime import UTC, datetime

from pipeline.domain.text import html_to_text
from spiders.items import JobPosting

# Crawl bookkeeping does not change what a posting says, so it stays out of the hash.
_NOT_CONTENT = {"crawled_at", "content_hash"}
_CONTENT_FIELDS = tuple(f.name for f in fields(JobPosting) if f.name not in _NOT_CONTENT)


def to_utc_iso(value: str | None) -> str | None:
    """Return an ISO 8601 timestamp in UTC (``...Z``); naive times are taken as UTC."""
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(item: JobPosting) -> str:
    """Return a stable hash of what the posting says, to tell a changed posting from a re-crawl.

    The fields are read as they are (``asdict`` would deep-copy the nested pay and extras only
    to serialise them): the JSON, and so the hash, is the same.
    """
    content = {f: getattr(item, f) for f in _CONTENT_FIELDS}
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


class CleanPipeline:
    """Normalise fields in place so every source lands in one shape."""

    def process_item(self, item):
        if not isinstance(item, JobPosting):
            return item
        for name in ("title", "company", "location", "employment_type", "salary_text"):
            value = getattr(item, name)
            if isinstance(value, str):
                setattr(item, name, " ".join(value.split()) or None)
        item.posted_at = to_utc_iso(item.posted_at)
        item.updated_at = to_utc_iso(item.updated_at)
        if not item.description_text and item.description_html:
            item.description_text = html_to_text(item.description_html)
        item.crawled_at = item.crawled_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        item.content_hash = content_hash(item)
        return item
