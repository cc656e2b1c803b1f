"""Prefect's temporary server, started before the flow's imports rather than after them.

With no ``PREFECT_API_URL``, Prefect starts a temporary server the first time a flow runs, and
waits for it (about 4 s here) after the run has spent about 3 s importing Prefect and the flow.
``start`` runs the same server command Prefect runs (uvicorn on
``prefect.server.api.server:create_app``, UI off, on a free loopback port) as the first thing
``jobtrends run`` does, and points ``PREFECT_API_URL`` at it, so the two overlap; ``wait``
returns once it answers. A server of the user's (``PREFECT_API_URL`` set) is used as it is.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# Prefect's own exit code for "port already taken" (then another port is tried).
_PORT_TAKEN = 3


class ServerError(RuntimeError):
    """The temporary server did not start."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class TemporaryServer:
    port: int
    process: subprocess.Popen

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def wait(self, timeout: float) -> None:
        """Return once the server answers ``/health``; raise ServerError if it cannot start."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == _PORT_TAKEN:
                self.port = _free_port()
                self.process = _spawn(self.port)
                os.environ["PREFECT_API_URL"] = self.api_url
                continue
            if code is not None:
                raise ServerError(f"Prefect's temporary server exited with code {code}")
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise ServerError(f"Prefect's temporary server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _spawn(port: int) -> subprocess.Popen:
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None
    app_dir = Path(spec.origin).parent.parent
    cmd = [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory"]
    cmd += ["prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--log-level", "error", "--lifespan", "on"]
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
    }
    return subprocess.Popen(cmd, env=env)


def start() -> TemporaryServer | None:
    """Start the temporary server and point this process at it; None when a server is set."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    port = _free_port()
    server = TemporaryServer(port, _spawn(port))
    os.environ["PREFECT_API_URL"] = server.api_url
    atexit.register(server.stop)
    return server
