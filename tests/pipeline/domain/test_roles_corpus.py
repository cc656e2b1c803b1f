"""Role classification on the hand-labelled corpus postings (texts read from the replay corpus).

Board jobs (Ashby, Greenhouse) are classified by their title, Hacker News posts by their text.
"""

from __future__ import annotations

import pytest

from pipeline.domain.roles import FAMILIES
from pipeline.eval import ROLES_LABELS, labelled_documents, load_labels, roles_of, score_roles

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def role_scores(corpus):
    labels = load_labels(ROLES_LABELS, "roles")
    docs = labelled_documents(corpus, labels)
    return score_roles(labels, {k: roles_of(d) for k, d in docs.items()})


def test_role_labels_use_the_families():
    labels = load_labels(ROLES_LABELS, "roles")
    assert len(labels) >= 150
    assert all(roles and roles <= set(FAMILIES) for roles in labels.values())


def test_role_accuracy_exact_set(role_scores):
    assert role_scores.accuracy >= 0.93, role_scores.errors
