"""Scrapy settings of jobtrends: polite by default, replay when JOBTRENDS_REPLAY is set.

Paths and switches come from ``pipeline.config`` (which reads the environment that
``jobtrends`` hands each crawl), so ``scrapy crawl`` run by hand lands its files where
``jobtrends run`` does; the landing layout comes from ``pipeline.ingest.landing``.
"""

from __future__ import annotations

import os

from pipeline.config import get_settings, new_run_id
from pipeline.ingest.landing import PARTIAL, landing_path

BOT_NAME = "jobtrends"
SPIDER_MODULES = ["spiders.platforms", "spiders.sources"]
NEWSPIDER_MODULE = "spiders.sources"

_config = get_settings()

# An honest user agent: who we are and where to read about it.
USER_AGENT = "jobtrends/0.1 (+https://github.com/jobtrends/jobtrends; job-market research)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_FAIL_ON_DATALOSS = True

# Retries: throttled (429, Retry-After honoured), failed, stalled (timeout) or truncated
# (data loss) responses are retried with backoff; give-ups are listed in the stats file.
RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 120.0
RETRY_AFTER_MAX = 600.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
}

ITEM_PIPELINES = {
    "spiders.pipelines.validate.ValidatePipeline": 100,
    "spiders.pipelines.clean.CleanPipeline": 200,
    "spiders.pipelines.store_files.StoreFilesPipeline": 300,
}

EXTENSIONS = {"spiders.extensions.LandingFiles": 500}

JOBTRENDS_HOME = str(_config.home)
JOBTRENDS_LANDING = str(_config.landing_dir)
JOBTRENDS_SOURCES = str(_config.sources_file)
# Crawl everything again, ignoring what earlier crawls hold (``jobtrends run --full``).
JOBTRENDS_FULL = _config.full
# The crawl runner names the run; a crawl started by hand is a run of its own.
JOBTRENDS_RUN_ID = os.environ.get("JOBTRENDS_RUN_ID") or new_run_id()


def _feed(kind: str) -> str:
    path = landing_path(_config.landing_dir, "%(name)s", JOBTRENDS_RUN_ID, kind)
    return f"file://{path.as_posix()}{PARTIAL}"


# One landing file of postings and one of rejects per source and run, gzip-compressed; they are
# written as `.partial` and renamed when the crawl closes, so a crash never leaves a file that
# looks complete. Compression level 5, not gzip's 9: a fifth of the time (9 was the slowest step
# of a Hacker News crawl, 3 s of 14), files 1% larger.
FEEDS = {
    _feed("postings"): {
        "format": "jsonlines",
        "encoding": "utf-8",
        "item_classes": ["spiders.items.JobPosting", "spiders.items.DatasetFile"],
        "postprocessing": ["scrapy.extensions.postprocessing.GzipPlugin"],
        "gzip_compresslevel": 5,
        "overwrite": True,
    },
    _feed("rejects"): {
        "format": "jsonlines",
        "encoding": "utf-8",
        "item_classes": ["spiders.items.Reject"],
        "postprocessing": ["scrapy.extensions.postprocessing.GzipPlugin"],
        "gzip_compresslevel": 5,
        "overwrite": True,
    },
}
FEED_EXPORTERS = {"jsonlines": "spiders.exporters.DataclassJsonLinesExporter"}
FEED_STORE_EMPTY = True
FEED_EXPORT_ENCODING = "utf-8"

if _config.replay is not None:
    JOBTRENDS_REPLAY = str(_config.replay)
    DOWNLOAD_HANDLERS = {
        "http": "spiders.replay.ReplayDownloadHandler",
        "https": "spiders.replay.ReplayDownloadHandler",
    }
    # A recorded corpus is local: no need to be slow with it.
    AUTOTHROTTLE_ENABLED = False
    DOWNLOAD_DELAY = 0
    CONCURRENT_REQUESTS_PER_DOMAIN = 8

LOG_LEVEL = _config.log_level
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# No listening sockets from a batch crawl.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
