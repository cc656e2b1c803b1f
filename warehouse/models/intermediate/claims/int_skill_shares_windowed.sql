-- One row per comparison window and skill: ml_engineer jobs (with a description) naming the
-- skill, of all ml_engineer jobs with a description in the window (a job's copies and reposts
-- once), with a 95% Wilson interval, the skill's rank in its category, the posting counts and
-- the largest single company's share of the naming jobs. Zero counts are kept for every skill.
with

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

skills as (select posting_id, skill_id from {{ ref('posting_skills') }}),

taxonomy as (select skill_id, display_name, category from {{ ref('skills') }}),

ml_postings as (

    select window_id, posting_id, job_id, job_company_key
    from {{ ref('int_ml_postings_windowed') }}

),

naming as (

    select ml_postings.*, skills.skill_id
    from ml_postings
    inner join skills using (posting_id)

),

denominators as ({{ job_counts('ml_postings', ['window_id']) }}),

numerators as ({{ job_counts('naming', ['window_id', 'skill_id']) }}),

shares as (

    select
        windows.window_id,
        windows.source,
        windows.window_label,
        windows.window_short,
        windows.window_order,
        windows.first_year,
        windows.months_read,
        taxonomy.skill_id,
        taxonomy.display_name,
        taxonomy.category,
        coalesce(numerators.n_jobs, 0) as n_jobs_naming,
        coalesce(denominators.n_jobs, 0) as n_jobs,
        coalesce(numerators.n_postings, 0) as n_postings_naming,
        coalesce(denominators.n_postings, 0) as n_postings,
        numerators.top_company_share
    from windows
    cross join taxonomy
    left join denominators using (window_id)
    left join numerators
        on numerators.window_id = windows.window_id
        and numerators.skill_id = taxonomy.skill_id

),

final as (

    select
        *,
        {{ share_columns('n_jobs_naming', 'n_jobs') }},
        rank() over (
            partition by window_id, category order by n_jobs_naming desc
        ) as rank_in_category
    from shares

)

select * from final
