"""Load landing files into the raw schema of the DuckDB warehouse, set-based and idempotent.

Raw tables are append-only. A posting row is keyed by (source, source_id, content_hash): a
re-crawl of an unchanged posting adds nothing, a changed posting adds its new version. A file
already in the load ledger (by SHA-256) is skipped, and each file loads in one transaction,
so a crash mid-load leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.config import dataset_specs

logger = logging.getLogger(__name__)

POSTING_COLUMNS = {
    "source": "VARCHAR",
    "source_id": "VARCHAR",
    "url": "VARCHAR",
    "title": "VARCHAR",
    "company": "VARCHAR",
    "location": "VARCHAR",
    "country": "VARCHAR",
    "remote": "BOOLEAN",
    "posted_at": "VARCHAR",
    "updated_at": "VARCHAR",
    "description_text": "VARCHAR",
    "description_html": "VARCHAR",
    "salary_text": "VARCHAR",
    "pay": "JSON",
    "employment_type": "VARCHAR",
    "board": "VARCHAR",
    "extras": "JSON",
    "crawled_at": "VARCHAR",
    "content_hash": "VARCHAR",
}
REJECT_COLUMNS = {
    "source": "VARCHAR",
    "url": "VARCHAR",
    "reason": "VARCHAR",
    "source_id": "VARCHAR",
    "payload": "JSON",
    "crawled_at": "VARCHAR",
}
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
    loaded_at timestamptz not null
);
create table if not exists raw.postings (
    {", ".join(f"{k} {v}" for k, v in {**POSTING_COLUMNS, **_LOAD_COLUMNS}.items())},
    primary key (source, source_id, content_hash)
);
create table if not exists raw.rejects (
    {", ".join(f"{k} {v}" for k, v in {**REJECT_COLUMNS, **_LOAD_COLUMNS}.items())}
);
"""


DATASETS = "datasets"


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


