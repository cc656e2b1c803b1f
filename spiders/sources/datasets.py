"""Public datasets (salary surveys, posting indexes, derived HN data), fetched as whole files.

Which files are configured in sources.toml under ``[datasets.files.*]`` (their credits in the
``source_credits`` seed);
``-a names=aijobs_salaries`` fetches a subset.
"""

from __future__ import annotations

import scrapy

from spiders.items import DatasetFile
from spiders.platforms.base import JsonApiSpider


class DatasetsSpider(JsonApiSpider):
    name = "datasets"
    # Files can be large; the default warning size is too low for a 10 MB CSV.
    custom_settings = {"DOWNLOAD_WARNSIZE": 256 * 1024 * 1024}

    async def start(self):
        self.names = self.arg_list("names")
        files = self.config.get("files", {})
        unknown = [n for n in self.names if n not in files]
        for name in unknown:
            self.logger.error("no dataset %r in sources.toml (known: %s)", name, ", ".join(files))
        for name, spec in files.items():
            if self.names and name not in self.names:
                continue
            yield scrapy.Request(
                spec["url"], callback=self.parse_file, cb_kwargs={"name": name, "spec": spec}
            )

    def parse_file(self, response, name: str, spec: dict):
        if not response.body:
            yield self.reject(response.url, "empty file")
            return
        self.crawler.stats.inc_value("datasets/files")
        yield DatasetFile(
            name=name,
            url=response.url,
            format=spec.get("format", "csv"),
            table=spec.get("table"),
            body=response.body,
        )
