"""Benchmark the salary parser on every Hacker News post of the corpus, against one regex.

The baseline is the approach of JobSpy, the most used Python job scraper: a single dollar-range
regex. The parser is also timed with its previous windows (``benchmarks.baselines.
pay_windows_v1``: where it looked for pay before the Aho-Corasick passes), which must find the
same ranges. All run in the same process on the same texts; each is timed best of
``--repeat`` runs. On the hand-labelled postings all are also scored (range precision and
recall), the baseline read as US dollars, ``k`` as thousands, figures under 1,000 as hourly.

Run: ``.venv/bin/python -m benchmarks.bench_salary [--repeat 3]``
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import time
from collections.abc import Callable

from benchmarks.baselines import pay_windows_v1
from pipeline.domain import pay_text
from pipeline.eval.documents import documents
from pipeline.ingest.corpus import open_corpus
from pipeline.paths import LABELS_DIR
from pipeline.salary import extract_salaries

LABELS = LABELS_DIR / "salary_labels.jsonl"

# The regex of the brief, with the two ``k`` made capturing groups so that matches can be read
# as amounts; capturing changes nothing of what matches.
BASELINE = re.compile(
    r"\$\s?(\d+(?:,\d{3})*(?:\.\d+)?)\s?([kK])?\s?(?:-|–|to)\s?\$?\s?(\d+(?:,\d{3})*(?:\.\d+)?)\s?([kK])?"
)


def baseline_ranges(text: str) -> list[tuple[float, float, str, str]]:
    """Return the baseline's ranges: every dollar-range match, read as USD."""
    out = []
    for low, k1, high, k2 in BASELINE.findall(text):
        lo = float(low.replace(",", "")) * (1000 if k1 else 1)
        hi = float(high.replace(",", "")) * (1000 if k2 else 1)
        out.append((lo, hi, "USD", "hour" if hi < 1000 else "year"))
    return out


def parser_ranges(text: str) -> list[tuple[float, float, str, str]]:
    return [(s.min_amount, s.max_amount, s.currency, s.period) for s in extract_salaries(text)]


def previous_ranges(text: str) -> list[tuple[float, float, str, str]]:
    """The parser with its previous windows (the same code otherwise)."""
    current = pay_text._windows
    pay_text._windows = pay_windows_v1._windows
    try:
        return parser_ranges(text)
    finally:
        pay_text._windows = current


def timed(fn: Callable[[str], list], texts: list[str], repeat: int) -> tuple[float, int, int]:
    """Return (best seconds, postings with a range, ranges) of ``fn`` over ``texts``."""
    best = float("inf")
    with_range = ranges = 0
    for _ in range(repeat):
        start = time.perf_counter()
        results = [fn(t) for t in texts]
        best = min(best, time.perf_counter() - start)
        with_range = sum(1 for r in results if r)
        ranges = sum(len(r) for r in results)
    return best, with_range, ranges


def score(fn: Callable[[str], list], labels: list[dict], texts: dict) -> tuple[float, float]:
    """Return (precision, recall) of ranges on the labelled postings (ends within 1%)."""
    tp = fp = fn_ = 0
    for rec in labels:
        if rec.get("excluded"):
            continue
        want = [tuple(s[:4]) for s in rec["salaries"]]
        for lo, hi, cur, per in fn(texts[(rec["source"], rec["source_id"])]):
            hit = next(
                (
                    w
                    for w in want
                    if w[2:] == (cur, per)
                    and abs(lo - w[0]) <= 0.01 * w[0]
                    and abs(hi - w[1]) <= 0.01 * w[1]
                ),
                None,
            )
            if hit is None:
                fp += 1
            else:
                want.remove(hit)
                tp += 1
        fn_ += len(want)
    return tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn_) if tp + fn_ else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each method")
    args = parser.parse_args()

    corpus = open_corpus()
    docs = list(documents(corpus))
    hn = [d.text for d in docs if d.source == "hackernews"]
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]
    texts = {(d.source, d.source_id): d.text for d in docs}

    rows = []
    for name, fn in (
        ("baseline regex (JobSpy-style)", baseline_ranges),
        ("previous windows (pay_windows_v1)", previous_ranges),
        ("pipeline.salary.extract_salaries", parser_ranges),
    ):
        seconds, with_range, ranges = timed(fn, hn, args.repeat)
        precision, recall = score(fn, labels, texts)
        rows.append((name, seconds, len(hn) / seconds, with_range, ranges, precision, recall))

    print(
        f"Hacker News posts: {len(hn):,}; best of {args.repeat} runs; "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    labelled = sum(1 for r in labels if not r.get("excluded"))
    print(f"precision/recall: ranges on {labelled} hand-labelled postings (all sources)\n")
    header = ("method", "seconds", "posts/s", "posts with pay", "ranges", "precision", "recall")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, seconds, rate, with_range, ranges, precision, recall in rows:
        print(
            f"| {name} | {seconds:.2f} | {rate:,.0f} | {with_range:,} | {ranges:,} | "
            f"{precision:.3f} | {recall:.3f} |"
        )
    base, previous, ours = rows
    same = all(previous_ranges(t) == parser_ranges(t) for t in hn)
    print(
        f"\nthe parser takes {base[2] / ours[2]:.0f}x the baseline's time per post; it runs at "
        f"{ours[2] / previous[2]:.2f}x its previous version's posts per second, finding "
        + ("the same ranges in every post" if same else "DIFFERENT ranges")
    )


if __name__ == "__main__":
    main()
