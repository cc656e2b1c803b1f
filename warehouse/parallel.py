"""Run the library's row functions on every core: DuckDB calls a Python function from one
thread, under one GIL, so a build's extractors (skills, roles, duties, pay, candidate terms)
would use one core however many the machine has.

Each heavy function is registered as an Arrow (vectorised) function: DuckDB hands it a chunk
of rows (2,048 at most), which is split into one part per worker process and read there, in
order. Small chunks (an incremental build of a few new postings, the test fixtures) are read in
the build's own process, so that a worker pool is started only where it pays. Results are the
same as calling the function row by row; ``tests/warehouse/test_parallel.py`` checks that.

Workers: ``JOBTRENDS_WORKERS`` (default: the machine's cores, at most 4); 1 reads everything in
the build's process.
"""

from __future__ import annotations

import atexit
import inspect
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

# Below this many rows a chunk is read in the build's own process: handing it out costs more.
MIN_ROWS = 256
# The modules a worker imports once, before it is handed any rows.
PRELOAD = ["pipeline.domain.postings", "pipeline.domain.pay", "pipeline.domain.emerging"]

_lock = threading.Lock()
_pool: Executor | None = None


def workers() -> int:
    """Return how many worker processes read rows (``JOBTRENDS_WORKERS``, else the cores)."""
    configured = os.environ.get("JOBTRENDS_WORKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    return min(4, os.cpu_count() or 1)


def _executor() -> Executor:
    """Return the worker pool, started on first use and shut down when the build exits."""
    global _pool
    with _lock:
        if _pool is None:
            # forkserver: workers fork from a clean server process, never from a process that
            # runs DuckDB's threads; the server imports the extractors once for all of them.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            _pool = ProcessPoolExecutor(max_workers=workers(), mp_context=context)
            atexit.register(_pool.shutdown, cancel_futures=True)
        return _pool


def _apply(function: Callable[..., Any], rows: Sequence[tuple]) -> list[Any]:
    return [function(*row) for row in rows]


@cache
def arrow_type(duckdb_type: str) -> pa.DataType:
    """Return the Arrow type of a DuckDB type written as SQL (``VARCHAR[]``, ``STRUCT(...)``)."""
    con = duckdb.connect()
    try:
        table = con.sql(f"select null::{duckdb_type} as x").to_arrow_table()
        return table.schema.field("x").type
    finally:
        con.close()


def vectorised(function: Callable[..., Any], returns: str, arity: int) -> Callable[..., pa.Array]:
    """Return ``function`` (one row's values in, one value out) as an Arrow function of
    columns, whose big chunks are read in parallel by the worker processes."""
    result_type = arrow_type(returns)

    def read_chunk(*columns: pa.Array) -> pa.Array:
        rows = list(zip(*(column.to_pylist() for column in columns), strict=True))
        n = workers()
        if n < 2 or len(rows) < MIN_ROWS:
            values = _apply(function, rows)
        else:
            size = -(-len(rows) // n)
            parts = [rows[i : i + size] for i in range(0, len(rows), size)]
            futures = [_executor().submit(_apply, function, part) for part in parts]
            values = [value for future in futures for value in future.result()]
        return pa.array(values, type=result_type)

    read_chunk.__name__ = getattr(function, "__name__", "read_chunk")
    # DuckDB counts a function's parameters against the types it is registered with.
    read_chunk.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(f"c{i}", inspect.Parameter.POSITIONAL_ONLY) for i in range(arity)]
    )
    return read_chunk
