-- One row per post of the newest snapshot of the LLM-derived HN dataset, typed and labelled.
with

source as (

    {{ latest_snapshot(source('datasets', 'hn_structured_jobs'), 'hn_structured_jobs') }}

),

renamed as (

    select
        post_link_id as comment_id,
        cast(post_date as timestamp) as thread_date,
        company,
        job_title,
        employment_type,
        nullif(trim(salary), '') as salary_text,
        remote,
        city,
        country as country_text,
        nullif(languages_frameworks, '') as languages_frameworks,
        'derived by a language model' as provenance,
        file_sha256
    from source

)

select * from renamed
