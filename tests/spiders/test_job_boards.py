"""The Ashby and Greenhouse spiders, run through Scrapy on fixtures and on the replay corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import load_sources
from tests.conftest import landed, make_corpus, run_spider


def test_ashby_fixture_board(tmp_path, fixture_corpus):
    result = run_spider("ashby", tmp_path, fixture_corpus, boards="examplelabs")
    assert result.status == "ok", result.reason
    postings = {p["source_id"]: p for p in landed(tmp_path, "ashby")}
    mle = postings["examplelabs/0f4a1a7e-1111-4c2b-9c1e-000000000001"]
    assert mle["title"] == "Machine Learning Engineer, Inference"
    assert mle["country"] == "United States"
    assert mle["posted_at"] == "2025-09-15T17:20:00Z"
    assert mle["employment_type"] == "FullTime"
    # Structured compensation is kept exactly as Ashby gives it.
    salary = mle["pay"]["summaryComponents"][0]
    assert (salary["minValue"], salary["maxValue"], salary["currencyCode"]) == (
        190000,
        250000,
        "USD",
    )
    assert mle["salary_text"] == "$190K - $250K"
    coordinator = postings["examplelabs/0f4a1a7e-2222-4c2b-9c1e-000000000002"]
    assert coordinator["pay"] is None
    assert coordinator["remote"] is True


def test_greenhouse_fixture_boards_with_and_without_content(tmp_path, fixture_corpus):
    result = run_spider(
        "greenhouse", tmp_path, fixture_corpus, boards="examplecorp,contentco", content="contentco"
    )
    assert result.status == "ok", result.reason
    postings = {p["source_id"]: p for p in landed(tmp_path, "greenhouse")}
    assert set(postings) == {"examplecorp/4000001", "examplecorp/4000002", "contentco/5000001"}
    infra = postings["examplecorp/4000001"]
    assert infra["location"] == "Seattle, WA"
    assert infra["posted_at"] == "2025-09-01T13:00:00Z"  # -04:00 converted to UTC
    assert infra["description_text"] is None
    scientist = postings["contentco/5000001"]
    assert scientist["description_html"].startswith("<p>Build recommendation models")
    assert "€70.000 – €90.000" in scientist["description_text"]
    assert scientist["extras"]["departments"] == ["Data Science"]


def test_one_missing_board_does_not_stop_the_others(tmp_path, fixture_corpus):
    result = run_spider("greenhouse", tmp_path, fixture_corpus, boards="examplecorp,notrecorded")
    assert result.status == "partial"
    assert "not recorded" in result.reason
    assert len(landed(tmp_path, "greenhouse")) == 2


def test_a_job_without_id_is_rejected_with_its_reason(tmp_path):
    body = {
        "jobs": [
            {"title": "No id here"},
            {"id": 7, "title": "Fine", "absolute_url": "https://x.example/7"},
        ]
    }
    corpus = make_corpus(
        tmp_path / "c",
        {"https://boards-api.greenhouse.io/v1/boards/b/jobs": json.dumps(body).encode()},
    )
    result = run_spider("greenhouse", tmp_path, corpus, boards="b")
    assert [p["source_id"] for p in landed(tmp_path, "greenhouse")] == ["b/7"]
    rejects = landed(tmp_path, "greenhouse", kind="rejects")
    assert [r["reason"] for r in rejects] == ["job without id"]
    assert result.rejects == 1


def test_invalid_posting_is_quarantined_by_the_validate_pipeline(tmp_path):
    body = {
        "jobs": [
            {
                "id": 8,
                "title": "Bad date",
                "absolute_url": "https://x.example/8",
                "first_published": "last Tuesday",
            }
        ]
    }
    corpus = make_corpus(
        tmp_path / "c",
        {"https://boards-api.greenhouse.io/v1/boards/b/jobs": json.dumps(body).encode()},
    )
    run_spider("greenhouse", tmp_path, corpus, boards="b")
    assert landed(tmp_path, "greenhouse") == []
    (reject,) = landed(tmp_path, "greenhouse", kind="rejects")
    assert reject["source_id"] == "b/8"
    assert "posted_at is not an ISO date" in reject["reason"]


@pytest.mark.parametrize(("spider", "expected_total"), [("ashby", 1769), ("greenhouse", 7892)])
def test_corpus_replay_lands_every_recorded_job(
    tmp_path, corpus, corpus_path, spider, expected_total
):
    expected = set()
    for rec in corpus.by_source(spider):
        board = (
            rec.url.split("/job-board/" if spider == "ashby" else "/boards/")[1]
            .split("?")[0]
            .split("/")[0]
        )
        expected |= {f"{board}/{j['id']}" for j in json.loads(rec.body())["jobs"]}
    boards = load_sources()[spider].args
    result = run_spider(spider, tmp_path, corpus_path, **boards)
    assert result.status == "ok", result.reason
    got = [p["source_id"] for p in landed(tmp_path, spider)]
    assert len(got) == len(set(got)) == len(expected) == expected_total
    assert set(got) == expected


def test_a_missing_body_file_fails_its_board_at_once_and_names_it(tmp_path):
    jobs = json.dumps({"jobs": [{"id": 7, "title": "ML Engineer", "absolute_url": "u"}]})
    corpus = make_corpus(
        tmp_path / "c",
        {
            "https://boards-api.greenhouse.io/v1/boards/gone/jobs": jobs.encode(),
            "https://boards-api.greenhouse.io/v1/boards/b/jobs": jobs.encode(),
        },
    )
    manifest = [json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines()]
    (corpus / manifest[0]["body"]).unlink()
    result = run_spider("greenhouse", tmp_path, corpus, boards="gone,b")
    assert result.status == "partial"
    assert "1 recorded body(ies) unreadable" in result.reason
    assert result.retries == 0  # a missing file is not worth a retry
    log = Path(result.log_file).read_text(encoding="utf-8")
    assert "cannot read the recorded body of board gone" in log
    assert [p["source_id"] for p in landed(tmp_path, "greenhouse")] == ["b/7"]
