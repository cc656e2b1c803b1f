"""Charts of the report: matplotlib figures rendered as inline SVG, readable without JavaScript.

Every function takes plain rows (no DataFrames) and returns the SVG markup of one figure. Text
stays text (``svg.fonttype='none'``) so the browser draws it with the page's font, and nothing
in the SVG points outside the file: the XML prolog, DOCTYPE, metadata and namespace URLs are
stripped (an inline ``<svg>`` in HTML needs none of them).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "jobtrends-report",  # stable ids: the same data gives the same file
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}
OLD_COLOUR = "#b5542d"  # the article's skills
NEW_COLOUR = "#2d6db5"  # what replaced them
# Twelve colours a reader tells apart (Tableau 10, then two more); beyond twelve series the
# colours come round again with a dashed line, so no two series look the same.
SERIES_COLOURS = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1b1b1b", "#17becf",
]  # fmt: skip


def series_style(i: int) -> dict:
    """The colour and line style of the i-th series of a chart: distinct for every series."""
    return {
        "color": SERIES_COLOURS[i % len(SERIES_COLOURS)],
        "linestyle": "-" if i < len(SERIES_COLOURS) else "--",
    }


@dataclass(frozen=True)
class YearPoint:
    """One share of one year, with its 95% interval (fractions, not percent)."""

    year: int
    share: float
    low: float
    high: float
    k: int
    n: int


def to_svg(fig) -> str:
    """Return a figure as inline SVG markup, with no reference outside the file."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    # Scale with the page down to a phone, but never above the drawn size (text would grow):
    # the viewBox keeps the aspect ratio, the drawn width becomes a maximum.
    svg = re.sub(
        r'<svg([^>]*?)\s+width="([^"]*)"\s+height="[^"]*"',
        r'<svg\1 role="img" style="max-width: \2"',
        svg,
        count=1,
    )
    return svg.strip()


def _gap_segments(points: Sequence[YearPoint]) -> list[list[YearPoint]]:
    """Split a series where years are missing, so no line crosses a gap in the data."""
    segments: list[list[YearPoint]] = []
    for p in sorted(points, key=lambda p: p.year):
        if segments and p.year == segments[-1][-1].year + 1:
            segments[-1].append(p)
        else:
            segments.append([p])
    return segments


def _missing_years(years: Sequence[int]) -> list[tuple[int, int]]:
    """Return the runs of years absent between the first and the last."""
    if not years:
        return []
    present = set(years)
    runs, start = [], None
    for y in range(min(years), max(years) + 1):
        if y not in present and start is None:
            start = y
        if y in present and start is not None:
            runs.append((start, y - 1))
            start = None
    return runs


def _plot_series(ax, points: Sequence[YearPoint], colour: str, label: str | None = None) -> None:
    """Draw shares in percent with 95% error bars; lines only join consecutive years."""
    for i, seg in enumerate(_gap_segments(points)):
        xs = [p.year for p in seg]
        ys = [100 * p.share for p in seg]
        err = [
            [100 * (p.share - p.low) for p in seg],
            [100 * (p.high - p.share) for p in seg],
        ]
        ax.errorbar(
            xs,
            ys,
            yerr=err,
            color=colour,
            marker="o",
            markersize=3,
            linewidth=1.4,
            capsize=2,
            elinewidth=0.8,
            label=label if i == 0 else None,
        )


def _shade_gaps(ax, years: Sequence[int], label: bool = True) -> None:
    for start, end in _missing_years(years):
        ax.axvspan(start - 0.5, end + 0.5, color="#999999", alpha=0.12, linewidth=0)
        if label:
            ax.text(
                (start + end) / 2,
                0.97,
                "no data",
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="top",
                fontsize=7,
                color="#666666",
            )


def _year_axis(ax, years: Sequence[int]) -> None:
    if not years:
        return
    lo, hi = min(years), max(years)
    step = 1 if hi - lo <= 8 else 2
    ax.set_xlim(lo - 0.6, hi + 0.6)
    ax.set_xticks(list(range(lo, hi + 1, step)))
    ax.tick_params(axis="x", labelrotation=45)


def skill_small_multiples(
    series: dict[str, Sequence[YearPoint]], names: dict[str, str], old: Sequence[str]
) -> str:
    """Small multiples, one panel per skill: share of posts per year with 95% intervals.

    Each panel has its own y scale (Flume and PyTorch differ by orders of magnitude); the
    article's skills are drawn in one colour, what replaced them in another.
    """
    return skill_small_multiples_by_group({"": series}, names, old)


def skill_small_multiples_by_group(
    groups: dict[str, dict[str, Sequence[YearPoint]]], names: dict[str, str], old: Sequence[str]
) -> str:
    """Small multiples, one panel per skill, one line per group (e.g. each job board).

    With one group, the article's skills are drawn in one colour and the newer ones in another;
    with several, each group has its colour and a legend names them.
    """
    with plt.rc_context(STYLE):
        skills = list(dict.fromkeys(s for series in groups.values() for s in series))
        cols = 4
        rows = max(1, math.ceil(len(skills) / cols))
        fig, axes = plt.subplots(rows, cols, figsize=(10, 2.3 * rows + 0.4), squeeze=False)
        years = sorted({p.year for g in groups.values() for pts in g.values() for p in pts})
        single = len(groups) == 1
        for ax, skill in zip(axes.flat, skills, strict=False):
            tag = "article" if skill in old else "newer"
            skill_colour = OLD_COLOUR if skill in old else NEW_COLOUR
            _shade_gaps(ax, years, label=False)
            for i, (group, series) in enumerate(groups.items()):
                colour = skill_colour if single else series_style(i)["color"]
                _plot_series(ax, series.get(skill, []), colour, None if single else group)
            title_colour = skill_colour if single else "black"
            ax.set_title(f"{names.get(skill, skill)} ({tag})", color=title_colour, loc="left")
            ax.set_ylim(bottom=0)
            ax.set_ylabel("% of jobs")
            _year_axis(ax, years)
        for ax in list(axes.flat)[len(skills) :]:
            ax.set_visible(False)
        if not single:
            handles, labels = axes.flat[0].get_legend_handles_labels()
            fig.legend(handles, labels, loc="upper right", ncol=len(groups), frameon=False)
        fig.tight_layout(rect=(0, 0, 1, 0.96 if not single else 1))
        return to_svg(fig)


