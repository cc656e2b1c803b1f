-- One row per posting (newest version) and pay range it states: the stated range, annualised,
-- in USD at the ECB rate of the posting date, in 2019 dollars, and why it is quarantined.
-- pipeline.pay decides everything (structured pay wins over text); this model only unnests.
with

latest as (select * from {{ ref('int_postings_located') }}),

classified as (select posting_id, role_family from {{ ref('int_postings_classified') }}),

priceable as (

    select
        posting_id,
        source,
        country,
        cast(timezone('UTC', posted_at) as date) as posted_date,
        cast(date_trunc('month', posted_at) as date) as posted_month,
        concat_ws(chr(10), description_text, salary_text) as pay_text,
        cast(pay_structured as varchar) as pay_json,
        employment_type as employment_field,
        title
    from latest
    where coalesce(description_text, salary_text, cast(pay_structured as varchar)) is not null

),

unnested as (

    select
        posting_id,
        source,
        country,
        posted_date,
        posted_month,
        unnest(
            jt_pay_rows(
                source, pay_text, pay_json, country, posted_date, employment_field, title
            )
        ) as pay
    from priceable

),

final as (

    select
        unnested.posting_id,
        pay.range_index,
        unnested.source,
        pay.provenance as pay_basis,
        unnested.country,
        unnested.posted_date,
        unnested.posted_month,
        year(unnested.posted_date) as pay_year,
        classified.role_family,
        pay.min_amount,
        pay.max_amount,
        pay.currency,
        pay.period,
        pay.snippet,
        pay.tier_label,
        pay.is_ote,
        pay.is_period_inferred,
        pay.is_currency_inferred,
        pay.annual_min_amount,
        pay.annual_max_amount,
        pay.annualisation_rule,
        pay.hours_per_year,
        pay.days_per_year,
        pay.annual_min_usd,
        pay.annual_max_usd,
        pay.usd_rate,
        pay.usd_rate_date,
        pay.annual_min_usd_2019,
        pay.annual_max_usd_2019,
        pay.cpi_year,
        pay.quarantine_reason,
        pay.quarantine_reason is null as is_plausible,
        pay.employment_type,
        pay.bound,
        -- The series a range counts in (full_time, contract, part_time, intern), or why it
        -- counts in none: pipeline.domain.pay.series_of, the one rule.
        pay.series,
        pay.exclusion_reason,
        pay.series is not null as is_in_pay_series
    from unnested
    left join classified using (posting_id)

)

select * from final
