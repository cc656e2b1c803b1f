-- One row per day and series: Indeed's US job postings index (2020-02-01 = 100).
with

source as (

    {{ latest_snapshot(source('datasets', 'indeed_postings_index'), 'indeed_postings_index') }}

),

renamed as (

    select
        cast(date as date) as posting_date,
        jobcountry as country,
        cast(indeed_job_postings_index_SA as double) as index_sa,
        cast(indeed_job_postings_index_NSA as double) as index_nsa,
        variable as series
    from source

)

select * from renamed
