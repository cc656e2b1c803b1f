"""The first step past one machine, run for real: a Prefect server, a process work pool, the
deployments of prefect.yaml, and a worker that runs one of them.

A real ``prefect server start`` on loopback, ``prefect work-pool create`` and
``prefect deploy --all`` from the checkout, a run of the daily deployment for one source,
and ``prefect worker start --run-once`` with the environment a worker on another machine
would have (``PREFECT_API_URL`` of the server, ``JOBTRENDS_CHECKOUT``, ``JOBTRENDS_HOME``,
here ``JOBTRENDS_REPLAY`` too). The run must complete and its postings be in the warehouse.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from pipeline.paths import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.corpus]
PREFECT = [sys.executable, "-m", "prefect"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture
def server(tmp_path):
    """A Prefect server on loopback, with a home of its own; yields its API URL."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "JOBTRENDS_"))}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_API_URL": api,
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get(f"{api}/health")
                break
            except OSError:
                assert proc.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, "the Prefect server did not start"
                time.sleep(0.5)
        yield api, env
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def prefect(*args: str, env: dict[str, str], timeout: float = 300) -> str:
    got = subprocess.run(
        [*PREFECT, *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout
    )
    assert got.returncode == 0, f"prefect {' '.join(args)}:\n{got.stdout}\n{got.stderr}"
    return got.stdout


def test_a_worker_runs_a_deployment_of_prefect_yaml(server, tmp_path, corpus_path):
    api, env = server
    prefect("work-pool", "create", "jobtrends", "--type", "process", env=env)
    deployed = prefect("--no-prompt", "deploy", "--all", env=env)
    assert "jobtrends-run/daily-sources" in deployed
    run = prefect(
        "deployment",
        "run",
        "jobtrends-run/daily-sources",
        "--params",
        json.dumps({"sources": ["ashby"]}),
        env=env,
    )
    flow_run_id = re.search(r"UUID: ([0-9a-f-]{36})", run).group(1)

    # A worker on another machine needs only these, and the checkout at JOBTRENDS_CHECKOUT.
    home = tmp_path / "home"
    worker_env = env | {
        "JOBTRENDS_CHECKOUT": str(REPO_ROOT),
        "JOBTRENDS_HOME": str(home),
        "JOBTRENDS_REPLAY": str(corpus_path),
    }
    prefect("worker", "start", "--pool", "jobtrends", "--run-once", env=worker_env, timeout=500)

    state = get(f"{api}/flow_runs/{flow_run_id}")["state"]
    assert state["type"] == "COMPLETED", state
    with duckdb.connect(str(Path(home) / "warehouse.duckdb"), read_only=True) as con:
        landed = con.execute("select source, count(*) from postings group by 1").fetchall()
    assert dict(landed) == {"ashby": 1769}
