"""Fixtures of the salary tests: the labelled postings and their texts from the replay corpus."""

from __future__ import annotations

import json

import pytest

from pipeline.eval.documents import Document, labelled_documents
from pipeline.ingest.corpus import Corpus
from pipeline.paths import LABELS_DIR

SALARY_LABELS = LABELS_DIR / "salary_labels.jsonl"


def load_salary_labels() -> list[dict]:
    """Return the labelled postings (ids and labels only; the texts stay in the corpus)."""
    with SALARY_LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def salary_labels() -> list[dict]:
    return load_salary_labels()


@pytest.fixture(scope="session")
def salary_documents(corpus: Corpus, salary_labels: list[dict]) -> dict[tuple[str, str], Document]:
    """Return the corpus documents of the labelled postings, keyed by (source, source_id).

    Uses the shared ``corpus`` fixture, which fails under CI and skips elsewhere when the
    corpus is missing.
    """
    return labelled_documents(corpus, {(r["source"], r["source_id"]) for r in salary_labels})
