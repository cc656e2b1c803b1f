-- One row per comparison window with text shares, population and posting (with a description)
-- in it: the postings whose text the population claims read (skills-soft,
-- skills-data-modelling, responsibilities, applications, mle-definition), with the job each is
-- a copy of (the claims count jobs: a job's copies and reposts once a window).
-- Populations: `ml_engineer`, `software_engineer` and `data_scientist` (postings advertising
-- the family) and `engineering` (postings advertising any engineering family, seed
-- role_families.is_engineering): the contrast "all engineering jobs".
with

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

postings as (

    select posting_id, source, posted_month, job_id
    from {{ ref('postings') }}
    where has_description

),

families as (select role_family, is_engineering from {{ ref('role_families') }}),

roles as (select posting_id, role_family from {{ ref('posting_roles') }}),

populations as (

    select distinct posting_id, role_family as population
    from roles
    where role_family in ('ml_engineer', 'software_engineer', 'data_scientist')

    union

    select distinct roles.posting_id, 'engineering' as population
    from roles
    inner join families using (role_family)
    where families.is_engineering

),

final as (

    select
        windows.window_id,
        populations.population,
        postings.posting_id,
        postings.job_id,
        clustered.job_company_key
    from postings
    inner join populations using (posting_id)
    inner join {{ ref('int_postings_clustered') }} as clustered using (posting_id)
    inner join windows
        on postings.source = windows.source
        and postings.posted_month between windows.first_month and windows.last_month

)

select * from final
