"""The Hacker News spider, run through Scrapy on fixtures and on the replay corpus."""

from __future__ import annotations

import json

from spiders.platforms.hackernews import complete_by, header_line, thread_month
from tests.conftest import landed, make_corpus, run_spider


def test_thread_month_reads_only_hiring_threads():
    assert thread_month("Ask HN: Who is hiring? (March 2026)") == "2026-03"
    assert thread_month("Ask HN: Who wants to be hired? (March 2026)") is None
    assert thread_month("Ask HN: Freelancer? Seeking freelancer? (March 2026)") is None


def test_header_line_needs_the_pipe_layout():
    assert header_line("Acme | ML Engineer | Boston\nmore") == "Acme | ML Engineer | Boston"
    assert header_line("We are hiring in Boston.\nmore") is None


def test_a_thread_is_complete_once_its_month_and_the_next_are_over():
    assert complete_by("2026-03") == "2026-05-01"
    assert complete_by("2026-11") == "2027-01-01"
    assert complete_by("2026-12") == "2027-02-01"


def test_a_second_crawl_asks_only_for_what_it_does_not_hold(tmp_path, fixture_corpus):
    first = run_spider("hackernews", tmp_path, fixture_corpus, run_id="r1")
    assert first.status == "ok" and first.items == 3
    # The same recordings, replayed again, would land the same postings: not crawled.
    again = run_spider("hackernews", tmp_path, fixture_corpus, run_id="r2")
    assert (again.status, again.items, again.unchanged_since) == ("ok", 0, "r1")
    assert "unchanged since run r1" in again.reason
    # Asked anew, the spider reads the thread list only: both months are held complete.
    anew = run_spider("hackernews", tmp_path, fixture_corpus, run_id="r3", since="2024-01")
    assert (anew.status, anew.items) == ("ok", 0)
    stats = json.loads((tmp_path / "landing/hackernews/r3.stats.json").read_text())
    assert (stats["hackernews/threads"], stats["hackernews/threads_held"]) == (0, 2)
    assert stats["hackernews/complete_months"] == ["2024-02", "2024-03"]
    # Unless told to crawl everything again.
    full = run_spider("hackernews", tmp_path, fixture_corpus, run_id="r4", since="2024-01", full=1)
    assert full.items == 3


def test_fixture_threads_give_one_posting_per_top_level_comment(tmp_path, fixture_corpus):
    result = run_spider("hackernews", tmp_path, fixture_corpus)
    assert result.status == "ok", result.reason
    postings = {p["source_id"]: p for p in landed(tmp_path, "hackernews")}
    # Two hiring threads; the deleted comment and the reply are not postings.
    assert set(postings) == {"900310", "900330", "900210"}
    acme = postings["900310"]
    assert acme["url"] == "https://news.ycombinator.com/item?id=900310"
    assert acme["company"] == "Acme Robotics"
    assert acme["posted_at"] == "2024-03-01T16:05:00Z"
    assert "PyTorch & ship" in acme["description_text"]
    assert acme["extras"]["thread_month"] == "2024-03"
    assert postings["900330"]["title"] is None  # prose post: no header line


def test_since_and_months_arguments_pick_threads(tmp_path, fixture_corpus):
    run_spider("hackernews", tmp_path / "a", fixture_corpus, since="2024-03")
    assert {p["source_id"] for p in landed(tmp_path / "a", "hackernews")} == {"900310", "900330"}
    run_spider("hackernews", tmp_path / "b", fixture_corpus, months=1)
    assert {p["extras"]["thread_month"] for p in landed(tmp_path / "b", "hackernews")} == {
        "2024-03"
    }


def test_malformed_thread_body_becomes_a_reject_not_a_crash(tmp_path):
    corpus = make_corpus(
        tmp_path / "corpus",
        {
            "https://hn.algolia.com/api/v1/search_by_date?tags=story%2Cauthor_whoishiring&hitsPerPage=1000": json.dumps(
                {
                    "hits": [
                        {"objectID": "1", "title": "Ask HN: Who is hiring? (May 2024)"},
                        {"objectID": "2", "title": "Ask HN: Who is hiring? (April 2024)"},
                    ]
                }
            ).encode(),
            "https://hn.algolia.com/api/v1/items/1": b'{"id": 1, "children": [{"id": 11, "auth',
            "https://hn.algolia.com/api/v1/items/2": json.dumps(
                {
                    "id": 2,
                    "children": [
                        {
                            "id": 21,
                            "author": "a",
                            "text": "Hiring",
                            "created_at": "2024-04-01T00:00:00Z",
                        }
                    ],
                }
            ).encode(),
        },
    )
    result = run_spider("hackernews", tmp_path, corpus)
    assert result.status == "partial"
    assert [p["source_id"] for p in landed(tmp_path, "hackernews")] == ["21"]
    rejects = landed(tmp_path, "hackernews", kind="rejects")
    assert len(rejects) == 1
    assert rejects[0]["url"].endswith("/items/1")
    assert "malformed JSON" in rejects[0]["reason"]


def test_corpus_replay_lands_every_recorded_post(tmp_path, corpus, corpus_path):
    expected = set()
    for rec in corpus.by_source("hackernews"):
        if "/items/" in rec.url:
            for c in json.loads(rec.body())["children"]:
                if c.get("text") and c.get("author"):
                    expected.add(str(c["id"]))
    result = run_spider("hackernews", tmp_path, corpus_path, since="2012-01")
    assert result.status == "ok", result.reason
    got = [p["source_id"] for p in landed(tmp_path, "hackernews")]
    assert len(got) == len(set(got)) == len(expected) > 30_000
    assert set(got) == expected
