"""Write fetched dataset files into the landing folder, once, under their run."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from pipeline.ingest.landing import PARTIAL, dataset_path
from spiders.items import DatasetFile


class StoreFilesPipeline:
    """Save a DatasetFile's body to its place in the landing folder (``landing.dataset_path``).

    The file is written as ``.partial`` and renamed when complete, like every landing file.
    """

    def __init__(self, landing_dir: str, run_id: str):
        self.landing_dir = landing_dir
        self.run_id = run_id

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings["JOBTRENDS_LANDING"], crawler.settings["JOBTRENDS_RUN_ID"])

    def process_item(self, item):
        if not isinstance(item, DatasetFile) or item.body is None:
            return item
        path = dataset_path(self.landing_dir, self.run_id, item.name, item.format)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + PARTIAL)
        partial.write_bytes(item.body)
        partial.rename(path)
        item.sha256 = hashlib.sha256(item.body).hexdigest()
        item.size = len(item.body)
        item.path = path.as_posix()
        item.body = None
        item.crawled_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return item
