"""Live mode against loopback servers: throttling, failures, truncation, proxies."""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from spiders.middlewares import retry_after_seconds
from tests.conftest import landed, run_spider

JOBS = json.dumps(
    {"jobs": [{"id": 1, "title": "ML Engineer", "absolute_url": "https://x.example/1"}]}
).encode()
FAST = {
    "RETRY_BACKOFF_BASE": "0.05",
    "RETRY_TIMES": "2",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
}


class Board(BaseHTTPRequestHandler):
    """A job board that misbehaves in a different way on each path."""

    hits: dict[str, list[float]] = defaultdict(list)

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None, length=None):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("://", 1)[-1]  # absolute URI when reached through a proxy
        path = path[path.index("/") :]
        Board.hits[path].append(time.monotonic())
        n = len(Board.hits[path])
        if path == "/robots.txt":
            self.send(404)
        elif path == "/v1/boards/throttled/jobs":
            self.send(429, headers={"Retry-After": "1"}) if n == 1 else self.send(200, JOBS)
        elif path == "/v1/boards/down/jobs":
            self.send(503)
        elif path == "/v1/boards/truncated/jobs":
            if n == 1:
                self.send(200, JOBS[:20], length=len(JOBS))
                self.close_connection = True
            else:
                self.send(200, JOBS)
        elif path == "/v1/boards/garbled/jobs":
            self.send(200, b'{"jobs": [{"id"' if n == 1 else JOBS)
        elif path == "/v1/boards/ok/jobs":
            self.send(200, JOBS)
        else:
            self.send(404)


@pytest.fixture
def board_server():
    Board.hits.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Board)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_retry_after_header_forms():
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("not a date") is None
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, 0, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Thu, 01 Jan 2026 00:00:30 GMT", now=now) == 30.0


def test_throttled_board_is_retried_after_the_wait_it_asks(tmp_path, board_server):
    result = run_spider(
        "greenhouse",
        tmp_path,
        None,
        boards="throttled,ok",
        api_base=f"{board_server}/v1/boards",
        settings=FAST,
    )
    assert result.status == "ok", result.reason
    first, second = Board.hits["/v1/boards/throttled/jobs"]
    assert second - first >= 0.9  # Retry-After: 1 honoured
    assert sorted(p["source_id"] for p in landed(tmp_path, "greenhouse")) == ["ok/1", "throttled/1"]


def test_truncated_and_garbled_bodies_are_fetched_again(tmp_path, board_server):
    result = run_spider(
        "greenhouse",
        tmp_path,
        None,
        boards="truncated,garbled",
        api_base=f"{board_server}/v1/boards",
        settings=FAST,
    )
    assert result.status == "ok", result.reason
    assert len(Board.hits["/v1/boards/truncated/jobs"]) == 2
    assert len(Board.hits["/v1/boards/garbled/jobs"]) == 2
    assert sorted(p["source_id"] for p in landed(tmp_path, "greenhouse")) == [
        "garbled/1",
        "truncated/1",
    ]


def test_a_board_that_stays_down_is_given_up_and_said(tmp_path, board_server):
    result = run_spider(
        "greenhouse",
        tmp_path,
        None,
        boards="down,ok",
        api_base=f"{board_server}/v1/boards",
        settings=FAST,
    )
    assert result.status == "partial"
    assert len(Board.hits["/v1/boards/down/jobs"]) == 3  # first try + RETRY_TIMES
    assert [g["url"] for g in result.gave_up] == [f"{board_server}/v1/boards/down/jobs"]
    assert "gave up 1 URL" in result.reason
    assert [p["source_id"] for p in landed(tmp_path, "greenhouse")] == ["ok/1"]


def test_live_mode_goes_through_the_proxy_of_the_environment(tmp_path, board_server, monkeypatch):
    # The board's host does not exist; only the proxy (our loopback server) can answer.
    monkeypatch.setenv("http_proxy", board_server)
    monkeypatch.setenv("HTTP_PROXY", board_server)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    result = run_spider(
        "greenhouse",
        tmp_path,
        None,
        boards="ok",
        api_base="http://boards.jobtrends-test.invalid/v1/boards",
        settings=FAST,
    )
    assert result.status == "ok", result.reason
    assert [p["source_id"] for p in landed(tmp_path, "greenhouse")] == ["ok/1"]
