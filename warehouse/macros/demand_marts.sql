{# The skill and role demand marts, by month or by year (`period`: posted_month or posted_year).
   Shares are of jobs, not postings: a job copied into eight countries, or reposted within the
   period, counts once (int_postings_clustered); the posting counts stay beside them, with how
   many companies the counted jobs are from and the largest one's share. #}

{# Skills: jobs naming the skill, of the jobs with a description in the group (each family,
   and 'all'). Zero counts are kept for every skill the source names in any period. #}
{% macro skill_demand(period) %}
with

described as (

    select posting_id from {{ ref('int_postings_classified') }} where has_description

),

postings as (

    {{ postings_with_jobs(period, 'posting_id in (select posting_id from described)') }}

),

roles as (select posting_id, role_family from {{ ref('posting_roles') }}),

skills as (select posting_id, skill_id from {{ ref('posting_skills') }}),

grouped as (

    -- Each posting counts in 'all' and in every family it advertises.
    select *, 'all' as role_family from postings
    union all
    select postings.*, roles.role_family
    from postings
    inner join roles using (posting_id)

),

naming as (

    select grouped.*, skills.skill_id
    from grouped
    inner join skills using (posting_id)

),

denominators as ({{ job_counts('grouped', ['source', period, 'role_family']) }}),

numerators as ({{ job_counts('naming', ['source', period, 'role_family', 'skill_id']) }}),

skills_per_source as (select distinct source, skill_id from numerators),

final as (

    select
        denominators.source,
        denominators.{{ period }},
        denominators.role_family,
        skills_per_source.skill_id,
        coalesce(numerators.n_jobs, 0) as n_jobs_naming,
        denominators.n_jobs,
        {{ share_columns('coalesce(numerators.n_jobs, 0)', 'denominators.n_jobs') }},
        coalesce(numerators.n_postings, 0) as n_postings_naming,
        denominators.n_postings,
        coalesce(numerators.n_companies, 0) as n_companies,
        numerators.top_company_share,
        jt_taxonomy_version() as taxonomy_version
    from denominators
    inner join skills_per_source using (source)
    left join numerators
        on numerators.source = denominators.source
        and numerators.{{ period }} = denominators.{{ period }}
        and numerators.role_family = denominators.role_family
        and numerators.skill_id = skills_per_source.skill_id

)
{% endmacro %}

{# Roles: jobs advertising the family, of all jobs of the source and period. #}
{% macro role_demand(period) %}
with

postings as ({{ postings_with_jobs(period) }}),

roles as (select posting_id, role_family from {{ ref('posting_roles') }}),

families as (select role_family, display_name from {{ ref('role_families') }}),

advertising as (

    select distinct postings.*, roles.role_family
    from postings
    inner join roles using (posting_id)

),

denominators as ({{ job_counts('postings', ['source', period]) }}),

numerators as ({{ job_counts('advertising', ['source', period, 'role_family']) }}),

final as (

    select
        denominators.source,
        denominators.{{ period }},
        families.role_family,
        families.display_name as role_name,
        coalesce(numerators.n_jobs, 0) as n_jobs_with_role,
        denominators.n_jobs,
        {{ share_columns('coalesce(numerators.n_jobs, 0)', 'denominators.n_jobs') }},
        coalesce(numerators.n_postings, 0) as n_postings_with_role,
        denominators.n_postings,
        coalesce(numerators.n_companies, 0) as n_companies,
        numerators.top_company_share
    from denominators
    cross join families
    left join numerators
        on numerators.source = denominators.source
        and numerators.{{ period }} = denominators.{{ period }}
        and numerators.role_family = families.role_family

)
{% endmacro %}
