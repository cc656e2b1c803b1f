"""The sections of the report, each the rows of one mart (``queries``) set as text, tables and
charts. Nothing here computes a statistic: shares, intervals and quantiles come with the rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import duckdb
from markupsafe import Markup

from pipeline.report import charts, queries
from pipeline.report.claims import claims_sections
from pipeline.report.history import history_section
from pipeline.report.page import (
    Figure,
    Section,
    Table,
    listed_name,
    money,
    month_runs,
    month_text,
    naming_cell,
    period_text,
    share_cell,
    years_text,
)

ARTICLE_SKILLS = ("tensorflow", "keras", "theano", "caffe", "hadoop", "pig", "hive", "flume")
NEWER_SKILLS = ("pytorch", "jax", "hugging-face", "llm")
PAY_ROLE = "ml_engineer"
MIN_BOX = 5  # fewer salaries than this in a year and country: in the table, not drawn as a box
MAX_PAY_COUNTRIES = 4
HN = "hackernews"
BOARDS = ("ashby", "greenhouse", "lever", "recruitee", "smartrecruiters", "jobposting")
MIN_SKILL_JOBS = 30  # a board's year with fewer jobs with a description is not charted


class Labels:
    """How sources and role families are named (seeds ``source_credits``, ``role_families``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.sources = queries.source_credits(con)
        self.roles = queries.role_names(con)

    def label(self, source: str) -> str:
        return self.sources[source]["label"] if source in self.sources else source

    def short(self, source: str) -> str:
        return self.sources[source]["short_label"] if source in self.sources else source

    def credit(self, source: str) -> str:
        return self.sources[source]["credit"] if source in self.sources else source


def skill_series(
    found: list[queries.Row], skills: Sequence[str]
) -> dict[str, list[charts.YearPoint]]:
    """The yearly points of each skill, from rows of ``skill_demand_yearly``."""
    return {
        s: year_points([r for r in found if r["skill_id"] == s], "n_jobs_naming") for s in skills
    }


def year_points(found: list[queries.Row], k: str) -> list[charts.YearPoint]:
    """The rows of a yearly share mart as chart points."""
    return [
        charts.YearPoint(r["posted_year"], r["share"], r["share_low"], r["share_high"], r[k], n)
        for r in found
        if (n := r["n_jobs"])
    ]


# ---------------------------------------------------------------------------------------------
# Coverage


def coverage_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    found = queries.coverage_monthly(con)
    section = Section(
        "coverage",
        "Coverage: postings per source and month",
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
    dated = [r for r in found if r["posted_month"] is not None]
    if not dated:
        section.status = "empty"
        section.paragraphs.append("The `postings` mart has no dated postings.")
        return section
    by_source: dict[str, list[queries.Row]] = defaultdict(list)
    for r in dated:
        by_source[r["source"]].append(r)
    order = list(by_source)
    section.paragraphs.append(
        "Months with postings: "
        + "; ".join(
            f"{labels.short(s)} {month_runs(r['posted_month'] for r in by_source[s])}"
            for s in order
        )
        + "."
    )
    total = sum(r["n_postings"] for r in dated)
    last = max(r["posted_month"] for r in dated)
    svg = charts.monthly_bars(
        {s: [(r["posted_month"], r["n_postings"]) for r in by_source[s]] for s in order},
        {s: labels.label(s) for s in order},
    )
    section.figures.append(
        Figure(
            Markup(svg),
            f"Postings per source and month. n = {total:,} dated postings; sources: "
            f"{', '.join(labels.label(s) for s in order)}; period "
            f"{period_text(min(r['posted_month'] for r in dated), last)}. "
            "Each panel has its own scale.",
            id="fig-coverage",
        )
    )
    partial = [r for r in dated if r["looks_partial"]]
    if partial:
        section.tables.append(
            Table(
                ["source", "month", "postings", "why it looks partial"],
                [
                    [
                        labels.short(r["source"]),
                        month_text(r["posted_month"]),
                        f"{r['n_postings']:,}",
                        r["partial_reason"],
                    ]
                    for r in partial
                ],
                caption=(
                    f"{len(partial)} months look partially captured, by what the source shows "
                    "(a thread much smaller than the months around it, or one whose posts stop "
                    "before day 20). Shares stay within a month, so these are smaller samples; "
                    "the claims that read them say so."
                ),
                numeric={2},
            )
        )
    section.tables.append(
        Table(
            ["source", "year", "months with postings", "postings", "with description"],
            [
                [
                    labels.short(r["source"]),
                    r["posted_year"],
                    r["n_months"],
                    f"{r['n_postings']:,}",
                    f"{r['n_with_description']:,}",
                ]
                for r in queries.coverage_yearly(con)
            ],
            caption="Postings per source and year (the months behind each share).",
            numeric={1, 2, 3, 4},
        )
    )
    month_rows = [
        [
            labels.short(s),
            month_text(r["posted_month"]),
            f"{r['n_postings']:,}",
            f"{r['n_jobs']:,}",
            f"{r['n_with_description']:,}",
            "looks partial" if r["looks_partial"] else "",
        ]
        for s in order
        for r in by_source[s]
    ]
    section.tables.append(
        Table(
            ["source", "month", "postings", "jobs", "with description", "capture"],
            month_rows,
            caption="Every source and month (a job's copies once in its month).",
            numeric={2, 3, 4},
            collapsed=True,
        )
    )
    undated = [r for r in found if r["posted_month"] is None]
    if undated:
        section.paragraphs.append(
            "Postings without a publication date (not in any monthly figure): "
            + ", ".join(f"{labels.label(r['source'])} {r['n_postings']:,}" for r in undated)
            + "."
        )
    return section


# ---------------------------------------------------------------------------------------------
# Skills


def skills_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    skills = [*ARTICLE_SKILLS, *NEWER_SKILLS]
    denominators = queries.skill_denominators_yearly(con, HN, "all")
    found = queries.skill_shares_yearly(con, HN, "all", skills)
    section = Section(
        "skills",
        "Skills: the article's list against what replaced it",
        paragraphs=[
            "Share of Hacker News “Who is hiring?” jobs naming each skill, per year, with 95% "
            "Wilson intervals; a job reposted in several months of a year counts once. The "
            "article (2019) names TensorFlow, Keras, Theano and Caffe as "
            "frameworks and Hadoop, Pig, Hive and Flume for big data; PyTorch, JAX, Hugging "
            "Face and LLMs are what took their place and the article does not name. Each panel "
            "has its own scale.",
        ],
    )
    if not denominators:
        section.status = "empty"
        section.paragraphs.append("No Hacker News posts with a description in the mart yet.")
        return section
    names = {r["skill_id"]: r["skill_name"] for r in found}
    series = skill_series(found, skills)
    n_total = sum(denominators.values())
    section.figures.append(
        Figure(
            Markup(charts.skill_small_multiples(series, names, ARTICLE_SKILLS)),
            f"Share of jobs naming each skill per year, 95% intervals. n = {n_total:,} jobs "
            f"with a description; source: {labels.credit(HN)}; period: years "
            f"{years_text(denominators)} (grey: no data). Orange: skills the article names; "
            "blue: newer ones.",
            id="fig-skills",
        )
    )
    section.tables.append(skill_table(skills, found, denominators, names, "jobs (n)"))
    section.tables[-1].caption = (
        f"% of Hacker News jobs naming each skill (95% interval), per year; n = {n_total:,} "
        "jobs. The article's skills first, then the newer ones."
    )
    ml_denoms = queries.skill_denominators_yearly(con, HN, "ml_engineer")
    if ml_denoms:
        ml_found = queries.skill_shares_yearly(con, HN, "ml_engineer", skills)
        ml_series = skill_series(ml_found, skills)
        section.figures.append(
            Figure(
                Markup(charts.skill_small_multiples(ml_series, names, ARTICLE_SKILLS)),
                "The same among Hacker News jobs advertising an ML engineer role, per year, 95% "
                f"intervals. n = {sum(ml_denoms.values()):,} ML engineer jobs with a "
                f"description; source: {labels.credit(HN)}; period: years "
                f"{years_text(ml_denoms)} (grey: no data).",
                id="fig-skills-ml",
            )
        )
        table = skill_table(skills, ml_found, ml_denoms, names, "ML engineer jobs (n)")
        table.caption = (
            "The same (%) among Hacker News jobs advertising an ML engineer role "
            f"(n = {sum(ml_denoms.values()):,}); intervals are wide where n is small."
        )
        table.collapsed = True
        section.tables.append(table)
    board_figure = skills_on_boards(con, labels, skills, names)
    if board_figure is not None:
        section.figures.append(board_figure)
    return section


def skills_on_boards(
    con: duckdb.DuckDBPyConnection, labels: Labels, skills: list[str], names: dict[str, str]
) -> Figure | None:
    """Skills per year on each job board, for the years a board has enough jobs to show."""
    groups: dict[str, dict[str, list[charts.YearPoint]]] = {}
    n_jobs = 0
    years: set[int] = set()
    for source in BOARDS:
        denominators = {
            y: n
            for y, n in queries.skill_denominators_yearly(con, source, "all").items()
            if n >= MIN_SKILL_JOBS
        }
        if not denominators:
            continue
        found = [
            r
            for r in queries.skill_shares_yearly(con, source, "all", skills)
            if r["posted_year"] in denominators
        ]
        names = {**names, **{r["skill_id"]: r["skill_name"] for r in found}}
        groups[labels.short(source)] = skill_series(found, skills)
        n_jobs += sum(denominators.values())
        years |= set(denominators)
    if not groups:
        return None
    return Figure(
        Markup(charts.skill_small_multiples_by_group(groups, names, ARTICLE_SKILLS)),
        "Share of job-board jobs naming each skill, by year posted and board, 95% intervals "
        f"(years with at least {MIN_SKILL_JOBS} jobs with a description). n = {n_jobs:,} jobs; "
        f"sources: {', '.join(labels.label(s) for s in BOARDS if labels.short(s) in groups)}; "
        f"period: years {years_text(years)}. The boards are AI-heavy employers: compare years "
        "within a board, not boards with Hacker News.",
        id="fig-skills-boards",
    )


EMERGING_CURVES = 6  # proposals drawn as curves; the table lists them all


def emerging_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    """What is rising that the taxonomy does not name: the latest year's top proposals."""
    section = Section(
        "emerging",
        "What is rising that the taxonomy does not name",
        paragraphs=[
            "Words and names of posting texts that no skill of the taxonomy covers, proposed "
            "as new skills when enough companies name them and their share of jobs is new or "
            "at least twice that of the years before (emerging_skills; docs/SKILLS.md has the "
            "rule and its backtest). A proposal is a lead for a reviewer, who adds it to the "
            "taxonomy seed, not a finding.",
        ],
    )
    found = queries.emerging_proposals(con)
    if not found:
        section.status = "empty"
        section.paragraphs.append("No proposals in the mart yet.")
        return section
    rows = []
    for r in found:
        growth = "new" if r["baseline_share"] in (None, 0) else f"×{r['growth']:.1f}"
        rows.append(
            [
                labels.short(r["source"]),
                str(r["year"]),
                r["term"],
                share_cell(r["n_jobs_naming"], r["n_jobs"], r["share_low"], r["share_high"]),
                growth,
                f"{r['n_companies']:,}",
                r["first_seen_month"].strftime("%Y-%m") if r["first_seen_month"] else "–",
            ]
        )
    section.tables.append(
        Table(
            [
                "source",
                "year",
                "term",
                "% of jobs (95% interval)",
                "growth",
                "companies",
                "first seen",
            ],
            rows,
            caption="Top proposals of each source's latest year: share of jobs naming the "
            "term, growth against the two years before (new: not named then), distinct "
            "companies naming it, and the month the source first named it.",
            numeric={3, 4, 5},
        )
    )
    hn = [r["term"] for r in found if r["source"] == HN][:EMERGING_CURVES]
    if hn:
        curves = queries.emerging_curves(con, HN, hn)
        series = {
            t: year_points([r for r in curves if r["term"] == t], "n_jobs_naming") for t in hn
        }
        years = sorted({p.year for pts in series.values() for p in pts})
        section.figures.append(
            Figure(
                Markup(charts.share_lines(series, {t: t for t in hn}, "share of jobs")),
                f"Share of Hacker News jobs naming each of the top {len(hn)} proposals, per "
                "year, 95% intervals (years it was named by at least two jobs); source: "
                f"{labels.credit(HN)}; period: years {years[0]}–{years[-1]} (grey: no data).",
                id="fig-emerging",
            )
        )
    return section


def skill_table(
    skills: list[str],
    found: list[queries.Row],
    denominators: dict[int, int],
    names: dict[str, str],
    n_label: str,
) -> Table:
    """Skills by year: the share (95% interval) in each cell, the denominators last."""
    cells = {(r["skill_id"], r["posted_year"]): r for r in found}
    years = sorted(denominators)
    rows = []
    for skill in skills:
        row: list = [
            listed_name(names.get(skill, skill).removeprefix("Apache "), skill in ARTICLE_SKILLS)
        ]
        row += [naming_cell(cells.get((skill, y))) for y in years]
        rows.append(row)
    rows.append([n_label] + [f"{denominators[y]:,}" for y in years])
    return Table(["skill", *map(str, years)], rows, numeric=set(range(1, len(years) + 1)))


# ---------------------------------------------------------------------------------------------
# Responsibilities and applications

DUTY_POPULATIONS = ("ml_engineer", "engineering")
DUTY_KIND_TITLES = {
    "responsibility": "Responsibilities",
    "application": "Application domains",
}


def duties_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    """What ML engineer postings say the job does and works on, against all engineering jobs."""
    section = Section(
        "duties",
        "Responsibilities and application domains",
        paragraphs=[
            "The share of ML engineer jobs with a description naming each of the article's "
            "responsibilities and application domains, and the same share among all "
            "engineering jobs for contrast; in grey, duties postings ask that the article's list "
            "lacks. Read by phrase matching (docs/DUTIES.md): on held-out labelled postings it "
            "finds about a quarter of the responsibilities Hacker News posts of 2012-18 describe "
            "and about three in four of a job board's, so the Hacker News columns are read "
            "low; compare columns of one source, not across sources.",
        ],
    )
    found = queries.duty_shares(con, DUTY_POPULATIONS)
    if not found:
        section.status = "empty"
        section.paragraphs.append("No postings with a description in the claim windows yet.")
        return section
    windows = sorted({(r["first_year"], r["source"], r["window_id"], r["period"]) for r in found})
    cells = {(r["window_id"], r["population"], r["duty_id"]): r for r in found}
    jobs = {(r["window_id"], r["population"]): r["n_jobs"] for r in found}
    for kind, title in DUTY_KIND_TITLES.items():
        duties = [r for r in found if r["duty_kind"] == kind]
        order = sorted(
            {(r["display_order"], r["duty_id"], r["duty_name"], r["in_article"]) for r in duties}
        )
        rows: list[list] = []
        for _, duty_id, name, in_article in order:
            row: list = [listed_name(name, in_article)]
            row += [
                naming_cell(cells.get((window_id, population, duty_id)))
                for _, _, window_id, _ in windows
                for population in DUTY_POPULATIONS
            ]
            rows.append(row)
        rows.append(
            ["jobs with a description"]
            + [
                f"{jobs[(window_id, population)]:,}" if (window_id, population) in jobs else "–"
                for _, _, window_id, _ in windows
                for population in DUTY_POPULATIONS
            ]
        )
        headers = [title.lower()] + [
            f"{period}: {'ML engineer' if population == 'ml_engineer' else 'all engineering'}"
            for *_, period in windows
            for population in DUTY_POPULATIONS
        ]
        section.tables.append(
            Table(
                headers,
                rows,
                caption=f"{title}: % of jobs with a description naming each (95% interval), "
                "by source and period; ML engineer jobs against all engineering jobs.",
                numeric=set(range(1, len(headers))),
            )
        )
    return section


# ---------------------------------------------------------------------------------------------
# Roles


def roles_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    families = ("ml_engineer", "data_scientist")
    found = queries.role_shares_yearly(con, families)
    section = Section(
        "roles",
        "Demand: ML engineer against data scientist",
        paragraphs=[
            "Share of Hacker News “Who is hiring?” jobs that advertise each role, per year, "
            "with 95% Wilson intervals. A job is a post and its reposts and copies (counted "
            "once a year); a post can advertise several roles and counts in each. Shares "
            "never mix sources: the job boards are in the table, each as a share of its own "
            "jobs, and depend on which boards are crawled.",
        ],
    )
    hn = {
        f: year_points(
            [r for r in found if r["source"] == HN and r["role_family"] == f],
            "n_jobs_with_role",
        )
        for f in families
    }
    if not any(hn.values()):
        section.status = "empty"
        section.paragraphs.append("No Hacker News posts in the mart yet.")
    else:
        years = sorted({p.year for pts in hn.values() for p in pts})
        n_total = sum(p.n for p in hn[families[0]])
        section.figures.append(
            Figure(
                Markup(
                    charts.share_lines(
                        hn,
                        {f: labels.roles[f] for f in families},
                        "% of jobs advertising the role",
                    )
                ),
                "Share of jobs advertising an ML engineer or a data scientist role per year, "
                f"95% intervals. n = {n_total:,} jobs; source: {labels.credit(HN)}; period: "
                f"years {years_text(years)} (grey: no data).",
                id="fig-roles",
            )
        )
    by_cell = {(r["source"], r["posted_year"], r["role_family"]): r for r in found}
    rows = []
    for source, year in dict.fromkeys((r["source"], r["posted_year"]) for r in found):
        cells = [by_cell.get((source, year, f)) for f in families]
        n = next(c["n_jobs"] for c in cells if c)
        row = [labels.short(source), year, f"{n:,}"]
        for c in cells:
            row += [
                f"{c['n_jobs_with_role']:,}",
                share_cell(c["n_jobs_with_role"], n, c["share_low"], c["share_high"]),
            ]
        ml, ds = cells
        row.append(
            f"{ml['n_jobs_with_role'] / ds['n_jobs_with_role']:.2f}"
            if ml and ds and ds["n_jobs_with_role"]
            else "–"
        )
        rows.append(row)
    section.tables.append(
        Table(
            [
                "source",
                "year",
                "jobs",
                "ML engineer",
                "share (95% CI)",
                "data scientist",
                "share (95% CI)",
                "ML eng. / data sci.",
            ],
            rows,
            caption="Jobs advertising each role, per source and year (a job's copies and "
            "reposts once a year).",
            numeric={1, 2, 3, 4, 5, 6, 7},
        )
    )
    examples = queries.newest_postings(con, "ml_engineer", 12)
    if examples:
        section.tables.append(
            Table(
                ["source", "month", "company", "title", "why ML engineer"],
                [
                    [
                        labels.short(r["source"]),
                        month_text(r["posted_month"]),
                        r["company"] or "",
                        r["title"] if len(r["title"]) <= 140 else r["title"][:139] + "…",
                        r["evidence"] or "",
                    ]
                    for r in examples
                ],
                caption="The newest postings advertising an ML engineer role, with the phrase "
                "that offers it (`posting_roles.evidence_phrase`).",
                collapsed=True,
            )
        )
    return section


# ---------------------------------------------------------------------------------------------
# Pay


def pay_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    found = queries.pay_yearly(con, PAY_ROLE)
    section = Section(
        "pay",
        "Pay: ML engineer postings, by source, year and country",
        paragraphs=[
            "Annual base pay of postings classified ML engineer, one figure per posting (the "
            "midpoint of its first stated range), annualised by the stated rules, in US dollars "
            "at the ECB rate of the posting date and in 2019 dollars (CPI-U). Each source is "
            "shown on its own: they cover different employers and years, so a change of source "
            "is not a change of pay. Board or model estimates never enter; ranges that are "
            "on-target earnings, implausible, or whose currency was inferred are left out (the "
            "warehouse keeps them, with the reason, in `salary_quarantine`). Country “??” is "
            "unknown or remote-anywhere.",
        ],
    )
    stated = [r for r in found if r["pay_basis"] != "self_reported"]
    if not stated:
        section.status = "empty"
        section.paragraphs.append("No ML engineer posting states pay in the pay series yet.")
    else:
        section.figures.append(pay_figure(stated, labels, "ML engineer postings", "fig-pay"))
        section.tables.append(
            pay_table(
                stated,
                labels,
                "Employer-stated ML engineer pay by source, year and "
                f"country, every group (n = {sum(r['n_salaries'] for r in stated):,}).",
            )
        )
    self_reported = [r for r in found if r["pay_basis"] == "self_reported"]
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
        sub.figures.append(
            pay_figure(
                self_reported, labels, "self-reported ML engineer salaries", "fig-pay-self-reported"
            )
        )
        sub.tables.append(
            pay_table(
                self_reported,
                labels,
                "Self-reported ML engineer salaries (aijobs.net) "
                "by work year and company country "
                f"(n = {sum(r['n_salaries'] for r in self_reported):,}).",
            )
        )
    else:
        sub.status = "empty"
        sub.paragraphs.append("The aijobs.net dataset is not loaded (no rows).")
    section.subsections.append(sub)
    return section


def pay_table(found: list[queries.Row], labels: Labels, caption: str) -> Table:
    rows = [
        [
            labels.short(r["source"]),
            r["pay_year"],
            r["country"],
            r["n_salaries"],
            money(r["p25_annual_usd"]),
            money(r["median_annual_usd"]),
            money(r["p75_annual_usd"]),
            money(r["p25_annual_usd_2019"]),
            money(r["median_annual_usd_2019"]),
            money(r["p75_annual_usd_2019"]),
        ]
        for r in found
    ]
    return Table(
        [
            "source",
            "year",
            "country",
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
        numeric={1, 3, 4, 5, 6, 7, 8, 9},
        collapsed=len(rows) > 25,
    )


def pay_figure(found: list[queries.Row], labels: Labels, what: str, fig_id: str) -> Figure:
    """Box plots of the biggest countries of each source, by year, for groups with enough pay."""
    totals: dict[str, int] = defaultdict(int)
    for r in found:
        totals[r["country"]] += r["n_salaries"]
    top = [c for c, _ in sorted(totals.items(), key=lambda kv: -kv[1]) if c != "??"]
    top = top[:MAX_PAY_COUNTRIES]
    drawn = [r for r in found if r["country"] in top and r["n_salaries"] >= MIN_BOX]
    drawn.sort(key=lambda r: (r["source"], top.index(r["country"]), r["pay_year"], r["pay_basis"]))
    bases: dict[str, set[str]] = defaultdict(set)
    for r in drawn:
        bases[r["source"]].add(r["pay_basis"])
    groups: dict[str, list[charts.PayBox]] = defaultdict(list)
    for r in drawn:
        # A source with pay both structured and in text says which each box is.
        basis = (
            f"\n{r['pay_basis'].removeprefix('employer_')}" if len(bases[r["source"]]) > 1 else ""
        )
        groups[labels.short(r["source"])].append(
            charts.PayBox(
                f"{r['country']} {r['pay_year']}{basis}",
                r["n_salaries"],
                tuple(r[f"{q}_annual_usd"] for q in charts.PAY_QUANTILES),
                tuple(r[f"{q}_annual_usd_2019"] for q in charts.PAY_QUANTILES),
            )
        )
    boxes = [b for group in groups.values() for b in group]
    sources = sorted({r["source"] for r in drawn})
    countries = ", ".join(dict.fromkeys(r["country"] for r in drawn)) or "none"
    return Figure(
        Markup(charts.pay_boxes(groups)),
        f"Annual pay of {what} by country and year, each source in panels of its own (they "
        "cover different employers and years: compare within a source, not across): box = "
        "middle half, line = median, whiskers = 5th–95th percentile, drawn for groups of "
        f"{charts.WHISKER_MIN_N} or more; nominal USD (ECB rate of the posting date) above, "
        f"2019 dollars (CPI-U) below. n = {sum(b.n for b in boxes):,} salaries (groups of at "
        f"least {MIN_BOX}, countries {countries}); "
        f"sources: {', '.join(labels.label(s) for s in sources) or 'none'}; period: years "
        f"{years_text(r['pay_year'] for r in drawn)}.",
        id=fig_id,
    )


# ---------------------------------------------------------------------------------------------
# Public datasets


def datasets_section(con: duckdb.DuckDBPyConnection, labels: Labels) -> Section:
    section = Section(
        "datasets",
        "Public datasets",
        paragraphs=[
            "Data others publish, loaded whole as snapshots and shown beside our own, never "
            "pooled with it.",
        ],
    )
    indeed = labels.credit("indeed")
    found = queries.ai_share_monthly(con)
    if found:
        series: dict[str, list[tuple[date, float]]] = defaultdict(list)
        for r in found:
            series[r["country"]].append((r["posting_month"], float(r["ai_share_pct_mean"])))
        first = min(r["posting_month"] for r in found)
        last = max(r["posting_month"] for r in found)
        section.figures.append(
            Figure(
                Markup(charts.monthly_lines(series, "% of postings mentioning AI")),
                "Share of job postings mentioning AI, monthly mean of daily values, by "
                f"country. n = {sum(r['n_days'] for r in found):,} country-days; source: "
                f"Indeed Hiring Lab AI tracker ({indeed}); period {period_text(first, last)}.",
                id="fig-indeed-ai-share",
            )
        )
    else:
        section.paragraphs.append(f"Indeed Hiring Lab AI share ({indeed}): not loaded (no rows).")
    for r in queries.dataset_snapshots(con):
        if r["dataset"] == "indeed_ai_share":
            continue
        span = f", {period_text(r['first_date'], r['last_date'])}" if r["n_rows"] else ""
        section.paragraphs.append(
            f"{r['label']} ({r['credit']}): {r['n_rows']:,} rows{span}"
            + ("." if r["n_rows"] else " (not loaded).")
            + (
                " Fields written by a language model: used only as a cross-check, never as a "
                "source of counts here."
                if r["dataset"] == "hn_structured_jobs"
                else ""
            )
        )
    return section


def build_sections(con: duckdb.DuckDBPyConnection) -> list[Section]:
    """Every section of the report, in reading order."""
    labels = Labels(con)
    body = [
        skills_section(con, labels),
        emerging_section(con, labels),
        roles_section(con, labels),
        duties_section(con, labels),
        pay_section(con, labels),
        datasets_section(con, labels),
        coverage_section(con, labels),
        history_section(con, labels),
    ]
    claims, evidence = claims_sections(con, {s.id: s.title for s in body})
    return [claims, *body, evidence]
