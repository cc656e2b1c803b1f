"""Benchmark the pipeline at scale: N postings (default 1,000,000) resampled from the corpus.

The corpus's postings are drawn with replacement, in the corpus's proportions of sources
(Hacker News, Greenhouse, Ashby), each copy with a new id and content hash, and written as
landing files of 100,000 rows, as crawls land them. Then, timed apart, each in a process of
its own with its peak memory (its largest process, and all its processes added up: a
build's worker processes count; ``benchmarks.timing``):

- the baseline: DuckDB's own ``read_json`` of the same files into a table, nothing else;
- ``jobtrends load`` (``pipeline.ingest.load``: the ledger, deduplication by content hash,
  sightings, one transaction a file, publication of the snapshot);
- ``jobtrends build`` (dbt: classification, every model and test) and ``jobtrends report``,
  unless ``--stages load``.

Run: ``.venv/bin/python -m benchmarks.bench_scale [--n 1000000] [--stages load,build,report]``
(``make bench-scale``). The files are generated under ``--home`` (default: a temporary folder).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import Measured, run_measured
from pipeline.config import corpus_path
from pipeline.ingest.landing import landing_path
from pipeline.ingest.load import POSTING_COLUMNS, _read_json

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("hackernews", "greenhouse", "ashby")
ROWS_PER_FILE = 100_000


def corpus_rows(pool: Path) -> dict[str, list[dict]]:
    """Crawl the corpus's sources into ``pool`` (``jobtrends crawl --replay``) and return
    their landed rows, as the loader reads them."""
    env = {**os.environ, "JOBTRENDS_HOME": str(pool)}
    cmd = [
        str(Path(sys.executable).with_name("jobtrends")),
        "crawl",
        "--replay",
        str(corpus_path()),
    ]
    for source in SOURCES:
        cmd += ["-s", source]
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
    out = {}
    for source in SOURCES:
        rows = []
        for path in sorted((pool / "landing" / source).glob("*.jsonl.gz")):
            if path.name.endswith(".rejects.jsonl.gz"):
                continue
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                rows += [json.loads(line) for line in fh if line.strip()]
        out[source] = rows
    return out


def generate(home: Path, pool: Path, n: int, seed: int = 2026) -> dict[str, int]:
    """Write ``n`` resampled postings as landing files under ``home``; return rows per source."""
    pools = corpus_rows(pool)
    total = sum(len(rows) for rows in pools.values())
    rng = random.Random(seed)
    counts = {s: round(n * len(pools[s]) / total) for s in SOURCES}
    counts["hackernews"] += n - sum(counts.values())
    for source, wanted in counts.items():
        pool = pools[source]
        for part, start in enumerate(range(0, wanted, ROWS_PER_FILE)):
            path = landing_path(home / "landing", source, f"20260101T{part:06d}Z")
            path.parent.mkdir(parents=True, exist_ok=True)
            with gzip.open(path, "wt", encoding="utf-8", compresslevel=5) as fh:
                for i in range(start, min(wanted, start + ROWS_PER_FILE)):
                    row = dict(rng.choice(pool))
                    row["source_id"] = f"{row['source_id']}-s{i}"
                    row["content_hash"] = f"{row['content_hash'][:20]}{i:012d}"
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return counts


def measured(cmd: list[str], env: dict[str, str]) -> Measured:
    """Run ``cmd`` in a process of its own; stop the benchmark if it fails."""
    run = run_measured(cmd, env, ROOT)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} failed: {run.stdout[-1500:]}{run.stderr[-1500:]}")
    return run


_BASELINE = """
import duckdb, glob, sys
files = sorted(glob.glob(sys.argv[1] + "/landing/*/*.jsonl.gz"))
con = duckdb.connect(sys.argv[2])
con.execute("create table postings as select * from " + {read}, [files])
print(con.execute("select count(*) from postings").fetchone()[0])
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="postings to generate")
    parser.add_argument("--stages", default="load,build,report", help="which stages to time")
    parser.add_argument("--home", type=Path, help="where to generate (default: a temporary one)")
    parser.add_argument(
        "--write", action="store_true", help="write the table into docs/BENCHMARKS.md"
    )
    args = parser.parse_args(argv)
    stages = set(args.stages.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        home = args.home or Path(tmp) / "home"
        started = time.monotonic()
        counts = generate(home, Path(tmp) / "pool", args.n)
        generated = time.monotonic() - started
        env = {**os.environ, "JOBTRENDS_HOME": str(home)}
        jobtrends = str(Path(sys.executable).with_name("jobtrends"))
        # The loader's own read_json of the files, into a table, and nothing else.
        baseline = _BASELINE.replace("{read}", repr(_read_json(POSTING_COLUMNS)))
        rows: list[tuple[str, Measured, int]] = []
        base = measured(
            [sys.executable, "-c", baseline, str(home), str(Path(tmp) / "baseline.duckdb")], env
        )
        rows.append(("baseline: DuckDB read_json into a table", base, int(base.stdout.split()[-1])))
        for stage, name in (
            ("load", "jobtrends load"),
            ("build", "jobtrends build (first)"),
            ("report", "jobtrends report"),
        ):
            if stage in stages:
                rows.append((name, measured([jobtrends, stage], env), args.n))
    out = io.StringIO()
    mix = ", ".join(f"{counts[s]:,} {s}" for s in SOURCES)
    out.write(
        f"{args.n:,} postings resampled from the corpus ({mix}), landing files of "
        f"{ROWS_PER_FILE:,} rows, generated in {generated:.0f} s; each stage a process of its "
        "own\n\n"
        "| stage | seconds | rows/s | peak MB, largest process | peak MB, all its processes |\n"
        "|---|---|---|---|---|\n"
    )
    for name, run, n in rows:
        out.write(
            f"| {name} | {run.wall:.1f} | {n / run.wall:,.0f} | {run.largest_mb:,.0f} | "
            f"{run.tree_mb:,.0f} |\n"
        )
    stages_run = rows[1:]
    if len(stages_run) > 1:
        wall = sum(run.wall for _, run, _ in stages_run)
        largest = max(run.largest_mb for _, run, _ in stages_run)
        tree = max(run.tree_mb for _, run, _ in stages_run)
        out.write(
            f"| the whole run ({' + '.join(s for s in args.stages.split(','))}) | {wall:.1f} | "
            f"{args.n / wall:,.0f} | {largest:,.0f} | {tree:,.0f} |\n"
        )
    if len(rows) > 1 and rows[1][0] == "jobtrends load":
        (_, base_run, base_n), (_, load_run, n) = rows[0], rows[1]
        ratio = (n / load_run.wall) / (base_n / base_run.wall)
        out.write(f"\njobtrends load reaches {ratio:.0%} of the baseline's rows/s\n")
    sys.stdout.write(out.getvalue())
    if args.write:
        write_section(args.n, out.getvalue())
    return 0


def write_section(n: int, table: str) -> None:
    """Put this run's table into docs/BENCHMARKS.md's scale section (one part per N)."""
    from benchmarks.__main__ import SCALE_HEADING, scale_section

    doc = ROOT / "docs" / "BENCHMARKS.md"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    section = scale_section(text)
    parts = dict(re.findall(r"\n### (\S+) postings\n\n(.*?)(?=\n### |\Z)", section, re.S))
    parts[f"{n:,}"] = table.rstrip("\n") + "\n"
    ordered = sorted(parts.items(), key=lambda kv: int(kv[0].replace(",", "")))
    body = "".join(f"\n### {k} postings\n\n{v}" for k, v in ordered)
    new = (
        f"\n{SCALE_HEADING}\n\n`python -m benchmarks.bench_scale --n N` (`make bench-scale`, "
        "N = 1,000,000); written by that run alone\n" + body
    )
    doc.write_text(text[: len(text) - len(section)] + new, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
