"""The duty extractor: the seed and its phrases agree, and each kind of rule reads as written."""

from __future__ import annotations

import tomllib

import pytest

from pipeline.domain import duties
from pipeline.domain.duties import (
    PHRASES_PATH,
    DutyExtractor,
    duties_of_kind,
    extract_duties,
    read_duties,
)
from pipeline.domain.postings import posting_duties


def test_the_seed_lists_the_articles_duties_and_three_it_lacks():
    seed = read_duties()
    responsibilities = [d for d in seed.values() if d.kind == "responsibility"]
    applications = [d for d in seed.values() if d.kind == "application"]
    assert sum(d.in_article for d in responsibilities) == 10
    assert {d.duty_id for d in responsibilities if not d.in_article} == {
        "deployment-mlops",
        "evaluation",
        "inference-cost",
    }
    assert len(applications) == 10 and all(d.in_article for d in applications)


def test_seed_and_phrases_must_name_the_same_ids():
    phrases = tomllib.loads(PHRASES_PATH.read_text(encoding="utf-8"))
    del phrases["evaluation"]
    with pytest.raises(ValueError, match=r"missing \['evaluation'\]"):
        DutyExtractor(read_duties(), phrases)


@pytest.mark.parametrize(
    ("text", "duty"),
    [
        ("You will train and fine-tune LLMs on our data.", "train-retrain"),
        ("Productionizing research models is the job.", "prototype-to-production"),
        ("Take prototypes from the lab into production.", "prototype-to-production"),
        ("You'll deploy ML models and monitor them.", "deployment-mlops"),
        ("Build evals for our agents.", "evaluation"),
        ("Our recommendation engine serves millions.", "recommendation"),
        ("We detect fraud in card payments.", "spam-fraud"),
        ("We build self-driving trucks.", "autonomous-vehicles"),
        ("Experience with A/B testing.", "statistical-analysis-tuning"),
        ("Quantization and distillation for faster inference.", "inference-cost"),
    ],
)
def test_phrases_find_their_duty(text, duty):
    assert duty in extract_duties(text)


@pytest.mark.parametrize(
    ("text", "duty"),
    [
        # An exclusion holds the match: a letter of recommendation is no recommender.
        ("Please send two letters of recommendation.", "recommendation"),
        ("Beware of recruitment scams and fraudulent offers.", "spam-fraud"),
        # A near rule reads in order: the verb, then the model.
        ("Models are what we like; we rarely deploy.", "deployment-mlops"),
        # Whole words: "trainee" is no training.
        ("A trainee program for graduates.", "train-retrain"),
        ("We give you autonomy and ownership.", "autonomous-vehicles"),
    ],
)
def test_what_does_not_name_a_duty(text, duty):
    assert duty not in extract_duties(text)


def test_nothing_to_read_gives_nothing():
    assert extract_duties(None) == set() == extract_duties("")
    assert posting_duties("Machine Learning Engineer", None, ["ml_engineer"]) == []


def test_technical_duties_are_an_engineers():
    text = "We build AI-powered products and deploy ML models. You will analyze data."
    engineer = posting_duties("Sales Lead", text, ["ml_engineer"])
    seller = posting_duties("Sales Lead", text, ["other"])
    assert {"ml-applications", "deployment-mlops", "explore-visualise-data"} <= set(engineer)
    assert seller == ["explore-visualise-data"]


def test_kinds_split_the_ids():
    found = extract_duties("We train models for our recommendation engine.")
    assert duties_of_kind(found, "responsibility") == {"train-retrain"}
    assert duties_of_kind(found, "application") == {"recommendation"}


def test_the_extractor_is_built_once_and_versioned():
    assert duties.extractor() is duties.extractor()
    assert len(duties.DUTIES_VERSION) == 12
