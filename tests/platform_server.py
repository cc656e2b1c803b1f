"""A loopback server of the platforms' documented fixtures, for live-mode tests.

It answers as each platform's API lays its paths out, directly or as a forward proxy (an
absolute URI in the request line), and gives a fault on the first answer of the paths
``FAULTS`` lists: a 429 or 503 (with Retry-After: 1) or a truncated body.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.conftest import CONTENT_TYPES, FIXTURES

# Path (with query) -> fixture, as each platform's API lays it out.
ROUTES = {
    "/v0/postings/leverexample?mode=json&skip=0&limit=2": "lever/postings_page1.json",
    "/v0/postings/leverexample?mode=json&skip=2&limit=2": "lever/postings_page2.json",
    "/v0/postings/euexample?mode=json&skip=0&limit=2": "lever/eu_postings.json",
    "/examplerecruit/api/offers/": "recruitee/offers.json",
    "/v1/companies/ExampleCo/postings?offset=0&limit=2": "smartrecruiters/postings_page1.json",
    "/v1/companies/ExampleCo/postings?offset=2&limit=2": "smartrecruiters/postings_page2.json",
    "/v1/companies/ExampleCo/postings/744000000000001": "smartrecruiters/posting_744000000000001.json",
    "/v1/boards/paycorp/jobs": "greenhouse/pay_jobs.json",
    "/v1/boards/paycorp/jobs/6000001?pay_transparency=true": "greenhouse/pay_job_6000001.json",
    "/v1/boards/paycorp/jobs/6000002?pay_transparency=true": "greenhouse/pay_job_6000002.json",
    "/sitemap.xml": "jobposting/sitemap.xml",
    "/jobs/ml-engineer": "jobposting/jsonld_graph.html",
    "/jobs/data-analyst": "jobposting/microdata.html",
    "/about": "jobposting/no_jobposting.html",
    "/openings/ml-platform": "jobposting/rdfa.html",
    "/openings": "jobposting/jsonld_array.html",
}
# Per platform, the paths whose first answer is a fault; the retry gets the body.
FAULTS = {
    "lever": {
        "/v0/postings/leverexample?mode=json&skip=0&limit=2": "429",
        "/v0/postings/leverexample?mode=json&skip=2&limit=2": "truncated",
        "/v0/postings/euexample?mode=json&skip=0&limit=2": "503",
    },
    "recruitee": {"/examplerecruit/api/offers/": "429"},
    "smartrecruiters": {
        "/v1/companies/ExampleCo/postings?offset=0&limit=2": "503",
        "/v1/companies/ExampleCo/postings?offset=2&limit=2": "truncated",
        "/v1/companies/ExampleCo/postings/744000000000001": "429",
    },
    "greenhouse": {
        "/v1/boards/paycorp/jobs": "429",
        "/v1/boards/paycorp/jobs/6000001?pay_transparency=true": "truncated",
        "/v1/boards/paycorp/jobs/6000002?pay_transparency=true": "503",
    },
    "jobposting": {"/sitemap.xml": "429", "/jobs/ml-engineer": "truncated", "/openings": "503"},
}
FAULT_OF = {path: fault for faults in FAULTS.values() for path, fault in faults.items()}


class Platforms(BaseHTTPRequestHandler):
    """Serve ROUTES; ``hits`` counts the requests of each path (with its query)."""

    hits: Counter = Counter()

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlsplit(self.path)  # an absolute URI when reached as a proxy
        path = url.path + (f"?{url.query}" if url.query else "")
        Platforms.hits[path] += 1
        fixture = ROUTES.get(path)
        if fixture is None:
            self.send_error(404)
            return
        body = (FIXTURES / fixture).read_bytes()
        base = f"http://{url.netloc or self.headers['Host']}"
        # The sitemap lists pages of this server.
        body = body.replace(b"https://careers.example.org", base.encode())
        fault = FAULT_OF.get(path) if Platforms.hits[path] == 1 else None
        if fault in ("429", "503"):
            self.send_response(int(fault))
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPES["." + fixture.rsplit(".", 1)[1]])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if fault == "truncated":
            self.wfile.write(body[: len(body) // 3])
            self.close_connection = True
            return
        self.wfile.write(body)


@contextmanager
def platform_server() -> Iterator[str]:
    """Run the server on a free loopback port; yield its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Platforms)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
