"""The posting schema is written once: the item's fields make the raw table and staging reads
every one of them."""

from __future__ import annotations

import dataclasses
import re

import duckdb

from pipeline.ingest.load import connect
from pipeline.paths import WAREHOUSE_PROJECT
from spiders.items import JobPosting, raw_columns

MACRO = WAREHOUSE_PROJECT / "macros" / "posting_columns.sql"
LOAD_COLUMNS = {"run_id", "loaded_at"}


def macro_pairs() -> list[tuple[str, str]]:
    """The (raw expression, staging name) pairs of the posting_columns macro."""
    text = MACRO.read_text(encoding="utf-8")
    return re.findall(r"\(\s*(\"[^\"]+\"|'[^']+')\s*,\s*'([a-z_]+)'\s*\)", text)


def test_the_raw_table_has_the_items_fields_in_order(tmp_path):
    with connect(tmp_path / "w.duckdb") as con:
        got = con.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'raw' and table_name = 'postings' order by ordinal_position"
        ).fetchall()
    fields = [f.name for f in dataclasses.fields(JobPosting)]
    assert [name for name, _ in got][: len(fields)] == fields
    assert {n: t for n, t in got if n in fields} == raw_columns(JobPosting)


def test_staging_reads_every_field_of_the_item_and_nothing_else():
    pairs = macro_pairs()
    assert len(pairs) > 10, "the macro's (expression, name) pairs were not found"
    read = set()
    for expression, _ in pairs:
        read |= set(re.findall(r"\b[a-z_]+\b", expression.strip("\"'"))) - {
            "cast",
            "as",
            "timestamptz",
        }
    fields = {f.name for f in dataclasses.fields(JobPosting)}
    assert read == fields | LOAD_COLUMNS
    names = [name for _, name in pairs]
    assert len(names) == len(set(names))


def test_duckdb_accepts_the_raw_types():
    with duckdb.connect() as con:
        con.execute(
            "create table t ("
            + ", ".join(f"{k} {v}" for k, v in raw_columns(JobPosting).items())
            + ")"
        )
