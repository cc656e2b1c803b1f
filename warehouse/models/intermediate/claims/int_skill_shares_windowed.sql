-- One row per comparison window and skill: ml_engineer jobs (with a description) naming the
-- skill, of all ml_engineer jobs with a description in the window (a job's copies and reposts
-- once), with a 95% Wilson interval, the skill's rank in its category, the posting counts and
-- the largest single company's share of the naming jobs (the ml_engineer skill rows of
-- int_population_shares_windowed). Zero counts are kept for every skill.
with

shares as (

    select * from {{ ref('int_population_shares_windowed') }}
    where population = 'ml_engineer' and subject_kind = 'skill'

),

taxonomy as (select skill_id, category from {{ ref('skills') }}),

final as (

    select
        shares.window_id,
        shares.source,
        shares.window_label,
        shares.window_short,
        shares.window_order,
        shares.first_year,
        shares.months_read,
        shares.subject_id as skill_id,
        shares.display_name,
        taxonomy.category,
        shares.n_jobs_naming,
        shares.n_jobs,
        shares.n_postings_naming,
        shares.n_postings,
        shares.top_company_share,
        shares.share,
        shares.share_low,
        shares.share_high,
        rank() over (
            partition by shares.window_id, taxonomy.category order by shares.n_jobs_naming desc
        ) as rank_in_category
    from shares
    inner join taxonomy on taxonomy.skill_id = shares.subject_id

)

select * from final
