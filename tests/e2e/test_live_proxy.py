"""`jobtrends run` in live mode behind a proxy that misbehaves, with NO_PROXY unset.

The proxy is a loopback server that answers for a job board host that does not exist: the only
way to the board is through it. A third of the board's URLs first answer 429, 503, a truncated
body, a stalled body or a reset connection; the run must still land every posting, and Prefect's
calls to its own local server must not go through the proxy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from tests.platform_server import FAULTS as PLATFORM_FAULTS
from tests.platform_server import Platforms, platform_server

REPO = Path(__file__).resolve().parents[2]
HOST = "boards.jobtrends-test.invalid"
BOARDS = [f"board{i}" for i in range(15)]
JOBS_PER_BOARD = 3
# The first answer of these boards' URL is a fault; the retry gets the board.
FAULTS = {
    "board0": "429",
    "board3": "503",
    "board6": "truncated",
    "board9": "stall",
    "board12": "reset",
}
STALL_SECONDS = 4  # longer than the DOWNLOAD_TIMEOUT the source sets below


def jobs(board: str) -> bytes:
    return json.dumps(
        {
            "jobs": [
                {
                    "id": n,
                    "title": f"Machine Learning Engineer {n}",
                    "absolute_url": f"https://{HOST}/{board}/{n}",
                    "updated_at": "2026-01-05T10:00:00-05:00",
                    "location": {"name": "Remote"},
                }
                for n in range(1, JOBS_PER_BOARD + 1)
            ]
        }
    ).encode()


class Proxy(BaseHTTPRequestHandler):
    """A forward proxy for HOST only; anything else (Prefect's local server) is a 404."""

    hits: Counter = Counter()
    others: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.path.startswith(f"http://{HOST}/"):
            Proxy.others.append(self.path)
            self.send_error(404)
            return
        path = self.path[len(f"http://{HOST}") :]
        Proxy.hits[path] += 1
        first = Proxy.hits[path] == 1
        board = path.split("/")[3] if path.startswith("/v1/boards/") else ""
        fault = FAULTS.get(board) if first else None
        if path == "/robots.txt":
            self.send_error(404)
            return
        if not board:
            self.send_error(404)
            return
        body = jobs(board)
        if fault == "reset":
            self.close_connection = True
            self.connection.close()
            return
        if fault in ("429", "503"):
            self.send_response(int(fault))
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if fault == "truncated":
            self.wfile.write(body[:30])
            self.close_connection = True
            return
        if fault == "stall":
            self.wfile.write(body[:30])
            self.wfile.flush()
            time.sleep(STALL_SECONDS)
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def proxy():
    Proxy.hits.clear()
    Proxy.others.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def run_live(tmp_path: Path, sources_toml: str, proxy: str, *sources: str):
    """Run `jobtrends run -s ...` in live mode with every proxy variable set to ``proxy`` and
    NO_PROXY unset; its home is ``tmp_path / "home"``."""
    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(sources_toml, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k.lower() != "no_proxy"}
    env.pop("JOBTRENDS_REPLAY", None)
    env |= {
        "JOBTRENDS_HOME": str(tmp_path / "home"),
        "JOBTRENDS_SOURCES": str(sources_file),
        **{name: proxy for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy")},
    }
    selected = [arg for name in sources for arg in ("-s", name)]
    run = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", *selected],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return run


def test_a_run_behind_a_faulty_proxy_lands_every_posting(tmp_path, proxy):
    sources = f"""
[greenhouse]
schedule = "daily"
boards = {json.dumps(BOARDS)}
api_base = "http://{HOST}/v1/boards"

[greenhouse.scrapy]
DOWNLOAD_TIMEOUT = 2
RETRY_BACKOFF_BASE = 0.5
AUTOTHROTTLE_ENABLED = false
DOWNLOAD_DELAY = 0
"""
    run_live(tmp_path, sources, proxy, "greenhouse")
    assert not Proxy.others, f"loopback calls went through the proxy: {Proxy.others[:3]}"
    # Every faulty URL was asked again, and every posting of every board landed.
    for board in FAULTS:
        assert Proxy.hits[f"/v1/boards/{board}/jobs"] >= 2, board
    with duckdb.connect(str(tmp_path / "home" / "warehouse.duckdb"), read_only=True) as con:
        landed = con.execute("select count(distinct source_id) from raw.postings").fetchone()[0]
    assert landed == len(BOARDS) * JOBS_PER_BOARD


def test_lever_and_jobposting_run_live_behind_the_proxy(tmp_path):
    """`jobtrends run -s lever -s jobposting` through HTTPS_PROXY: every posting reaches
    `postings`, and structured pay reaches the pay marts in USD as `employer_structured`."""
    sources = """
[lever]
live_only = true
boards = ["leverexample", "euexample"]
eu = ["euexample"]
page_size = 2
api_base = "http://lever.jobtrends-test.invalid/v0/postings"

[jobposting]
live_only = true
sitemaps = ["http://careers.jobtrends-test.invalid/sitemap.xml"]
urls = ["http://jobs.jobtrends-test.invalid/openings/ml-platform", "http://jobs.jobtrends-test.invalid/openings"]

[lever.scrapy]
RETRY_BACKOFF_BASE = 0.2
AUTOTHROTTLE_ENABLED = false
DOWNLOAD_DELAY = 0

[jobposting.scrapy]
RETRY_BACKOFF_BASE = 0.2
AUTOTHROTTLE_ENABLED = false
DOWNLOAD_DELAY = 0
"""
    Platforms.hits.clear()
    with platform_server() as server:
        run_live(tmp_path, sources, server, "lever", "jobposting")
    for spider in ("lever", "jobposting"):
        for path in PLATFORM_FAULTS[spider]:
            assert Platforms.hits[path] >= 2, path  # faulted once, asked again
    with duckdb.connect(str(tmp_path / "home" / "warehouse.duckdb"), read_only=True) as con:
        counts = dict(con.execute("select source, count(*) from postings group by 1").fetchall())
        pay = con.execute(
            """
            select source, pay_basis, country, role_family, n_salaries
            from salary_yearly
            where source in ('lever', 'jobposting') and role_family = 'ml_engineer'
            order by source, country
            """
        ).fetchall()
        usd = con.execute(
            "select annual_min_usd, annual_max_usd from intermediate.int_pay_ranges_parsed "
            "where posting_id = 'lever:leverexample/7d1c2b3a-0001-4e5f-9a8b-000000000001'"
        ).fetchall()
    assert counts == {"lever": 4, "jobposting": 5}
    assert ("lever", "employer_structured", "US", "ml_engineer", 1) in pay
    assert ("jobposting", "employer_structured", "US", "ml_engineer", 1) in pay
    assert usd == [(180000.0, 230000.0)]
