"""The report people read: one self-contained HTML file from the warehouse marts.

``write_report`` renders every section (claims, skills, roles, pay, public datasets, coverage)
into one HTML file with inline SVG charts; it opens offline, from disk, without a server or
JavaScript. ``report_markdown`` is the short summary the Prefect flow publishes as an
artifact. Both only read the warehouse (a read-only connection), and a section whose mart is
not built says so instead of failing the report.
"""

from __future__ import annotations

import csv
import html
import json
import logging
import math
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from pipeline.paths import WAREHOUSE_PROJECT
from pipeline.report import charts

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent / "templates"
CLAIMS_SEED = WAREHOUSE_PROJECT / "seeds" / "article_claims.csv"
Z95 = 1.959964

SOURCE_LABELS = {
    "hackernews": "Hacker News “Who is hiring?” posts",
    "ashby": "Ashby job boards",
    "greenhouse": "Greenhouse job boards",
    "aijobs": "aijobs.net salaries (self-reported)",
}
SOURCE_SHORT = {
    "hackernews": "Hacker News",
    "ashby": "Ashby",
    "greenhouse": "Greenhouse",
    "aijobs": "aijobs.net (self-reported)",
}
ROLE_LABELS = {
    "ml_engineer": "ML engineer",
    "data_scientist": "Data scientist",
    "research": "Research",
    "data_engineer": "Data engineer",
    "data_analyst": "Data analyst",
    "software_engineer": "Software engineer",
    "other": "Other",
}
ARTICLE_SKILLS = ("tensorflow", "keras", "theano", "caffe", "hadoop", "pig", "hive", "flume")
NEWER_SKILLS = ("pytorch", "jax", "hugging-face", "llm")
PAY_ROLE = "ml_engineer"
MIN_BOX = 5  # fewer salaries than this in a year and country: in the table, not drawn as a box
MAX_PAY_COUNTRIES = 4
HN_CREDIT = "Hacker News “Ask HN: Who is hiring?” threads (via the Algolia HN API)"
INDEED_CREDIT = "Indeed Hiring Lab, CC BY 4.0"

# Where the evidence of a claim is drawn, by the claim id's prefix.
CLAIM_SECTIONS = (
    ("salary", "pay"),
    ("growth", "roles"),
    ("mle-vs-ds", "roles"),
    ("skills", "skills"),
    ("ai-share", "datasets"),
)


# ---------------------------------------------------------------------------------------------
# What the template renders


@dataclass
class Figure:
    """One chart: its SVG markup and a caption that states n, source and period."""

    svg: Markup
    caption: str
    id: str = ""


@dataclass
class Table:
    """A table; a cell is text (escaped by the template) or ``Markup`` (already safe)."""

    headers: list[str]
    rows: list[list[Any]]
    caption: str = ""
    numeric: set[int] = field(default_factory=set)  # right-aligned columns
    row_ids: list[str] | None = None
    collapsed: bool = False  # inside <details>, for long tables
    css_class: str = ""


@dataclass
class Section:
    id: str
    title: str
    paragraphs: list[Any] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    status: str = "ok"  # ok | missing (its mart is not built) | empty (built, no rows)


# ---------------------------------------------------------------------------------------------
# Small helpers


def wilson(k: float, n: float, z: float = Z95) -> tuple[float | None, float | None]:
    """Return the 95% Wilson score interval of k/n (the same formula as the warehouse macro)."""
    if not n or n <= 0:
        return None, None
    p = k / n
    denom = 1 + z * z / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, (centre - margin) / denom), min(1.0, (centre + margin) / denom)


