"""Replay transport: answer every request from a recorded corpus, never from the network.

Installed as the download handler of ``http`` and ``https`` when ``JOBTRENDS_REPLAY`` is set,
so the same spiders, middlewares and pipelines run live, in tests and in benchmarks.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import run_in_thread

from pipeline.ingest.corpus import Corpus, CorpusError

logger = logging.getLogger(__name__)


class NotRecordedError(IgnoreRequest):
    """A spider asked for a URL the corpus does not hold."""


class UnreadableBodyError(IgnoreRequest):
    """The corpus lists a URL but its body file is missing or damaged: not worth a retry."""


class ReplayDownloadHandler(BaseDownloadHandler):
    """Serve recorded bodies by canonical URL; fail loudly on anything unrecorded."""

    def __init__(self, crawler):
        super().__init__(crawler)
        path = crawler.settings.get("JOBTRENDS_REPLAY")
        if not path:
            raise NotConfigured("JOBTRENDS_REPLAY is not set")
        try:
            self.corpus = Corpus(path)
            self.corpus.recordings  # noqa: B018 - read the manifest once, at start, to fail early
        except CorpusError as exc:
            raise NotConfigured(str(exc)) from exc
        self.stats = crawler.stats

    async def download_request(self, request: Request) -> Response:
        if urlsplit(request.url).path == "/robots.txt":
            # Robots files are not recorded; an absent one means "everything allowed".
            return Response(url=request.url, status=404, body=b"", request=request)
        recording = self.corpus.get(request.url)
        if recording is None:
            self.stats.inc_value("replay/not_recorded")
            logger.error("not recorded in the corpus %s: %s", self.corpus.root, request.url)
            raise NotRecordedError(f"not recorded: {request.url}")
        try:
            body = await run_in_thread(recording.body)
        except (OSError, EOFError) as exc:  # missing file, bad gzip, truncated gzip
            self.stats.inc_value("replay/unreadable_body")
            board = request.cb_kwargs.get("board")
            what = f"board {board} ({request.url})" if board else request.url
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            logger.error(
                "cannot read the recorded body of %s: %s: %s", what, reason, recording.body_path
            )
            raise UnreadableBodyError(f"unreadable body: {request.url}") from exc
        self.stats.inc_value("replay/served")
        headers = Headers({"Content-Type": recording.content_type})
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(
            url=request.url, status=recording.status, headers=headers, body=body, request=request
        )
