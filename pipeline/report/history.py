"""The report's "since the last crawl" section: what each job board's last two crawls show."""

from __future__ import annotations

from typing import TYPE_CHECKING

import duckdb

from pipeline.report import queries
from pipeline.report.page import Section, Table

if TYPE_CHECKING:
    from pipeline.report.sections import Labels


def history_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    found = queries.board_changes(con)
    section = Section(
        "history",
        "Since the last crawl: postings that appeared, changed and disappeared",
        paragraphs=[
            "A job board lists what is open when it is crawled, so two crawls in a row of a "
            "board say what was opened, edited and closed in between (`posting_events`). A "
            "board's first crawl has nothing to compare with; Hacker News threads are "
            "archives, not listings.",
        ],
    )
    if not found:
        section.status = "empty"
        section.paragraphs.append("No board has been crawled twice yet.")
        return section
    section.tables.append(
        Table(
            [
                "source",
                "board",
                "crawls",
                "appeared",
                "changed",
                "disappeared",
                "median days listed (disappeared)",
            ],
            [
                [
                    labels.short(r["source"]),
                    r["board"],
                    f"{r['previous_crawled_at']:%Y-%m-%d} → {r['crawled_at']:%Y-%m-%d}",
                    f"{r['n_appeared']:,}",
                    f"{r['n_changed']:,}",
                    f"{r['n_disappeared']:,}",
                    "–" if r["median_days_listed"] is None else f"{r['median_days_listed']:.0f}",
                ]
                for r in found
            ],
            caption=(
                "Each board's last two crawls. Days listed: from a posting's first listing (or "
                "its posting date, when earlier) to the last crawl that listed it."
            ),
            numeric={3, 4, 5, 6},
        )
    )
    return section
