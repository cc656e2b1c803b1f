-- One row per check of the claim mle-vs-ds: in each window, the share of jobs advertising
-- ml_engineer against the share advertising data_scientist (same source, same denominator; a
-- job's copies and reposts once a window).
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'mle-vs-ds'),

windows as (select * from {{ ref('int_claim_windows_listed') }}),

postings as (

    select postings.posting_id, postings.source, postings.posted_month, postings.job_id,
        clustered.job_company_key
    from {{ ref('postings') }} as postings
    inner join {{ ref('int_postings_clustered') }} as clustered using (posting_id)

),

roles as (

    select posting_id, role_family from {{ ref('posting_roles') }}
    where role_family in ('ml_engineer', 'data_scientist')

),

-- Each job once a window (its copies and reposts count once), with the families any of its
-- postings in the window advertises.
window_jobs as (

    select
        windows.window_id,
        postings.job_id,
        any_value(postings.job_company_key) as job_company_key,
        bool_or(roles.role_family = 'ml_engineer') as is_ml,
        bool_or(roles.role_family = 'data_scientist') as is_ds
    from windows
    inner join postings
        on postings.source = windows.source
        and postings.posted_month between windows.first_month and windows.last_month
    left join roles using (posting_id)
    group by all

),

ml_concentration as ({{ top_company_jobs('window_jobs', 'is_ml') }}),

windowed as (

    select
        {{ window_columns('windows') }},
        count_if(window_jobs.is_ml) as n_ml,
        count_if(window_jobs.is_ds) as n_ds,
        count(window_jobs.job_id) as n_postings,
        any_value(ml_concentration.n_top_company_jobs) / nullif(count_if(window_jobs.is_ml), 0)
            as top_company_share
    from windows
    left join window_jobs using (window_id)
    left join ml_concentration using (window_id)
    group by all

),

shares as (

    select
        *,
        coalesce(n_ml, 0) / nullif(n_postings, 0) as ml_share,
        {{ wilson_low('coalesce(n_ml, 0)', 'n_postings') }} as ml_low,
        {{ wilson_high('coalesce(n_ml, 0)', 'n_postings') }} as ml_high,
        coalesce(n_ds, 0) / nullif(n_postings, 0) as ds_share,
        {{ wilson_low('coalesce(n_ds, 0)', 'n_postings') }} as ds_low,
        {{ wilson_high('coalesce(n_ds, 0)', 'n_postings') }} as ds_high
    from windowed

),

-- Context, not counted: the article's own reasoning compared growth (LinkedIn: ML engineer
-- 9.8x, data scientist 6.5x); the same comparison on HN job shares, 2012 -> 2017.
growth as (

    select
        any_value(n_jobs_with_role) filter (
            where role_family = 'ml_engineer' and posted_year = 2012) as ml_2012,
        any_value(n_jobs_with_role) filter (
            where role_family = 'ml_engineer' and posted_year = 2017) as ml_2017,
        any_value(n_jobs_with_role) filter (
            where role_family = 'data_scientist' and posted_year = 2012) as ds_2012,
        any_value(n_jobs_with_role) filter (
            where role_family = 'data_scientist' and posted_year = 2017) as ds_2017,
        any_value(n_jobs) filter (
            where role_family = 'ml_engineer' and posted_year = 2012) as n_2012,
        any_value(n_jobs) filter (
            where role_family = 'ml_engineer' and posted_year = 2017) as n_2017
    from {{ ref('role_demand_yearly') }}
    where source = 'hackernews'

),

growth_check as (

    select
        'hn-growth-2012-2017' as check_id,
        'HN growth 2012 -> 2017' as check_label,
        9 as check_order,
        'hackernews' as source,
        'HN 2012 -> 2017' as period,
        (ml_2017 / n_2017) / nullif(ml_2012 / n_2012, 0) as observed_value,
        (ds_2017 / n_2017) / nullif(ds_2012 / n_2012, 0) as target_value,
        least(n_2012, n_2017) as sample_size,
        printf(
            'HN 2012 -> 2017 (context): ml_engineer share x%.1f, data_scientist share x%.1f (the report: 9.8x and 6.5x, profiles)',
            coalesce((ml_2017 / n_2017) / nullif(ml_2012 / n_2012, 0), 0),
            coalesce((ds_2017 / n_2017) / nullif(ds_2012 / n_2012, 0), 0)
        ) as observed_text
    from growth

),

final as (

    select
        claim.claim_id,
        shares.window_id as check_id,
        shares.window_label as check_label,
        shares.window_order as check_order,
        shares.source,
        shares.window_label as period,
        shares.first_year,
        shares.months_read,
        shares.ml_share as observed_value,
        shares.ml_low as observed_low,
        shares.ml_high as observed_high,
        shares.ds_share as target_value,
        shares.ds_low as target_low,
        shares.ds_high as target_high,
        coalesce(shares.n_postings, 0) as sample_size,
        'jobs' as sample_unit,
        shares.top_company_share,
        printf(
            '%s: ml_engineer %.1f%% (%d) vs data_scientist %.1f%% (%d) of %d jobs',
            shares.window_label, 100 * coalesce(shares.ml_share, 0), coalesce(shares.n_ml, 0),
            100 * coalesce(shares.ds_share, 0), coalesce(shares.n_ds, 0),
            coalesce(shares.n_postings, 0)
        ) as observed_text,
        true as counts_toward_verdict,
        shares.window_id = 'hn-2017-2018' as is_headline,
        'int_claim_mle_vs_ds_checked (postings, posting_roles and int_postings_clustered: jobs by window)' as evidence
    from shares
    cross join claim

    union all

    select
        claim.claim_id,
        growth_check.check_id,
        growth_check.check_label,
        growth_check.check_order,
        growth_check.source,
        growth_check.period,
        2012 as first_year,
        cast(null as date[]) as months_read,
        growth_check.observed_value,
        cast(null as double) as observed_low,
        cast(null as double) as observed_high,
        growth_check.target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        coalesce(growth_check.sample_size, 0) as sample_size,
        'jobs a year' as sample_unit,
        cast(null as double) as top_company_share,
        growth_check.observed_text,
        false as counts_toward_verdict,
        false as is_headline,
        'role_demand_yearly (source = hackernews, 2012 and 2017)' as evidence
    from growth_check
    cross join claim

)

select * from final
