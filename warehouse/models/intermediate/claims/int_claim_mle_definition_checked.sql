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

ml as (select * from shares where population = 'ml_engineer'),

swe as (select * from shares where population = 'software_engineer'),

ds as (select * from shares where population = 'data_scientist'),

compared as (

    -- The comparator: whichever parent family asks for both more often.
    select
        ml.*,
        swe.share as swe_share,
        swe.n_jobs as swe_jobs,
        ds.share as ds_share,
        ds.n_jobs as ds_jobs,
        case when coalesce(swe.share, 0) >= coalesce(ds.share, 0) then swe else ds end
            as comparator
    from ml
    inner join swe using (window_id)
    inner join ds using (window_id)

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
        compared.share as observed_value,
        compared.share_low as observed_low,
        compared.share_high as observed_high,
        compared.comparator.share as target_value,
        compared.comparator.share_low as target_low,
        compared.comparator.share_high as target_high,
        compared.n_jobs as sample_size,
        'ml_engineer jobs' as sample_unit,
        compared.top_company_share,
        printf(
            '%s: both disciplines named by ml_engineer %.1f%% (%d/%d jobs), software_engineer %.1f%% (of %d), data_scientist %.1f%% (of %d)',
            compared.window_label, 100 * coalesce(compared.share, 0),
            compared.n_jobs_naming, compared.n_jobs,
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
