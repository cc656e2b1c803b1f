"""What the report reads: one function a mart, each returning plain rows.

Every figure of the report is computed by the warehouse; these queries only select, filter and
order the rows of one mart (schema ``main``) or one lookup seed (``lookups``), so that a
renamed or missing column fails here, loudly, rather than drawing something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

Row = dict[str, Any]


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    """Return the rows of a query as dicts."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def source_credits(con: duckdb.DuckDBPyConnection) -> dict[str, Row]:
    """Each source's label, short label and credit (seed ``source_credits``), by source."""
    return {
        r["source"]: r
        for r in rows(con, "select source, label, short_label, credit from lookups.source_credits")
    }


def role_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Each role family's display name (seed ``role_families``), in rank order."""
    found = rows(
        con, "select role_family, display_name from lookups.role_families order by display_order"
    )
    return {r["role_family"]: r["display_name"] for r in found}


def skill_shares_yearly(
    con: duckdb.DuckDBPyConnection, source: str, role_family: str, skills: Sequence[str]
) -> list[Row]:
    """Yearly shares of jobs naming each skill, from ``skill_demand_yearly``."""
    return rows(
        con,
        """
        select posted_year, skill_id, skill_name, n_jobs_naming, n_jobs, n_postings,
            share, share_low, share_high, top_company_share
        from main.skill_demand_yearly
        where source = ? and role_family = ? and list_contains(?, skill_id)
        order by skill_id, posted_year
        """,
        [source, role_family, list(skills)],
    )


def skill_denominators_yearly(
    con: duckdb.DuckDBPyConnection, source: str, role_family: str
) -> dict[int, int]:
    """Jobs with a description per year of one group, from ``skill_demand_yearly``."""
    found = rows(
        con,
        """
        select posted_year, max(n_jobs) as n_jobs
        from main.skill_demand_yearly
        where source = ? and role_family = ?
        group by posted_year order by posted_year
        """,
        [source, role_family],
    )
    return {r["posted_year"]: r["n_jobs"] for r in found}


def duty_shares(con: duckdb.DuckDBPyConnection, populations: Sequence[str]) -> list[Row]:
    """Shares of jobs naming each responsibility and application, from ``duty_shares``."""
    return rows(
        con,
        """
        select window_id, source, period, first_year, population, duty_kind, duty_id,
            duty_name, display_order, in_article, n_jobs_naming, n_jobs, share, share_low,
            share_high
        from main.duty_shares
        where list_contains(?, population)
        order by duty_kind desc, display_order, first_year, source, population
        """,
        [list(populations)],
    )


def role_shares_yearly(con: duckdb.DuckDBPyConnection, families: Sequence[str]) -> list[Row]:
    """Yearly shares of jobs advertising each family, per source (``role_demand_yearly``)."""
    return rows(
        con,
        """
        select source, posted_year, role_family, n_jobs_with_role, n_jobs, n_postings,
            share, share_low, share_high, top_company_share
        from main.role_demand_yearly
        where list_contains(?, role_family)
        order by source, role_family, posted_year
        """,
        [list(families)],
    )


def newest_postings(con: duckdb.DuckDBPyConnection, role_family: str, limit: int) -> list[Row]:
    """The newest postings advertising a family, with the phrase that offers it (``postings``)."""
    return rows(
        con,
        """
        select source, posted_month, company, title,
            list_filter(role_mentions, lambda m: m.role_family = ?)[1].phrase as evidence
        from main.postings
        where list_contains(role_families, ?) and title is not null
        order by posted_at desc nulls last, posting_id
        limit ?
        """,
        [role_family, role_family, limit],
    )


def pay_yearly(con: duckdb.DuckDBPyConnection, role_family: str) -> list[Row]:
    """Pay statistics of one family by source, basis, country and year (``salary_yearly``)."""
    return rows(
        con,
        """
        select source, pay_basis, coalesce(country, '??') as country, pay_year, n_salaries,
            p05_annual_usd, p25_annual_usd, median_annual_usd, p75_annual_usd, p95_annual_usd,
            p05_annual_usd_2019, p25_annual_usd_2019, median_annual_usd_2019,
            p75_annual_usd_2019, p95_annual_usd_2019
        from main.salary_yearly
        where role_family = ?
        order by source, pay_year, country
        """,
        [role_family],
    )


