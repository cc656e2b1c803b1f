-- One row per day and sector: Indeed's US job postings index by sector (2020-02-01 = 100).
with

source as (

    {{ latest_snapshot(source('datasets', 'indeed_postings_by_sector'), 'indeed_postings_by_sector') }}

),

renamed as (

    select
        cast(date as date) as posting_date,
        jobcountry as country,
        cast(indeed_job_postings_index as double) as postings_index,
        variable as series,
        display_name as sector
    from source

)

select * from renamed
