"""Load landing files into the raw schema of the DuckDB warehouse, set-based and idempotent.

Raw tables are append-only. A posting row is keyed by (source, source_id, content_hash): a
re-crawl of an unchanged posting adds nothing, a changed posting adds its new version. A file
already in the load ledger (by SHA-256) is skipped, and each file loads with its ledger row in
one transaction, so a crash mid-load leaves nothing half-written. Posting files load a batch at
a time (``BATCH_BYTES``): DuckDB reads a batch's files in parallel and writes its rows once,
straight into the file, where a transaction of fewer rows than a row group (122,880) is written
twice (to the write-ahead log, then at the checkpoint).
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
# Gzip bytes of posting files loaded in one transaction: two 100,000-row Hacker News files, whose
# rows the transaction holds (spilling past MEMORY_LIMIT).
BATCH_BYTES = 128 << 20
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
def transaction(con: duckdb.DuckDBPyConnection, name: str) -> Iterator[None]:
    """Load file(s) ``name`` in one transaction: all, or (on an error) nothing, as a LoadError."""
    con.execute("begin transaction")
    try:
        yield
    except duckdb.Error as exc:
        con.execute("rollback")
        raise LoadError(f"{name}: {exc}") from exc
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
    if f.kind == "postings":
        return _load_postings(con, [f])[0]
    digest = sha256(f.path)
    if (known := already_loaded(con, f, digest)) is not None:
        return known
    names = ", ".join(REJECT_COLUMNS)
    with transaction(con, f.name):
        inserted = con.execute(
            f"""
            insert into raw.rejects ({names}, run_id, landed_file, loaded_at)
            select {names}, ?, ?, now() from {_read_json(REJECT_COLUMNS)}
            """,
            [f.run_id, f.name, str(f.path)],
        ).fetchone()[0]
        _ledger(con, f, digest, inserted, inserted)
    return FileLoad.of(f, inserted, inserted)


def load_postings(con: duckdb.DuckDBPyConnection, files: list[LandedFile]) -> list[FileLoad]:
    """Load a batch of posting files in one transaction; a bad file fails alone.

    When the batch fails, each of its files loads alone, so that the bad one is reported (its
    ``error``) and the others still load. Files already loaded are skipped.
    """
    try:
        return _load_postings(con, files)
    except LoadError as exc:
        if len(files) == 1:
            return [_failed(files[0], exc)]
    out = []
    for f in files:
        try:
            out.append(_load_postings(con, [f])[0])
        except LoadError as exc:
            out.append(_failed(f, exc))
    return out


def _failed(f: LandedFile, exc: LoadError) -> FileLoad:
    logger.error("could not load %s", exc)
    return FileLoad.of(f, 0, 0, error=str(exc))


def _read_json(columns: dict[str, str], filename: bool = False) -> str:
    """Return the ``read_json`` of landing files (one path, or a list, as its parameter)."""
    return (
        f"read_json(?, format = 'newline_delimited', columns = {_columns_sql(columns)}, "
        f"compression = 'gzip'{', filename = true' if filename else ''})"
    )


def _load_postings(con: duckdb.DuckDBPyConnection, files: list[LandedFile]) -> list[FileLoad]:
    """Load posting files in one transaction, each with its ledger row (LoadError: none)."""
    digests = [sha256(f.path) for f in files]
    results = [already_loaded(con, f, d) for f, d in zip(files, digests, strict=True)]
    batch: dict[str, LandedFile] = {}  # digest -> the first file of the batch with those bytes
    for f, digest, known in zip(files, digests, results, strict=True):
        if known is None:
            batch.setdefault(digest, f)
    if batch:
        with transaction(con, ", ".join(f.name for f in batch.values())):
            counts = _insert_postings(con, batch)
        for i, (f, digest) in enumerate(zip(files, digests, strict=True)):
            if results[i] is None:
                read, new = counts[digest]
                # The bytes of an earlier file of the batch: skipped, as it would be after it.
                first = batch[digest] is f
                results[i] = FileLoad.of(f, read, new if first else 0, skipped=not first)
    return results


def _insert_postings(
    con: duckdb.DuckDBPyConnection, batch: dict[str, LandedFile]
) -> dict[str, tuple[int, int]]:
    """Insert the new posting versions and the sightings of a batch of files; return, per
    file's digest, (rows read, rows inserted), after writing each file's ledger row."""
    names = ", ".join(POSTING_COLUMNS)
    con.execute(
        "create or replace temp table batch_files "
        "(filename varchar, ord integer, run_id varchar, landed_file varchar)"
    )
    con.executemany(
        "insert into batch_files values (?, ?, ?, ?)",
        [(str(f.path), i, f.run_id, f.name) for i, f in enumerate(batch.values())],
    )
    # Read the files once (in parallel); the inserts and the counts read the temporary table.
    con.execute(
        f"""
        create or replace temp table landed as
        select r.*, b.ord, b.run_id, b.landed_file
        from {_read_json(POSTING_COLUMNS, filename=True)} as r
        left join batch_files as b using (filename)
        """,
        [[str(f.path) for f in batch.values()]],
    )
    if con.execute("select count(*) from landed where ord is null").fetchone()[0]:
        raise duckdb.InvalidInputException("rows that name none of the batch's files")
    read = dict(con.execute("select landed_file, count(*) from landed group by all").fetchall())
    # New versions: within the batch a key may repeat (a board listing a job twice, a posting
    # unchanged between two crawls); the first file's, then its first crawl's, is kept.
    con.execute(
        """
        create or replace temp table fresh as
        select rowid as landed_row, landed_file from landed
        where not exists (
            select 1 from raw.postings as known
            where known.source = landed.source
              and known.source_id = landed.source_id
              and known.content_hash = landed.content_hash
        )
          -- the keys alone are grouped (a window over whole rows took three times the insert);
          -- a row with no crawl time last, as "order by crawled_at" puts it
          and landed.rowid in (
            select arg_min(rowid, struct_pack(o := ord, c := coalesce(crawled_at, '~')))
            from landed
            group by source, source_id, content_hash
          )
        """
    )
    con.execute(
        f"""
        insert into raw.postings ({names}, run_id, landed_file, loaded_at)
        select {names}, run_id, landed_file, now() from landed
        where rowid in (select landed_row from fresh)
        """
    )
    new = dict(con.execute("select landed_file, count(*) from fresh group by all").fetchall())
    # Every posting each crawl saw, changed or not (what a board listed at that crawl): per
    # crawl, the first file's row, and its last crawl of the posting.
    con.execute(
        """
        insert into raw.sightings
        select source, source_id, board, content_hash, crawled_at, run_id, landed_file
        from landed
        where not exists (
            select 1 from raw.sightings as seen
            where seen.source = landed.source
              and seen.source_id = landed.source_id
              and seen.run_id = landed.run_id
        )
          and landed.rowid in (
            select arg_max(rowid, struct_pack(o := -ord, c := coalesce(crawled_at, '')))
            from landed
            group by source, source_id, run_id
          )
        """
    )
    con.execute("drop table landed; drop table fresh; drop table batch_files")
    counts = {}
    for digest, f in batch.items():
        counts[digest] = (read.get(f.name, 0), new.get(f.name, 0))
        _ledger(con, f, digest, *counts[digest])
    return counts


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
        with transaction(con, f.name):
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
    landed = [describe(path, settings.home) for path in files]
    results: dict[int, FileLoad] = {}
    postings = [(i, f) for i, f in enumerate(landed) if f.kind == "postings"]
    with connect(working_copy(settings), specs) as con:
        for batch in _batches(postings):
            loaded = load_postings(con, [f for _, f in batch])
            for (i, _), result in zip(batch, loaded, strict=True):
                results[i] = _logged(result)
        for i, f in enumerate(landed):
            if i in results:
                continue
            try:
                if f.kind == "dataset":
                    table = (specs.get(f.path.stem) or {}).get("table")
                    results[i] = _logged(load_dataset(con, f, table))
                else:
                    results[i] = _logged(load_file(con, f))
            except LoadError as exc:
                results[i] = _failed(f, exc)
    return [results[i] for i in range(len(landed))]


def _batches(files: list[tuple[int, LandedFile]]) -> Iterator[list[tuple[int, LandedFile]]]:
    """Yield ``files`` in batches of at most ``BATCH_BYTES`` (or of one larger file)."""
    batch: list[tuple[int, LandedFile]] = []
    size = 0
    for key, f in files:
        n = f.path.stat().st_size
        if batch and size + n > BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append((key, f))
        size += n
    if batch:
        yield batch


def _logged(result: FileLoad) -> FileLoad:
    if not result.skipped and not result.error:
        logger.info(
            "loaded %s: %d rows read, %d new",
            result.landed_file,
            result.rows_read,
            result.rows_inserted,
        )
    return result
