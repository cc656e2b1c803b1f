"""Feed exporters: JSON lines of the project's dataclass items, written without per-field work.

Scrapy's JSON-lines exporter reads each field through an ItemAdapter and a serializer hook,
which for tens of thousands of postings is a third of a replayed crawl. Items here are plain
dataclasses with no serializers, so their fields are read directly; the lines are the same.
"""

from __future__ import annotations

import dataclasses

from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.python import to_bytes


class DataclassJsonLinesExporter(JsonLinesItemExporter):
    """``jsonlines`` for dataclass items (any other item is exported as Scrapy does)."""

    def export_item(self, item) -> None:
        if not dataclasses.is_dataclass(item) or self.fields_to_export is not None:
            super().export_item(item)
            return
        record = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
        self.file.write(to_bytes(self.encoder.encode(record) + "\n", self.encoding))