def ai_share_monthly(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Indeed Hiring Lab's monthly AI share of postings, by country (``ai_share_monthly``)."""
    return rows(
        con,
        """
        select country, posting_month, ai_share_pct_mean, n_days, credit
        from main.ai_share_monthly where ai_share_pct_mean is not null
        order by country, posting_month
        """,
    )


def dataset_snapshots(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """The public datasets loaded: rows, period and credit (``dataset_snapshots``)."""
    return rows(
        con,
        "select dataset, label, credit, n_rows, first_date, last_date "
        "from main.dataset_snapshots order by dataset",
    )


def coverage_monthly(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Postings per source and month, with and without a description (``coverage_monthly``)."""
    return rows(
        con,
        """
        select source, source_label, source_short_label, posted_month, n_postings, n_jobs,
            n_with_description, looks_partial, partial_reason
        from main.coverage_monthly
        order by source != 'hackernews', source, posted_month nulls last
        """,
    )


def coverage_yearly(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Postings per source and year, and the months with postings (``coverage_monthly``)."""
    return rows(
        con,
        """
        select source, year(posted_month) as posted_year, count(*) as n_months,
            sum(n_postings) as n_postings, sum(n_with_description) as n_with_description
        from main.coverage_monthly
        where posted_month is not null
        group by source, year(posted_month)
        order by source != 'hackernews', source, posted_year
        """,
    )


def claims(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Every claim of the article with its verdict, in the article's order (``claims``)."""
    return rows(con, "select * from main.claims order by display_order, claim_id")


def claim_checks(con: duckdb.DuckDBPyConnection) -> dict[str, list[Row]]:
    """Every check of every claim, by claim, in the claim's order (``claim_checks``)."""
    out: dict[str, list[Row]] = {}
    for r in rows(con, "select * from main.claim_checks order by claim_id, check_order, check_id"):
        out.setdefault(r["claim_id"], []).append(r)
    return out


def totals(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Postings per source and the months they span (``coverage_monthly``)."""
    return rows(
        con,
        """
        select source, any_value(source_label) as source_label, sum(n_postings) as n_postings,
            min(posted_month) as first_month, max(posted_month) as last_month
        from main.coverage_monthly
        group by source order by source
        """,
    )


def captures(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Each source's way of fetching, runs and posting dates (``captures``)."""
    return rows(
        con,
        """
        select source, source_label, fetch_mode, last_run_id, oldest_posted_at, newest_posted_at
        from main.captures order by source
        """,
    )


def board_changes(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Each board's changes between its last two crawls (``posting_events``)."""
    return rows(
        con,
        """
        with latest as (
            select source, board, max(crawled_at) as crawled_at
            from main.posting_events
            group by source, board
        )
        select
            events.source, events.board, any_value(events.crawled_at) as crawled_at,
            any_value(events.previous_crawled_at) as previous_crawled_at,
            count(*) filter (where event = 'appeared') as n_appeared,
            count(*) filter (where event = 'changed') as n_changed,
            count(*) filter (where event = 'disappeared') as n_disappeared,
            median(days_listed) as median_days_listed
        from main.posting_events as events
        inner join latest using (source, board, crawled_at)
        group by events.source, events.board
        order by events.source, events.board
        """,
    )


def emerging_proposals(
    con: duckdb.DuckDBPyConnection,
    source: str | None = None,
    year: int | None = None,
    limit: int = 20,
) -> list[Row]:
    """The top proposals of ``emerging_skills`` of a year (default: each source's latest)."""
    return rows(
        con,
        """
        with latest as (
            select source, max(period_start) as period_start from main.emerging_skills
            where period_type = 'year' and is_proposed
                and (cast(? as integer) is null or year(period_start) = ?)
            group by source
        )
        select e.source, year(e.period_start) as year, e.proposal_rank, e.term, e.n_jobs_naming,
            e.n_jobs, e.share, e.share_low, e.share_high, e.baseline_share, e.growth,
            e.n_companies, e.first_seen_month, e.example_posting_ids
        from main.emerging_skills as e
        inner join latest using (source, period_start)
        where e.period_type = 'year' and e.is_proposed and e.proposal_rank <= ?
            and (cast(? as varchar) is null or e.source = ?)
        order by e.source, e.proposal_rank
        """,
        [year, year, limit, source, source],
    )


def emerging_curves(con: duckdb.DuckDBPyConnection, source: str, terms: Sequence[str]) -> list[Row]:
    """Yearly shares of ``terms`` in ``source`` (every year they were named in)."""
    return rows(
        con,
        """
        select term, year(period_start) as posted_year, share, share_low, share_high,
            n_jobs_naming, n_jobs
        from main.emerging_skills
        where period_type = 'year' and source = ? and list_contains(?, term)
        order by term, posted_year
        """,
        [source, list(terms)],
    )
