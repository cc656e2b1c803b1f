-- One row per check of the claim growth-2015-2018: the change in the share of Hacker News posts advertising an ml_engineer role, and naming machine learning, January-June 2015 to January-June 2018 (HN holds 2018 up to June only).
-- The interval of a ratio is conservative: the after-share's Wilson bounds over the
-- before-share's opposite bounds.
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'growth-2015-2018'),

roles as (

    select * from {{ ref('role_demand_monthly') }}
    where source = 'hackernews'

),

skills as (

    select * from {{ ref('skill_demand_monthly') }}
    where source = 'hackernews' and role_family = 'all'

),

measures as (

    select
        'ml_engineer' as measure, 1 as measure_order, posted_month,
        n_postings_with_role as k, n_postings as n,
        (select article_value from claim) as target_value, true as counts_toward_verdict
    from roles
    where role_family = 'ml_engineer'
    union all
    select
        'machine-learning mention', 2, posted_month, n_postings_naming, n_postings,
        (select article_value from claim), true
    from skills
    where skill_id = 'machine-learning'

),

periods as (

    select
        measure,
        measure_order,
        target_value,
        counts_toward_verdict,
        coalesce(sum(k) filter (where posted_month between date '2015-01-01' and date '2015-06-01'), 0) as k_before,
        coalesce(sum(n) filter (where posted_month between date '2015-01-01' and date '2015-06-01'), 0) as n_before,
        coalesce(sum(k) filter (where posted_month between date '2018-01-01' and date '2018-06-01'), 0) as k_after,
        coalesce(sum(n) filter (where posted_month between date '2018-01-01' and date '2018-06-01'), 0) as n_after
    from measures
    group by all

),

shares as (

    select
        *,
        k_before / nullif(n_before, 0) as share_before,
        {{ wilson_low('k_before', 'n_before') }} as low_before,
        {{ wilson_high('k_before', 'n_before') }} as high_before,
        k_after / nullif(n_after, 0) as share_after,
        {{ wilson_low('k_after', 'n_after') }} as low_after,
        {{ wilson_high('k_after', 'n_after') }} as high_after
    from periods

),

final as (

    select
        claim.claim_id,
        'hn-' || shares.measure as check_id,
        'HN ' || shares.measure || ' share' as check_label,
        shares.measure_order as check_order,
        'hackernews' as source,
        'HN 2015-01..06 -> 2018-01..06 (2018 ends in June)' as period,
        shares.share_after / nullif(shares.share_before, 0) as observed_value,
        shares.low_after / nullif(shares.high_before, 0) as observed_low,
        shares.high_after / nullif(shares.low_before, 0) as observed_high,
        shares.target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        least(shares.n_before, shares.n_after) as sample_size,
        'posts a period' as sample_unit,
        printf(
            'HN %s share %.2f%% (%d/%d) -> %.2f%% (%d/%d): x%.2f, %+.0f%% (article x%.2f)',
            shares.measure, 100 * coalesce(shares.share_before, 0), shares.k_before,
            shares.n_before, 100 * coalesce(shares.share_after, 0), shares.k_after,
            shares.n_after, coalesce(shares.share_after / nullif(shares.share_before, 0), 0),
            100 * (coalesce(shares.share_after / nullif(shares.share_before, 0), 0) - 1),
            shares.target_value
        ) as observed_text,
        shares.counts_toward_verdict,
        shares.measure_order = 1 as is_headline,
        'role_demand_monthly, skill_demand_monthly (source = hackernews)' as evidence
    from shares
    cross join claim

)

select * from final
