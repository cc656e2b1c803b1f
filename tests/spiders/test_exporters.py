"""The landing feed's exporter writes exactly the lines Scrapy's own JSON-lines exporter does."""

from __future__ import annotations

import io

from scrapy.exporters import JsonLinesItemExporter

from spiders.exporters import DataclassJsonLinesExporter
from spiders.items import JobPosting, Reject


def lines(exporter_class, items) -> bytes:
    out = io.BytesIO()
    exporter = exporter_class(out, encoding="utf-8")
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return out.getvalue()


def test_the_lines_are_scrapys():
    items = [
        JobPosting(
            source="ashby",
            source_id="b/1",
            url="https://example.com/1",
            title="ML Engineer — Zürich",
            remote=True,
            pay={"tiers": [{"min": 150000, "max": 180000, "currency": "CHF"}]},
            extras={"departments": ["AI", "Platform"]},
        ),
        Reject(source="ashby", url="https://example.com/2", reason="job without id"),
    ]
    ours = lines(DataclassJsonLinesExporter, items)
    assert ours == lines(JsonLinesItemExporter, items)
    assert "Zürich".encode() in ours  # UTF-8, not \\u escapes
