-- One row per self-reported salary of the newest aijobs.net snapshot, typed.
with

source as (

    {{ latest_snapshot(source('datasets', 'aijobs_salaries'), 'aijobs_salaries') }}

),

renamed as (

    select
        cast(work_year as integer) as work_year,
        experience_level,
        employment_type,
        job_title,
        cast(salary as double) as salary_amount,
        salary_currency,
        cast(salary_in_usd as double) as salary_usd,
        employee_residence as residence_country,
        cast(remote_ratio as integer) as remote_ratio,
        company_location as company_country,
        company_size,
        file_sha256
    from source

)

select * from renamed
