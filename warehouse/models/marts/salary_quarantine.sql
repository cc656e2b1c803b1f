-- One row per pay range found that counts in no pay series, from postings and from aijobs.net,
-- with the reason (implausible, not converted, on-target earnings, currency not written, a
-- bound only, a rate of a job of unknown kind): nothing is left out without a row.
with

posting_salaries as (select * from {{ ref('int_pay_ranges_parsed') }}),

aijobs_salaries as (select * from {{ ref('int_aijobs_salaries_normalised') }}),

from_postings as (

    select
        posting_id as record_id,
        range_index,
        source,
        pay_basis,
        country,
        pay_year,
        posted_date,
        role_family,
        min_amount,
        max_amount,
        currency,
        period,
        snippet,
        annual_min_amount,
        annual_max_amount,
        annualisation_rule,
        employment_type,
        bound,
        exclusion_reason as quarantine_reason
    from posting_salaries
    where exclusion_reason is not null

),

from_aijobs as (

    select
        salary_id as record_id,
        range_index,
        source,
        pay_basis,
        country,
        pay_year,
        null::date as posted_date,
        role_family,
        min_amount,
        max_amount,
        coalesce(currency, salary_currency) as currency,
        period,
        job_title as snippet,
        annual_min_amount,
        annual_max_amount,
        annualisation_rule,
        employment_type,
        cast(null as varchar) as bound,
        exclusion_reason as quarantine_reason
    from aijobs_salaries
    where exclusion_reason is not null

),

final as (

    select * from from_postings
    union all
    select * from from_aijobs

)

select * from final
