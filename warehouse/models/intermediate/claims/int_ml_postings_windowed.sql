-- One row per comparison window with text shares and ml_engineer posting (with a description)
-- in it: the postings whose text the skill and degree claims read, chosen here once, with the
-- job each is a copy of (the claims count jobs: a job's copies and reposts once a window).
with

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

postings as (

    select posting_id, source, posted_month, description_text, job_id
    from {{ ref('postings') }}
    where has_description

),

roles as (

    select distinct posting_id
    from {{ ref('posting_roles') }}
    where role_family = 'ml_engineer'

),

final as (

    select
        windows.window_id,
        postings.posting_id,
        postings.job_id,
        clustered.job_company_key,
        postings.description_text
    from postings
    inner join roles using (posting_id)
    inner join {{ ref('int_postings_clustered') }} as clustered using (posting_id)
    inner join windows
        on postings.source = windows.source
        and postings.posted_month between windows.first_month and windows.last_month

)

select * from final
