-- One row per pay range that failed the plausibility check (or could not be converted), from
-- postings and from aijobs.net, kept with its reason rather than silently dropped.
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
        quarantine_reason
    from posting_salaries
    where quarantine_reason is not null

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
        quarantine_reason
    from aijobs_salaries
    where quarantine_reason is not null

),

final as (

    select * from from_postings
    union all
    select * from from_aijobs

)

select * from final
