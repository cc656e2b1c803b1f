-- One row per check of the claim salary-us-2019: per source, pay basis and year, the mean
-- annual base pay of US ml_engineer salaries in 2019 dollars with a 95% interval of the mean
-- (normal approximation), from employer-stated postings (a job counts once a year, at the
-- midpoint of its first range in the pay series, int_pay_points_selected) and aijobs.net
-- self-reported full-time salaries (work year, identical rows once). Pay bases are never
-- pooled. `top_company_share`: the largest single company's share of a check's jobs.
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'salary-us-2019'),

pay_points as (

    select * from {{ ref('int_pay_points_selected') }}
    where employment_type = 'full_time'

),

salaries as (

    select
        source,
        pay_basis,
        pay_year,
        mid_annual_usd as mid_usd,
        mid_annual_usd_2019 as mid_usd_2019,
        job_company_key,
        count(*) over (partition by source, pay_basis, pay_year, job_company_key)
            as n_company_jobs
    from pay_points
    where country = 'US'
        and role_family = 'ml_engineer'
        and pay_year is not null

),

yearly as (

    select
        source,
        pay_basis,
        pay_year,
        count(*) as n_salaries,
        avg(mid_usd_2019) as mean_usd_2019,
        stddev_samp(mid_usd_2019) as sd_usd_2019,
        median(mid_usd_2019) as median_usd_2019,
        avg(mid_usd) as mean_usd,
        max(n_company_jobs) filter (where job_company_key is not null) / count(*)
            as top_company_share
    from salaries
    group by all

),

ranked as (

    select
        *,
        -- The headline: a check with enough salaries, employer-stated first, nearest 2019.
        row_number() over (
            order by
                n_salaries >= (select min_sample from claim) desc,
                pay_basis = 'self_reported',
                abs(pay_year - 2019),
                n_salaries desc
        ) as headline_rank
    from yearly

),

final as (

    select
        claim.claim_id,
        ranked.source || ':' || ranked.pay_basis || ':' || ranked.pay_year as check_id,
        ranked.source || ' ' || ranked.pay_year
        || case when ranked.pay_basis = 'self_reported' then ' (self-reported)' else '' end
            as check_label,
        case when ranked.pay_basis = 'self_reported' then 10000 else 0 end
        + ranked.pay_year as check_order,
        ranked.source,
        cast(ranked.pay_year as varchar) as period,
        ranked.pay_year as first_year,
        ranked.top_company_share,
        ranked.mean_usd_2019 as observed_value,
        {{ mean_low('ranked.mean_usd_2019', 'ranked.sd_usd_2019', 'ranked.n_salaries') }}
            as observed_low,
        {{ mean_high('ranked.mean_usd_2019', 'ranked.sd_usd_2019', 'ranked.n_salaries') }}
            as observed_high,
        claim.article_value as target_value,
        claim.article_value as target_low,
        claim.article_value as target_high,
        ranked.n_salaries as sample_size,
        case when ranked.pay_basis = 'self_reported' then 'self-reported salaries'
            else 'jobs with stated pay' end as sample_unit,
        printf(
            '%s %d %s: mean $%,.0f (2019 $; 95%% CI $%,.0f-$%,.0f), median $%,.0f, nominal mean $%,.0f, n=%d',
            ranked.source, ranked.pay_year, ranked.pay_basis, ranked.mean_usd_2019,
            coalesce({{ mean_low('ranked.mean_usd_2019', 'ranked.sd_usd_2019', 'ranked.n_salaries') }}, ranked.mean_usd_2019),
            coalesce({{ mean_high('ranked.mean_usd_2019', 'ranked.sd_usd_2019', 'ranked.n_salaries') }}, ranked.mean_usd_2019),
            ranked.median_usd_2019, ranked.mean_usd, ranked.n_salaries
        ) as observed_text,
        true as counts_toward_verdict,
        ranked.headline_rank = 1 as is_headline,
        'salary_yearly (country = US, role_family = ml_engineer); int_pay_points_selected'
            as evidence
    from ranked
    cross join claim

)

select * from final
