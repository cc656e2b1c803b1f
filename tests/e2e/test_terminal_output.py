"""What `jobtrends sql` and `jobtrends claims` print, as a user on an 80-column terminal sees it."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import duckdb
import pytest

from tests.e2e.cli import REPO
from tests.e2e.cli import jobtrends as run
from tests.landing import build_small_warehouse

README = (REPO / "README.md").read_text(encoding="utf-8")
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def jobtrends(*args: str, home: Path, columns: int = 80, stdin: str | None = None):
    return run(*args, home=home, stdin=stdin, timeout=120, COLUMNS=str(columns))


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("terminal")
    build_small_warehouse(home)
    return home


def readme_sql_examples() -> list[list[str]]:
    """Every `jobtrends sql` command of the README's shell blocks, as arguments."""
    examples = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        for chunk in re.split(r"\n(?=\.venv/bin/jobtrends |#)", block):
            if chunk.startswith(".venv/bin/jobtrends sql "):
                examples.append(shlex.split(chunk)[2:])
    return examples


def shown_numbers(text: str) -> list[float]:
    return [float(t.replace(",", "")) for t in NUMBER.findall(text)]


def assert_whole(value: float, numbers: list[float]) -> None:
    """A number is shown whole when the output holds it, to its six significant digits."""
    assert any(abs(n - value) <= abs(value) * 1e-5 + 1e-4 for n in numbers), value


def test_the_readme_has_sql_examples():
    assert len(readme_sql_examples()) >= 4


@pytest.mark.parametrize("args", readme_sql_examples(), ids=lambda a: a[-1][:40])
def test_readme_examples_print_every_number_whole_at_80_columns(home, args):
    query = args[-1]
    shown = jobtrends("sql", query, home=home)
    assert shown.returncode == 0, shown.stderr
    assert max(len(line) for line in shown.stdout.splitlines()) <= 80
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute(query).fetchmany(100)
    assert rows, f"the example returns nothing on the test warehouse: {query}"
    numbers = shown_numbers(shown.stdout)
    for row in rows:
        for value in row:
            if isinstance(value, int | float) and not isinstance(value, bool):
                assert_whole(float(value), numbers)


def test_claims_print_every_number_whole_at_80_columns(home):
    shown = jobtrends("claims", home=home)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    with duckdb.connect(str(home / "warehouse.duckdb"), read_only=True) as con:
        claims = con.execute(
            "select claim_id, article_says, coalesce(headline_text, observed_text), reason, "
            "sample_size from claims"
        ).fetchall()
    assert len(claims) >= 5
    for claim_id, says, observed, reason, n in claims:
        assert claim_id in shown.stdout
        for text in (says, observed, reason):
            for token in NUMBER.findall(text or ""):
                assert token in shown.stdout, (claim_id, token)
        if n is not None:
            assert f"{n:,}" in shown.stdout
    # Readable: records of a field a line, not a word a line.
    assert len(lines) < 40 * len(claims)


def test_a_long_result_is_cut_to_the_limit_and_says_so(home):
    shown = jobtrends(
        "sql", "select range as n, repeat('x', 200) as text from range(150)", home=home
    )
    assert shown.returncode == 0, shown.stderr
    assert "100 of 150 rows" in shown.stdout
    assert "text cut at" in shown.stdout
    whole = jobtrends("sql", "select range as n from range(150)", "--limit", "0", home=home)
    assert "149" in whole.stdout and "150 row(s)" in whole.stdout


def test_every_statement_shows_its_result(home):
    shown = jobtrends("sql", "select 11 as a; select 22 as b", home=home)
    assert shown.returncode == 0, shown.stderr
    assert "11" in shown.stdout and "22" in shown.stdout
    # The prompt too, with a last statement lacking its ';' and the helpers.
    typed = "select 33 as c;\n.tables\n.schema postings\nselect 44 as d\n"
    prompt = jobtrends("sql", home=home, stdin=typed, columns=120)
    assert prompt.returncode == 0, prompt.stderr
    assert "33" in prompt.stdout and "44" in prompt.stdout
    assert "skill_demand_monthly" in prompt.stdout and "posting_id" in prompt.stdout


def test_exports_write_whole_files_and_unknown_formats_are_refused(home, tmp_path):
    for name in ("out.csv", "out.json", "out.parquet"):
        out = tmp_path / name
        written = jobtrends("sql", "select * from postings", "-o", str(out), home=home)
        assert written.returncode == 0, written.stderr
        with duckdb.connect() as con:
            n = con.execute(f"select count(*) from '{out}'").fetchone()[0]
        assert f"{n:,} row(s) written" in written.stdout
        assert n > 0
    refused = jobtrends("sql", "select 1", "-f", "xml", home=home)
    assert refused.returncode != 0
    assert "xml" in refused.stderr and "Traceback" not in refused.stderr


def test_json_lines_keep_every_value(home):
    shown = jobtrends("sql", "select 199835 as n, 0.1234567 as x", "-f", "json", home=home)
    assert json.loads(shown.stdout) == {"n": 199835, "x": 0.1234567}


def test_a_notebook_gets_a_dataframe_of_the_published_warehouse(home):
    from pipeline.query import QueryError, dataframe

    frame = dataframe("select source, count(*) as n from postings group by 1", home=home)
    assert list(frame.columns) == ["source", "n"]
    assert frame["n"].sum() > 0
    with pytest.raises(QueryError, match="no warehouse at"):
        dataframe("select 1", home=home / "nowhere")
