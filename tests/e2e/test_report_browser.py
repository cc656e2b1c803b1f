"""The report in a real browser: headless Chromium opens the file offline and draws it.

Driven over the DevTools protocol (a loopback websocket): the page loads from disk with no
console error and no request outside the file, every chart is an SVG the browser lays out,
and the claims table lists every claim of the seed. A screenshot is kept beside the test's
temporary files (and copied to ``$JOBTRENDS_REPORT_SCREENSHOT`` when set).

Needs Chromium (Debian: ``apt-get install chromium``; or ``$CHROMIUM``). Without it the test
skips, and fails when ``CI`` is set.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import itertools
import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from websockets.sync.client import connect

from pipeline.paths import SEEDS_DIR
from pipeline.report import write_report
from tests.pipeline.report.test_report import CHARTS

CLAIMS_SEED = SEEDS_DIR / "article_claims.csv"

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 60


def chromium() -> str:
    """Return the Chromium executable; fail under CI when there is none, skip elsewhere."""
    candidates = [os.environ.get("CHROMIUM", ""), *CHROMIUM_NAMES]
    for name in candidates:
        path = name and shutil.which(name)
        if path:
            return path
    message = "Chromium not found (apt-get install chromium, or set CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def seed_claim_ids() -> list[str]:
    with CLAIMS_SEED.open(encoding="utf-8", newline="") as fh:
        return [row["claim_id"] for row in csv.DictReader(fh)]


class DevTools:
    """A minimal DevTools protocol client: commands with ids, events kept in order."""

    def __init__(self, ws_url: str) -> None:
        self.ws = connect(ws_url, max_size=None, open_timeout=TIMEOUT)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=TIMEOUT))
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str) -> dict:
        for event in self.events:
            if event.get("method") == method:
                return event
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv(timeout=TIMEOUT))
            self.events.append(msg)
            if msg.get("method") == method:
                return msg
        raise TimeoutError(method)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def close(self) -> None:
        self.ws.close()


@pytest.fixture(scope="module")
def report_file(small_warehouse, tmp_path_factory) -> Path:
    """The report of the small warehouse dbt builds from hand-made landing files."""
    return write_report(small_warehouse, tmp_path_factory.mktemp("browser") / "reports")


@pytest.fixture(scope="module")
def chromium_exe() -> str:
    return chromium()


@pytest.fixture(scope="module")
def page(chromium_exe, report_file, tmp_path_factory):
    """The report loaded in headless Chromium, with every event it raised while loading."""
    exe = chromium_exe
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen(
        [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--window-size=1280,1600",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    devtools = None
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + TIMEOUT
        while not (port_file.exists() and port_file.read_text().strip()):
            if proc.poll() is not None or time.monotonic() > deadline:
                stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                pytest.fail(f"Chromium did not start (exit {proc.poll()}): {stderr[-2000:]}")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as r:
            targets = json.load(r)
        target = next(t for t in targets if t["type"] == "page")
        devtools = DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            devtools.call(f"{domain}.enable")
        devtools.call("Page.navigate", url=report_file.resolve().as_uri())
        devtools.wait_for("Page.loadEventFired")
        yield devtools
    finally:
        if devtools is not None:
            # The browser may already be gone; it is terminated below anyway.
            with contextlib.suppress(Exception):
                devtools.call("Browser.close")
            devtools.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_loads_with_no_console_error(page):
    errors = []
    for event in page.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(params)
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            errors.append(params["entry"])
        elif method == "Network.loadingFailed":
            errors.append(params)
    assert errors == []
    assert page.evaluate("document.readyState") == "complete"
    assert page.evaluate("document.title").startswith("jobtrends")


def test_requests_nothing_outside_the_file(page, report_file):
    urls = [
        e["params"]["request"]["url"]
        for e in page.events
        if e.get("method") == "Network.requestWillBeSent"
    ]
    assert report_file.resolve().as_uri() in urls
    assert all(u.startswith(("file:", "data:", "about:")) for u in urls), urls
    assert page.evaluate("document.scripts.length") == 0


def test_every_chart_is_drawn(page):
    charts = page.evaluate(
        """[...document.querySelectorAll('figure')].map(f => {
            const svg = f.querySelector('svg');
            const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
            return {id: f.id, width: box.width, height: box.height,
                    marks: svg ? svg.querySelectorAll('path, use, rect').length : 0,
                    caption: f.querySelector('figcaption')?.textContent ?? ''};
        })"""
    )
    assert {c["id"] for c in charts} == set(CHARTS)
    for chart in charts:
        assert chart["width"] > 300 and chart["height"] > 100, chart
        assert chart["marks"] > 10, chart
        assert "n = " in chart["caption"], chart
    assert page.evaluate("document.querySelectorAll('svg').length") == len(CHARTS)


def test_claims_table_lists_every_claim_and_links_to_its_evidence(page):
    rows = page.evaluate(
        """[...document.querySelectorAll('#claims tbody tr')].map(tr => {
            const a = tr.querySelector('td a');
            const target = a ? document.querySelector(a.getAttribute('href')) : null;
            return {id: a?.textContent, href: a?.getAttribute('href'),
                    target: target?.id ?? null,
                    inEvidence: !!target?.closest('#evidence')};
        })"""
    )
    ids = [r["id"] for r in rows]
    expected = seed_claim_ids()
    assert ids == expected
    for row in rows:
        assert row["target"] == row["href"][1:] and row["inEvidence"], row


def test_posting_text_is_shown_as_text(page):
    text = page.evaluate("document.body.textContent")  # closed <details> included
    assert "<script>alert('x')</script> Machine Learning Engineer" in text


def test_screenshot(page, tmp_path_factory):
    """Keep a full-page picture of the report, for a person to look at."""
    shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    data = base64.b64decode(shot["data"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    path = tmp_path_factory.mktemp("screenshot") / "report.png"
    path.write_bytes(data)
    if os.environ.get("JOBTRENDS_REPORT_SCREENSHOT"):
        Path(os.environ["JOBTRENDS_REPORT_SCREENSHOT"]).write_bytes(data)


def test_no_table_is_clipped(page):
    """Every table, closed ones opened, fits the page or scrolls in its frame: none is cut."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    try:
        tables = page.evaluate(
            """[...document.querySelectorAll('table')].map(t => {
                const wrap = t.closest('.table-wrap');
                const box = (wrap || t).getBoundingClientRect();
                let clippedBy = null;
                for (let e = (wrap || t).parentElement; e; e = e.parentElement) {
                    const o = getComputedStyle(e).overflowX;
                    if ((o === 'hidden' || o === 'clip') && e.scrollWidth > e.clientWidth) {
                        clippedBy = e.tagName;
                    }
                }
                return {caption: t.caption?.textContent.slice(0, 60) ?? '',
                        scrolls: !!wrap && getComputedStyle(wrap).overflowX === 'auto',
                        fits: !wrap || t.scrollWidth <= wrap.clientWidth + 1,
                        right: box.right, clippedBy};
            })"""
        )
        page_width = page.evaluate("document.documentElement.clientWidth")
        page_scroll = page.evaluate("document.documentElement.scrollWidth")
    finally:
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
    assert len(tables) >= 5
    assert page_scroll <= page_width, "the page is wider than the window: its right side is cut"
    for t in tables:
        assert t["fits"] or t["scrolls"], t
        assert t["right"] <= page_width + 1 and t["clippedBy"] is None, t
