"""Query the published warehouse: from the CLI (`jobtrends sql`) or a notebook (``dataframe``).

Every reader opens the published snapshot read-only (``pipeline.ingest.publish``), so a run
writing the warehouse meanwhile neither blocks nor disturbs it.

```python
from pipeline.query import dataframe
df = dataframe("select * from salary_yearly where country = 'US'")   # a pandas DataFrame
```
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import duckdb

from pipeline.config import Settings, get_settings

# Schemas of the warehouse, in the order `.tables` lists them: what to query first.
SCHEMAS = {
    "main": "marts: query these",
    "intermediate": "intermediate models",
    "staging": "staging models",
    "raw": "raw tables, as loaded",
    "lookups": "lookup tables (dbt seeds)",
}
EXPORT_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "json", ".parquet": "parquet"}
FETCH_BLOCK = 10_000


class QueryError(RuntimeError):
    """The warehouse is missing, or a request cannot be run; the message says what to do."""


def one_line(exc: BaseException) -> str:
    """Return the first line of an error: DuckDB's errors carry the query drawn under it."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def connect(settings: Settings | None = None) -> duckdb.DuckDBPyConnection:
    """Open the published warehouse read-only; its absence is a QueryError."""
    settings = settings or get_settings()
    path = settings.warehouse_path
    if not path.exists():
        raise QueryError(f"no warehouse at {path}: run `jobtrends run` first")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise QueryError(f"cannot open {path}: {one_line(exc)}") from exc


def dataframe(sql: str, params: list | None = None, home: str | Path | None = None):
    """Return the result of ``sql`` on the published warehouse as a pandas DataFrame."""
    with connect(get_settings(home=home)) as con:
        return con.execute(sql, params or []).df()


def statements(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """Split ``text`` into its statements (each one's result is shown)."""
    return [s.query for s in con.extract_statements(text)]


def fetch(cursor: duckdb.DuckDBPyConnection, limit: int) -> tuple[list[tuple], int]:
    """Return the first ``limit`` rows (all when 0) and how many rows the result has."""
    if limit <= 0:
        rows = cursor.fetchall()
        return rows, len(rows)
    rows = cursor.fetchmany(limit)
    total = len(rows)
    while block := cursor.fetchmany(FETCH_BLOCK):
        total += len(block)
    return rows, total


def write_lines(cursor, columns: list[str], fmt: str, out: IO[str]) -> None:
    """Write a result as CSV (with a header) or JSON lines, block by block."""
    writer = csv.writer(out) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    while block := cursor.fetchmany(FETCH_BLOCK):
        if writer is not None:
            writer.writerows(block)
        else:
            for row in block:
                record = dict(zip(columns, row, strict=True))
                out.write(json.dumps(record, default=_json_value) + "\n")


def _json_value(value: Any) -> Any:
    """A value JSON has no type for: decimals as numbers, the rest (dates, UUIDs) as text."""
    return float(value) if isinstance(value, Decimal) else str(value)


def format_of(path: Path) -> str:
    """Return the export format a file name asks for (``.csv``, ``.json``, ``.parquet``)."""
    fmt = EXPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(EXPORT_FORMATS)
        raise QueryError(f"cannot tell the format of {path.name}: name it {known}, or add -f")
    return fmt


def export(con: duckdb.DuckDBPyConnection, statement: str, path: Path, fmt: str) -> int:
    """Write the whole result of a query to ``path`` with DuckDB's COPY; return its rows."""
    options = {"csv": "format csv, header", "json": "format json", "parquet": "format parquet"}
    if fmt not in options:
        raise QueryError(f"cannot export as {fmt}: use csv, json or parquet")
    query = statement.strip().rstrip(";")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QueryError(f"cannot write {path}: {exc.strerror}") from exc
    literal = str(path).replace("'", "''")
    row = con.execute(f"copy ({query}) to '{literal}' ({options[fmt]})").fetchone()
    return int(row[0]) if row else 0


def tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, int]]:
    """Return (schema, name, kind, columns) of every table and view, marts first."""
    rows = con.execute(
        """
        select t.table_schema, t.table_name, lower(t.table_type), count(c.column_name)
        from information_schema.tables as t
        left join information_schema.columns as c
          on c.table_schema = t.table_schema and c.table_name = t.table_name
        where t.table_catalog = current_database()
        group by all
        """
    ).fetchall()
    order = list(SCHEMAS)
    return sorted(rows, key=lambda r: (order.index(r[0]) if r[0] in order else len(order), r[1]))


def schema_of(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[Any, ...]]:
    """Return (column, type, description) of a table or view, ``schema.name`` or a mart."""
    schema, _, table = name.rpartition(".")
    rows = con.execute(
        """
        select c.column_name, c.data_type, coalesce(d.comment, '')
        from information_schema.columns as c
        left join duckdb_columns() as d
          on d.schema_name = c.table_schema and d.table_name = c.table_name
          and d.column_name = c.column_name
        where c.table_name = ? and c.table_schema = ?
        order by c.ordinal_position
        """,
        [table, schema or "main"],
    ).fetchall()
    if not rows:
        raise QueryError(f"no table or view {name}: `.tables` lists them")
    return rows


HELP = """\
.tables          every table and view, marts (schema main) first
.schema NAME     the columns of a table or view (schema.name for other schemas)
.help            this list
Statements end with ';' and may span lines; Ctrl-C drops the one being typed, Ctrl-D quits."""


def dot_command(con: duckdb.DuckDBPyConnection, line: str) -> tuple[list[str], list[tuple]] | str:
    """Run a prompt helper: ``.tables`` and ``.schema NAME`` return rows, ``.help`` text."""
    command, _, argument = line.partition(" ")
    argument = argument.strip().rstrip(";")
    if command == ".tables":
        rows = [(s, n, k, c, SCHEMAS.get(s, "")) for s, n, k, c in tables(con)]
        return ["schema", "name", "kind", "columns", "what"], rows
    if command == ".schema" and argument:
        return ["column", "type", "description"], schema_of(con, argument)
    if command == ".help":
        return HELP
    raise QueryError(f"unknown helper {line!r}: .tables, .schema NAME or .help")
