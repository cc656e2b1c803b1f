-- One row per posting (the newest version of it), with the columns users query, and the job
-- (duplicate cluster) it is a copy of: `job_id`, with the posting and rule that joined it.
with

classified as (

    select posting_id, role_family, role_families, role_mentions, has_description
    from {{ ref('int_postings_classified') }}

),

latest as (select * from {{ ref('int_postings_located') }}),

pay as (select * from {{ ref('int_postings_pay_summarised') }}),

clustered as (select * from {{ ref('int_postings_clustered') }}),

final as (

    select
        posting_id,
        clustered.job_id,
        source,
        source_id,
        url,
        title,
        company,
        location_text,
        country_text,
        country,
        is_remote,
        posted_at,
        cast(date_trunc('month', posted_at) as date) as posted_month,
        classified.role_family,
        classified.role_families,
        classified.role_mentions,
        classified.has_description,
        employment_type,
        board,
        description_text,
        salary_text,
        pay_structured,
        pay.salary_min_annual,
        pay.salary_max_annual,
        pay.salary_currency,
        pay.salary_period,
        pay.salary_min_usd,
        pay.salary_max_usd,
        pay.salary_mid_usd,
        pay.salary_mid_usd_2019,
        pay.pay_basis,
        pay.salary_employment_type,
        pay.n_salary_ranges,
        clustered.company_key,
        clustered.matched_posting_id,
        clustered.match_reason,
        content_hash,
        n_versions,
        first_seen_at,
        last_seen_at
    from latest
    left join classified using (posting_id)
    left join pay using (posting_id)
    left join clustered using (posting_id)

)

select * from final