def connect(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file and make sure the raw schema exists."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(DDL)
    con.execute(dataset_ddl(dataset_specs()))
    return con


def landing_files(landing_dir: Path) -> list[Path]:
    """Return every complete posting landing file, oldest run first (not ``.partial`` ones)."""
    files = [p for p in landing_dir.glob("*/*.jsonl.gz") if p.parent.name != DATASETS]
    return sorted(files, key=lambda p: (p.name, p.parent.name))


def dataset_files(landing_dir: Path) -> list[Path]:
    """Return every complete dataset file, oldest run first."""
    files = [p for p in (landing_dir / DATASETS).glob("*/*") if not p.name.endswith(".partial")]
    return sorted(files, key=lambda p: (p.parent.name, p.name))


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _columns_sql(columns: dict[str, str]) -> str:
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"


def describe(path: Path, home: Path | None = None) -> tuple[str, str, str, str]:
    """Return (landed name, source, run id, kind) of a landing file, from where it lies.

    Posting files are ``<source>/<run id>[.rejects].jsonl.gz``; dataset files are
    ``datasets/<run id>/<dataset>.<format>``.
    """
    landed = path.relative_to(home).as_posix() if home else path.as_posix()
    if path.parent.parent.name == DATASETS:
        return landed, DATASETS, path.parent.name, "dataset"
    kind = "rejects" if path.name.endswith(".rejects.jsonl.gz") else "postings"
    return landed, path.parent.name, path.name.split(".", 1)[0], kind


def already_loaded(
    con: duckdb.DuckDBPyConnection, path: Path, digest: str, home: Path | None = None
) -> FileLoad | None:
    """Return a skipped FileLoad when a file with these bytes is in the ledger, else None.

    Its rows count as known: they are all in the warehouse already.
    """
    row = con.execute(
        "select rows_read from raw.load_ledger where file_sha256 = ?", [digest]
    ).fetchone()
    if row is None:
        return None
    return FileLoad(*describe(path, home), rows_read=row[0], rows_inserted=0, skipped=True)


def load_file(con: duckdb.DuckDBPyConnection, path: Path, home: Path | None = None) -> FileLoad:
    """Load one landing file in one transaction; a file already loaded is skipped."""
    name, source, run_id, kind = describe(path, home)
    digest = sha256(path)
    if (known := already_loaded(con, path, digest, home)) is not None:
        return known

    columns = POSTING_COLUMNS if kind == "postings" else REJECT_COLUMNS
    read = (
        f"read_json(?, format = 'newline_delimited', columns = {_columns_sql(columns)}, "
        "compression = 'gzip')"
    )
    names = ", ".join(columns)
    con.execute("begin transaction")
    try:
        rows_read = con.execute(f"select count(*) from {read}", [str(path)]).fetchone()[0]
        if kind == "postings":
            # Within a file the key may repeat (a board listing a job twice): keep one.
            inserted = con.execute(
                f"""
                insert into raw.postings ({names}, run_id, landed_file, loaded_at)
                select {names}, ?, ?, now()
                from {read} as landed
                where not exists (
                    select 1 from raw.postings as known
                    where known.source = landed.source
                      and known.source_id = landed.source_id
                      and known.content_hash = landed.content_hash
                )
                qualify row_number() over (
                    partition by source, source_id, content_hash order by crawled_at
                ) = 1
                """,
                [run_id, name, str(path)],
            ).fetchone()[0]
        else:
            inserted = con.execute(
                f"""
                insert into raw.rejects ({names}, run_id, landed_file, loaded_at)
                select {names}, ?, ?, now() from {read}
                """,
                [run_id, name, str(path)],
            ).fetchone()[0]
        con.execute(
            "insert into raw.load_ledger values (?, ?, ?, ?, ?, ?, ?, now())",
            [name, digest, source, run_id, kind, rows_read, inserted],
        )
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise LoadError(f"{name}: {exc}") from exc
    return FileLoad(name, source, run_id, kind, rows_read, inserted)


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
    con: duckdb.DuckDBPyConnection, path: Path, home: Path | None = None, table: str | None = None
) -> FileLoad:
    """Load one dataset file as a snapshot into ``raw.<name>``, tagged with its SHA-256.

    The first snapshot creates the table; later ones insert by column name, so a column the
    publisher drops becomes NULL and one it adds is an error to look at, not a silent loss.
    """
    name = path.stem
    landed, _, run_id, _ = describe(path, home)
    digest = sha256(path)
    if (known := already_loaded(con, path, digest, home)) is not None:
        return known
    if path.suffix == ".csv":
        relation = con.read_csv(str(path), header=True, all_varchar=True)
    elif path.suffix == ".sqlite":
        relation = con.from_arrow(_read_sqlite(path, table or name))
    else:
        raise LoadError(f"{landed}: unknown dataset format {path.suffix}")
    con.execute("begin transaction")
    try:
        con.register("snapshot", relation)
        con.execute(
            f"create table if not exists raw.{name} as "
            "select *, ''::varchar as file_sha256, now() as loaded_at from snapshot limit 0"
        )
        inserted = con.execute(
            f"insert into raw.{name} by name "
            "select *, ?::varchar as file_sha256, now() as loaded_at from snapshot",
            [digest],
        ).fetchone()[0]
        con.execute(
            "insert into raw.load_ledger values (?, ?, ?, ?, ?, ?, ?, now())",
            [landed, digest, DATASETS, run_id, "dataset", inserted, inserted],
        )
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise LoadError(f"{landed}: {exc}") from exc
    finally:
        con.unregister("snapshot")
    return FileLoad(landed, DATASETS, run_id, "dataset", inserted, inserted)


def load_landing(
    warehouse: Path,
    landing_dir: Path,
    files: Iterable[Path] | None = None,
    dataset_tables: dict[str, str] | None = None,
) -> list[FileLoad]:
    """Load every landing file not yet loaded; a bad file is reported, the others still load.

    ``dataset_tables`` names the table to read from each SQLite dataset (by dataset name);
    by default, the ``table`` keys of sources.toml's ``[datasets.files.*]``.
    """
    if dataset_tables is None:
        dataset_tables = {name: spec.get("table") for name, spec in dataset_specs().items()}
    results = []
    home = landing_dir.parent
    if files is None:
        files = landing_files(landing_dir) + dataset_files(landing_dir)
    with connect(warehouse) as con:
        for path in files:
            try:
                if describe(path)[3] == "dataset":
                    table = dataset_tables.get(path.stem)
                    result = load_dataset(con, path, home=home, table=table)
                else:
                    result = load_file(con, path, home=home)
            except LoadError as exc:
                logger.error("could not load %s", exc)
                result = FileLoad(*describe(path, home), 0, 0, error=str(exc))
            if not result.skipped:
                logger.info(
                    "loaded %s: %d rows read, %d new",
                    result.landed_file,
                    result.rows_read,
                    result.rows_inserted,
                )
            results.append(result)
    return results