def pct(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{100 * x:.{digits}f}%"


def share_cell(k: int, n: int, sign: bool = True) -> str:
    """``12.3% (11.1–13.5%)``: a share and its 95% interval, or a dash with no denominator.

    Without ``sign`` the cell is ``12.3 (11.1–13.5)``, for tables whose header says "% of".
    """
    if not n:
        return "–"
    low, high = wilson(k, n)
    digits = 2 if high is not None and high < 0.01 else 1
    unit = "%" if sign else ""
    if k == 0:
        return f"0 (0–{100 * high:.{digits}f}{unit})"
    return f"{100 * k / n:.{digits}f} ({100 * low:.{digits}f}–{100 * high:.{digits}f}{unit})"


def money(x: float | None) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"${x:,.0f}"


def month_text(d: date | None) -> str:
    return "–" if d is None else f"{d:%Y-%m}"


def period_text(first: date | int | None, last: date | int | None) -> str:
    if first is None:
        return "no data"
    if isinstance(first, date):
        return f"{month_text(first)} to {month_text(last)}"
    return f"{first} to {last}" if first != last else f"{first}"


def anchor(text: str) -> str:
    """Return an HTML id made from a claim id (lowercase letters, digits and dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-") or "claim"


def claim_anchor(claim_id: str) -> str:
    return f"claim-{anchor(claim_id)}"


def years_text(years: Iterable[int]) -> str:
    """``2012–2018, 2026``: runs of consecutive years."""
    ys = sorted(set(years))
    runs: list[list[int]] = []
    for y in ys:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else f"{r[0]}" for r in runs) or "none"


def has_table(con: duckdb.DuckDBPyConnection, name: str, schema: str = "main") -> bool:
    return bool(
        con.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = ? and table_name = ?",
            [schema, name],
        ).fetchone()[0]
    )


def columns_of(con: duckdb.DuckDBPyConnection, name: str, schema: str = "main") -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [schema, name],
        ).fetchall()
    ]


def missing(section_id: str, title: str, what: str) -> Section:
    """A section whose mart is absent: it says so plainly."""
    return Section(
        section_id,
        title,
        paragraphs=[f"Not built yet: the warehouse has no {what}. Run `jobtrends build`."],
        status="missing",
    )


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source)


def source_short(source: str) -> str:
    return SOURCE_SHORT.get(source, source)


def month_runs(months: Iterable[date]) -> str:
    """``2012-01–2016-05, 2016-07–2018-06``: runs of consecutive months."""
    runs: list[list[date]] = []
    for m in sorted(set(months)):
        if runs:
            prev = runs[-1][-1]
            if (m.year * 12 + m.month) - (prev.year * 12 + prev.month) == 1:
                runs[-1].append(m)
                continue
        runs.append([m])
    if len(runs) > 4:  # scattered months: the span and the count say enough
        n = sum(len(r) for r in runs)
        return (
            f"{month_text(runs[0][0])} to {month_text(runs[-1][-1])} ({n} months, {len(runs)} runs)"
        )
    return ", ".join(
        f"{month_text(r[0])} to {month_text(r[-1])}" if len(r) > 1 else month_text(r[0])
        for r in runs
    )


# ---------------------------------------------------------------------------------------------
# Coverage


def coverage_section(con: duckdb.DuckDBPyConnection) -> Section:
    title = "Coverage: postings per source and month"
    if not has_table(con, "postings"):
        return missing("coverage", title, "`postings` mart")
    rows = con.execute(
        """
        select source, posted_month, count(*), count_if(has_description)
        from main.postings where posted_month is not null
        group by all order by source, posted_month
        """
    ).fetchall()
    undated = dict(
        con.execute(
            "select source, count(*) from main.postings where posted_month is null group by 1"
        ).fetchall()
    )
    section = Section(
        "coverage",
        title,
        paragraphs=[
            "Where the data is thin. Hacker News has one “Who is hiring?” thread a month, and "
            "a year without threads in the warehouse has no Hacker News point. The job boards "
            "(Ashby, Greenhouse) list what is open when they are crawled, so older months hold "
            "only the postings still open then: their history is thin and says nothing about "
            "demand in those years.",
            "Skill shares count only postings with a description (Greenhouse boards listed "
            "without content have titles only).",
        ],
    )
    if not rows:
        section.status = "empty"
        section.paragraphs.append("The `postings` mart has no dated postings.")
        return section
    by_source: dict[str, list[tuple[date, int, int]]] = defaultdict(list)
    for source, month, n, n_desc in rows:
        by_source[source].append((month, n, n_desc))
    order = sorted(by_source, key=lambda s: (s != "hackernews", s))
    section.paragraphs.append(
        "Months with postings: "
        + "; ".join(f"{source_short(s)} {month_runs(m for m, _, _ in by_source[s])}" for s in order)
        + "."
    )
    total = sum(r[2] for r in rows)
    first, last = min(r[1] for r in rows), max(r[1] for r in rows)
    svg = charts.monthly_bars(
        {s: [(m, n) for m, n, _ in by_source[s]] for s in order},
        {s: source_label(s) for s in order},
    )
    section.figures.append(
        Figure(
            Markup(svg),
            f"Postings per source and month. n = {total:,} dated postings; sources: "
            f"{', '.join(source_label(s) for s in order)}; period {period_text(first, last)}. "
            "Each panel has its own scale.",
            id="fig-coverage",
        )
    )
    year_rows = []
    for s in order:
        per_year: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for m, n, n_desc in by_source[s]:
            per_year[m.year][0] += n
            per_year[m.year][1] += n_desc
            per_year[m.year][2] += 1
        for y in sorted(per_year):
            n, n_desc, months = per_year[y]
            year_rows.append([source_short(s), y, months, f"{n:,}", f"{n_desc:,}"])
    section.tables.append(
        Table(
            ["source", "year", "months with postings", "postings", "with description"],
            year_rows,
            caption="Postings per source and year (the months behind each share).",
            numeric={1, 2, 3, 4},
        )
    )
    month_rows = [
        [source_short(s), month_text(m), f"{n:,}", f"{n_desc:,}"]
        for s in order
        for m, n, n_desc in by_source[s]
    ]
    section.tables.append(
        Table(
            ["source", "month", "postings", "with description"],
            month_rows,
            caption="Every source and month.",
            numeric={2, 3},
            collapsed=True,
        )
    )
    if undated:
        section.paragraphs.append(
            "Postings without a publication date (not in any monthly figure): "
            + ", ".join(f"{source_label(s)} {n:,}" for s, n in sorted(undated.items()))
            + "."
        )
    return section


# ---------------------------------------------------------------------------------------------
# Skills


def skill_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    for schema in ("main_lookups", "main"):
        if has_table(con, "skills", schema):
            return dict(
                con.execute(f"select skill_id, display_name from {schema}.skills").fetchall()
            )
    return {}


def yearly_skill_shares(
    con: duckdb.DuckDBPyConnection, skills: Sequence[str], source: str, role_family: str = "all"
) -> tuple[dict[int, int], dict[str, list[charts.YearPoint]]]:
    """Aggregate the monthly mart to years: sum numerators and denominators, recompute Wilson.

    The denominator of a month is the same for every skill, so it is taken once per month; a
    skill the source never names has no rows and counts zero.
    """
    denominators = dict(
        con.execute(
            """
            select year(posted_month) as y, sum(n) from (
                select posted_month, max(n_postings) as n from main.skill_demand_monthly
                where source = ? and role_family = ? group by posted_month
            ) group by y order by y
            """,
            [source, role_family],
        ).fetchall()
    )
    numerators: dict[tuple[str, int], int] = {
        (s, y): int(k)
        for s, y, k in con.execute(
            """
            select skill_id, year(posted_month), sum(n_postings_naming)
            from main.skill_demand_monthly
            where source = ? and role_family = ? and list_contains(?, skill_id)
            group by all
            """,
            [source, role_family, list(skills)],
        ).fetchall()
    }
    series = {}
    for skill in skills:
        points = []
        for y, n in denominators.items():
            n = int(n)
            k = numerators.get((skill, y), 0)
            low, high = wilson(k, n)
            if n:
                points.append(charts.YearPoint(y, k / n, low, high, k, n))
        series[skill] = points
    return {y: int(n) for y, n in denominators.items()}, series


def skills_section(con: duckdb.DuckDBPyConnection) -> Section:
    title = "Skills: the article's list against what replaced it"
    if not has_table(con, "skill_demand_monthly"):
        return missing("skills", title, "`skill_demand_monthly` mart")
    names = skill_names(con)
    skills = [*ARTICLE_SKILLS, *NEWER_SKILLS]
    denominators, series = yearly_skill_shares(con, skills, "hackernews")
    section = Section(
        "skills",
        title,
        paragraphs=[
            "Share of Hacker News “Who is hiring?” posts naming each skill, per year, with 95% "
            "Wilson intervals (monthly counts summed to years, the interval recomputed). The "
            "article (2019) names TensorFlow, Keras, Theano and Caffe as frameworks and Hadoop, "
            "Pig, Hive and Flume for big data; PyTorch, JAX, Hugging Face and LLMs are what "
            "took their place and the article does not name. Each panel has its own scale.",
        ],
    )
    if not denominators:
        section.status = "empty"
        section.paragraphs.append("No Hacker News posts with a description in the mart yet.")
        return section
    years = sorted(denominators)
    n_total = sum(denominators.values())
    svg = charts.skill_small_multiples(series, names, ARTICLE_SKILLS)
    section.figures.append(
        Figure(
            Markup(svg),
            f"Share of posts naming each skill per year, 95% intervals. n = {n_total:,} posts "
            f"with a description; source: {HN_CREDIT}; period: years {years_text(years)} "
            "(grey: no data). Orange: skills the article names; blue: newer ones.",
            id="fig-skills",
        )
    )
    rows = []
    for skill in skills:
        by_year = {p.year: p for p in series[skill]}
        rows.append(
            [
                Markup('<span class="{}">{}</span>').format(
                    "old" if skill in ARTICLE_SKILLS else "new",
                    re.sub(r"^Apache ", "", names.get(skill, skill)),
                )
            ]
            + [
                share_cell(by_year[y].k, y_n, sign=False) if y in by_year else "–"
                for y, y_n in denominators.items()
            ]
        )
    rows.append(["posts (n)"] + [f"{n:,}" for n in denominators.values()])
    section.tables.append(
        Table(
            ["skill", *[str(y) for y in years]],
            rows,
            caption=f"% of Hacker News posts naming each skill (95% interval), per year; "
            f"n = {n_total:,} posts. The article's skills first, then the newer ones.",
            numeric=set(range(1, len(years) + 1)),
        )
    )
    # The same skills among the postings classified ML engineer, where the sample allows.
    ml_denoms, ml_series = yearly_skill_shares(con, skills, "hackernews", "ml_engineer")
    if ml_denoms:
        ml_years = sorted(ml_denoms)
        ml_rows = []
        for skill in skills:
            by_year = {p.year: p for p in ml_series[skill]}
            ml_rows.append(
                [names.get(skill, skill)]
                + [
                    share_cell(by_year[y].k, ml_denoms[y], sign=False) if y in by_year else "–"
                    for y in ml_years
                ]
            )
        ml_rows.append(["ML engineer posts (n)"] + [str(ml_denoms[y]) for y in ml_years])
        section.tables.append(
            Table(
                ["skill", *[str(y) for y in ml_years]],
                ml_rows,
                caption="The same (%) among Hacker News posts advertising an ML engineer role "
                f"(n = {sum(ml_denoms.values()):,}); intervals are wide where n is small.",
                numeric=set(range(1, len(ml_years) + 1)),
                collapsed=True,
            )
        )
    return section


# ---------------------------------------------------------------------------------------------
# Roles


def yearly_role_shares(
    con: duckdb.DuckDBPyConnection, families: Sequence[str]
) -> dict[str, dict[str, list[charts.YearPoint]]]:
    """Per source and family, the yearly share of postings advertising the family."""
    rows = con.execute(
        """
        select source, role_family, year(posted_month) as y,
            sum(n_postings_with_role), sum(n_postings)
        from main.role_demand_monthly
        where list_contains(?, role_family)
        group by all order by source, role_family, y
        """,
        [list(families)],
    ).fetchall()
    out: dict[str, dict[str, list[charts.YearPoint]]] = defaultdict(lambda: defaultdict(list))
    for source, family, y, k, n in rows:
        k, n = int(k), int(n)
        if n:
            low, high = wilson(k, n)
            out[source][family].append(charts.YearPoint(y, k / n, low, high, k, n))
    return out


def role_examples(con: duckdb.DuckDBPyConnection, family: str, limit: int = 12) -> list[list]:
    """The newest titles classified in a family: posting text, escaped by the template."""
    if not has_table(con, "postings"):
        return []
    rows = con.execute(
        """
        select source, posted_month, company, title from main.postings
        where role_family = ? and title is not null
        order by posted_at desc nulls last, posting_id
        limit ?
        """,
        [family, limit],
    ).fetchall()
    return [
        [source_short(s), month_text(m), c or "", (t if len(t) <= 140 else t[:139] + "…")]
        for s, m, c, t in rows
    ]


def roles_section(con: duckdb.DuckDBPyConnection) -> Section:
    title = "Demand: ML engineer against data scientist"
    if not has_table(con, "role_demand_monthly"):
        return missing("roles", title, "`role_demand_monthly` mart")
    families = ("ml_engineer", "data_scientist")
    shares = yearly_role_shares(con, families)
    section = Section(
        "roles",
        title,
        paragraphs=[
            "Share of Hacker News “Who is hiring?” posts that advertise each role, per year, "
            "with 95% Wilson intervals. A post can advertise several roles and counts in "
            "each. Shares never mix sources: the job boards are in the table, each as a share "
            "of its own postings, and depend on which boards are crawled.",
        ],
    )
    hn = shares.get("hackernews", {})
    if not any(hn.values()):
        section.status = "empty"
        section.paragraphs.append("No Hacker News posts in the mart yet.")
    else:
        years = sorted({p.year for pts in hn.values() for p in pts})
        n_total = sum(p.n for p in hn[families[0]]) if hn.get(families[0]) else 0
        svg = charts.share_lines(
            {f: hn.get(f, []) for f in families},
            {f: ROLE_LABELS[f] for f in families},
            "% of posts advertising the role",
        )
        section.figures.append(
            Figure(
                Markup(svg),
                f"Share of posts advertising an ML engineer or a data scientist role per year, "
                f"95% intervals. n = {n_total:,} posts; source: {HN_CREDIT}; period: years "
                f"{years_text(years)} (grey: no data).",
                id="fig-roles",
            )
        )
    rows = []
    for source in sorted(shares, key=lambda s: (s != "hackernews", s)):
        by_family = {f: {p.year: p for p in shares[source].get(f, [])} for f in families}
        for y in sorted({y for d in by_family.values() for y in d}):
            n = next(d[y].n for d in by_family.values() if y in d)
            cells = []
            for f in families:
                p = by_family[f].get(y)
                cells += [f"{p.k:,}" if p else "0", share_cell(p.k, n) if p else "–"]
            ratio = "–"
            ml, ds = by_family["ml_engineer"].get(y), by_family["data_scientist"].get(y)
            if ml and ds and ds.k:
                ratio = f"{ml.k / ds.k:.2f}"
            rows.append([source_short(source), y, f"{n:,}", *cells, ratio])
    section.tables.append(
        Table(
            [
                "source",
                "year",
                "postings",
                "ML engineer",
                "share (95% CI)",
                "data scientist",
                "share (95% CI)",
                "ML eng. / data sci.",
            ],
            rows,
            caption="Postings advertising each role, per source and year.",
            numeric={1, 2, 3, 4, 5, 6, 7},
        )
    )
    examples = role_examples(con, "ml_engineer")
    if examples:
        section.tables.append(
            Table(
                ["source", "month", "company", "title"],
                examples,
                caption="The newest postings classified ML engineer (titles as posted).",
                collapsed=True,
            )
        )
    return section


# ---------------------------------------------------------------------------------------------
# Pay


@dataclass
class PayGroup:
    year: int
    country: str
    nominal: list[float]
    real: list[float]
    sources: str


def pay_groups(con: duckdb.DuckDBPyConnection, table: str, key: str) -> list[PayGroup]:
    """ML engineer pay by year and country: one salary each, at the midpoint of its first
    range in the pay series (the rule of the salary marts)."""
    rows = con.execute(
        f"""
        with ranked as (
            select *, row_number() over (partition by {key} order by range_index) as rank_
            from main.{table}
            where is_in_pay_series and pay_year is not null and role_family = ?
        ),
        one as (
            select pay_year, coalesce(country, '??') as country, source,
                (annual_min_usd + annual_max_usd) / 2 as mid,
                (annual_min_usd_2019 + annual_max_usd_2019) / 2 as mid_2019
            from ranked where rank_ = 1 and annual_min_usd is not null
        )
        select pay_year, country, list(mid order by mid), list(mid_2019 order by mid_2019),
            string_agg(distinct source, ', ' order by source)
        from one group by all order by pay_year, country
        """,
        [PAY_ROLE],
    ).fetchall()
    return [
        PayGroup(
            int(y),
            c,
            [float(v) for v in nom if v is not None],
            [float(v) for v in real if v is not None],
            s,
        )
        for y, c, nom, real, s in rows
    ]


def quantile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated quantile of sorted values (DuckDB's quantile_cont)."""
    if not values:
        return None
    vs = sorted(values)
    pos = (len(vs) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return vs[lo] + (vs[hi] - vs[lo]) * (pos - lo)


def pay_table(groups: Sequence[PayGroup], caption: str) -> Table:
    rows = [
        [
            g.year,
            g.country,
            g.sources,
            len(g.nominal),
            money(quantile(g.nominal, 0.25)),
            money(quantile(g.nominal, 0.5)),
            money(quantile(g.nominal, 0.75)),
            money(quantile(g.real, 0.25)),
            money(quantile(g.real, 0.5)),
            money(quantile(g.real, 0.75)),
        ]
        for g in groups
    ]
    return Table(
        [
            "year",
            "country",
            "sources",
            "n",
            "p25",
            "median",
            "p75",
            "p25 (2019 $)",
            "median (2019 $)",
            "p75 (2019 $)",
        ],
        rows,
        caption=caption,
        numeric={0, 3, 4, 5, 6, 7, 8, 9},
        collapsed=len(rows) > 25,
    )


def pay_figure(groups: Sequence[PayGroup], what: str, source_text: str, fig_id: str) -> Figure:
    """Box plots of the biggest countries, by year, for groups with enough salaries."""
    totals: dict[str, int] = defaultdict(int)
    for g in groups:
        totals[g.country] += len(g.nominal)
    top = [c for c, _ in sorted(totals.items(), key=lambda kv: -kv[1]) if c != "??"]
    top = top[:MAX_PAY_COUNTRIES]
    drawn = [g for g in groups if g.country in top and len(g.nominal) >= MIN_BOX]
    drawn.sort(key=lambda g: (top.index(g.country), g.year))
    n = sum(len(g.nominal) for g in drawn)
    years = [g.year for g in drawn]
    countries = list(dict.fromkeys(g.country for g in drawn))
    svg = charts.pay_boxes([(f"{g.country} {g.year}", g.nominal, g.real) for g in drawn])
    return Figure(
        Markup(svg),
        f"Annual pay of {what} by country and year: box = middle half, line = median, "
        f"whiskers = 5th–95th percentile; nominal USD (ECB rate of the posting date) above, "
        f"2019 dollars (CPI-U) below. n = {n:,} salaries (groups of at least {MIN_BOX}, "
        f"countries {', '.join(countries) or 'none'}); source: {source_text}; period: years "
        f"{years_text(years)}.",
        id=fig_id,
    )


def pay_section(con: duckdb.DuckDBPyConnection) -> Section:
    title = "Pay: ML engineer postings, by year and country"
    if not has_table(con, "int_posting_salaries"):
        return missing("pay", title, "pay marts (`int_posting_salaries`, `salary_yearly`)")
    section = Section(
        "pay",
        title,
        paragraphs=[
            "Employer-stated annual base pay of postings classified ML engineer (the sources "
            "pooled within a year and country; the table names them): one figure per "
            "posting, the midpoint of its first stated range, annualised by the stated rules, "
            "in US dollars at the ECB rate of the posting date and in 2019 dollars (CPI-U). "
            "Board or model estimates never enter; ranges that are on-target earnings, "
            "implausible, or whose currency was inferred are left out (the warehouse keeps "
            "them, with the reason, in `salary_quarantine`). Country “??” is unknown or "
            "remote-anywhere.",
        ],
    )
    groups = pay_groups(con, "int_posting_salaries", "posting_id")
    if not groups:
        section.status = "empty"
        section.paragraphs.append("No ML engineer posting states pay in the pay series yet.")
    else:
        sources = sorted({s for g in groups for s in g.sources.split(", ")})
        source_text = ", ".join(source_label(s) for s in sources) + " (employer-stated)"
        section.figures.append(pay_figure(groups, "ML engineer postings", source_text, "fig-pay"))
        section.tables.append(
            pay_table(
                groups,
                f"Employer-stated ML engineer pay by year and country, every group "
                f"(n = {sum(len(g.nominal) for g in groups):,} postings).",
            )
        )
    if has_table(con, "int_aijobs_salaries"):
        self_reported = pay_groups(con, "int_aijobs_salaries", "salary_id")
        sub = Section(
            "pay-self-reported",
            "Self-reported: aijobs.net salaries",
            paragraphs=[
                "What people report about their own pay on aijobs.net (CC0): self-reported, "
                "full-time, by work year and company country. It is not employer-stated pay and "
                "is never pooled with it.",
            ],
        )
        if self_reported:
            source_text = "aijobs.net salaries (self-reported, CC0)"
            sub.figures.append(
                pay_figure(
                    self_reported,
                    "self-reported ML engineer salaries",
                    source_text,
                    "fig-pay-self-reported",
                )
            )
            sub.tables.append(
                pay_table(
                    self_reported,
                    "Self-reported ML engineer salaries (aijobs.net) by work year and company "
                    f"country (n = {sum(len(g.nominal) for g in self_reported):,}).",
                )
            )
        else:
            sub.status = "empty"
            sub.paragraphs.append("The aijobs.net dataset is not loaded (no rows).")
        section.subsections.append(sub)
    return section


# ---------------------------------------------------------------------------------------------
# Public datasets


def datasets_section(con: duckdb.DuckDBPyConnection) -> Section:
    title = "Public datasets"
    section = Section(
        "datasets",
        title,
        paragraphs=[
            "Data others publish, loaded whole as snapshots and shown beside our own, never "
            "pooled with it.",
        ],
    )
    if has_table(con, "ai_share_monthly") or has_table(con, "stg_indeed__ai_share"):
        query = (
            """
            select country, posting_month, ai_share_pct_mean, n_days
            from main.ai_share_monthly where ai_share_pct_mean is not null
            order by country, posting_month
            """
            if has_table(con, "ai_share_monthly")
            else """
            select country, cast(date_trunc('month', posting_date) as date) as m,
                avg(ai_share_pct), count(*)
            from main.stg_indeed__ai_share where ai_share_pct is not null
            group by all order by country, m
            """
        )
        rows = con.execute(query).fetchall()
        if rows:
            series: dict[str, list[tuple[date, float]]] = defaultdict(list)
            for country, m, v, _ in rows:
                series[country].append((m, float(v)))
            days = sum(r[3] for r in rows)
            first, last = min(r[1] for r in rows), max(r[1] for r in rows)
            section.figures.append(
                Figure(
                    Markup(charts.monthly_lines(series, "% of postings mentioning AI")),
                    "Share of job postings mentioning AI, monthly mean of daily values, by "
                    f"country. n = {days:,} country-days; source: Indeed Hiring Lab AI "
                    f"tracker ({INDEED_CREDIT}); period {period_text(first, last)}.",
                    id="fig-indeed-ai-share",
                )
            )
        else:
            section.paragraphs.append(
                f"Indeed Hiring Lab AI share ({INDEED_CREDIT}): not loaded (no rows)."
            )
    else:
        section.paragraphs.append("Indeed Hiring Lab AI share: not built yet.")
    if has_table(con, "stg_hn_structured__jobs"):
        n, first, last = con.execute(
            "select count(*), min(thread_date), max(thread_date) from main.stg_hn_structured__jobs"
        ).fetchone()
        section.paragraphs.append(
            "LLM-derived Hacker News dataset (derived: fields written by a language model, "
            f"not by the posters; MIT): {n:,} posts"
            + (f", {period_text(first.date(), last.date())}." if n else " (not loaded).")
            + " It is used only as a cross-check, never as a source of counts here."
        )
    if has_table(con, "stg_aijobs__salaries"):
        n = con.execute("select count(*) from main.stg_aijobs__salaries").fetchone()[0]
        section.paragraphs.append(
            f"aijobs.net salaries (self-reported, CC0): {n:,} rows"
            + ("; see Pay." if n else " (not loaded).")
        )
    return section


# ---------------------------------------------------------------------------------------------
# Claims

# The claims mart's columns under the names this report shows; the first present name wins.
CLAIM_COLUMNS = {
    "id": ("claim_id", "id"),
    "quote": ("article_says", "article_text", "quoted_text", "quote", "claim_text", "claim"),
    "analogue": ("analogue_measures", "our_metric", "analogue"),
    "observed": ("headline_text", "observed_text", "observed", "observed_value", "value"),
    "period": ("period", "observed_period", "period_text"),
    "n": ("sample_size", "n", "n_postings", "n_sample"),
    "low": ("interval_low", "ci_low", "observed_low", "low", "share_low"),
    "high": ("interval_high", "ci_high", "observed_high", "high", "share_high"),
    "interval": ("interval", "interval_text", "ci_text", "confidence_interval"),
    "verdict": ("verdict",),
    "reason": ("reason", "verdict_reason"),
    "evidence": ("evidence", "evidence_json", "evidence_text"),
}


def _resolve(available: Sequence[str]) -> dict[str, str | None]:
    have = {c.lower(): c for c in available}
    return {
        key: next((have[c] for c in names if c in have), None)
        for key, names in CLAIM_COLUMNS.items()
    }


def _pick(row: dict, key: str) -> Any:
    """The first non-empty value among the columns that can hold ``key`` (by CLAIM_COLUMNS)."""
    for name in CLAIM_COLUMNS[key]:
        value = row.get(name)
        if value is not None and value != "":
            return value
    return None


def _shorten(text: str, limit: int = 220) -> str:
    """Cut text at a word boundary; the evidence section keeps it whole."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " … (see evidence)"


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _interval(row: dict, cols: dict[str, str | None]) -> str:
    if cols["interval"] and row.get(cols["interval"]) is not None:
        return _fmt(row[cols["interval"]])
    low = row.get(cols["low"]) if cols["low"] else None
    high = row.get(cols["high"]) if cols["high"] else None
    if low is None or high is None:
        return "–"
    rule = str(row.get("rule") or "")
    if "ratio" in rule or rule == "not_testable":
        return f"{low:.2f}–{high:.2f}"  # a ratio of two shares (x times)
    if "figure" in rule or min(low, high) >= 1000:
        return f"{money(low)}–{money(high)}"
    if 0 <= low <= high <= 1:
        digits = 2 if high < 0.01 else 1
        return f"{100 * low:.{digits}f}–{100 * high:.{digits}f}%"
    return f"{_fmt(low)}–{_fmt(high)}"


def _evidence_block(value: Any) -> list[Any]:
    """Evidence as tables when it is JSON rows, else as text (escaped by the template)."""
    if value is None:
        return []
    data = value
    if isinstance(value, str):
        try:
            data = json.loads(value)
        except ValueError:
            return [str(value)]
    if isinstance(data, dict):
        data = [data] if not all(isinstance(v, list | dict) for v in data.values()) else data
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        headers = list(dict.fromkeys(k for r in data for k in r))
        return [Table(headers, [[_fmt(r.get(h)) for h in headers] for r in data])]
    if isinstance(data, dict):
        items = [[k, json.dumps(v, default=str)] for k, v in data.items()]
        return [Table(["item", "value"], items)]
    return [str(value)]


def claim_rows(con: duckdb.DuckDBPyConnection) -> tuple[str, list[dict], list[str]]:
    """Return where the claims came from (``mart``, ``seed`` or ``none``), rows and columns."""
    if has_table(con, "claims"):
        cur = con.execute(f"select * from main.claims {claim_order(con, 'claims')}")
        cols = [d[0] for d in cur.description]
        return "mart", [dict(zip(cols, r, strict=True)) for r in cur.fetchall()], cols
    if has_table(con, "article_claims", "main_lookups"):
        order = claim_order(con, "article_claims", "main_lookups")
        cur = con.execute(f"select * from main_lookups.article_claims {order}")
        cols = [d[0] for d in cur.description]
        return "seed", [dict(zip(cols, r, strict=True)) for r in cur.fetchall()], cols
    if CLAIMS_SEED.exists():
        with CLAIMS_SEED.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return "seed", rows, list(rows[0]) if rows else []
    return "none", [], []


def claim_order(con: duckdb.DuckDBPyConnection, table: str, schema: str = "main") -> str:
    """Claims in the seed's display order when it has one, else by id."""
    cols = columns_of(con, table, schema)
    order = [c for c in ("display_order", "claim_id") if c in cols]
    return f"order by {', '.join(order)}" if order else ""


def claim_checks(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Every check of every claim, by claim id: one row per check, from the tables that hold
    them (``claim_checks`` if it is built, else each ``claim_*`` table with a ``check_id``)."""
    tables = [
        name
        for (name,) in con.execute(
            """
            select table_name from information_schema.columns
            where table_schema = 'main' and column_name in ('claim_id', 'check_id')
            group by table_name having count(distinct column_name) = 2
            order by table_name
            """
        ).fetchall()
        if name != "claims"
    ]
    if "claim_checks" in tables:
        tables = ["claim_checks"]
    checks: dict[str, list[dict]] = defaultdict(list)
    for table in tables:
        cols = columns_of(con, table)
        order = [c for c in ("check_order", "check_id") if c in cols]
        cur = con.execute(f'select * from main."{table}" order by {", ".join(order)}')
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            record = dict(zip(names, row, strict=True))
            checks[str(record["claim_id"])].append(record)
    return checks


CHECK_COLUMNS = {
    "check_label": "check",
    "observed_text": "we observe",
    "sample_size": "n",
    "sample_unit": "of",
    "counts_toward_verdict": "counts",
    "evidence": "from",
}


def checks_table(rows: Sequence[dict]) -> Table:
    """The checks of one claim: the columns a reader needs, or every column if none match."""
    headers = [c for c in CHECK_COLUMNS if c in rows[0]]
    if "observed_text" not in headers:
        headers = [k for k in rows[0] if k != "claim_id"]
    return Table(
        [CHECK_COLUMNS.get(h, h) for h in headers],
        [[_fmt(r.get(h)) for h in headers] for r in rows],
        caption=f"The checks behind the verdict ({len(rows)}); every column is in `claim_checks`.",
        numeric={i for i, h in enumerate(headers) if h == "sample_size"},
    )


def related_section(claim_id: str) -> str | None:
    for prefix, section_id in CLAIM_SECTIONS:
        if str(claim_id).startswith(prefix):
            return section_id
    return None


def claims_sections(
    con: duckdb.DuckDBPyConnection, titles: dict[str, str]
) -> tuple[Section, Section]:
    """The claims table, and the evidence section each of its rows links to."""
    kind, rows, available = claim_rows(con)
    table_section = Section("claims", "The 2019 article's claims, checked")
    evidence = Section(
        "evidence",
        "Evidence, claim by claim",
        paragraphs=["Every column the warehouse keeps for each claim, and where its chart is."],
    )
    if kind == "none":
        text = "Not built yet: the warehouse has no `claims` mart (and no claims seed)."
        table_section.paragraphs.append(text)
        table_section.status = evidence.status = "missing"
        evidence.paragraphs = [text]
        return table_section, evidence
    cols = _resolve(available)
    checks = claim_checks(con) if kind == "mart" else {}
    table_section.paragraphs.append(
        "Each claim of the article (upGrad blog, December 2019) against the closest honest "
        "analogue in this warehouse, with its sample size, its period and a verdict: "
        "supported, contradicted, mixed or insufficient data. Where our analogue measures "
        "something else than the article's source (profiles against postings), the reason "
        "says so. Click a claim for its evidence."
    )
    if kind == "seed":
        table_section.status = "missing"
        table_section.paragraphs.append(
            "Not built yet: the `claims` mart is missing, so no claim has an observed value or a "
            "verdict; the list below is the claims seed."
        )
    table_rows, ids = [], []
    for row in rows:
        cid = str(row.get(cols["id"]) if cols["id"] else "") or f"claim-{len(ids) + 1}"
        ids.append(claim_anchor(cid))
        verdict = str(row.get(cols["verdict"]) or "") if cols["verdict"] else ""
        verdict = verdict or ("not computed" if kind == "seed" else "–")
        quote = Markup("{}").format(_fmt(_pick(row, "quote")))
        if _pick(row, "analogue"):
            quote += Markup('<br><span class="muted">We measure instead: {}</span>').format(
                _pick(row, "analogue")
            )
        observed = Markup("{}").format(_shorten(_fmt(_pick(row, "observed"))))
        if _pick(row, "period"):
            observed += Markup('<br><span class="muted">{}</span>').format(_pick(row, "period"))
        table_rows.append(
            [
                Markup('<a href="#{}">{}</a>').format(claim_anchor(cid), cid),
                Markup('<span class="verdict v-{}">{}</span>').format(anchor(verdict), verdict),
                quote,
                observed,
                _fmt(_pick(row, "n")),
                _interval(row, cols),
                _shorten(_fmt(_pick(row, "reason"))),
            ]
        )
        sub = Section(claim_anchor(cid), cid)
        if cols["quote"] and row.get(cols["quote"]):
            sub.paragraphs.append(Markup("<q>{}</q>").format(row[cols["quote"]]))
        shown = {cols["id"], cols["evidence"]}
        details = [[k, _fmt(v)] for k, v in row.items() if k not in shown]
        sub.tables.append(Table(["field", "value"], details))
        if cols["evidence"]:
            for block in _evidence_block(row.get(cols["evidence"])):
                if isinstance(block, Table):
                    block.caption = "Evidence"
                    sub.tables.append(block)
                else:
                    sub.paragraphs.append(f"Evidence: {block}")
        if checks.get(cid):
            sub.tables.append(checks_table(checks[cid]))
        target = related_section(cid)
        if target and target in titles:
            sub.paragraphs.append(
                Markup('See the chart: <a href="#{}">{}</a>.').format(target, titles[target])
            )
        evidence.subsections.append(sub)
    table_section.tables.append(
        Table(
            [
                "claim",
                "verdict",
                "the article says",
                "we observe",
                "n",
                "95% interval",
                "reason",
            ],
            table_rows,
            caption=f"{len(table_rows)} claims"
            + (" (from the claims seed; not evaluated yet)." if kind == "seed" else "."),
            numeric={4},
            row_ids=[f"row-{i}" for i in ids],
            css_class="claims",
        )
    )
    return table_section, evidence


# ---------------------------------------------------------------------------------------------
# The report


def build_sections(con: duckdb.DuckDBPyConnection) -> list[Section]:
    body = [
        skills_section(con),
        roles_section(con),
        pay_section(con),
        datasets_section(con),
        coverage_section(con),
    ]
    titles = {s.id: s.title for s in body}
    claims, evidence = claims_sections(con, titles)
    return [claims, *body, evidence]


def render_html(warehouse_path: Path, generated_at: datetime | None = None) -> str:
    """Return the whole report as one HTML document."""
    generated_at = generated_at or datetime.now(UTC)
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        sections = build_sections(con)
        totals = (
            con.execute(
                "select source, count(*) from main.postings group by 1 order by 1"
            ).fetchall()
            if has_table(con, "postings")
            else []
        )
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
        totals=[(source_label(s), f"{n:,}") for s, n in totals],
        indeed_credit=INDEED_CREDIT,
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


def report_markdown(warehouse_path: Path | str) -> str:
    """Return a short Markdown summary of the report, for the Prefect artifact."""
    lines = ["# jobtrends report", ""]
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        if has_table(con, "postings"):
            lines += ["| source | postings | first month | last month |", "|---|---:|---|---|"]
            for s, n, first, last in con.execute(
                "select source, count(*), min(posted_month), max(posted_month) "
                "from main.postings group by 1 order by 1"
            ).fetchall():
                lines.append(f"| {s} | {n:,} | {month_text(first)} | {month_text(last)} |")
            lines.append("")
        else:
            lines += ["The `postings` mart is not built yet.", ""]
        kind, rows, _ = claim_rows(con)
        if kind == "mart":
            lines += ["| claim | verdict | observed | n |", "|---|---|---|---:|"]
            for row in rows:
                cells = [_fmt(_pick(row, k)) for k in ("id", "verdict", "observed", "n")]
                cells[2] = _shorten(cells[2], 160).replace(" (see evidence)", "")
                lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
            lines.append("")
        else:
            lines += ["Claims: not built yet (no `claims` mart).", ""]
        if has_table(con, "role_demand_monthly"):
            hn = yearly_role_shares(con, ("ml_engineer", "data_scientist")).get("hackernews", {})
            for family in ("ml_engineer", "data_scientist"):
                pts = hn.get(family, [])
                if pts:
                    text = ", ".join(
                        f"{p.year} {pct(p.share)} (n={p.n:,})" for p in (pts[0], pts[-1])
                    )
                    lines.append(f"- {ROLE_LABELS[family]} share of HN posts: {text}")
    lines += ["", "The full report (charts, intervals, evidence): `data/reports/latest.html`."]
    return "\n".join(lines)


def inline(text: Any) -> Markup:
    """Escape text and set `backquoted` words as code; Markup passes through unchanged."""
    if isinstance(text, Markup):
        return text
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def _md(text: str) -> str:
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")
