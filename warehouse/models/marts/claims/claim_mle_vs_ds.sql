-- One row per check of the claim mle-vs-ds: in each window, the share of postings advertising
-- ml_engineer against the share advertising data_scientist (same source, same denominator).
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'mle-vs-ds'),

windows as (select * from {{ ref('claim_windows') }}),

demand as (

    select * from {{ ref('role_demand_monthly') }}
    where role_family in ('ml_engineer', 'data_scientist')

),

windowed as (

    select
        windows.window_id,
        windows.source,
        windows.window_label,
        windows.window_order,
        sum(demand.n_postings_with_role) filter (where demand.role_family = 'ml_engineer') as n_ml,
        sum(demand.n_postings_with_role) filter (where demand.role_family = 'data_scientist') as n_ds,
        -- n_postings repeats once per family: count it from one of them.
        sum(demand.n_postings) filter (where demand.role_family = 'ml_engineer') as n_postings
    from windows
    left join demand
        on demand.source = windows.source
        and demand.posted_month between windows.first_month and windows.last_month
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

final as (

    select
        claim.claim_id,
        shares.window_id as check_id,
        shares.window_label as check_label,
        shares.window_order as check_order,
        shares.source,
        shares.window_label as period,
        shares.ml_share as observed_value,
        shares.ml_low as observed_low,
        shares.ml_high as observed_high,
        shares.ds_share as target_value,
        shares.ds_low as target_low,
        shares.ds_high as target_high,
        coalesce(shares.n_postings, 0) as sample_size,
        'postings' as sample_unit,
        printf(
            '%s: ml_engineer %.1f%% (%d) vs data_scientist %.1f%% (%d) of %d postings',
            shares.window_label, 100 * coalesce(shares.ml_share, 0), coalesce(shares.n_ml, 0),
            100 * coalesce(shares.ds_share, 0), coalesce(shares.n_ds, 0),
            coalesce(shares.n_postings, 0)
        ) as observed_text,
        true as counts_toward_verdict,
        shares.window_id = 'hn-2017-2018' as is_headline,
        'role_demand_monthly (ml_engineer and data_scientist, by window)' as evidence
    from shares
    cross join claim

)

select * from final
