"""Benchmark the whole run on the replay corpus: a first run, a rerun with nothing new, and, as
the baseline in the same run, a rerun that does everything again (``--full``: every thread
crawled, every recording replayed, every model rebuilt, the report drawn), which is what every
rerun did before runs paid only for what is new.

Each is the real ``jobtrends run --replay`` as a user starts it, timed from outside; its stages
are read from the run's log (to the second): fixed costs (the CLI, Prefect's temporary server,
the flow's start), crawl, load, build, report. Peak memory: the largest of the run's processes,
and all of them added up (``benchmarks.timing``). Rows: every raw table's row count after the run.

Run: ``.venv/bin/python -m benchmarks.bench_run``
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import duckdb

from benchmarks.timing import run_measured
from pipeline.config import corpus_path

ROOT = Path(__file__).resolve().parent.parent
_STAMP = re.compile(r"^(\d\d:\d\d:\d\d) ")
# The last log line of each stage (the flow logs through Python's logging, to stderr).
STAGES = (
    ("fixed", re.compile(r"Beginning flow run")),
    ("crawl", re.compile(r"crawled \w+: |recordings unchanged since run .*not replayed")),
    ("load", re.compile(r"loaded landing/")),
    ("build", re.compile(r"dbt: |warehouse up to date")),
    ("report", re.compile(r"report written to|report up to date")),
)


def raw_rows(home: Path) -> int:
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = 'raw'"
        ).fetchall()
        return sum(con.execute(f'select count(*) from raw."{t}"').fetchone()[0] for (t,) in tables)


def timed_run(home: Path, *extra: str, workers: int | None = None) -> dict:
    """Run ``jobtrends run --replay`` once; return its wall time, stages, peak memory and rows.

    ``workers``: the build's worker processes (``JOBTRENDS_WORKERS``; default: the cores)."""
    env = {**os.environ, "JOBTRENDS_HOME": str(home)}
    if workers is not None:
        env["JOBTRENDS_WORKERS"] = str(workers)
    env.pop("PREFECT_API_URL", None)
    cmd = [str(Path(sys.executable).with_name("jobtrends")), "run", "--replay", str(corpus_path())]
    start_clock = datetime.now()
    run = run_measured([*cmd, *extra], env, ROOT)
    if run.returncode != 0:
        raise SystemExit(f"run failed ({run.returncode}): {run.stderr[-2000:]}")
    last: dict[str, float] = {}
    day = start_clock.date()
    for line in (run.stderr + run.stdout).splitlines():
        stamp = _STAMP.match(line)
        if not stamp:
            continue
        at = datetime.combine(day, datetime.strptime(stamp[1], "%H:%M:%S").time())
        offset = (at - start_clock).total_seconds()
        for name, pattern in STAGES:
            if pattern.search(line):
                last[name] = max(last.get(name, 0.0), offset)
    stages, previous = {}, 0.0
    for name, _ in STAGES:
        end = last.get(name, previous)
        stages[name] = max(0.0, end - previous)
        previous = max(previous, end)
    return {
        "wall": run.wall,
        "stages": stages,
        "peak_mb": run.largest_mb,
        "tree_mb": run.tree_mb,
        "rows": raw_rows(home),
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        home = Path(tmp) / "home"
        runs = [
            ("first run, empty home", timed_run(home)),
            ("rerun, nothing new", timed_run(home)),
            ("rerun with --full (baseline: every rerun before)", timed_run(home, "--full")),
            (
                "first run, extractors in one process (baseline: JOBTRENDS_WORKERS=1)",
                timed_run(Path(tmp) / "one-process", workers=1),
            ),
        ]
    out = sys.stdout
    out.write(
        f"`jobtrends run --replay {corpus_path().name}`, every source of the corpus; stages from "
        "the run's log (to the second); peak memory: its largest process, and all its processes "
        "added up\n\n"
        "| run | wall s | fixed | crawl | load | build | report | peak MB, largest | "
        "peak MB, all | raw rows after |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
    )
    for name, r in runs:
        s = r["stages"]
        out.write(
            f"| {name} | {r['wall']:.1f} | {s['fixed']:.0f} | {s['crawl']:.0f} | "
            f"{s['load']:.0f} | {s['build']:.0f} | {s['report']:.0f} | {r['peak_mb']:,.0f} | "
            f"{r['tree_mb']:,.0f} | {r['rows']:,} |\n"
        )
    first, again, full, one_process = (r for _, r in runs)
    out.write(
        f"\nthe rerun takes {again['wall']:.1f} s against {full['wall']:.1f} s for doing it all "
        f"again ({full['wall'] / again['wall']:.0f}x) and adds "
        f"{again['rows'] - first['rows']:,} raw rows; the first run takes {first['wall']:.1f} s "
        f"against {one_process['wall']:.1f} s with the extractors in one process "
        f"(build {first['stages']['build']:.0f} s against {one_process['stages']['build']:.0f} s)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
