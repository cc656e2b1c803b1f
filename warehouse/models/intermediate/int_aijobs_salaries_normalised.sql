-- One row per aijobs.net self-reported salary (newest snapshot), with the same pay columns as
-- int_pay_ranges_parsed: pay_basis 'self_reported', the work year as the period, USD at the ECB
-- rate of 1 July of the work year, 2019 dollars, and the quarantine reason.
with

salaries as (select * from {{ ref('stg_aijobs__salaries') }}),

identified as (

    select
        *,
        -- The file has no id: a row is its values, numbered when identical rows repeat.
        md5(concat_ws('|', work_year, experience_level, employment_type, job_title,
                      salary_amount, salary_currency, residence_country, remote_ratio,
                      company_country, company_size)) as row_hash,
        row_number() over (
            partition by work_year, experience_level, employment_type, job_title,
                salary_amount, salary_currency, residence_country, remote_ratio,
                company_country, company_size
        ) as row_repeat
    from salaries

),

titles as (

    -- A few hundred distinct titles: classify each once.
    select job_title, jt_role_family_of_title(job_title) as role_family
    from (select distinct job_title from salaries)

),

distinct_pay as (

    select distinct salary_amount, salary_currency, company_country, work_year, employment_type
    from salaries

),

unnested as (

    select
        salary_amount,
        salary_currency,
        company_country,
        work_year,
        employment_type,
        -- Stated as schema.org baseSalary so that pipeline.pay applies the postings' rules.
        unnest(jt_pay_rows(
            'aijobs',
            null,
            cast(json_object(
                'baseSalary', json_object(
                    'currency', salary_currency,
                    'value', json_object('value', salary_amount, 'unitText', 'YEAR')
                )
            ) as varchar),
            company_country,
            make_date(work_year, 7, 1),
            employment_type,
            null
        )) as pay
    from distinct_pay

),

joined as (

    select
        'aijobs:' || identified.row_hash || ':' || identified.row_repeat as salary_id,
        -- Identical rows of the dataset are one salary (a job), as copies of a posting are.
        'aijobs:' || identified.row_hash as job_id,
        coalesce(unnested.pay.range_index, 1) as range_index,
        'aijobs' as source,
        'self_reported' as pay_basis,
        identified.company_country as country,
        identified.work_year as pay_year,
        titles.role_family,
        identified.job_title,
        identified.experience_level,
        identified.employment_type as reported_employment_type,
        identified.residence_country,
        identified.salary_amount,
        identified.salary_currency,
        identified.salary_usd as reported_salary_usd,
        unnested.pay.min_amount,
        unnested.pay.max_amount,
        unnested.pay.currency,
        unnested.pay.period,
        unnested.pay.annual_min_amount,
        unnested.pay.annual_max_amount,
        unnested.pay.annualisation_rule,
        unnested.pay.hours_per_year,
        unnested.pay.days_per_year,
        unnested.pay.annual_min_usd,
        unnested.pay.annual_max_usd,
        unnested.pay.usd_rate,
        unnested.pay.usd_rate_date,
        unnested.pay.annual_min_usd_2019,
        unnested.pay.annual_max_usd_2019,
        unnested.pay.cpi_year,
        unnested.pay.quarantine_reason,
        unnested.pay.employment_type,
        unnested.pay.series,
        -- A row the parser could not read at all still reaches quarantine, with a reason.
        case
            when unnested.pay is null then 'salary amount or currency missing or unreadable'
            else unnested.pay.exclusion_reason
        end as exclusion_reason
    from identified
    left join titles using (job_title)
    left join unnested
        on unnested.salary_amount is not distinct from identified.salary_amount
        and unnested.salary_currency is not distinct from identified.salary_currency
        and unnested.company_country is not distinct from identified.company_country
        and unnested.work_year is not distinct from identified.work_year
        and unnested.employment_type is not distinct from identified.employment_type

),

final as (

    select
        *,
        quarantine_reason is null and exclusion_reason is distinct from
            'salary amount or currency missing or unreadable' as is_plausible,
        -- The series of its kind of job (FT full_time, PT part_time, CT and FL contract):
        -- pipeline.domain.pay.series_of, as for postings.
        series is not null as is_in_pay_series
    from joined

)

select * from final