def share_lines(series: dict[str, Sequence[YearPoint]], labels: dict[str, str], ylabel: str) -> str:
    """One panel, one line per series: share per year with 95% intervals."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(8, 3.6))
        years = sorted({p.year for pts in series.values() for p in pts})
        _shade_gaps(ax, years)
        for i, (key, pts) in enumerate(series.items()):
            _plot_series(ax, pts, series_style(i)["color"], labels.get(key, key))
        ax.set_ylim(bottom=0)
        ax.set_ylabel(ylabel)
        _year_axis(ax, years)
        ax.legend(frameon=False, loc="upper left")
        fig.tight_layout()
        return to_svg(fig)


def monthly_bars(counts: dict[str, Sequence[tuple[date, int]]], labels: dict[str, str]) -> str:
    """One bar panel per source, months on a shared axis: where the data is thin shows."""
    with plt.rc_context(STYLE):
        n = max(1, len(counts))
        fig, axes = plt.subplots(n, 1, figsize=(10, 1.5 * n + 0.6), sharex=True, squeeze=False)
        for i, (ax, (source, rows)) in enumerate(zip(axes.flat, counts.items(), strict=False)):
            colour = series_style(i)["color"]
            xs = [m for m, _ in rows]
            ys = [c for _, c in rows]
            ax.bar(xs, ys, width=25, color=colour, linewidth=0)
            ax.set_title(labels.get(source, source), loc="left")
            ax.set_ylabel("postings")
            ax.grid(axis="x", alpha=0.15)
        fig.tight_layout()
        return to_svg(fig)


# The quantiles a pay box is drawn from, as the salary marts name their columns.
PAY_QUANTILES = ("p05", "p25", "median", "p75", "p95")


@dataclass(frozen=True)
class PayBox:
    """One pay group: its label, its size and its quantiles (``PAY_QUANTILES``, nominal, 2019)."""

    label: str
    n: int
    nominal: tuple[float, ...]
    real: tuple[float, ...]


# Below this many salaries a group's 5th and 95th percentiles are little more than its extremes:
# its box is drawn without whiskers.
WHISKER_MIN_N = 20


def _box_stats(box: PayBox, quantiles: tuple[float, ...]) -> dict:
    low, q1, med, q3, high = (v / 1000 for v in quantiles)
    if box.n < WHISKER_MIN_N:
        low, high = q1, q3
    return {"label": box.label, "whislo": low, "q1": q1, "med": med, "q3": q3, "whishi": high}


def pay_boxes(groups: dict[str, Sequence[PayBox]]) -> str:
    """Box plots of annual pay, one column of panels per source, n under each box.

    Sources cover different employers and years, so each has its panels and its own scale: a
    change of source never looks like a change of pay. Whiskers are the 5th and 95th
    percentiles, drawn only for groups of ``WHISKER_MIN_N`` or more; no outliers are drawn (a
    few six-figure typos would otherwise set the scale).
    """
    with plt.rc_context(STYLE):
        sizes = [max(2, len(b)) for b in groups.values()] or [1]
        width = max(8.0, min(14.0, 0.6 * sum(sizes) + 1.5 * len(sizes)))
        fig, axes = plt.subplots(
            2,
            len(sizes),
            figsize=(width, 6.2),
            squeeze=False,
            gridspec_kw={"width_ratios": sizes},
        )
        for col, (source, boxes) in enumerate(groups.items()):
            for row, (real, unit) in enumerate(((False, "nominal"), (True, "2019 $"))):
                ax = axes[row][col]
                stats = [_box_stats(b, b.real if real else b.nominal) for b in boxes]
                if stats:
                    ax.bxp(
                        stats,
                        showfliers=False,
                        widths=0.6,
                        medianprops={"color": OLD_COLOUR, "linewidth": 1.6},
                        boxprops={"color": NEW_COLOUR},
                        whiskerprops={"color": NEW_COLOUR},
                        capprops={"color": NEW_COLOUR},
                    )
                ax.set_title(f"{source}, {unit}" if row == 0 else unit, loc="left")
                if col == 0:
                    ax.set_ylabel("thousand USD a year" if not real else "thousand 2019 USD a year")
                ax.set_xticks(range(1, len(boxes) + 1))
                ax.set_xticklabels(
                    [f"{b.label}\nn={b.n}" if row == 1 else "" for b in boxes],
                    rotation=90 if len(boxes) > 6 else 0,
                    fontsize=7,
                )
        fig.tight_layout()
        return to_svg(fig)


def monthly_lines(series: dict[str, Sequence[tuple[date, float]]], ylabel: str) -> str:
    """One line per series over months (e.g. Indeed's AI share by country)."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(8, 3.4))
        for i, (key, rows) in enumerate(series.items()):
            style = series_style(i)
            ax.plot([m for m, _ in rows], [v for _, v in rows], label=key, **style)
            if rows:  # a direct label at the line's end, in its colour
                end, value = rows[-1]
                ax.annotate(
                    key,
                    (end, value),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                    color=style["color"],
                )
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.legend(frameon=False, loc="upper left", ncol=4)
        fig.tight_layout()
        return to_svg(fig)
