-- One row per job board, crawl and posting it listed: a board lists what is open when it is
-- crawled, so two crawls in a row of the same board say what appeared, changed and
-- disappeared in between. `crawl_order` numbers a board's crawls (1 = its first). Only the
-- sources of var `listing_sources`: Hacker News threads are archives, not listings.
with

sightings as (

    select
        source,
        coalesce(board, split_part(source_id, '/', 1)) as board,
        source || ':' || source_id as posting_id,
        content_hash,
        run_id,
        cast(crawled_at as timestamptz) as crawled_at
    from {{ source('raw', 'sightings') }}
    where source in ('{{ var("listing_sources") | join("', '") }}')

),

crawls as (

    select
        source,
        board,
        run_id,
        min(crawled_at) as crawled_at,
        count(*) as n_listed,
        row_number() over (partition by source, board order by min(crawled_at), run_id)
            as crawl_order
    from sightings
    group by source, board, run_id

),

final as (

    select
        sightings.posting_id,
        sightings.content_hash,
        crawls.source,
        crawls.board,
        crawls.run_id,
        crawls.crawled_at,
        crawls.n_listed,
        crawls.crawl_order
    from sightings
    inner join crawls using (source, board, run_id)

)

select * from final
