"""One row per posting (newest version): the job it is a copy of, and why.

`job_id` is the posting id of the job's earliest posting; `matched_posting_id` and
`match_reason` say which posting joined it to the job, and by which rule (same url, same
company and title within two months, near-identical text). The rule is
pipeline.domain.jobs.cluster; this model only feeds it every posting. `company_key` is the
company as the clusters compare it (the board's name, or the post's header lead on Hacker News),
and `job_company_key` the company of the job's earliest posting, which the trend marts count
companies by (one company a job).
"""

import pyarrow as pa

from pipeline.domain.jobs import FREE_TEXT_SOURCES, PostingKeys, cluster

BATCH_ROWS = 50_000


def model(dbt, session):
    dbt.config(materialized="table")
    # The text is read only where the clusters use it (free-text posts, and a posting with no
    # company, whose header gives one): a board's descriptions would only fill memory.
    free_text = ", ".join(f"'{source}'" for source in sorted(FREE_TEXT_SOURCES))
    relation = (
        dbt.ref("int_postings_located")
        .project(
            "posting_id, source, url, coalesce(company, board) as company, title, "
            "cast(timezone('UTC', posted_at) as date) as posted, "
            f"case when source in ({free_text}) or coalesce(company, board) is null "
            "then description_text end as description_text"
        )
        .order("posting_id")
    )

    def keys():
        # In batches: the clusters keep no text, so neither does this model (a million posts'
        # texts are gigabytes).
        for batch in relation.to_arrow_reader(BATCH_ROWS):
            for row in zip(*(column.to_pylist() for column in batch.columns), strict=True):
                yield PostingKeys(*row)

    members = cluster(keys())
    companies = {m.posting_id: m.company_key for m in members}
    return pa.table(
        {
            "posting_id": [m.posting_id for m in members],
            "job_id": [m.job_id for m in members],
            "matched_posting_id": [m.matched_posting_id for m in members],
            "match_reason": [m.match_reason for m in members],
            "company_key": [m.company_key for m in members],
            "job_company_key": [companies[m.job_id] for m in members],
        },
        schema=pa.schema(
            [
                ("posting_id", pa.string()),
                ("job_id", pa.string()),
                ("matched_posting_id", pa.string()),
                ("match_reason", pa.string()),
                ("company_key", pa.string()),
                ("job_company_key", pa.string()),
            ]
        ),
    )
