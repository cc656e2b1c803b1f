-- One row per source and posting month (NULL for postings without a date): how many postings
-- and jobs the warehouse holds, how many have a description (what skill shares can count),
-- and whether the month looks partially captured, by what the source itself shows:
--   * a Hacker News month (one thread) holding fewer than 60% of the median of the months
--     within three months of it looks partial (threads of neighbouring months are of a size);
--   * where a thread's posts carry their real day (more than one distinct day in the month), a
--     month whose latest post is before day 20 was captured before its thread ended.
-- Board postings are dated by when each job opened, so their months are not compared.
-- Shares are taken within a month, so a partial month is a smaller sample, not a biased one,
-- unless the part captured differs from the rest (early posts are not late posts).
with

postings as (

    select source, posted_month, posted_at, has_description, job_id
    from {{ ref('postings') }}

),

credits as (select source, label, short_label from {{ ref('source_credits') }}),

monthly as (

    select
        source,
        posted_month,
        count(*) as n_postings,
        count(distinct job_id) as n_jobs,
        count_if(has_description) as n_with_description,
        -- Only Hacker News months are threads; board postings are dated by when a job opened.
        case when source = 'hackernews' then count(distinct cast(posted_at as date)) end
            as n_posting_days,
        case when source = 'hackernews' then max(day(posted_at)) end as last_posting_day
    from postings
    group by source, posted_month

),

compared as (

    select
        *,
        case when source = 'hackernews' and posted_month is not null then
            median(n_postings) over (
                partition by source
                order by posted_month
                range between interval 3 month preceding and interval 3 month following
                exclude current row
            )
        end as neighbour_median
    from monthly

),

flagged as (

    select
        *,
        n_postings < 0.6 * neighbour_median as is_small,
        n_posting_days > 1 and last_posting_day < 20 as ends_early
    from compared

),

final as (

    select
        flagged.source,
        credits.label as source_label,
        credits.short_label as source_short_label,
        flagged.posted_month,
        flagged.n_postings,
        flagged.n_jobs,
        flagged.n_with_description,
        flagged.neighbour_median,
        coalesce(flagged.is_small or flagged.ends_early, false) as looks_partial,
        nullif(concat_ws(
            '; ',
            case when flagged.is_small then printf(
                '%d posts, %.0f%% of the median of the months around it (%.0f)',
                flagged.n_postings, 100 * flagged.n_postings / flagged.neighbour_median,
                flagged.neighbour_median
            ) end,
            case when flagged.ends_early then printf(
                'the latest post is of day %d: captured before the thread ended',
                flagged.last_posting_day
            ) end
        ), '') as partial_reason
    from flagged
    left join credits using (source)

)

select * from final
