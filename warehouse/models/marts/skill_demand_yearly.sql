-- One row per source, year, role family ('all' for every posting) and skill: postings naming
-- the skill, of the postings with a description in that group and year, with a 95% Wilson
-- interval. The monthly mart summed to years (each posting is in one month); zero counts are
-- kept for every skill the source names in any month.
with

monthly as (select * from {{ ref('skill_demand_monthly') }}),

taxonomy as (select skill_id, display_name, category from {{ ref('skills') }}),

summed as (

    {{ summed_to_years('monthly', ['role_family', 'skill_id'], 'n_postings_naming') }}

),

final as (

    select
        summed.source,
        summed.posted_year,
        summed.role_family,
        summed.skill_id,
        taxonomy.display_name as skill_name,
        taxonomy.category as skill_category,
        summed.n_postings_naming,
        summed.n_postings,
        {{ share_columns('summed.n_postings_naming', 'summed.n_postings') }}
    from summed
    left join taxonomy using (skill_id)

)

select * from final
