-- One row per posting and change a job board showed between two crawls in a row: `appeared`
-- (listed now, never before), `changed` (listed both times, different content_hash) or
-- `disappeared` (listed last time, not now), with the crawl (`run_id`, `crawled_at`) and the
-- one before it. A board's first crawl has no events (there is nothing to compare with).
-- `days_listed` of a disappeared posting: from its first crawl (or its posting date, when
-- earlier) to the last crawl that listed it.
with

listed as (select * from {{ ref('int_board_crawls_listed') }}),

postings as (select posting_id, posted_at, title, company_key from {{ ref('postings') }}),

crawls as (

    select distinct source, board, run_id, crawled_at, crawl_order, n_listed from listed

),

pairs as (

    select
        now_.source,
        now_.board,
        now_.run_id,
        now_.crawled_at,
        before.run_id as previous_run_id,
        before.crawled_at as previous_crawled_at,
        now_.crawl_order
    from crawls as now_
    inner join crawls as before
        on before.source = now_.source
        and before.board = now_.board
        and before.crawl_order = now_.crawl_order - 1

),

first_listed as (

    select
        posting_id,
        source,
        board,
        min(crawl_order) as first_crawl_order,
        min(crawled_at) as first_listed_at
    from listed
    group by all

),

-- Each pair of crawls in a row, and every posting either of them listed.
compared as (

    select
        pairs.source,
        pairs.board,
        pairs.run_id,
        pairs.crawled_at,
        pairs.previous_run_id,
        pairs.previous_crawled_at,
        pairs.crawl_order,
        listed.posting_id,
        bool_or(listed.run_id = pairs.run_id) as is_listed_now,
        bool_or(listed.run_id = pairs.previous_run_id) as was_listed,
        max(listed.content_hash) filter (where listed.run_id = pairs.run_id) as hash_now,
        max(listed.content_hash) filter (where listed.run_id = pairs.previous_run_id)
            as hash_before
    from pairs
    inner join listed
        on listed.source = pairs.source
        and listed.board = pairs.board
        and listed.run_id in (pairs.run_id, pairs.previous_run_id)
    group by all

),

events as (

    select
        compared.*,
        case
            -- listed now, in no earlier crawl of the board
            when is_listed_now and not was_listed
                and first_listed.first_crawl_order = compared.crawl_order then 'appeared'
            -- listed both times, with another content hash
            when is_listed_now and was_listed and hash_now is distinct from hash_before
                then 'changed'
            -- listed in the crawl before, not in this one
            when was_listed and not is_listed_now then 'disappeared'
        end as event,
        first_listed.first_listed_at
    from compared
    inner join first_listed using (posting_id, source, board)

),

final as (

    select
        events.source,
        events.board,
        events.posting_id,
        events.event,
        events.run_id,
        events.crawled_at,
        events.previous_run_id,
        events.previous_crawled_at,
        postings.title,
        postings.company_key,
        postings.posted_at,
        case when events.event = 'disappeared' then
            date_diff(
                'day',
                least(events.first_listed_at, coalesce(postings.posted_at, events.first_listed_at)),
                events.previous_crawled_at
            )
        end as days_listed
    from events
    left join postings using (posting_id)
    where events.event is not null

)

select * from final
