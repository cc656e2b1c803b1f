"""Print the claims mart in the terminal: one row per claim of the 2019 article, with its verdict.

Reading and printing are separate: ``claim_rows`` returns the mart's rows (tests call it),
``print_claims`` renders them with rich. The verdicts come from the dbt models
(``warehouse/models/marts/claims``); nothing is judged here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.report import ReportError, open_marts, queries

VERDICT_STYLES = {
    "supported": "green",
    "contradicted": "red",
    "mixed": "yellow",
    "partly supported": "yellow",
    "insufficient data": "dim",
    "not testable from postings": "dim",
}

# The claims mart's and the checks mart's rows as the terminal shows them.
ClaimsError = ReportError


def claim_rows(warehouse_path: Path | str) -> list[dict[str, Any]]:
    """Return the claims mart's rows in the article's order (read-only)."""
    with open_marts(warehouse_path) as con:
        return queries.claims(con)


def check_rows(warehouse_path: Path | str) -> dict[str, list[dict[str, Any]]]:
    """Return every check of every claim, by claim id, in the order the claim lists them."""
    with open_marts(warehouse_path) as con:
        return queries.claim_checks(con)


def verdict_text(verdict: str) -> str:
    """Return the verdict as rich markup in its colour."""
    style = VERDICT_STYLES.get(verdict, "bold")
    return f"[{style}]{verdict}[/]"


def claim_fields(
    row: dict[str, Any], checks: dict[str, list[dict]] | None
) -> tuple[str, str, str, str, str]:
    """What the terminal shows of a claim: the article's words, the observation (every check's
    with ``checks``), the sample size, the reason, and what an analogue measures ("" if none)."""
    observed = row["headline_text"] or row["observed_text"] or ""
    if checks and row["claim_id"] in checks:
        observed = "\n".join(c["observed_text"] for c in checks[row["claim_id"]])
    n = "" if row["sample_size"] is None else f"{row['sample_size']:,}"
    analogue = (row.get("is_analogue") and row.get("analogue_measures")) or ""
    return row["article_says"] or "", observed, n, row["reason"] or "", analogue


def claims_table(rows: list[dict[str, Any]], checks: dict[str, list[dict]] | None = None) -> Table:
    """Build the table: claim, what we observed, sample, verdict and reason."""
    table = Table(
        title="The 2019 article's claims, checked against postings",
        caption=(
            "Analogues, not replications: each row says what it measures instead. "
            "Credits: see the report's sources."
        ),
        show_lines=True,
    )
    table.add_column("claim", style="bold", no_wrap=True)
    table.add_column("the article says", ratio=2)
    table.add_column("observed", ratio=3)
    table.add_column("n", justify="right")
    table.add_column("verdict", no_wrap=True)
    table.add_column("reason", ratio=3)
    for row in rows:
        says, observed, n, reason, analogue = claim_fields(row, checks)
        unit = f"\n[dim]{row['sample_unit']}[/]" if row.get("sample_unit") else ""
        if analogue:
            reason += f"\n[dim]analogue: {analogue}[/]"
        table.add_row(
            row["claim_id"], says, observed, n + unit, verdict_text(row["verdict"]), reason
        )
    return table


def claims_records(rows: list[dict[str, Any]], checks: dict[str, list[dict]] | None = None):
    """Return the claims as records, for a terminal too narrow for the table: one field a line."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for row in rows:
        says, observed, n, reason, analogue = claim_fields(row, checks)
        fields = [
            ("the article says", says),
            ("observed", observed),
            ("n", f"{n} {row.get('sample_unit') or ''}".strip()),
            ("reason", reason),
        ]
        if analogue:
            fields.append(("analogue", analogue))
        grid.add_row(row["claim_id"], verdict_text(row["verdict"]))
        for label, value in fields:
            grid.add_row(f"  {label}", Text(value))
        grid.add_row("", "")
    return grid


# Below this width the claims table's six columns leave a word a line: print records instead.
TABLE_MIN_WIDTH = 120


def print_claims(
    warehouse_path: Path | str, console: Console | None = None, show_checks: bool = False
) -> list[dict[str, Any]]:
    """Print the claims mart with coloured verdicts and return its rows.

    ``show_checks`` lists every check's observation (from ``claim_checks``) instead of the
    claim's headline. Raises ``ClaimsError`` when the warehouse or the mart is missing.
    """
    console = console or Console()
    rows = claim_rows(warehouse_path)
    checks = check_rows(warehouse_path) if show_checks else None
    if console.width >= TABLE_MIN_WIDTH:
        console.print(claims_table(rows, checks))
    else:
        console.print("The 2019 article's claims, checked against postings", style="bold")
        console.print(claims_records(rows, checks))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    console.print(
        ", ".join(f"{verdict_text(v)} {counts[v]}" for v in VERDICT_STYLES if counts.get(v))
    )
    return rows
