-- One row per check of the claim mle-definition ("a marriage" of data scientist and software
-- engineer): in each window, the share of ml_engineer jobs naming both a software-engineering
-- and a data-science skill (seed skills.discipline), against the larger of the same share
-- among software_engineer and among data_scientist jobs (with its 95% interval).
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'mle-definition'),

shares as (

    select * from {{ ref('int_population_shares_windowed') }}
    where subject_kind = 'discipline' and subject_id = 'software-and-data-science'

),

pivoted as (

    select
        window_id,
        any_value(source) as source,
        any_value(window_label) as window_label,
        any_value(window_order) as window_order,
        any_value(first_year) as first_year,
        any_value(months_read) as months_read,
        any_value(share) filter (where population = 'ml_engineer') as ml_share,
        any_value(share_low) filter (where population = 'ml_engineer') as ml_low,
        any_value(share_high) filter (where population = 'ml_engineer') as ml_high,
        any_value(n_jobs_naming) filter (where population = 'ml_engineer') as ml_naming,
        any_value(n_jobs) filter (where population = 'ml_engineer') as ml_jobs,
        any_value(top_company_share) filter (where population = 'ml_engineer') as ml_top_company,
        any_value(share) filter (where population = 'software_engineer') as swe_share,
        any_value(share_low) filter (where population = 'software_engineer') as swe_low,
        any_value(share_high) filter (where population = 'software_engineer') as swe_high,
        any_value(n_jobs) filter (where population = 'software_engineer') as swe_jobs,
        any_value(share) filter (where population = 'data_scientist') as ds_share,
        any_value(share_low) filter (where population = 'data_scientist') as ds_low,
        any_value(share_high) filter (where population = 'data_scientist') as ds_high,
        any_value(n_jobs) filter (where population = 'data_scientist') as ds_jobs
    from shares
    group by window_id

),

compared as (

    -- The comparator: whichever parent family asks for both more often.
    select
        *,
        coalesce(swe_share, 0) >= coalesce(ds_share, 0) as swe_is_larger
    from pivoted

),

final as (

    select
        claim.claim_id,
        compared.window_id as check_id,
        compared.window_label as check_label,
        compared.window_order as check_order,
        compared.source,
        compared.window_label as period,
        compared.first_year,
        compared.months_read,
        compared.ml_share as observed_value,
        compared.ml_low as observed_low,
        compared.ml_high as observed_high,
        case when swe_is_larger then swe_share else ds_share end as target_value,
        case when swe_is_larger then swe_low else ds_low end as target_low,
        case when swe_is_larger then swe_high else ds_high end as target_high,
        coalesce(compared.ml_jobs, 0) as sample_size,
        'ml_engineer jobs' as sample_unit,
        compared.ml_top_company as top_company_share,
        printf(
            '%s: both disciplines named by ml_engineer %.1f%% (%d/%d jobs), software_engineer %.1f%% (of %d), data_scientist %.1f%% (of %d)',
            compared.window_label, 100 * coalesce(compared.ml_share, 0),
            coalesce(compared.ml_naming, 0), coalesce(compared.ml_jobs, 0),
            100 * coalesce(compared.swe_share, 0), coalesce(compared.swe_jobs, 0),
            100 * coalesce(compared.ds_share, 0), coalesce(compared.ds_jobs, 0)
        ) as observed_text,
        true as counts_toward_verdict,
        compared.window_id = 'hn-2017-2018' as is_headline,
        'int_population_shares_windowed (subject software-and-data-science; seed skills.discipline)' as evidence
    from compared
    cross join claim

)

select * from final
