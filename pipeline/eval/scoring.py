"""Labelled postings and how a predicted set of labels is scored against them.

A label file (``tests/pipeline/labels/*.jsonl``) holds ids and labels only, one posting a line:
``source``, ``source_id``, the labels under a field name (``skills``, ``roles``, ...), the
``split`` (``dev``: rules were tuned on it; ``holdout``: never looked at while tuning) and, for
the era sets, ``era`` and ``stratum``. The texts stay in the replay corpus.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Key = tuple[str, str]


@dataclass(frozen=True)
class Labelled:
    """One labelled posting."""

    key: Key
    labels: frozenset[str]
    split: str
    era: str
    stratum: str
    row: Mapping[str, Any]


def era_of(year: str | None) -> str:
    """Return the era a posting's year belongs to, as the era label sets name them."""
    eras = {
        "2012": "2012-13",
        "2013": "2012-13",
        "2015": "2015-16",
        "2016": "2015-16",
        "2017": "2017-18",
        "2018": "2017-18",
    }
    return eras.get(year or "", year or "?")


def load(path: Path, field_name: str) -> list[Labelled]:
    """Return the postings of a JSON-lines file labelled with ``field_name`` (a row without
    it was not labelled for it: the era set's third draw has roles, not degrees)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            if field_name not in row:
                continue
            value = row[field_name]
            labels = frozenset(value if isinstance(value, list) else [value])
            out.append(
                Labelled(
                    key=(row["source"], row["source_id"]),
                    labels=labels,
                    split=row.get("split", "dev"),
                    era=row.get("era", ""),
                    stratum=row.get("stratum", ""),
                    row=row,
                )
            )
    return out


def load_labels(path: Path, field_name: str) -> dict[Key, frozenset[str]]:
    """Return ``{(source, source_id): labels}`` from a label file."""
    return {r.key: r.labels for r in load(path, field_name)}


@dataclass
class Scores:
    """True and false positives and false negatives per label, and exact-set matches."""

    total: int = 0
    exact: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    # (gold label, predicted label) where each side has exactly one: the confusion matrix.
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[tuple[Key, frozenset[str], frozenset[str]]] = field(default_factory=list)

    def add(self, key: Key, gold: Iterable[str], got: Iterable[str]) -> None:
        gold, got = frozenset(gold), frozenset(got)
        self.total += 1
        if gold == got:
            self.exact += 1
        else:
            self.errors.append((key, gold, got))
        for label in gold & got:
            self.tp[label] += 1
        for label in got - gold:
            self.fp[label] += 1
        for label in gold - got:
            self.fn[label] += 1
        if len(gold) == 1 and len(got) == 1:
            self.confusion[(next(iter(gold)), next(iter(got)))] += 1

    @property
    def accuracy(self) -> float:
        """The share of postings whose predicted set equals the labelled set."""
        return self.exact / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        """Micro precision over all labels."""
        tp, fp = sum(self.tp.values()), sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def recall(self) -> float:
        """Micro recall over all labels."""
        tp, fn = sum(self.tp.values()), sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else 1.0

    def precision_of(self, label: str) -> float | None:
        tp, fp = self.tp[label], self.fp[label]
        return tp / (tp + fp) if tp + fp else None

    def recall_of(self, label: str) -> float | None:
        tp, fn = self.tp[label], self.fn[label]
        return tp / (tp + fn) if tp + fn else None

    def support(self, label: str) -> int:
        """Postings labelled with ``label``."""
        return self.tp[label] + self.fn[label]


def score(labelled: Iterable[Labelled], predict: Callable[[Key], Iterable[str]]) -> Scores:
    """Score ``predict`` (posting key -> predicted labels) on labelled postings."""
    scores = Scores()
    for item in labelled:
        scores.add(item.key, item.labels, predict(item.key))
    return scores


def ratio(value: float | None) -> str:
    return "  - " if value is None else f"{value:.2f}"
