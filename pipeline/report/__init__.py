"""The report people read: one self-contained HTML file from the warehouse marts.

``write_report`` renders every section (claims, skills, roles, pay, public datasets, coverage)
into one HTML file with inline SVG charts; it opens offline, from disk, without a server or
JavaScript. ``report_markdown`` is the short summary the Prefect flow publishes as an
artifact. Both only read the marts (``queries``), on a read-only connection; the sections
(``sections``) set their rows as text, tables and charts (``charts``).
"""

from __future__ import annotations

import html
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

from pipeline.report import queries
from pipeline.report.page import capture_text, fmt, inline, month_text, pct, shorten
from pipeline.report.sections import build_sections

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"


class ReportError(RuntimeError):
    """The warehouse lacks a mart the report reads; the message says what to run."""


@contextmanager
def open_marts(warehouse_path: Path | str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the marts; a missing mart is a ReportError, in one line."""
    if not Path(warehouse_path).exists():
        raise ReportError(f"no warehouse at {warehouse_path}: run `jobtrends run` first")
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        # A missing table must be an error, not a Python variable of the same name.
        con.execute("set python_enable_replacements = false")
        try:
            yield con
        except duckdb.CatalogException as exc:
            first = str(exc).splitlines()[0]
            raise ReportError(
                f"{warehouse_path} is not built ({first}): run `jobtrends build`"
            ) from exc


def render_html(warehouse_path: Path, generated_at: datetime | None = None) -> str:
    """Return the whole report as one HTML document."""
    generated_at = generated_at or datetime.now(UTC)
    with open_marts(warehouse_path) as con:
        sections = build_sections(con)
        totals = queries.totals(con)
        credits = queries.source_credits(con)
        data_line = capture_text(queries.captures(con))
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = inline
    template = env.get_template("report.html.j2")
    return template.render(
        sections=sections,
        generated_at=f"{generated_at:%Y-%m-%d %H:%M} UTC",
        warehouse=Path(warehouse_path).name,
        totals=[(r["source_label"], f"{r['n_postings']:,}") for r in totals],
        credits=[credits[s]["credit"] for s in credits],
        data_line=data_line,
    )


def write_report(warehouse_path: Path | str, out_dir: Path | str) -> Path:
    """Write the report as ``report-<UTC date and time>.html`` under ``out_dir``, copy it to
    ``latest.html`` and return the dated file's path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    page = render_html(Path(warehouse_path), now)
    path = out / f"report-{now:%Y%m%d-%H%M%S}.html"
    path.write_text(page, encoding="utf-8")
    shutil.copyfile(path, out / "latest.html")
    log.info("report written to %s (%d kB)", path, len(page) // 1024)
    return path


def current_report(warehouse_path: Path | str, out_dir: Path | str) -> Path | None:
    """Return the latest report when it was written from the warehouse as it is now, else None."""
    latest = Path(out_dir) / "latest.html"
    try:
        fresh = latest.stat().st_mtime >= Path(warehouse_path).stat().st_mtime
    except OSError:
        return None
    return latest if fresh else None


def report_markdown(warehouse_path: Path | str) -> str:
    """Return a short Markdown summary of the report, for the Prefect artifact."""
    lines = ["# jobtrends report", ""]
    with open_marts(warehouse_path) as con:
        lines += ["| source | postings | first month | last month |", "|---|---:|---|---|"]
        for r in queries.totals(con):
            lines.append(
                f"| {r['source']} | {r['n_postings']:,} | {month_text(r['first_month'])} "
                f"| {month_text(r['last_month'])} |"
            )
        lines += ["", "| claim | verdict | observed | n |", "|---|---|---|---:|"]
        for row in queries.claims(con):
            observed = shorten(fmt(row["headline_text"] or row["observed_text"]), 160)
            cells = [row["claim_id"], row["verdict"], observed.replace(" (see evidence)", "")]
            lines.append(
                "| " + " | ".join(_md(c) for c in cells) + f" | {fmt(row['sample_size'])} |"
            )
        names = queries.role_names(con)
        shares = queries.role_shares_yearly(con, ("ml_engineer", "data_scientist"))
        lines.append("")
        for family in ("ml_engineer", "data_scientist"):
            pts = [r for r in shares if r["source"] == "hackernews" and r["role_family"] == family]
            if pts:
                text = ", ".join(
                    f"{p['posted_year']} {pct(p['share'])} (n={p['n_jobs']:,} jobs)"
                    for p in (pts[0], pts[-1])
                )
                lines.append(f"- {names[family]} share of HN jobs: {text}")
    lines += ["", "The full report (charts, intervals, evidence): `data/reports/latest.html`."]
    return "\n".join(lines)


def _md(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")
