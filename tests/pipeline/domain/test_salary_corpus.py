"""The salary parser against postings of the replay corpus, labelled by hand.

The labels (tests/pipeline/labels/salary_labels.jsonl) hold ids and ranges only; the texts are
read from the corpus. Splits: ``dev`` (the parser was tuned on its errors), ``holdout``
(measured once at that point, then also used for tuning) and ``holdout2`` (labelled after
that, before the parser saw it); docs/SALARY.md gives the figures of each step.
"""

from __future__ import annotations

import pytest

from pipeline.salary import extract_salaries

MIN_PRECISION = 0.95
MIN_RECALL = 0.95
TOLERANCE = 0.01


def _same(got: tuple, want: list) -> bool:
    """Return True when two ranges agree: currency, period, and both ends within 1%."""
    low, high, currency, period = got
    w_low, w_high, w_currency, w_period = want[:4]
    return (
        currency == w_currency
        and period == w_period
        and abs(low - w_low) <= TOLERANCE * w_low
        and abs(high - w_high) <= TOLERANCE * w_high
    )


def score(labels: list[dict], documents: dict) -> dict[str, dict[str, float]]:
    """Return true/false positives and misses, precision and recall, per split and overall."""
    counts: dict[str, dict[str, float]] = {}
    for rec in labels:
        if rec.get("excluded"):
            continue
        doc = documents[(rec["source"], rec["source_id"])]
        got = [
            (s.min_amount, s.max_amount, s.currency, s.period) for s in extract_salaries(doc.text)
        ]
        want = list(rec["salaries"])
        tp = 0
        for g in got:
            hit = next((w for w in want if _same(g, w)), None)
            if hit is not None:
                want.remove(hit)
                tp += 1
        for split in (rec["split"], "all"):
            c = counts.setdefault(split, {"tp": 0, "fp": 0, "fn": 0, "postings": 0})
            c["tp"] += tp
            c["fp"] += len(got) - tp
            c["fn"] += len(want)
            c["postings"] += 1
    for c in counts.values():
        c["precision"] = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        c["recall"] = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return counts


def test_labels_are_ids_and_ranges_only(salary_labels):
    assert len(salary_labels) >= 200
    allowed = {"source", "source_id", "stratum", "split", "salaries", "excluded", "note"}
    for rec in salary_labels:
        assert set(rec) <= allowed, rec
        for s in rec["salaries"]:
            assert len(s) == 4 and s[0] <= s[1] and s[3] in {"hour", "day", "week", "month", "year"}


@pytest.mark.corpus
def test_labelled_postings_are_in_the_corpus(salary_labels, salary_documents):
    missing = [
        (r["source"], r["source_id"])
        for r in salary_labels
        if (r["source"], r["source_id"]) not in salary_documents
    ]
    assert not missing


@pytest.mark.corpus
def test_precision_and_recall_on_labelled_postings(salary_labels, salary_documents):
    counts = score(salary_labels, salary_documents)
    for split in sorted(counts):
        c = counts[split]
        print(
            f"salary {split:>8}: postings={c['postings']:.0f} ranges: tp={c['tp']:.0f} "
            f"fp={c['fp']:.0f} fn={c['fn']:.0f} precision={c['precision']:.3f} "
            f"recall={c['recall']:.3f}"
        )
    overall = counts["all"]
    assert overall["precision"] >= MIN_PRECISION, overall
    assert overall["recall"] >= MIN_RECALL, overall
