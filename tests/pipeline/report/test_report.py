"""The report: every section and chart, captions with n, escaped posting text, nothing external.

The warehouse here is a temporary DuckDB file with hand-made rows in the marts' columns, so
these tests run in seconds and do not need dbt or the corpus.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from pipeline import report
from pipeline.report import report_markdown, wilson, write_report

EVIL_TITLE = "<script>alert('x')</script> Machine Learning Engineer & <b>Co</b>"
SECTIONS = ("claims", "skills", "roles", "pay", "datasets", "coverage", "evidence")
CHARTS = (
    "fig-skills",
    "fig-roles",
    "fig-pay",
    "fig-pay-self-reported",
    "fig-coverage",
    "fig-indeed-ai-share",
)
CLAIM_IDS = ("salary-us-2019", "mle-vs-ds", "skills-big-data", "degree")

# Hacker News months of the hand-made warehouse: two years, a gap, then one more.
HN_MONTHS = [date(2015, m, 1) for m in (1, 2)] + [date(2016, 1, 1)] + [date(2026, 1, 1)]


def make_warehouse(
    path: Path, *, pay: bool = True, claims: bool = True, datasets: bool = True
) -> Path:
    """Create the marts the report reads, with a few hand-made rows each."""
    con = duckdb.connect(str(path))
    con.execute(
        """
        create table postings (posting_id varchar, source varchar, title varchar,
            company varchar, country varchar, posted_at timestamptz, posted_month date,
            role_family varchar, has_description boolean)
        """
    )
    rows = []
    for i, month in enumerate(HN_MONTHS):
        for j in range(10):
            family = "ml_engineer" if j < 2 else "data_scientist" if j < 3 else "software_engineer"
            rows.append(
                (
                    f"hackernews:{i}-{j}",
                    "hackernews",
                    f"Co{j} | Engineer {j} | NYC",
                    f"Co{j}",
                    "US",
                    month,
                    family,
                    True,
                )
            )
    for j in range(6):
        rows.append(
            (
                f"ashby:b/{j}",
                "ashby",
                "Senior ML Engineer" if j else EVIL_TITLE,
                "examplelabs",
                "GB",
                date(2025, 3, 1),
                "ml_engineer",
                j % 2 == 0,
            )
        )
    con.executemany(
        "insert into postings values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (pid, src, t, c, ctry, datetime(m.year, m.month, 5), m, fam, desc)
            for pid, src, t, c, ctry, m, fam, desc in rows
        ],
    )
    con.execute(
        """
        create table role_demand_monthly as
        select source, posted_month, f.role_family,
            count(*) filter (where p.role_family = f.role_family) as n_postings_with_role,
            count(*) as n_postings,
            n_postings_with_role / n_postings as share,
            0.0 as share_low, 1.0 as share_high
        from postings p
        cross join (select unnest(['ml_engineer', 'data_scientist', 'other']) as role_family) f
        group by all
        """
    )
    # HN: tensorflow named by 3 of 10 posts a month before the gap, pytorch 5 of 10 in 2026;
    # hadoop by 1 a month; jax never (a skill the source names nowhere has no rows).
    skill_rows = []
    for month in HN_MONTHS:
        new = month.year == 2026
        for skill, k in (
            ("tensorflow", 0 if new else 3),
            ("pytorch", 5 if new else 0),
            ("hadoop", 1),
        ):
            skill_rows.append(("hackernews", month, "all", skill, k, 10))
        skill_rows.append(("hackernews", month, "ml_engineer", "pytorch", 1 if new else 0, 2))
    con.execute(
        """
        create table skill_demand_monthly (source varchar, posted_month date,
            role_family varchar, skill_id varchar, n_postings_naming bigint, n_postings bigint,
            share double, share_low double, share_high double)
        """
    )
    con.executemany(
        "insert into skill_demand_monthly values (?, ?, ?, ?, ?, ?, ?/?, 0, 1)",
        [(*r, r[4], r[5]) for r in skill_rows],
    )
    con.execute("create schema main_lookups")
    con.execute(
        "create table main_lookups.skills as select * from (values "
        "('tensorflow', 'TensorFlow'), ('pytorch', 'PyTorch'), ('hadoop', 'Hadoop')) "
        "t(skill_id, display_name)"
    )
    if pay:
        con.execute(
            """
            create table int_posting_salaries (posting_id varchar, range_index integer,
                source varchar, pay_basis varchar, country varchar, pay_year integer,
                role_family varchar, annual_min_usd double, annual_max_usd double,
                annual_min_usd_2019 double, annual_max_usd_2019 double,
                is_in_pay_series boolean)
            """
        )
        pay_rows = []
        for i in range(8):  # 8 US postings in 2025, one with a second range that must not count
            pay_rows.append(
                (
                    f"ashby:us{i}",
                    1,
                    "ashby",
                    "employer_structured",
                    "US",
                    2025,
                    "ml_engineer",
                    150_000 + 10_000 * i,
                    170_000 + 10_000 * i,
                    120_000 + 8_000 * i,
                    136_000 + 8_000 * i,
                    True,
                )
            )
        pay_rows.append(
            (
                "ashby:us0",
                2,
                "ashby",
                "employer_structured",
                "US",
                2025,
                "ml_engineer",
                900_000,
                900_000,
                700_000,
                700_000,
                True,
            )
        )
        pay_rows.append(
            ("ashby:q", 1, "ashby", "employer_text", "US", 2025, "ml_engineer", 1, 2, 1, 2, False)
        )  # quarantined: never counted
        pay_rows.append(
            (
                "hackernews:gb",
                1,
                "hackernews",
                "employer_text",
                "GB",
                2016,
                "ml_engineer",
                60_000,
                80_000,
                65_000,
                86_000,
                True,
            )
        )
        pay_rows.append(
            (
                "hackernews:ds",
                1,
                "hackernews",
                "employer_text",
                "US",
                2016,
                "data_scientist",
                100_000,
                120_000,
                110_000,
                130_000,
                True,
            )
        )
        con.executemany(
            "insert into int_posting_salaries values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            pay_rows,
        )
        con.execute(
            """
            create table int_aijobs_salaries as
            select 'aijobs:' || i as salary_id, 1 as range_index, 'aijobs' as source,
                'self_reported' as pay_basis, 'US' as country, 2024 as pay_year,
                'ml_engineer' as role_family, 100000.0 + 1000 * i as annual_min_usd,
                100000.0 + 1000 * i as annual_max_usd, 80000.0 + 800 * i as annual_min_usd_2019,
                80000.0 + 800 * i as annual_max_usd_2019, true as is_in_pay_series
            from range(6) t(i)
            """
        )
    if claims:
        con.execute(
            """
            create table claims (claim_id varchar, display_order integer, article_says varchar,
                analogue_measures varchar, observed_text varchar, observed_value double,
                observed_low double, observed_high double, period varchar,
                sample_size bigint, verdict varchar, reason varchar, evidence varchar)
            """
        )
        con.executemany(
            "insert into claims values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    "salary-us-2019",
                    1,
                    "Average US salary $146,085",
                    "stated pay",
                    "$160,000 mean",
                    160000.0,
                    150000.0,
                    170000.0,
                    "2025",
                    8,
                    "insufficient data",
                    "fewer than 30 salaries",
                    "salary_yearly",
                ),
                (
                    "mle-vs-ds",
                    2,
                    "ML engineers surpassed <data scientists>",
                    "postings",
                    "20% vs 10%",
                    0.2,
                    0.14,
                    0.27,
                    "HN 2015",
                    40,
                    "supported",
                    "interval above",
                    json.dumps([{"window": "HN 2015", "n": 40}]),
                ),
                (
                    "skills-big-data",
                    3,
                    "Hadoop, Spark, Pig, Hive, Flume",
                    "postings",
                    "Hadoop 10%",
                    0.1,
                    0.05,
                    0.2,
                    "HN 2015-2016",
                    30,
                    "mixed",
                    "some vanish",
                    None,
                ),
                (
                    "degree",
                    4,
                    "Advanced degree",
                    "postings",
                    None,
                    None,
                    None,
                    None,
                    None,
                    0,
                    "insufficient data",
                    "not measured",
                    None,
                ),
            ],
        )
        con.execute(
            """
            create table claim_mle_vs_ds as
            select 'mle-vs-ds' as claim_id, 'hn-2015' as check_id, 1 as check_order,
                'HN 2015' as period, 0.2 as observed_value, 40 as sample_size
            """
        )
    if datasets:
        con.execute(
            """
            create table ai_share_monthly as
            select * from (values ('US', date '2024-01-01', 1.5, 31),
                                  ('US', date '2024-02-01', 1.7, 29),
                                  ('GB', date '2024-01-01', 2.0, 31))
                t(country, posting_month, ai_share_pct_mean, n_days)
            """
        )
    con.close()
    return path


class Resources(HTMLParser):
    """Collect everything in a page that a browser would fetch, and the ids and anchors."""

    FETCHING = {"src", "srcset", "data", "poster", "xlink:href", "background", "action"}

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.ids: set[str] = set()
        self.anchors: list[str] = []
        self.tags: list[str] = []
        self._style = False
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._style = tag == "style"
        for name, value in attrs:
            value = value or ""
            if name == "id":
                self.ids.add(value)
            if name in self.FETCHING or (name == "href" and tag != "a"):
                self.fetched.append(value)
            if name == "href" and tag == "a":
                self.anchors.append(value)
            if name == "style":
                self.styles.append(value)

    def handle_endtag(self, tag):
        self._style = False

    def handle_data(self, data):
        if self._style:
            self.styles.append(data)


def parse(html: str) -> Resources:
    parser = Resources()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def full_warehouse(tmp_path_factory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("report") / "warehouse.duckdb")


@pytest.fixture(scope="module")
def written(full_warehouse, tmp_path_factory) -> Path:
    return write_report(full_warehouse, tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def html(written) -> str:
    return written.read_text(encoding="utf-8")


def section(html: str, section_id: str) -> str:
    """The HTML of one top-level section."""
    match = re.search(rf'<section id="{section_id}".*?(?=\n<section id=|\n<footer)', html, re.S)
    assert match, section_id
    return match.group(0)


def test_wilson_matches_known_intervals():
    assert wilson(0, 0) == (None, None)
    low, high = wilson(0, 10)
    assert low == 0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson(5, 10)
    assert (low, high) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))


def test_wilson_agrees_with_the_warehouse_macro():
    """The same formula as warehouse/macros/wilson.sql, evaluated by DuckDB."""
    macro = (report.WAREHOUSE_PROJECT / "macros" / "wilson.sql").read_text()
    body = {}
    for name in ("wilson_low", "wilson_high"):
        text = macro.split(f"macro {name}")[1].split("{% endmacro %}")[0]
        expr = text.split("%}", 1)[1]
        expr = re.sub(r"\{\{\s*k\s*\}\}", "7", expr)
        expr = re.sub(r"\{\{\s*n\s*\}\}", "40", expr)
        body[name] = re.sub(r"\{\{\s*z\s*\}\}", "1.959964", expr)
    low, high = duckdb.sql(f"select {body['wilson_low']}, {body['wilson_high']}").fetchall()[0]
    assert wilson(7, 40) == (pytest.approx(low), pytest.approx(high))


def test_skill_shares_sum_months_to_years_and_recompute_the_interval(full_warehouse):
    with duckdb.connect(str(full_warehouse), read_only=True) as con:
        denominators, series = report.yearly_skill_shares(
            con, ["tensorflow", "pytorch", "jax"], "hackernews"
        )
    assert denominators == {2015: 20, 2016: 10, 2026: 10}
    tf = {p.year: p for p in series["tensorflow"]}
    assert (tf[2015].k, tf[2015].n) == (6, 20)
    assert (tf[2015].low, tf[2015].high) == wilson(6, 20)
    assert [p.k for p in series["pytorch"]] == [0, 0, 5]
    assert [(p.year, p.k) for p in series["jax"]] == [(2015, 0), (2016, 0), (2026, 0)]


def test_every_section_is_there_in_order(html):
    ids = re.findall(r'<section id="([\w-]+)" data-status', html)
    top = [i for i in ids if i in SECTIONS]
    assert top == list(SECTIONS)
    for section_id in SECTIONS:
        assert f'href="#{section_id}"' in html  # in the table of contents


def test_every_chart_is_an_inline_svg_with_n_source_and_period(html):
    figures = re.findall(r'<figure id="([\w-]+)">(.*?)</figure>', html, re.S)
    assert [f for f, _ in figures] == [
        "fig-skills",
        "fig-roles",
        "fig-pay",
        "fig-pay-self-reported",
        "fig-indeed-ai-share",
        "fig-coverage",
    ]
    assert set(CHARTS) == {f for f, _ in figures}
    for fig_id, body in figures:
        assert body.count("<svg") == 1, fig_id
        caption = re.search(r"<figcaption>(.*?)</figcaption>", body, re.S).group(1)
        assert re.search(r"n = [\d,]+", caption), (fig_id, caption)
        assert "source" in caption and "period" in caption, (fig_id, caption)
        assert "fill:" in body or "stroke:" in body  # drawn, not an empty frame


def test_captions_state_the_right_n(html):
    assert "n = 40 posts with a description" in section(html, "skills")
    assert "n = 40 posts;" in section(html, "roles")
    # 8 US postings in 2025 (the second range and the quarantined one do not count);
    # the GB one of 2016 is a group of one: in the table, not drawn as a box.
    assert "n = 8 salaries" in section(html, "pay")
    assert "n = 46 dated postings" in section(html, "coverage")


def test_chart_text_stays_text_and_the_svg_has_no_prolog(html):
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html
    assert "<metadata>" not in html
    skills = section(html, "skills")
    assert "TensorFlow (article)" in skills and "PyTorch (newer)" in skills
    assert "<text" in skills  # svg.fonttype none: labels are text, not glyph paths


def test_posting_text_is_escaped(html):
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(" in html
    assert "<b>Co</b>" not in html
    assert "&amp; &lt;b&gt;Co&lt;/b&gt;" in html
    # the article's words too
    assert "surpassed &lt;data scientists&gt;" in html


def test_nothing_is_fetched_from_outside_the_file(html):
    page = parse(html)
    assert page.fetched == [] or all(v.startswith("#") for v in page.fetched), page.fetched
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    for style in page.styles:
        assert "@import" not in style and not re.search(r"url\(\s*['\"]?(https?:|//)", style)
    assert not re.search(r"(src|href|srcset|xlink:href)\s*=\s*[\"']?(https?:)?//", html)
    assert "http://" not in html and "https://" not in html  # not even namespace URIs


def test_every_anchor_points_inside_the_page(html):
    page = parse(html)
    assert page.anchors
    for href in page.anchors:
        assert href.startswith("#"), href
        assert href[1:] in page.ids, href


def test_claims_table_links_each_claim_to_its_evidence(html):
    claims = section(html, "claims")
    evidence = section(html, "evidence")
    for cid in CLAIM_IDS:
        assert f'<a href="#claim-{cid}">{cid}</a>' in claims
        assert f'<section id="claim-{cid}"' in evidence
    assert claims.index("salary-us-2019") < claims.index("mle-vs-ds") < claims.index("degree")
    assert 'class="verdict v-supported">supported<' in claims
    assert 'class="verdict v-insufficient-data">insufficient data<' in claims
    assert "$150,000–$170,000" in claims  # the interval, in dollars for a pay claim
    assert "14.0–27.0%" in claims  # and in percent for a share
    assert "We measure instead: stated pay" in claims  # the analogue, in the same row
    mle = re.search(r'<section id="claim-mle-vs-ds".*?</section>', evidence, re.S).group(0)
    assert "hn-2015" in mle  # its checks, from the claim_* table
    assert '<a href="#roles">' in mle  # and its chart
    assert "HN 2015" in mle and "window" in mle  # JSON evidence as a table


def test_skills_table_has_every_skill_and_year(html):
    skills = section(html, "skills")
    for year in ("2015", "2016", "2026"):
        assert f'<th class="num" scope="col">{year}</th>' in skills
    for name in (
        "TensorFlow",
        "Keras",
        "Theano",
        "Caffe",
        "Hadoop",
        "Pig",
        "Hive",
        "Flume",
        "PyTorch",
        "JAX",
        "Hugging",
        "LLM",
    ):
        assert name.lower() in skills.lower(), name
    assert "30.0 (14.5–51.9)" in skills  # tensorflow 2015: 6 of 20, Wilson recomputed


def test_pay_shows_nominal_and_2019_dollars_with_counts(html):
    pay = section(html, "pay")
    assert "2019 $" in pay and "nominal" in pay.lower()
    assert "$195,000" in pay  # the US 2025 median of midpoints (160k..230k), second range ignored
    assert "$900,000" not in pay
    assert "self-reported" in pay and "aijobs.net" in pay
    assert re.search(
        r"<td class=\"num\">2016</td><td>GB</td><td>hackernews</td><td class=\"num\">1</td>", pay
    )


def test_dataset_credits_and_labels(html):
    datasets = section(html, "datasets")
    assert "Indeed Hiring Lab, CC BY 4.0" in datasets
    footer = html.split("<footer", 1)[1]
    assert "Indeed Hiring Lab" in footer and "self-reported" in footer and "derived" in footer


def test_coverage_shows_thin_data(html):
    coverage = section(html, "coverage")
    assert "Hacker News 2015-01 to 2015-02, 2016-01, 2026-01" in coverage
    assert "<details>" in coverage  # the month-by-month table, folded


def test_missing_marts_say_not_built_yet(tmp_path):
    path = make_warehouse(tmp_path / "w.duckdb", pay=False, claims=False, datasets=False)
    html = report.render_html(path)
    assert "Not built yet" in section(html, "pay")
    assert 'data-status="missing"' in section(html, "pay")
    claims = section(html, "claims")
    if report.CLAIMS_SEED.exists():
        assert "not evaluated yet" in claims  # the seed's list, without verdicts
    else:
        assert "Not built yet" in claims
    assert "fig-skills" in html and "fig-pay" not in html


def test_an_empty_warehouse_still_renders(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    html = report.render_html(path)
    for section_id in SECTIONS:
        assert f'<section id="{section_id}"' in html
    assert "<svg" not in html


def test_write_report_names_the_file_by_time_and_copies_latest(written):
    path = written
    assert re.fullmatch(r"report-\d{8}-\d{6}\.html", path.name)
    latest = path.parent / "latest.html"
    assert latest.read_bytes() == path.read_bytes()


def test_markdown_summary(full_warehouse):
    text = report_markdown(full_warehouse)
    assert "| hackernews | 40 | 2015-01 | 2026-01 |" in text
    assert "| mle-vs-ds | supported | 20% vs 10% | 40 |" in text
    assert "ML engineer share of HN posts" in text
    assert "<script" not in text
