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

    select posting_id, min(crawled_at) as first_listed_at, max(crawled_at) as last_listed_at
    from listed
    group by posting_id

),

events as (

    -- appeared: in this crawl, in no earlier crawl of the board
    select pairs.*, current_.posting_id, 'appeared' as event
    from pairs
    inner join listed as current_
        on current_.source = pairs.source and current_.board = pairs.board
        and current_.run_id = pairs.run_id
    where not exists (
        select 1 from listed as earlier
        where earlier.posting_id = current_.posting_id
            and earlier.source = pairs.source and earlier.board = pairs.board
            and earlier.crawl_order < pairs.crawl_order
    )

    union all

    -- changed: in both crawls, with another content hash
    select pairs.*, current_.posting_id, 'changed' as event
    from pairs
    inner join listed as current_
        on current_.source = pairs.source and current_.board = pairs.board
        and current_.run_id = pairs.run_id
    inner join listed as previous
        on previous.source = pairs.source and previous.board = pairs.board
        and previous.run_id = pairs.previous_run_id
        and previous.posting_id = current_.posting_id
    where previous.content_hash is distinct from current_.content_hash

    union all

    -- disappeared: in the crawl before, not in this one
    select pairs.*, previous.posting_id, 'disappeared' as event
    from pairs
    inner join listed as previous
        on previous.source = pairs.source and previous.board = pairs.board
        and previous.run_id = pairs.previous_run_id
    where not exists (
        select 1 from listed as current_
        where current_.posting_id = previous.posting_id and current_.run_id = pairs.run_id
    )

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
                least(first_listed.first_listed_at, coalesce(postings.posted_at, first_listed.first_listed_at)),
                events.previous_crawled_at
            )
        end as days_listed
    from events
    left join postings using (posting_id)
    left join first_listed using (posting_id)

)

select * from final
