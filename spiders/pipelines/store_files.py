"""Write fetched dataset files into the landing folder, once, under their run."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from spiders.items import DatasetFile


class StoreFilesPipeline:
    """Save a DatasetFile's body to ``landing/datasets/<run id>/<name>.<format>``.

    The file is written as ``.partial`` and renamed when complete, like every landing file.
    """

    def __init__(self, home: str, run_id: str):
        self.folder = Path(home) / "landing" / "datasets" / run_id

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings["JOBTRENDS_HOME"], crawler.settings["JOBTRENDS_RUN_ID"])

    def process_item(self, item):
        if not isinstance(item, DatasetFile) or item.body is None:
            return item
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{item.name}.{item.format}"
        partial = path.with_name(path.name + ".partial")
        partial.write_bytes(item.body)
        partial.rename(path)
        item.sha256 = hashlib.sha256(item.body).hexdigest()
        item.size = len(item.body)
        item.path = path.as_posix()
        item.body = None
        item.crawled_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return item
