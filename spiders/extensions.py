"""Extensions: finish the landing files of a crawl and write its stats beside them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from scrapy import signals

from pipeline.ingest.landing import complete_partials, landing_path

logger = logging.getLogger(__name__)


class LandingFiles:
    """Rename the crawl's ``.partial`` feeds when all feeds are closed, then dump the stats.

    A landing file thus exists under its final name only once it is complete (a crawl stopped
    by a signal, finish reason ``shutdown``, keeps its feeds ``.partial``); the stats file
    (``<run id>.stats.json``) tells the flow what was crawled, retried and given up.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.reason = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.feeds_closed, signal=signals.feed_exporter_closed)
        return ext

    def _path(self, kind: str) -> Path:
        settings = self.crawler.settings
        return landing_path(
            settings["JOBTRENDS_LANDING"],
            self.crawler.spider.name,
            settings["JOBTRENDS_RUN_ID"],
            kind,
        )

    def spider_closed(self, spider, reason):
        self.reason = reason
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        stats["run_id"] = self.crawler.settings["JOBTRENDS_RUN_ID"]
        # What a replayed crawl read (``crawl.replay_inputs``): the next replay of the same
        # recordings need not run.
        if inputs := self.crawler.settings.get("JOBTRENDS_INPUTS"):
            stats["jobtrends/inputs"] = inputs
        path = self._path("stats")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stats, indent=2, default=str, sort_keys=True), encoding="utf-8")

    def feeds_closed(self):
        run_id = self.crawler.settings["JOBTRENDS_RUN_ID"]
        folder = self._path("postings").parent
        if self.reason == "shutdown":
            # Stopped by a signal: what the feeds hold is not the whole crawl, and a load must
            # not take it for one (a posting it lacks would count as gone from its board).
            logger.warning("crawl stopped: landing files of run %s stay .partial", run_id)
            return
        complete_partials(folder, run_id)
        logger.info("landing files of run %s are complete in %s", run_id, folder)
