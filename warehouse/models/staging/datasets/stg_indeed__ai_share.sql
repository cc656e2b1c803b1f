-- One row per day and country: Indeed's share of postings mentioning AI/ML (percent).
with

source as (

    {{ latest_snapshot(source('datasets', 'indeed_ai_share'), 'indeed_ai_share') }}

),

renamed as (

    select
        cast(date as date) as posting_date,
        jobcountry as country,
        cast(AI_share_postings as double) as ai_share_pct
    from source

)

select * from renamed
