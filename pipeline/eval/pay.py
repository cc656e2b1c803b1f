"""Score the pay parser on hand-labelled postings: every stated base-pay range, and for the
labelled pay cases its kind of job and whether it is a bound.

A range matches a label when currency and period agree and both ends are within 1%. Texts
are the postings as the spiders land them, read as the warehouse reads them
(``Document.pay_rows``) but without the source's structured pay: the labels are of the text,
as a reader sees it, so the text reader is what is scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.eval.documents import labelled_documents
from pipeline.ingest.corpus import Corpus
from pipeline.paths import LABELS_DIR

SALARY_LABELS = LABELS_DIR / "salary_labels.jsonl"
PAY_CASES_LABELS = LABELS_DIR / "pay_cases_labels.jsonl"
TOLERANCE = 0.01


@dataclass
class PayScores:
    postings: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    employment_right: int = 0
    bound_right: int = 0
    errors: list[tuple] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _same(got, want) -> bool:
    low, high, currency, period = got
    return (
        currency == want[2]
        and period == want[3]
        and abs(low - want[0]) <= TOLERANCE * want[0]
        and abs(high - want[1]) <= TOLERANCE * want[1]
    )


def load_pay_labels(path: Path) -> list[dict]:
    """Return a pay label file's rows (ids and labels only; the texts stay in the corpus)."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pay_scores(corpus: Corpus, path: Path = SALARY_LABELS) -> dict[str, PayScores]:
    """Return the scores of one label file by split (and ``all``)."""
    rows = [r for r in load_pay_labels(path) if not r.get("excluded")]
    docs = labelled_documents(corpus, {(r["source"], r["source_id"]) for r in rows})
    out: dict[str, PayScores] = {}
    for row in rows:
        doc = docs[(row["source"], row["source_id"])]
        found = doc.pay_rows(structured=False)
        want = [list(w) for w in row["salaries"]]
        tp = employment = bound = 0
        wrong_kind = []
        missed = list(want)
        for s in found:
            got = (s["min_amount"], s["max_amount"], s["currency"], s["period"])
            hit = next((w for w in missed if _same(got, w)), None)
            if hit is None:
                continue
            missed.remove(hit)
            tp += 1
            if len(hit) > 4:
                kind = (s["employment_type"], s["bound"] or "none")
                employment += kind[0] == hit[4]
                bound += kind[1] == hit[5]
                if kind != tuple(hit[4:6]):
                    wrong_kind.append((s["snippet"], kind, tuple(hit[4:6])))
        for split in (row["split"], "all"):
            sc = out.setdefault(split, PayScores())
            sc.postings += 1
            sc.tp += tp
            sc.fp += len(found) - tp
            sc.fn += len(missed)
            sc.employment_right += employment
            sc.bound_right += bound
            if split != "all" and (len(found) != tp or missed or wrong_kind):
                got = [
                    (s["min_amount"], s["max_amount"], s["currency"], s["period"]) for s in found
                ]
                sc.errors.append((row["source"], row["source_id"], got, want, wrong_kind))
    return out
