"""The one item schema every source yields, and the record of what was rejected.

These dataclasses are the posting schema: the raw tables of the warehouse are created from
their fields (``raw_columns``), and a test checks the dbt staging columns against them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass
class JobPosting:
    """One job posting, as a source states it; derived fields come later, in the warehouse.

    ``source_id`` is unique within ``source`` (board-qualified for job boards). ``pay`` holds
    the source's structured compensation as given: Ashby ``compensation`` itself, the others
    under their own field name (``{"salaryRange": ...}`` for Lever, ``{"pay_input_ranges":
    ...}`` for Greenhouse, ``{"salary": ...}`` for Recruitee, ``{"baseSalary": ...}`` for
    schema.org JobPosting); ``pipeline.domain.pay_structured`` reads them. Odd source fields
    go in ``extras`` rather than new columns.
    """

    source: str
    source_id: str
    url: str
    title: str | None = None
    company: str | None = None
    location: str | None = None
    country: str | None = None
    remote: bool | None = None
    posted_at: str | None = None
    updated_at: str | None = None
    description_text: str | None = None
    description_html: str | None = None
    salary_text: str | None = None
    pay: Any = None
    employment_type: str | None = None
    board: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    crawled_at: str | None = None
    content_hash: str | None = None


@dataclass
class Reject:
    """A posting or response that could not be used, kept with the reason rather than dropped."""

    source: str
    url: str
    reason: str
    source_id: str | None = None
    payload: Any = None
    crawled_at: str | None = None


@dataclass
class DatasetFile:
    """A whole published file (CSV, SQLite) fetched for loading as a snapshot.

    ``body`` is written to the landing folder by the StoreFilesPipeline and then dropped, so
    the run's feed lists the file (path, size, SHA-256) without carrying its bytes.
    """

    name: str
    url: str
    format: str
    table: str | None = None
    body: bytes | None = None
    path: str | None = None
    sha256: str | None = None
    size: int = 0
    crawled_at: str | None = None


# The DuckDB type of each annotation; anything else (Any, dict) is stored as JSON.
_RAW_TYPES = {"str": "VARCHAR", "str | None": "VARCHAR", "bool | None": "BOOLEAN"}


def raw_columns(item: type) -> dict[str, str]:
    """Return the raw table columns of an item class: its fields, in order, with their types."""
    return {f.name: _RAW_TYPES.get(str(f.type), "JSON") for f in dataclasses.fields(item)}
