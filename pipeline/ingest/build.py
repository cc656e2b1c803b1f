"""Build the dbt project against the warehouse file and report what ran."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.config import Settings
from pipeline.ingest.publish import publish as publish_warehouse
from pipeline.ingest.publish import working_copy, writer_lock
from pipeline.paths import DOMAIN_DIR, REPO_ROOT, WAREHOUSE_PROJECT

logger = logging.getLogger(__name__)


class BuildError(RuntimeError):
    """dbt could not build the models, or a data test failed."""


@dataclass
class BuildResult:
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Nothing to build: the raw tables and the code are those of the published build.
    up_to_date: bool = False


def dbt_executable() -> str:
    """Return the dbt that belongs to this interpreter's environment."""
    local = Path(sys.executable).with_name("dbt")
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


def dbt_env(
    settings: Settings, warehouse: Path | None = None, target: Path | None = None
) -> dict[str, str]:
    """Return the environment dbt runs with: the warehouse (default: the working copy), its
    target folder (default: ``<home>/dbt_target``) and an importable project."""
    return settings.subprocess_env(
        JOBTRENDS_WAREHOUSE=str(warehouse or settings.working_warehouse_path),
        DBT_LOG_PATH=str(settings.logs_dir / "dbt"),
        DBT_TARGET_PATH=str(target or settings.home / "dbt_target"),
        DBT_USE_COLORS="false",
    )


def dbt_command(*args: str) -> list[str]:
    """Return a dbt command line on this project and its profile."""
    project = ["--project-dir", str(WAREHOUSE_PROJECT), "--profiles-dir", str(WAREHOUSE_PROJECT)]
    return [dbt_executable(), *args, *project]


def build(
    settings: Settings,
    select: str | None = None,
    command: str = "build",
    publish: bool = True,
    force: bool = False,
) -> BuildResult:
    """Run ``dbt build`` (seeds, models, tests) on the working copy and summarise it.

    A build that succeeds is published to readers (``publish=False``: not yet); one that
    fails is not, and readers keep the previous snapshot. A whole build whose inputs
    (``build_inputs``) are those of the published build is skipped, unless ``force``.
    """
    if not (settings.working_warehouse_path.exists() or settings.warehouse_path.exists()):
        raise BuildError(f"no warehouse at {settings.warehouse_path}: run `jobtrends load` first")
    with writer_lock(settings, f"jobtrends {command}"):
        whole = command == "build" and select is None
        inputs = build_inputs(settings) if whole else None
        if inputs is not None and not force and inputs == last_build_inputs(settings):
            logger.info("warehouse up to date: no new raw rows and no model change since its build")
            return BuildResult(ok=True, up_to_date=True)
        result = _build(settings, select, command)
        if result.ok and publish:
            publish_warehouse(settings)
            if inputs is not None:
                _inputs_file(settings).write_text(json.dumps(inputs, indent=1), encoding="utf-8")
    return result


# --- what a build reads ----------------------------------------------------------------------
# The dbt project and the domain rules its functions call: a change to either changes the marts.
_CODE_ROOTS = (WAREHOUSE_PROJECT, DOMAIN_DIR)
_NOT_CODE = {"logs", "target", "dbt_packages", "__pycache__"}


def code_digest() -> str:
    """Return a digest of the code a build runs (models, macros, seeds, functions, rules)."""
    digest = hashlib.sha256()
    for root in _CODE_ROOTS:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not _NOT_CODE & set(path.relative_to(root).parts):
                digest.update(path.relative_to(REPO_ROOT).as_posix().encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()


def build_inputs(settings: Settings) -> dict[str, object]:
    """Return what a whole build reads: each raw table's row count, the load ledger's last
    entry, and the code. Two builds of the same inputs make the same marts."""
    from pipeline.ingest.load import connect

    with connect(working_copy(settings)) as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = 'raw' order by 1"
        ).fetchall()
        rows = {
            name: con.execute(f'select count(*) from raw."{name}"').fetchone()[0]
            for (name,) in tables
        }
        last_load = con.execute("select max(loaded_at)::varchar from raw.load_ledger").fetchone()
    return {"raw_rows": rows, "last_load": last_load[0], "code": code_digest()}


