"""Run `jobtrends` as a user does: a process of its own, on a home folder, output captured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
JOBTRENDS = [sys.executable, "-m", "pipeline.cli"]


def env_of(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a command on ``home``: this one's, without a replay corpus set."""
    env = {**os.environ, "JOBTRENDS_HOME": str(home), **extra}
    env.pop("JOBTRENDS_REPLAY", None)
    return env


def jobtrends(
    *args: str,
    home: Path,
    check: bool = False,
    timeout: float = 900,
    stdin: str | None = None,
    **env: str,
) -> subprocess.CompletedProcess:
    """Run one command to its end; ``env`` adds variables (``COLUMNS="80"``)."""
    return subprocess.run(
        [*JOBTRENDS, *args],
        env=env_of(home, **env),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
        input=stdin,
    )


def start(*args: str, home: Path, env: dict[str, str] | None = None, **popen) -> subprocess.Popen:
    """Start one command and return it running, its output piped."""
    return subprocess.Popen(
        [*JOBTRENDS, *args],
        env=env_of(home, **(env or {})),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )
