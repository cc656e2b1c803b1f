-- One row per posting (newest version): its first plausible pay range (base pay before OTE),
-- annual in the stated currency and in USD, and how many ranges the posting states. The
-- postings mart joins this on posting_id.
with

postings as (select posting_id from {{ ref('int_postings_located') }}),

salaries as (select * from {{ ref('int_pay_ranges_parsed') }}),

ranges_counted as (

    select posting_id, count(*) as n_salary_ranges
    from salaries
    group by all

),

plausible_ranked as (

    select
        *,
        row_number() over (
            partition by posting_id order by not is_in_pay_series, is_ote, range_index
        ) as pay_rank
    from salaries
    where is_plausible

),

first_plausible as (

    select * from plausible_ranked
    where pay_rank = 1

),

final as (

    select
        postings.posting_id,
        first_plausible.annual_min_amount as salary_min_annual,
        first_plausible.annual_max_amount as salary_max_annual,
        first_plausible.currency as salary_currency,
        first_plausible.period as salary_period,
        first_plausible.annual_min_usd as salary_min_usd,
        first_plausible.annual_max_usd as salary_max_usd,
        (first_plausible.annual_min_usd + first_plausible.annual_max_usd) / 2 as salary_mid_usd,
        (first_plausible.annual_min_usd_2019 + first_plausible.annual_max_usd_2019) / 2
            as salary_mid_usd_2019,
        first_plausible.pay_basis,
        first_plausible.employment_type as salary_employment_type,
        coalesce(ranges_counted.n_salary_ranges, 0) as n_salary_ranges
    from postings
    left join first_plausible using (posting_id)
    left join ranges_counted using (posting_id)

)

select * from final