def _inputs_file(settings: Settings) -> Path:
    return settings.working_warehouse_path.parent / "build_inputs.json"


def last_build_inputs(settings: Settings) -> dict[str, object] | None:
    """Return the inputs of the last published whole build, None without one."""
    if not settings.warehouse_path.exists():
        return None
    try:
        return json.loads(_inputs_file(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# dbt's line for a node done: "12:00:01  37 of 120 OK created sql table model main.postings".
_NODE_DONE = re.compile(r"\b(\d+) of (\d+) (OK created|ERROR creating|FAIL|ERROR|WARN|SKIP)\b")


def run_dbt(cmd: list[str], env: dict[str, str]) -> tuple[int, list[str]]:
    """Run dbt, logging each model done and each failed test as ``n of total`` as it goes."""
    output: list[str] = []
    with subprocess.Popen(
        cmd, env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line.rstrip())
            done = _NODE_DONE.search(line)
            if done:
                text = re.sub(r"\s*\.{3,}\s*", " ", line.strip().split(None, 1)[-1])
                logger.info("dbt: %s", text)
    return proc.returncode, output


def dbt_error(output: list[str]) -> str:
    """Return the reason dbt gave for failing, in one line: its first error, else its last line."""
    lines = [line.strip() for line in output if line.strip()]
    for i, line in enumerate(lines):
        if re.search(r"\b(error|permission denied|could not|cannot)\b", line, re.I):
            reason = line.split(None, 1)[-1] if line[:2].isdigit() else line
            # "Encountered an error:" names the error on the lines after it.
            if reason.endswith(":") and i + 1 < len(lines):
                reason += " " + " ".join(lines[i + 1 : i + 5])
            return reason
    return lines[-1] if lines else "no output"


def _build(settings: Settings, select: str | None, command: str) -> BuildResult:
    # The raw tables the models read, as this version of the loader makes them (a warehouse
    # loaded by an older version gains the new ones, backfilled, before dbt reads them).
    from pipeline.ingest.load import connect

    connect(working_copy(settings)).close()
    # A build that fails leaves the working copy with models of no published build.
    _inputs_file(settings).unlink(missing_ok=True)
    cmd = dbt_command(command)
    if select:
        cmd += ["--select", select]
    results_file = settings.home / "dbt_target" / "run_results.json"
    results_file.unlink(missing_ok=True)
    returncode, output = run_dbt(cmd, dbt_env(settings))
    if not results_file.exists():
        raise BuildError(f"dbt {command} failed before running anything: {dbt_error(output)}")
    results = json.loads(results_file.read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    failures = []
    for r in results.get("results", []):
        counts[r["status"]] = counts.get(r["status"], 0) + 1
        if r["status"] in ("error", "fail"):
            failures.append(f"{r['unique_id']}: {(r.get('message') or '').strip()[:300]}")
    seconds = float(results.get("elapsed_time", 0.0))
    result = BuildResult(
        ok=returncode == 0 and not failures,
        counts=counts,
        failures=failures,
        seconds=round(seconds, 1),
    )
    if not result.ok:
        logger.error("dbt %s failed: %s", command, "; ".join(failures) or dbt_error(output))
    return result


def generate_docs(settings: Settings) -> Path:
    """Generate the dbt docs site of the published warehouse into ``<home>/docs``.

    dbt reads the catalog (every column's type) from a private copy of the published snapshot,
    so neither a run nor a reader is disturbed. Returns the one-file site, ``static_index.html``
    (``index.html`` beside it is the site ``dbt docs serve`` serves).
    """
    published = settings.warehouse_path
    if not published.exists():
        raise BuildError(f"no warehouse at {published}: run `jobtrends run` first")
    target = settings.home / "docs"
    with tempfile.TemporaryDirectory(dir=settings.home, prefix=".docs-") as tmp:
        copy = Path(tmp) / "warehouse.duckdb"
        shutil.copyfile(published, copy)
        copy.chmod(0o644)
        cmd = dbt_command("docs", "generate", "--static")
        returncode, output = run_dbt(cmd, dbt_env(settings, warehouse=copy, target=target))
    site = target / "static_index.html"
    if returncode != 0 or not site.exists():
        raise BuildError(f"dbt docs generate failed: {dbt_error(output)}")
    return site
