"""The extractors read on every core (warehouse.parallel) give what they give row by row."""

from __future__ import annotations

import itertools
from datetime import date

import duckdb
import pytest

from pipeline.eval.documents import documents
from warehouse import functions, parallel


@pytest.fixture
def con(monkeypatch):
    monkeypatch.setenv("JOBTRENDS_WORKERS", "2")
    con = duckdb.connect()
    functions.register(con)
    yield con
    con.close()


@pytest.fixture(scope="module")
def posts(corpus):
    """About 2,500 Hacker News posts of the corpus: more than one chunk, every part used."""
    found = itertools.islice(documents(corpus, ("hackernews",)), 0, 25_000, 10)
    return [(d.title, d.text, d.posted_at) for d in found] + [(None, None, None), ("", "", None)]


def test_a_chunk_is_read_by_the_workers_in_row_order(con, posts):
    con.execute("create table p (i int, title varchar, text varchar, posted varchar)")
    con.executemany(
        "insert into p values (?, ?, ?, ?)",
        [(i, t, x, str(d) if d else None) for i, (t, x, d) in enumerate(posts)],
    )
    got = con.execute(
        """
        select
            jt_posting_skills(title, text, posted),
            jt_posting_roles('hackernews', title, text),
            jt_posting_duties(title, text, ['ml_engineer']),
            jt_candidate_terms(text, 'Acme', []),
            jt_pay_rows('hackernews', text, null, 'US', cast(posted as date), null, title)
        from p order by i
        """
    ).fetchall()
    assert len(got) == len(posts) > 2 * parallel.MIN_ROWS
    assert parallel._pool is not None, "the chunks were not handed to worker processes"
    for (title, text, posted), row in zip(posts, got, strict=True):
        day = date.fromisoformat(str(posted)[:10]) if posted else None
        expected = (
            functions.postings.posting_skills(title, text, str(posted) if posted else None),
            functions.postings.posting_roles("hackernews", title, text),
            functions.postings.posting_duties(title, text, ["ml_engineer"]),
            functions.emerging.candidate_terms(text, "Acme", []),
            functions.pay.pay_rows_sql("hackernews", text, None, "US", day, None, title),
        )
        assert row == tuple(_as_duckdb(v) for v in expected)


def _as_duckdb(value):
    """A value as DuckDB returns it: lists stay lists, structs are dicts, ``None`` is NULL."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value


def test_one_worker_reads_in_process(monkeypatch):
    monkeypatch.setenv("JOBTRENDS_WORKERS", "1")
    assert parallel.workers() == 1
    monkeypatch.setenv("JOBTRENDS_WORKERS", "")
    assert 1 <= parallel.workers() <= 4
