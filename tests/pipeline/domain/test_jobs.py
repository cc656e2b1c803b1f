"""Tests of pipeline.domain.jobs: which postings are one job, and why."""

from __future__ import annotations

from datetime import date

from pipeline.domain.jobs import (
    PostingKeys,
    canonical_url,
    cluster,
    company_key,
    title_key,
)

BODY = (
    "We are a small team building search for lawyers. You will own the ranking models end to "
    "end, from the training data to the serving path, work with our two founders, and ship "
    "every week. Python, PyTorch and Postgres; you know how to measure what you ship."
)


def keys(
    posting_id,
    source="ashby",
    url=None,
    company="Acme",
    title="ML Engineer",
    posted=None,
    text=None,
):
    return PostingKeys(posting_id, source, url, company, title, posted, text)


def jobs_of(*postings):
    return {m.posting_id: (m.job_id, m.match_reason) for m in cluster(postings)}


def test_urls_compare_without_tracking_parameters_or_www():
    assert canonical_url("https://www.Example.com/jobs/1/?utm_source=hn#apply") == (
        "example.com/jobs/1"
    )
    # ids in the query are kept: two Greenhouse jobs on one careers page are two jobs
    assert canonical_url("https://stripe.com/jobs/search?gh_jid=1") != canonical_url(
        "https://stripe.com/jobs/search?gh_jid=2"
    )


def test_company_and_title_keys_ignore_form():
    assert company_key("Acme, Inc.") == company_key("ACME") == "acme"
    assert company_key(None, "Acme (YC S15) | ML Engineer | NYC") == "acme"
    assert title_key("Machine Learning Engineer (Remote)") == title_key("machine learning engineer")


def test_copies_of_one_opening_in_other_countries_are_one_job():
    found = jobs_of(
        keys("a:1", posted=date(2025, 10, 10), url="https://jobs.example.com/acme/1"),
        keys("a:2", posted=date(2025, 10, 12), url="https://jobs.example.com/acme/2"),
        keys("a:3", posted=date(2025, 10, 10), title="Data Scientist"),
    )
    assert found["a:1"] == ("a:1", "same company and title")
    assert found["a:2"] == ("a:1", "same company and title")
    assert found["a:3"] == ("a:3", None)


def test_a_title_reposted_after_the_window_is_a_new_job():
    found = jobs_of(
        keys("a:1", posted=date(2025, 1, 1)),
        keys("a:2", posted=date(2025, 6, 1)),
    )
    assert found["a:1"][0] != found["a:2"][0]


def test_monthly_reposts_of_a_post_chain_into_one_job():
    months = [date(2017, m, 1) for m in (1, 2, 3, 5)]
    posts = [
        keys(
            f"hn:{i}",
            source="hackernews",
            company=None,
            title=None,
            posted=d,
            text=f"Lexly | ML Engineer | NYC\n{BODY} Apply: jobs{i}@lexly.example",
        )
        for i, d in enumerate(months)
    ]
    found = jobs_of(*posts)
    assert {job for job, _ in found.values()} == {"hn:0"}
    assert found["hn:3"][1] in ("near-identical text", "same company and title")


def test_different_posts_of_one_company_stay_apart():
    other = "We are hiring a designer for our mobile app. Figma, user research, and taste."
    posts = [
        keys(
            f"hn:{i}",
            source="hackernews",
            company="Lexly",
            title=None,
            posted=date(2017, 1, 1),
            text=text,
        )
        for i, text in ((1, BODY), (2, other * 3))
    ]
    found = jobs_of(*posts)
    assert found["hn:1"][0] != found["hn:2"][0]


def test_board_texts_are_not_compared_only_their_titles():
    # Two roles of one employer share a long boilerplate: different titles, different jobs.
    found = jobs_of(
        keys("a:1", title="ML Engineer", posted=date(2025, 3, 1), text=BODY * 5),
        keys("a:2", title="Account Executive", posted=date(2025, 3, 1), text=BODY * 5),
    )
    assert found["a:1"][0] != found["a:2"][0]


def test_the_job_is_named_by_its_earliest_posting():
    found = jobs_of(
        keys("a:9", posted=date(2025, 3, 2)),
        keys("a:5", posted=date(2025, 3, 9)),
        keys("a:7", posted=date(2025, 3, 1)),
    )
    assert {job for job, _ in found.values()} == {"a:7"}


def test_the_same_post_copied_is_one_job_but_not_across_the_window_or_when_too_short():
    day, later = date(2016, 3, 1), date(2016, 9, 1)
    hn = dict(source="hackernews", company=None, title=None)
    copies = [keys(f"hn:{i}", posted=day, text="Acme | NYC\n" + BODY, **hn) for i in range(5)]
    found = jobs_of(
        *copies,
        keys("hn:later", posted=later, text="Acme | NYC\n" + BODY, **hn),
        keys("hn:short-1", posted=day, text="Acme | NYC | hiring", **hn),
        keys("hn:short-2", posted=day, text="Acme | NYC | hiring", **hn),
    )
    assert {found[f"hn:{i}"][0] for i in range(5)} == {"hn:0"}
    assert {found[f"hn:{i}"][1] for i in range(1, 5)} == {"near-identical text"}
    assert found["hn:later"] == ("hn:later", None)  # six months on: a new opening
    assert found["hn:short-1"][0] != found["hn:short-2"][0]  # too short to tell


def test_postings_are_read_once_so_the_model_can_stream_them():
    hn = dict(source="hackernews", company=None, title=None)
    posts = [
        keys("hn:0", posted=date(2016, 3, 1), text="Lexly | ML Engineer | NYC\n" + BODY, **hn),
        keys(
            "hn:1",
            posted=date(2016, 4, 1),
            text="Lexly | ML Engineer | NYC\n" + BODY + " Now.",
            **hn,
        ),
        keys("hn:2", posted=date(2016, 3, 1), text="Lexly | ML Engineer | NYC\n" + BODY, **hn),
        keys("a:1", url="https://jobs.example.com/1"),
        keys("a:2", url="https://www.jobs.example.com/1/"),
    ]
    streamed = cluster(p for p in posts)  # a generator: one pass, no second look at a text
    assert streamed == cluster(posts)
    assert [(m.job_id, m.match_reason) for m in streamed] == [
        ("hn:0", "near-identical text"),
        ("hn:0", "near-identical text"),
        ("hn:0", "near-identical text"),
        ("a:1", "same url"),
        ("a:1", "same url"),
    ]
