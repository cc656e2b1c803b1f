-- One row per source, month, role family ('all' for every posting) and skill: postings naming
-- the skill, of the postings with a description in that group, with a 95% Wilson interval.
-- Zero counts are kept (a skill that vanished is a finding); skills never seen in a source are not.
with

classified as (

    select posting_id, has_description from {{ ref('int_postings_classified') }}

),

postings as (

    select postings.posting_id, postings.source, postings.posted_month
    from {{ ref('postings') }} as postings
    inner join classified using (posting_id)
    where classified.has_description and posted_month is not null

),

roles as (select posting_id, role_family from {{ ref('posting_roles') }}),

skills as (select posting_id, skill_id from {{ ref('posting_skills') }}),

grouped as (

    -- Each posting counts in 'all' and in every family it advertises.
    select posting_id, source, posted_month, 'all' as role_family from postings
    union all
    select postings.posting_id, source, posted_month, roles.role_family
    from postings
    inner join roles using (posting_id)

),

denominators as (

    select source, posted_month, role_family, count(*) as n_postings
    from grouped
    group by all

),

numerators as (

    select grouped.source, grouped.posted_month, grouped.role_family, skills.skill_id,
        count(*) as n_naming
    from grouped
    inner join skills using (posting_id)
    group by all

),

skills_per_source as (

    select distinct source, skill_id from numerators

),

final as (

    select
        denominators.source,
        denominators.posted_month,
        denominators.role_family,
        skills_per_source.skill_id,
        coalesce(numerators.n_naming, 0) as n_postings_naming,
        denominators.n_postings,
        {{ share_columns('coalesce(numerators.n_naming, 0)', 'denominators.n_postings') }},
        jt_taxonomy_version() as taxonomy_version
    from denominators
    inner join skills_per_source using (source)
    left join numerators
        on numerators.source = denominators.source
        and numerators.posted_month = denominators.posted_month
        and numerators.role_family = denominators.role_family
        and numerators.skill_id = skills_per_source.skill_id

)

select * from final
