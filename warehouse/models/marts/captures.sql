-- One row per source: how its data were fetched (a live crawl or a replay of a recorded corpus),
-- by which runs, and the newest posting in it. A replayed capture is at least as new as its
-- newest posting, so `newest_posted_at` dates what was recorded; the runs date the replay.
with

ledger as (
    select * from {{ source('raw', 'load_ledger') }}
    where kind in ('postings', 'dataset')
),

postings as (select * from {{ ref('postings') }}),

credits as (select * from {{ ref('source_credits') }}),

runs as (

    select
        source,
        list(distinct coalesce(fetch_mode, 'unknown') order by coalesce(fetch_mode, 'unknown'))
            as fetch_modes,
        count(distinct run_id) as n_runs,
        min(run_id) as first_run_id,
        max(run_id) as last_run_id,
        min(loaded_at) as first_loaded_at,
        max(loaded_at) as last_loaded_at
    from ledger
    group by source

),

newest as (

    select source, min(posted_at) as oldest_posted_at, max(posted_at) as newest_posted_at
    from postings
    group by source

),

final as (

    select
        runs.source,
        coalesce(credits.short_label, runs.source) as source_label,
        runs.fetch_modes,
        case
            when runs.fetch_modes = ['live'] then 'live'
            when runs.fetch_modes = ['replay'] then 'replay'
            when runs.fetch_modes = ['unknown'] then 'unknown'
            else 'mixed'
        end as fetch_mode,
        runs.n_runs,
        runs.first_run_id,
        runs.last_run_id,
        runs.first_loaded_at,
        runs.last_loaded_at,
        newest.oldest_posted_at,
        newest.newest_posted_at
    from runs
    left join newest on newest.source = runs.source
    left join credits on credits.source = runs.source

)

select * from final
order by source
