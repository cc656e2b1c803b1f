"""The claims of the report: the table of verdicts, and each claim's evidence and checks.

Both read the ``claims`` and ``claim_checks`` marts; every verdict and reason is the mart's.
"""

from __future__ import annotations

import duckdb
from markupsafe import Markup

from pipeline.report import queries
from pipeline.report.page import Section, Table, anchor, claim_anchor, fmt, money, shorten

# Where the evidence of a claim is drawn, by the claim id's prefix.
CLAIM_SECTIONS = (
    ("salary", "pay"),
    ("growth", "roles"),
    ("mle-vs-ds", "roles"),
    ("skills", "skills"),
    ("responsibilities", "duties"),
    ("applications", "duties"),
    ("mle-definition", "skills"),
    ("ai-share", "datasets"),
)


def interval_text(row: queries.Row) -> str:
    """The headline's 95% interval, written as its claim's rule reads it (x, $ or %)."""
    low, high = row["observed_low"], row["observed_high"]
    if low is None or high is None:
        return "–"
    rule = str(row["rule"] or "")
    if "ratio" in rule or rule == "not_testable":
        return f"{low:.2f}–{high:.2f}"  # a ratio of two shares (x times)
    if "figure" in rule or min(low, high) >= 1000:
        return f"{money(low)}–{money(high)}"
    if 0 <= low <= high <= 1:
        digits = 2 if high < 0.01 else 1
        return f"{100 * low:.{digits}f}–{100 * high:.{digits}f}%"
    return f"{fmt(low)}–{fmt(high)}"


CHECK_COLUMNS = {
    "check_label": "check",
    "observed_text": "we observe",
    "sample_size": "n",
    "sample_unit": "of",
    "counts_toward_verdict": "counts",
    "evidence": "from",
}


def checks_table(found: list[queries.Row]) -> Table:
    """The checks of one claim, as a reader needs them."""
    return Table(
        list(CHECK_COLUMNS.values()),
        [[fmt(r[c]) for c in CHECK_COLUMNS] for r in found],
        caption=f"The checks behind the verdict ({len(found)}); every column is in `claim_checks`.",
        numeric={2},
    )


def claims_sections(
    con: duckdb.DuckDBPyConnection, titles: dict[str, str]
) -> tuple[Section, Section]:
    """The claims table, and the evidence section each of its rows links to."""
    found = queries.claims(con)
    checks = queries.claim_checks(con)
    table_section = Section(
        "claims",
        "The 2019 article's claims, checked",
        paragraphs=[
            "Each claim of the article (upGrad blog, December 2019) against the closest honest "
            "analogue in this warehouse, with its sample size, its period and a verdict: "
            "supported, mixed (some checks pass), partly supported (none fails, none passes in "
            "full), contradicted (none passes), insufficient data, or not testable from "
            "postings (what a job needs, or a count of profiles, is not something postings "
            "show). A claim about the article's time is judged on windows up to 2019; later "
            "windows are shown as what happened since. Where our analogue measures something "
            "else than the article's source, the reason says so. Click a claim for its evidence."
        ],
    )
    evidence = Section(
        "evidence",
        "Evidence, claim by claim",
        paragraphs=["Every column the warehouse keeps for each claim, and where its chart is."],
    )
    table_rows, ids = [], []
    for row in found:
        cid = row["claim_id"]
        ids.append(f"row-{claim_anchor(cid)}")
        quote = Markup("{}").format(row["article_says"])
        if row["analogue_measures"]:
            quote += Markup('<br><span class="muted">We measure instead: {}</span>').format(
                row["analogue_measures"]
            )
        observed = Markup("{}").format(shorten(fmt(row["headline_text"] or row["observed_text"])))
        if row["period"]:
            observed += Markup('<br><span class="muted">{}</span>').format(row["period"])
        table_rows.append(
            [
                Markup('<a href="#{}">{}</a>').format(claim_anchor(cid), cid),
                Markup('<span class="verdict v-{}">{}</span>').format(
                    anchor(row["verdict"]), row["verdict"]
                ),
                quote,
                observed,
                fmt(row["sample_size"]),
                interval_text(row),
                shorten(fmt(row["reason"])),
            ]
        )
        sub = Section(claim_anchor(cid), cid)
        sub.paragraphs.append(Markup("<q>{}</q>").format(row["article_says"]))
        sub.tables.append(
            Table(
                ["field", "value"],
                [[k, fmt(v)] for k, v in row.items() if k not in ("claim_id", "evidence")],
            )
        )
        if row["evidence"]:
            sub.paragraphs.append(f"Evidence: {row['evidence']}")
        if checks.get(cid):
            sub.tables.append(checks_table(checks[cid]))
        target = next((s for prefix, s in CLAIM_SECTIONS if cid.startswith(prefix)), None)
        if target in titles:
            sub.paragraphs.append(
                Markup('See the chart: <a href="#{}">{}</a>.').format(target, titles[target])
            )
        evidence.subsections.append(sub)
    table_section.tables.append(
        Table(
            ["claim", "verdict", "the article says", "we observe", "n", "95% interval", "reason"],
            table_rows,
            caption=f"{len(table_rows)} claims.",
            numeric={4},
            row_ids=ids,
            css_class="claims",
        )
    )
    return table_section, evidence
