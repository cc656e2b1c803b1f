-- One row per job and year that counts in a pay series (full_time, contract, part_time or
-- intern), in each country it is posted in: a posting counts at the midpoint of its first range
-- in a series (int_pay_ranges_parsed), and a job (int_postings_clustered: the copies and reposts
-- of one opening) once a year, at its first posting of the year there; `n_job_postings` says
-- how many postings it stands for. aijobs.net self-reported salaries likewise, identical rows
-- once (int_aijobs_salaries_normalised). Every pay mart and pay claim reads this rule here; a
-- series is never pooled with another.
with

posting_salaries as (select * from {{ ref('int_pay_ranges_parsed') }}),

clustered as (select posting_id, job_id, job_company_key from {{ ref('int_postings_clustered') }}),

aijobs_salaries as (select * from {{ ref('int_aijobs_salaries_normalised') }}),

series_ranked as (

    select
        *,
        row_number() over (partition by posting_id order by range_index) as series_rank
    from posting_salaries
    where is_in_pay_series

),

from_postings as (

    select
        posting_id as pay_point_id,
        posting_id,
        clustered.job_id,
        clustered.job_company_key,
        source,
        pay_basis,
        role_family,
        country,
        currency,
        posted_month,
        pay_year,
        series as employment_type,
        is_period_inferred,
        (annual_min_amount + annual_max_amount) / 2 as mid_annual_amount,
        (annual_min_usd + annual_max_usd) / 2 as mid_annual_usd,
        (annual_min_usd_2019 + annual_max_usd_2019) / 2 as mid_annual_usd_2019
    from series_ranked
    left join clustered using (posting_id)
    where series_rank = 1

),

from_aijobs as (

    select
        salary_id as pay_point_id,
        cast(null as varchar) as posting_id,
        job_id,
        cast(null as varchar) as job_company_key,
        source,
        pay_basis,
        role_family,
        country,
        currency,
        cast(null as date) as posted_month,
        pay_year,
        series as employment_type,
        false as is_period_inferred,
        (annual_min_amount + annual_max_amount) / 2 as mid_annual_amount,
        (annual_min_usd + annual_max_usd) / 2 as mid_annual_usd,
        (annual_min_usd_2019 + annual_max_usd_2019) / 2 as mid_annual_usd_2019
    from aijobs_salaries
    where is_in_pay_series

),

unioned as (

    select * from from_postings
    union all
    select * from from_aijobs

),

final as (

    select
        *,
        count(*) over job_year as n_job_postings
    from unioned
    window job_year as (partition by job_id, employment_type, pay_year, country)
    qualify row_number() over (
        partition by job_id, employment_type, pay_year, country
        order by posted_month nulls last, pay_point_id
    ) = 1

)

select * from final
