-- One row per comparison window and skill: ml_engineer postings (with a description) naming
-- the skill, of all ml_engineer postings with a description in the window, with a 95% Wilson
-- interval and the skill's rank in its category. Zero counts are kept for every skill.
with

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

skills as (select posting_id, skill_id from {{ ref('posting_skills') }}),

taxonomy as (select skill_id, display_name, category from {{ ref('skills') }}),

ml_postings as (select window_id, posting_id from {{ ref('int_ml_postings_windowed') }}),

denominators as (

    select window_id, count(*) as n_postings
    from ml_postings
    group by window_id

),

numerators as (

    select ml_postings.window_id, skills.skill_id, count(distinct ml_postings.posting_id) as n_naming
    from ml_postings
    inner join skills using (posting_id)
    group by all

),

shares as (

    select
        windows.window_id,
        windows.source,
        windows.window_label,
        windows.window_short,
        windows.window_order,
        windows.first_year,
        taxonomy.skill_id,
        taxonomy.display_name,
        taxonomy.category,
        coalesce(numerators.n_naming, 0) as n_postings_naming,
        coalesce(denominators.n_postings, 0) as n_postings
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
        case when n_postings > 0 then n_postings_naming / n_postings end as share,
        {{ wilson_low('n_postings_naming', 'n_postings') }} as share_low,
        {{ wilson_high('n_postings_naming', 'n_postings') }} as share_high,
        rank() over (
            partition by window_id, category order by n_postings_naming desc
        ) as rank_in_category
    from shares

)

select * from final
