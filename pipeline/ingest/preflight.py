"""Checks before a run: is there a network to crawl, or a corpus to replay?"""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.ingest.corpus import Corpus, CorpusError

PROBE_HOST = ("hn.algolia.com", 443)


class PreflightError(RuntimeError):
    """The run cannot start; the message says why in one line."""


def proxy_address() -> tuple[str, int] | None:
    """Return the HTTPS proxy of the standard environment variables, if one is set."""
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        value = os.environ.get(name)
        if value:
            parts = urlsplit(value if "://" in value else f"http://{value}")
            if parts.hostname:
                return parts.hostname, parts.port or 8080
    return None


def network_reachable(timeout: float = 3.0) -> bool:
    """Return whether a TCP connection to the proxy, or to a source host, can be opened."""
    host, port = proxy_address() or PROBE_HOST
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def check_home(home: Path) -> None:
    """Raise PreflightError, saying what to do, unless files can be written under ``home``."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=home, prefix=".write-check-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise PreflightError(
            f"cannot write to {home} ({reason}): set JOBTRENDS_HOME or --home to a folder "
            "you can write"
        ) from exc


def check(replay: Path | None) -> str:
    """Return how the run will fetch (``replay <path>`` or ``live``), or raise PreflightError."""
    if replay is not None:
        try:
            n = len(Corpus(replay).recordings)
        except CorpusError as exc:
            raise PreflightError(f"cannot replay: {exc}") from exc
        return f"replay of {n} recorded responses from {replay}"
    if not network_reachable():
        raise PreflightError(
            "no network to crawl and no corpus to replay: pass --replay PATH "
            "(or set JOBTRENDS_REPLAY), or set HTTPS_PROXY if you are behind a proxy"
        )
    return "live"
