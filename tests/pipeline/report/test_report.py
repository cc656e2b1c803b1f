"""The report: every section and chart, captions with n, escaped posting text, nothing external.

The warehouse is built by dbt from small hand-made landing files (``tests.landing``), so these
tests read what production builds: a renamed or missing mart column fails here.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from pipeline.report import ReportError, render_html, report_markdown, write_report

SECTIONS = ("claims", "skills", "roles", "duties", "pay", "datasets", "coverage", "evidence")
CHARTS = (
    "fig-skills",
    "fig-skills-ml",
    "fig-roles",
    "fig-pay",
    "fig-pay-self-reported",
    "fig-indeed-ai-share",
    "fig-coverage",
)


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
def written(small_warehouse, tmp_path_factory) -> Path:
    return write_report(small_warehouse, tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def html(written) -> str:
    return written.read_text(encoding="utf-8")


def mart(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def section(html: str, section_id: str) -> str:
    """The HTML of one top-level section."""
    match = re.search(rf'<section id="{section_id}".*?(?=\n<section id=|\n<footer)', html, re.S)
    assert match, section_id
    return match.group(0)


def test_every_section_is_there_in_order(html):
    ids = re.findall(r'<section id="([\w-]+)" data-status', html)
    top = [i for i in ids if i in SECTIONS]
    assert top == list(SECTIONS)
    for section_id in SECTIONS:
        assert f'href="#{section_id}"' in html  # in the table of contents


def test_every_chart_is_an_inline_svg_with_n_source_and_period(html):
    figures = re.findall(r'<figure id="([\w-]+)">(.*?)</figure>', html, re.S)
    assert [f for f, _ in figures] == list(CHARTS)
    for fig_id, body in figures:
        assert body.count("<svg") == 1, fig_id
        caption = re.search(r"<figcaption>(.*?)</figcaption>", body, re.S).group(1)
        assert re.search(r"n = [\d,]+", caption), (fig_id, caption)
        assert "source" in caption and "period" in caption, (fig_id, caption)
        assert "fill:" in body or "stroke:" in body  # drawn, not an empty frame


def test_captions_state_the_right_n(html):
    # 41 Hacker News posts, all with a description: 20 of 2015 (ten jobs, each reposted the
    # next month), 11 of 2016, 10 of 2026: 31 jobs.
    assert "n = 31 jobs with a description" in section(html, "skills")
    assert "n = 31 jobs;" in section(html, "roles")
    # 8 US Ashby postings of 2025 (the second tier does not count); the London post of 2016
    # is a group of one: in the table, not drawn as a box.
    assert "n = 8 salaries" in section(html, "pay")
    assert "n = 55 dated postings" in section(html, "coverage")


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


def test_claims_table_shows_each_claim_of_the_mart_with_its_verdict(html, small_warehouse):
    claims = section(html, "claims")
    evidence = section(html, "evidence")
    rows = mart(small_warehouse, "select claim_id, verdict from claims order by display_order")
    assert len(rows) >= 12
    positions = []
    for cid, verdict in rows:
        link = f'<a href="#claim-{cid}">{cid}</a>'
        assert link in claims
        positions.append(claims.index(link))
        row = claims[claims.index(link) :].split("</tr>", 1)[0]
        assert f">{verdict}</span>" in row, cid
        assert f'<section id="claim-{cid}"' in evidence
    assert positions == sorted(positions)  # in the article's order


def test_a_claims_evidence_lists_its_checks_and_links_to_its_chart(html, small_warehouse):
    evidence = section(html, "evidence")
    labels = mart(
        small_warehouse, "select check_label from claim_checks where claim_id = 'mle-vs-ds'"
    )
    mle = re.search(r'<section id="claim-mle-vs-ds".*?</section>', evidence, re.S).group(0)
    assert labels
    for (label,) in labels:
        assert f"<td>{escape(label)}</td>" in mle, label
    assert '<a href="#roles">' in mle


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
    # TensorFlow 2015: 6 of 20 posts, but 3 of 10 jobs (the reposts count once), its interval
    assert "30.0 (10.8–60.3)" in skills


def test_roles_table_has_each_source_and_year(html):
    roles = section(html, "roles")
    # 2015: 4 ML engineer posts of 20, 2 jobs of 10 (20.0%): each is reposted the next month.
    assert re.search(
        r"<td>Hacker News</td><td class=\"num\">2015</td><td class=\"num\">10</td>"
        r"<td class=\"num\">2</td><td class=\"num\">20\.0 ",
        roles,
    )
    assert "<td>Ashby</td>" in roles


def test_pay_shows_nominal_and_2019_dollars_with_counts(html):
    pay = section(html, "pay")
    assert "2019 $" in pay and "nominal" in pay.lower()
    assert "$195,000" in pay  # the US 2025 median of midpoints (160k..230k), second tier ignored
    assert "$900,000" not in pay
    assert "self-reported" in pay and "aijobs.net" in pay
    assert re.search(
        r"<td>Hacker News</td><td class=\"num\">2016</td><td>GB</td>"
        r"<td class=\"num\">1</td>",
        pay,
    )


def test_dataset_credits_and_labels(html):
    datasets = section(html, "datasets")
    assert "Indeed Hiring Lab, CC BY 4.0" in datasets
    assert "aijobs.net salaries, CC0 1.0 (self-reported)" in datasets
    footer = html.split("<footer", 1)[1]
    assert (
        "Indeed Hiring Lab" in footer and "self-reported" in footer and "language model" in footer
    )


def test_coverage_shows_thin_data(html):
    coverage = section(html, "coverage")
    assert "Hacker News 2015-01 to 2015-02, 2016-01, 2026-01" in coverage
    assert "<details>" in coverage  # the month-by-month table, folded


def test_a_warehouse_without_marts_is_one_clear_error(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(ReportError, match="run `jobtrends build`"):
        render_html(path)


def test_write_report_names_the_file_by_time_and_copies_latest(written):
    path = written
    assert re.fullmatch(r"report-\d{8}-\d{6}\.html", path.name)
    latest = path.parent / "latest.html"
    assert latest.read_bytes() == path.read_bytes()


def test_markdown_summary(small_warehouse):
    text = report_markdown(small_warehouse)
    assert "| hackernews | 41 | 2015-01 | 2026-01 |" in text
    (verdict,) = mart(small_warehouse, "select verdict from claims where claim_id = 'mle-vs-ds'")[0]
    assert f"| mle-vs-ds | {verdict} |" in text
    assert "ML engineer share of HN jobs: 2015 20.0% (n=10 jobs)" in text
    assert "<script" not in text


def test_pay_boxes_keep_each_source_apart_and_whiskers_only_where_n_allows():
    from pipeline.report import charts

    def box(label, n):
        q = (90_000.0, 120_000.0, 150_000.0, 180_000.0, 240_000.0)
        return charts.PayBox(label, n, q, q)

    svg = charts.pay_boxes({"Hacker News": [box("US 2017", 6)], "Ashby": [box("US 2025", 80)]})
    # One column of panels per source, titled with it; each box's n under it.
    assert "Hacker News" in svg and "Ashby" in svg
    assert "n=6" in svg and "n=80" in svg
    few = charts._box_stats(box("x", charts.WHISKER_MIN_N - 1), box("x", 1).real)
    many = charts._box_stats(box("x", charts.WHISKER_MIN_N), box("x", 1).real)
    assert (few["whislo"], few["whishi"]) == (few["q1"], few["q3"])
    assert (many["whislo"], many["whishi"]) == (90.0, 240.0)


def test_every_series_of_a_chart_has_its_own_look():
    from pipeline.report import charts

    looks = {tuple(charts.series_style(i).values()) for i in range(2 * len(charts.SERIES_COLOURS))}
    assert len(looks) == 2 * len(charts.SERIES_COLOURS)
    points = [charts.YearPoint(2024, 0.1, 0.05, 0.2, 10, 100)]
    svg = charts.skill_small_multiples_by_group(
        {"Ashby": {"pytorch": points}, "Greenhouse": {"pytorch": points}},
        {"pytorch": "PyTorch"},
        old=(),
    )
    assert "Ashby" in svg and "Greenhouse" in svg and "PyTorch" in svg
