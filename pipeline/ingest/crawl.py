"""Run one source's spider as a ``scrapy crawl`` subprocess and say how it went.

Crawls run as subprocesses because Twisted's reactor cannot be restarted inside one long-lived
worker process; it also lets sources crawl side by side and fail on their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipeline.config import Settings, Source
from pipeline.ingest.landing import crawl_stats, landing_path
from pipeline.paths import REPO_ROOT

logger = logging.getLogger(__name__)

_PROGRESS = re.compile(r"Crawled (\d+) pages .* scraped (\d+) items")
# A crawl asked to stop (Scrapy's graceful shutdown) is killed if it still runs after this.
STOP_GRACE_SECONDS = 3.0

# The crawls this process runs now, so that a signal can stop them with it.
_running: set[subprocess.Popen] = set()
_running_guard = threading.Lock()
_stopping = threading.Event()


def stopping() -> bool:
    """Whether this process was told to stop its crawls (a crawl then is not retried)."""
    return _stopping.is_set()


def stop_crawls(grace: float = STOP_GRACE_SECONDS) -> None:
    """Ask every running crawl to stop, and kill the ones still running after ``grace``.

    A crawl stopped so leaves its landing files as ``.partial`` (``spiders.extensions``), which
    no load takes for complete.
    """
    _stopping.set()
    with _running_guard:
        procs = list(_running)
    for proc in procs:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGTERM)

    def kill_the_rest() -> None:
        for proc in procs:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()

    if procs:
        threading.Timer(grace, kill_the_rest).start()


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@contextlib.contextmanager
def crawls_stop_on_signal() -> Iterator[None]:
    """While inside, SIGTERM or SIGINT (Ctrl-C) stops the running crawls (none is retried),
    then goes on to the handler it replaced (Prefect's, which ends the flow).

    Call it from the main thread (elsewhere signals cannot be caught, and it does nothing).
    """
    previous = {}

    def handler(signum, frame):
        logger.warning(
            "%s: stopping %d running crawl(s)", signal.Signals(signum).name, len(_running)
        )
        stop_crawls()
        before = previous[signum]
        if callable(before):
            before(signum, frame)
        elif before == signal.SIG_DFL:
            raise SystemExit(128 + signum)

    try:
        for signum in STOP_SIGNALS:
            previous[signum] = signal.signal(signum, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)


@dataclass
class CrawlResult:
    """What one source's crawl produced, and whether to trust it."""

    source: str
    run_id: str
    status: str  # ok | partial | failed
    items: int = 0
    rejects: int = 0
    requests: int = 0
    retries: int = 0
    gave_up: list[dict] = field(default_factory=list)
    errors: int = 0
    reason: str = ""
    seconds: float = 0.0
    log_file: str = ""
    # A replay of the recordings an earlier crawl (this run id) replayed whole: not crawled.
    unchanged_since: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def spider_args(source: str, overrides: dict | None = None) -> list[str]:
    """Return the ``-a`` arguments of a crawl: the source's name, then any overrides.

    A spider reads its own table of ``sources.toml`` (``source`` names it, as one spider may
    serve several tables); ``overrides`` replace keys of it for this crawl only.
    """
    args = ["-a", f"source={source}"]
    for key, value in (overrides or {}).items():
        if isinstance(value, list | tuple):
            value = ",".join(str(v) for v in value)
        args += ["-a", f"{key}={value}"]
    return args


def judge(source: str, run_id: str, returncode: int, stats: dict | None) -> CrawlResult:
    """Classify a finished crawl from its exit code and stats file."""
    if stats is None:
        return CrawlResult(
            source, run_id, "failed", reason=f"crawl exited {returncode} with no stats"
        )
    result = CrawlResult(
        source,
        run_id,
        "ok",
        items=int(stats.get("item_scraped_count", 0)),
        requests=int(stats.get("downloader/request_count", 0)),
        retries=int(stats.get("retry/count", 0)),
        gave_up=list(stats.get("jobtrends/gave_up") or []),
        errors=int(stats.get("log_count/ERROR", 0)),
        rejects=int(stats.get(f"{source}/rejected", 0)),
    )
    finish = stats.get("finish_reason")
    reasons = []
    if returncode != 0:
        reasons.append(f"exit code {returncode}")
    if finish != "finished":
        reasons.append(f"finish reason {finish}")
    if result.gave_up:
        reasons.append(f"gave up {len(result.gave_up)} URL(s)")
    if stats.get("replay/not_recorded"):
        reasons.append(f"{stats['replay/not_recorded']} URL(s) not recorded in the corpus")
    if stats.get("replay/unreadable_body"):
        reasons.append(f"{stats['replay/unreadable_body']} recorded body(ies) unreadable (see log)")
    if result.errors and not reasons:
        reasons.append(f"{result.errors} error(s) in the log")
    if reasons:
        result.status = "partial" if result.items and returncode == 0 else "failed"
        result.reason = "; ".join(reasons)
    return result


# The code a crawl runs: spiders, and the library they build postings with.
_CRAWL_CODE = ("spiders", "pipeline")


def replay_inputs(
    source: Source, settings: Settings, overrides: dict | None, scrapy_settings: dict | None
) -> str | None:
    """Return a digest of what a replayed crawl reads, None in live mode.

    The corpus manifest and the size and time of every recorded body, the source's table and
    this crawl's arguments, and the crawling code: a replay with the same digest as an earlier
    whole crawl would land the same postings again.
    """
    if settings.replay is None:
        return None
    from pipeline.ingest.corpus import CorpusError, open_corpus

    digest = hashlib.sha256()
    try:
        corpus = open_corpus(settings.replay)
        digest.update(corpus.manifest.read_bytes())
        for recording in corpus.recordings.values():
            stat = recording.body_path.stat()
            digest.update(f"{recording.body_path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
    except (CorpusError, OSError):
        return None  # the crawl itself says what is wrong with the corpus
    arguments = [source.name, source.spider, source.args, overrides, scrapy_settings]
    digest.update(json.dumps(arguments, sort_keys=True, default=str).encode())
    for root in _CRAWL_CODE:
        for path in sorted((REPO_ROOT / root).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def unchanged_since(settings: Settings, spider: str, inputs: str) -> str | None:
    """Return the run id of the last whole crawl that replayed these inputs, if any."""
    for run_id, stats in crawl_stats(settings.landing_dir, spider):
        if stats.get("jobtrends/inputs") != inputs:
            continue
        whole = judge(spider, run_id, 0, stats).ok and (
            landing_path(settings.landing_dir, spider, run_id, "postings").exists()
        )
        return run_id if whole else None
    return None


def last_crawl(settings: Settings, spider: str, run_id: str) -> tuple[int, int] | None:
    """Return (pages, postings) of the spider's last finished crawl before this run, if any."""
    for earlier, stats in crawl_stats(settings.landing_dir, spider):
        if earlier < run_id and stats.get("finish_reason") == "finished":
            pages = int(stats.get("response_received_count", 0))
            return pages, int(stats.get("item_scraped_count", 0))
    return None


def progress(source: str, pages: int, items: int, expected: tuple[int, int] | None) -> str:
    """Say how far a crawl is: pages and postings, against its last crawl when there was one."""
    if expected is None:
        return f"{source}: {pages:,} pages, {items:,} postings"
    last_pages, last_items = expected
    return (
        f"{source}: {pages:,} pages, {items:,} postings "
        f"(last crawl: {last_pages:,} pages, {last_items:,} postings)"
    )


def crawl(
    source: Source,
    settings: Settings,
    run_id: str,
    on_progress: Callable[[str], None] | None = None,
    scrapy_settings: dict[str, str] | None = None,
    overrides: dict | None = None,
) -> CrawlResult:
    """Crawl one source into its landing files; never raises for a failed crawl.

    ``scrapy_settings`` overrides Scrapy settings for this crawl (``-s NAME=VALUE``),
    ``overrides`` the source's arguments (``-a NAME=VALUE``).
    """
    inputs = replay_inputs(source, settings, overrides, scrapy_settings)
    earlier = (
        None
        if inputs is None or settings.full
        else unchanged_since(settings, source.spider, inputs)
    )
    if earlier:
        logger.info("%s: recordings unchanged since run %s, not replayed", source.name, earlier)
        return CrawlResult(
            source.name,
            run_id,
            "ok",
            reason=f"recordings unchanged since run {earlier}: nothing new to land",
            unchanged_since=earlier,
        )
    log_dir = settings.logs_dir / run_id
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / f"{source.name}.log"
    env = settings.subprocess_env(
        SCRAPY_SETTINGS_MODULE="spiders.settings", JOBTRENDS_RUN_ID=run_id
    )
    cmd = [sys.executable, "-m", "scrapy", "crawl", source.spider]
    cmd += spider_args(source.name, overrides)
    cmd += ["-s", "LOGSTATS_INTERVAL=10"]
    if inputs is not None:
        cmd += ["-s", f"JOBTRENDS_INPUTS={inputs}"]
    # The source's own Scrapy settings (its `[NAME.scrapy]` table), then this call's.
    for name, value in {**source.args.get("scrapy", {}), **(scrapy_settings or {})}.items():
        cmd += ["-s", f"{name}={value}"]
    expected = last_crawl(settings, source.spider, run_id)
    started = time.monotonic()
    logger.info("crawling %s (%s)", source.name, "replay" if settings.replay else "live")
    with log_file.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.PIPE, text=True, bufsize=1
        )
        with _running_guard:
            _running.add(proc)
        try:
            assert proc.stderr is not None
            for line in proc.stderr:
                log.write(line)
                if on_progress and (seen := _PROGRESS.search(line)):
                    on_progress(progress(source.name, int(seen[1]), int(seen[2]), expected))
            returncode = proc.wait()
        finally:
            with _running_guard:
                _running.discard(proc)
    stats_file = landing_path(settings.landing_dir, source.spider, run_id, "stats")
    stats = json.loads(stats_file.read_text(encoding="utf-8")) if stats_file.exists() else None
    result = judge(source.name, run_id, returncode, stats)
    result.seconds = round(time.monotonic() - started, 1)
    result.log_file = str(log_file)
    if stopping():
        result.reason = "; ".join(filter(None, ["stopped by a signal", result.reason]))
    if result.status == "failed" and stats is None:
        tail = log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        result.reason += ": " + " | ".join(tail)
    logger.info(
        "crawled %s: %s, %d items in %.1fs",
        source.name,
        result.status,
        result.items,
        result.seconds,
    )
    return result
