"""Duty extraction on the hand-labelled corpus postings, read as the spiders land them.

The floors are the held-out figures of docs/DUTIES.md, rounded down: a change that reads the
postings worse fails here (the issue's targets, 0.90 and 0.85, are not reached yet).
"""

from __future__ import annotations

import pytest

from pipeline.eval import DUTIES_LABELS, duty_scores
from pipeline.eval.scoring import load

pytestmark = pytest.mark.corpus

FLOORS = {"responsibilities": (0.70, 0.60), "applications": (0.77, 0.78)}


@pytest.fixture(scope="module")
def scores(corpus):
    return duty_scores(corpus)


def test_labelled_set_is_drawn_from_every_source_with_a_held_out_part():
    labelled = load(DUTIES_LABELS, "responsibilities")
    assert len(labelled) >= 900
    groups = {(item.row["group"], item.split) for item in labelled}
    for group in ("hn-2012-18", "hn-2026", "ashby", "greenhouse"):
        assert {(group, "dev"), (group, "holdout")} <= groups, group
    assert sum(item.split == "holdout" for item in labelled) >= 250


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_held_out_precision_and_recall_stay_at_their_measured_level(scores, kind):
    precision, recall = FLOORS[kind]
    held_out = scores[(kind, "all", "holdout")]
    assert held_out.precision >= precision, held_out.errors[:5]
    assert held_out.recall >= recall, held_out.errors[:5]
