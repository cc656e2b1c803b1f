"""Load landing files into the raw schema of the DuckDB warehouse, set-based and idempotent.

Raw tables are append-only. A posting row is keyed by (source, source_id, content_hash): a
re-crawl of an unchanged posting adds nothing, a changed posting adds its new version. A file
already in the load ledger (by SHA-256) is skipped, and each file loads in one transaction,
so a crash mid-load leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.config import Settings, dataset_specs
from pipeline.ingest.landing import (
    LandedFile,
    dataset_files,
    describe,
    landing_files,
)
from pipeline.ingest.publish import publish as publish_warehouse
from pipeline.ingest.publish import working_copy, writer_lock
from spiders.items import JobPosting, Reject, raw_columns

logger = logging.getLogger(__name__)

POSTING_COLUMNS = raw_columns(JobPosting)
REJECT_COLUMNS = raw_columns(Reject)
# What a load may hold in memory (DuckDB's memory_limit; its default is 80% of the machine).
MEMORY_LIMIT = "1600MB"
_LOAD_COLUMNS = {"run_id": "VARCHAR", "landed_file": "VARCHAR", "loaded_at": "TIMESTAMPTZ"}

DDL = f"""
create schema if not exists raw;
create table if not exists raw.load_ledger (
    landed_file varchar not null,
    file_sha256 varchar primary key,
    source varchar not null,
    run_id varchar not null,
    kind varchar not null,
    rows_read bigint not null,
    rows_inserted bigint not null,
    loaded_at timestamptz not null,
    fetch_mode varchar
);
alter table raw.load_ledger add column if not exists fetch_mode varchar;
create table if not exists raw.postings (
    {", ".join(f"{k} {v}" for k, v in {**POSTING_COLUMNS, **_LOAD_COLUMNS}.items())},
    primary key (source, source_id, content_hash)
);
create table if not exists raw.rejects (
    {", ".join(f"{k} {v}" for k, v in {**REJECT_COLUMNS, **_LOAD_COLUMNS}.items())}
);
"""
# Every posting each crawl saw, changed or not (raw.postings keeps a row only per new version):
# what a board listed at each crawl, from which the warehouse tells what appeared, changed and
# disappeared between two crawls.
SIGHTINGS_DDL = """
create table if not exists raw.sightings (
    source varchar not null,
    source_id varchar not null,
    board varchar,
    content_hash varchar,
    crawled_at varchar,
    run_id varchar not null,
    landed_file varchar not null,
    primary key (source, source_id, run_id)
);
"""
# A warehouse loaded before sightings were kept: each posting version stands for the crawl that
# first saw it (the best the warehouse knows).
_SIGHTINGS_BACKFILL = """
insert into raw.sightings
select source, source_id, board, content_hash, crawled_at, run_id, landed_file
from raw.postings
qualify row_number() over (partition by source, source_id, run_id order by crawled_at desc) = 1
"""


class LoadError(RuntimeError):
    """A landing file could not be loaded; the warehouse is unchanged for that file."""


@dataclass(frozen=True)
class FileLoad:
    """What loading one landing file did."""

    landed_file: str
    source: str
    run_id: str
    kind: str
    rows_read: int
    rows_inserted: int
    skipped: bool = False
    error: str | None = None

    @classmethod
    def of(cls, f: LandedFile, read: int, new: int, **status) -> FileLoad:
        """Return what loading landed file ``f`` did: rows read and new, skipped or failed."""
        return cls(f.name, f.source, f.run_id, f.kind, read, new, **status)

    @property
    def rows_known(self) -> int:
        """Rows that were already in the warehouse (same posting, same content)."""
        return self.rows_read - self.rows_inserted


def dataset_ddl(specs: dict[str, dict]) -> str:
    """Return the DDL of the raw dataset tables: the published columns as text, and the snapshot."""
    statements = []
    for name, spec in specs.items():
        columns = ", ".join(f'"{c}" varchar' for c in spec.get("columns", []))
        if columns:
            statements.append(
                f"create table if not exists raw.{name} "
                f"({columns}, file_sha256 varchar, loaded_at timestamptz);"
            )
    return "\n".join(statements)


def connect(path: Path | str, specs: dict[str, dict] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file and make sure the raw schema exists (datasets of ``specs`` too)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Bounded memory: a load of a million postings spills to disk (beside the file) rather
    # than hold them all; the rows' order in the raw tables means nothing.
    con = duckdb.connect(
        str(path),
        config={"memory_limit": MEMORY_LIMIT, "preserve_insertion_order": False},
    )
    con.execute("set enable_progress_bar = false")
    con.execute(DDL)
    had_sightings = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'raw' and table_name = 'sightings'"
    ).fetchone()[0]
    con.execute(SIGHTINGS_DDL)
    if not had_sightings:
        con.execute(_SIGHTINGS_BACKFILL)
    con.execute(dataset_ddl(dataset_specs() if specs is None else specs))
    return con


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _columns_sql(columns: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"


def already_loaded(con: duckdb.DuckDBPyConnection, f: LandedFile, digest: str) -> FileLoad | None:
    """Return a skipped FileLoad when a file with these bytes is in the ledger, else None.

    Its rows count as known: they are all in the warehouse already.
    """
    row = con.execute(
        "select rows_read, fetch_mode from raw.load_ledger where file_sha256 = ?", [digest]
    ).fetchone()
    if row is None:
        return None
    if row[1] is None and (mode := fetch_mode(f)) is not None:
        # Loaded before the ledger said how files were fetched: say it now.
        con.execute(
            "update raw.load_ledger set fetch_mode = ? where file_sha256 = ?", [mode, digest]
        )
    return FileLoad.of(f, row[0], 0, skipped=True)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, f: LandedFile) -> Iterator[None]:
    """Load one file in one transaction: all of it, or (on an error) nothing, as a LoadError."""
    con.execute("begin transaction")
    try:
        yield
    except duckdb.Error as exc:
        con.execute("rollback")
        raise LoadError(f"{f.name}: {exc}") from exc
    con.execute("commit")


def fetch_mode(f: LandedFile) -> str | None:
    """How a landed file's crawl fetched: ``replay`` (a recorded corpus) or ``live``.

    Read from the crawl's stats file; None when it has none to say (a file landed by hand).
    """
    try:
        stats = json.loads(f.stats_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return "replay" if stats.get("replay/served") else "live"


def _ledger(
    con: duckdb.DuckDBPyConnection, f: LandedFile, digest: str, read: int, new: int
) -> None:
    con.execute(
        "insert into raw.load_ledger (landed_file, file_sha256, source, run_id, kind, rows_read,"
        " rows_inserted, loaded_at, fetch_mode) values (?, ?, ?, ?, ?, ?, ?, now(), ?)",
        [f.name, digest, f.source, f.run_id, f.kind, read, new, fetch_mode(f)],
    )


def load_file(con: duckdb.DuckDBPyConnection, f: LandedFile) -> FileLoad:
    """Load one posting or rejects file in one transaction; a file already loaded is skipped."""
    digest = sha256(f.path)
    if (known := already_loaded(con, f, digest)) is not None:
        return known

    columns = POSTING_COLUMNS if f.kind == "postings" else REJECT_COLUMNS
    read = (
        f"read_json(?, format = 'newline_delimited', columns = {_columns_sql(columns)}, "
        "compression = 'gzip')"
    )
    names = ", ".join(columns)
    with transaction(con, f):
        # Read the file once; the inserts and the count read the temporary table.
        con.execute(f"create or replace temp table landed as select * from {read}", [str(f.path)])
        rows_read = con.execute("select count(*) from landed").fetchone()[0]
        if f.kind == "postings":
            # Within a file the key may repeat (a board listing a job twice): keep one.
            inserted = con.execute(
                f"""
                insert into raw.postings ({names}, run_id, landed_file, loaded_at)
                select {names}, ?, ?, now()
                from landed
                where not exists (
                    select 1 from raw.postings as known
                    where known.source = landed.source
                      and known.source_id = landed.source_id
                      and known.content_hash = landed.content_hash
                )
                  -- the first crawled of each version; the keys alone are grouped (a window
                  -- over whole rows took three times the insert)
                  and landed.rowid in (
                    -- (a row with no crawl time last, as "order by crawled_at" puts it)
                    select arg_min(rowid, coalesce(crawled_at, '~')) from landed
                    group by source, source_id, content_hash
                  )
                """,
                [f.run_id, f.name],
            ).fetchone()[0]
            # Every posting the crawl saw, changed or not (what a board listed at this crawl).
            con.execute(
                """
                insert into raw.sightings
                select source, source_id, board, content_hash, crawled_at, ?, ?
                from landed
                where not exists (
                    select 1 from raw.sightings as seen
                    where seen.source = landed.source
                      and seen.source_id = landed.source_id
                      and seen.run_id = ?
                )
                  and landed.rowid in (
                    select arg_max(rowid, coalesce(crawled_at, '')) from landed
                    group by source, source_id
                  )
                """,
                [f.run_id, f.name, f.run_id],
            )
        else:
            inserted = con.execute(
                f"""
                insert into raw.rejects ({names}, run_id, landed_file, loaded_at)
                select {names}, ?, ?, now() from landed
                """,
                [f.run_id, f.name],
            ).fetchone()[0]
        con.execute("drop table landed")
        _ledger(con, f, digest, rows_read, inserted)
    return FileLoad.of(f, rows_read, inserted)


def _read_sqlite(path: Path, table: str) -> pa.Table:
    """Return one table of a SQLite file as Arrow (DuckDB's sqlite extension needs a download)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        cursor = db.execute(f'select * from "{table}"')
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pa.table(
        {
            name: pa.array([None if v is None else str(v) for v in column], pa.string())
            for name, column in zip(names, columns, strict=True)
        }
    )


def load_dataset(
    con: duckdb.DuckDBPyConnection, f: LandedFile, table: str | None = None
) -> FileLoad:
    """Load one dataset file as a snapshot into ``raw.<name>``, tagged with its SHA-256.

    The first snapshot creates the table; later ones insert by column name, so a column the
    publisher drops becomes NULL and one it adds is an error to look at, not a silent loss.
    """
    name = f.path.stem
    digest = sha256(f.path)
    if (known := already_loaded(con, f, digest)) is not None:
        return known
    if f.path.suffix == ".csv":
        relation = con.read_csv(str(f.path), header=True, all_varchar=True)
    elif f.path.suffix == ".sqlite":
        relation = con.from_arrow(_read_sqlite(f.path, table or name))
    else:
        raise LoadError(f"{f.name}: unknown dataset format {f.path.suffix}")
    con.register("snapshot", relation)
    try:
        with transaction(con, f):
            con.execute(
                f"create table if not exists raw.{name} as "
                "select *, ''::varchar as file_sha256, now() as loaded_at from snapshot limit 0"
            )
            inserted = con.execute(
                f"insert into raw.{name} by name "
                "select *, ?::varchar as file_sha256, now() as loaded_at from snapshot",
                [digest],
            ).fetchone()[0]
            _ledger(con, f, digest, inserted, inserted)
    finally:
        con.unregister("snapshot")
    return FileLoad.of(f, inserted, inserted)


def load_landing(
    settings: Settings, files: Iterable[Path] | None = None, publish: bool = True
) -> list[FileLoad]:
    """Load every landing file not yet loaded, then publish the warehouse to its readers.

    ``publish=False`` leaves the loaded rows in the working copy (a run publishes after its
    build). A bad file is reported, the others still load. Each SQLite dataset is read from the
    table its ``[datasets.files.*]`` entry names. The raw tables of the project's datasets
    always exist, as the models read them, whichever sources this run's file lists.
    """
    specs = {**dataset_specs(), **dataset_specs(settings.sources_file)}
    if files is None:
        files = landing_files(settings.landing_dir) + dataset_files(settings.landing_dir)
    with writer_lock(settings, "jobtrends load"):
        results = _load_files(settings, files, specs)
        if publish:
            publish_warehouse(settings)
    return results


def _load_files(
    settings: Settings, files: Iterable[Path], specs: dict[str, dict]
) -> list[FileLoad]:
    results = []
    with connect(working_copy(settings), specs) as con:
        for path in files:
            landed = describe(path, settings.home)
            try:
                if landed.kind == "dataset":
                    result = load_dataset(con, landed, (specs.get(path.stem) or {}).get("table"))
                else:
                    result = load_file(con, landed)
            except LoadError as exc:
                logger.error("could not load %s", exc)
                result = FileLoad.of(landed, 0, 0, error=str(exc))
            if not result.skipped:
                logger.info(
                    "loaded %s: %d rows read, %d new",
                    result.landed_file,
                    result.rows_read,
                    result.rows_inserted,
                )
            results.append(result)
    return results
