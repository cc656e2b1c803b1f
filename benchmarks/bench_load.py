"""Benchmark: loading a landing file set-based (DuckDB read_json) against row-by-row inserts.

Both load the same Hacker News postings, built from the replay corpus, into a fresh warehouse
in the same run. Run: ``.venv/bin/python -m benchmarks.bench_load``.
"""

from __future__ import annotations

import gzip
import json
import tempfile
import time
from pathlib import Path

import duckdb

from pipeline.eval.documents import documents
from pipeline.ingest.corpus import open_corpus
from pipeline.ingest.landing import describe
from pipeline.ingest.load import POSTING_COLUMNS, connect, load_file

BASELINE_ROWS = 5_000


def landing_rows() -> list[dict]:
    """Return the corpus's Hacker News posts in the landing file's shape."""
    return [
        {
            "source": "hackernews",
            "source_id": d.source_id,
            "url": f"https://news.ycombinator.com/item?id={d.source_id}",
            "title": None,
            "posted_at": d.posted_at,
            "description_text": d.text,
            "extras": {"thread_month": (d.posted_at or "")[:7]},
            "content_hash": d.source_id,
        }
        for d in documents(open_corpus(), ("hackernews",))
    ]


def write(path: Path, rows: list[dict]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")


def row_by_row(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The baseline: parse each line in Python and insert it with a parameterised statement."""
    names = list(POSTING_COLUMNS)
    sql = f"insert into raw.postings ({', '.join(names)}) values ({', '.join('?' * len(names))})"
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            values = [
                json.dumps(row.get(k)) if POSTING_COLUMNS[k] == "JSON" else row.get(k)
                for k in names
            ]
            con.execute(sql, values)
            n += 1
    return n


def main() -> None:
    rows = landing_rows()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / "landing" / "hackernews").mkdir(parents=True)
        full = home / "landing" / "hackernews" / "all.jsonl.gz"
        sample = home / "sample.jsonl.gz"
        write(full, rows)
        write(sample, rows[:BASELINE_ROWS])

        with connect(home / "set.duckdb") as con:
            started = time.perf_counter()
            result = load_file(con, describe(full, home))
            set_based = time.perf_counter() - started
        with connect(home / "rows.duckdb") as con:
            started = time.perf_counter()
            con.execute("begin transaction")
            n = row_by_row(con, sample)
            con.execute("commit")
            baseline = time.perf_counter() - started

    ours, theirs = result.rows_inserted / set_based, n / baseline
    print("| loader | rows | seconds | rows/s |")
    print("|---|---|---|---|")
    table = [
        ("row-by-row inserts (baseline)", n, baseline, theirs),
        ("set-based read_json (pipeline.ingest.load)", result.rows_inserted, set_based, ours),
    ]
    for name, count, seconds, rate in table:
        print(f"| {name} | {count:,} | {seconds:.2f} | {rate:,.0f} |")
    print(f"\nset-based loading is {ours / theirs:.0f}x the baseline's rows per second")


if __name__ == "__main__":
    main()
