"""Skill extraction on the hand-labelled corpus postings, read as the spiders land them."""

from __future__ import annotations

import pytest

from pipeline.eval import SKILLS_LABELS, skill_scores
from pipeline.eval.documents import labelled_documents
from pipeline.eval.scoring import load_labels

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scores(corpus):
    return skill_scores(corpus)


def test_labelled_set_covers_every_source_and_period(corpus):
    labels = load_labels(SKILLS_LABELS, "skills")
    assert len(labels) >= 150
    assert {source for source, _ in labels} == {"hackernews", "ashby", "greenhouse"}
    docs = labelled_documents(corpus, labels)
    years = {d.posted_at[:4] for d in docs.values() if d.source == "hackernews"}
    assert {"2012", "2013", "2014", "2015", "2016", "2017", "2018", "2026"} <= years
    greenhouse = [d for d in docs.values() if d.source == "greenhouse"]
    assert any(d.text for d in greenhouse) and any(not d.text for d in greenhouse)


def test_skill_micro_precision_and_recall(scores):
    for split in ("dev", "holdout"):
        assert scores[split].precision >= 0.95, (split, scores[split].errors)
        assert scores[split].recall >= 0.95, (split, scores[split].errors)
