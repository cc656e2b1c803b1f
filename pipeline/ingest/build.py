"""Build the dbt project against the warehouse file and report what ran."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import Settings
from pipeline.ingest.publish import publish as publish_warehouse
from pipeline.ingest.publish import working_copy, writer_lock
from pipeline.paths import REPO_ROOT, WAREHOUSE_PROJECT

logger = logging.getLogger(__name__)


class BuildError(RuntimeError):
    """dbt could not build the models, or a data test failed."""


@dataclass
class BuildResult:
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def dbt_executable() -> str:
    """Return the dbt that belongs to this interpreter's environment."""
    local = Path(sys.executable).with_name("dbt")
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


def dbt_env(settings: Settings) -> dict[str, str]:
    """Return the environment dbt runs with: the warehouse path and an importable project."""
    return settings.subprocess_env(
        JOBTRENDS_WAREHOUSE=str(settings.working_warehouse_path),
        DBT_LOG_PATH=str(settings.logs_dir / "dbt"),
        DBT_TARGET_PATH=str(settings.home / "dbt_target"),
    )


def build(
    settings: Settings, select: str | None = None, command: str = "build", publish: bool = True
) -> BuildResult:
    """Run ``dbt build`` (seeds, models, tests) on the working copy and summarise it.

    A build that succeeds is published to readers (``publish=False``: not yet); one that
    fails is not, and readers keep the previous snapshot.
    """
    with writer_lock(settings, f"jobtrends {command}"):
        result = _build(settings, select, command)
        if result.ok and publish:
            publish_warehouse(settings)
    return result


def _build(settings: Settings, select: str | None, command: str) -> BuildResult:
    if not (settings.working_warehouse_path.exists() or settings.warehouse_path.exists()):
        raise BuildError(f"no warehouse at {settings.warehouse_path}: run `jobtrends load` first")
    # The raw tables the models read, as this version of the loader makes them (a warehouse
    # loaded by an older version gains the new ones, backfilled, before dbt reads them).
    from pipeline.ingest.load import connect

    connect(working_copy(settings)).close()
    cmd = [
        dbt_executable(),
        command,
        "--project-dir",
        str(WAREHOUSE_PROJECT),
        "--profiles-dir",
        str(WAREHOUSE_PROJECT),
    ]
    if select:
        cmd += ["--select", select]
    results_file = settings.home / "dbt_target" / "run_results.json"
    results_file.unlink(missing_ok=True)
    proc = subprocess.run(cmd, env=dbt_env(settings), capture_output=True, text=True, cwd=REPO_ROOT)
    if not results_file.exists():
        output = proc.stdout[-3000:] + proc.stderr[-2000:]
        raise BuildError(f"dbt {command} failed before running anything:\n{output}")
    results = json.loads(results_file.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    failures = []
    for r in results.get("results", []):
        counts[r["status"]] = counts.get(r["status"], 0) + 1
        if r["status"] in ("error", "fail"):
            failures.append(f"{r['unique_id']}: {(r.get('message') or '').strip()[:300]}")
    seconds = float(results.get("elapsed_time", 0.0))
    result = BuildResult(
        ok=proc.returncode == 0 and not failures,
        counts=counts,
        failures=failures,
        seconds=round(seconds, 1),
    )
    if not result.ok:
        logger.error("dbt %s failed: %s", command, "; ".join(failures) or proc.stdout[-2000:])
    return result
