-- One row per comparison window with text shares and ml_engineer posting (with a description)
-- in it: the postings whose text the skill and degree claims read (the ml_engineer population
-- of int_claim_populations_windowed), with the job each is a copy of (the claims count jobs:
-- a job's copies and reposts once a window) and its text.
with

populations as (

    select window_id, posting_id, job_id, job_company_key
    from {{ ref('int_claim_populations_windowed') }}
    where population = 'ml_engineer'

),

postings as (select posting_id, description_text from {{ ref('postings') }}),

final as (

    select
        populations.window_id,
        populations.posting_id,
        populations.job_id,
        populations.job_company_key,
        postings.description_text
    from populations
    inner join postings using (posting_id)

)

select * from final
