"""Downloader middlewares: polite retries that honour Retry-After, and a record of give-ups."""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.response import response_status_message

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Return the wait a Retry-After header asks for (seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry throttled and failed downloads after a wait, and record what was given up.

    The wait is the server's Retry-After when it sends one (capped by ``RETRY_AFTER_MAX``),
    else exponential backoff with jitter: ``RETRY_BACKOFF_BASE * 2**attempt``. Given-up URLs
    go into the stat ``jobtrends/gave_up`` so the run can say what it lost.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)

    def _wait(self, request, response=None) -> float:
        attempt = request.meta.get("retry_times", 0)
        if response is not None:
            asked = retry_after_seconds(response.headers.get(b"Retry-After"))
            if asked is not None:
                return min(asked, self.retry_after_max)
        wait = min(self.backoff_max, self.backoff_base * 2**attempt)
        return wait * random.uniform(0.5, 1.0)

    def _give_up(self, request, reason) -> None:
        gave_up = self.crawler.stats.get_value("jobtrends/gave_up") or []
        gave_up.append({"url": request.url, "reason": str(reason)})
        self.crawler.stats.set_value("jobtrends/gave_up", gave_up)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        reason = response_status_message(response.status)
        retry = self._retry(request, reason)
        if retry is None:
            self._give_up(request, reason)
            return response
        wait = self._wait(request, response)
        logger.info("retrying %s in %.1fs (%s)", request.url, wait, reason)
        await asyncio.sleep(wait)
        return retry

    async def process_exception(self, request, exception, spider=None):
        if request.meta.get("dont_retry", False) or not isinstance(
            exception, self.exceptions_to_retry
        ):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            self._give_up(request, exception)
            return None
        wait = self._wait(request)
        logger.info("retrying %s in %.1fs (%s)", request.url, wait, exception.__class__.__name__)
        await asyncio.sleep(wait)
        return retry
