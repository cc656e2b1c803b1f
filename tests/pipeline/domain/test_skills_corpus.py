"""Skill extraction on the hand-labelled corpus postings (texts read from the replay corpus)."""

from __future__ import annotations

import pytest

from pipeline.eval import SKILLS_LABELS, labelled_documents, load_labels, score_skills, skills_of

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def skill_scores(corpus):
    labels = load_labels(SKILLS_LABELS, "skills")
    docs = labelled_documents(corpus, labels)
    return score_skills(labels, {k: skills_of(d) for k, d in docs.items()})


def test_labelled_set_covers_every_source_and_period():
    labels = load_labels(SKILLS_LABELS, "skills")
    assert len(labels) >= 150
    sources = {source for source, _ in labels}
    assert sources == {"hackernews", "ashby", "greenhouse"}


def test_labelled_hn_posts_span_the_years(corpus):
    labels = load_labels(SKILLS_LABELS, "skills")
    docs = labelled_documents(corpus, labels)
    years = {d.posted_at[:4] for d in docs.values() if d.source == "hackernews"}
    assert {"2012", "2013", "2014", "2015", "2016", "2017", "2018", "2026"} <= years
    greenhouse = [d for d in docs.values() if d.source == "greenhouse"]
    assert any(d.text for d in greenhouse) and any(not d.text for d in greenhouse)


def test_skill_micro_precision_and_recall(skill_scores):
    assert skill_scores.precision >= 0.93, skill_scores.errors
    assert skill_scores.recall >= 0.93, skill_scores.errors
