-- One row per posting (newest version): the text the extractors read, its skills, roles and
-- duties (responsibilities and application domains).
-- Incremental: only posting versions not yet classified by the current classifier version
-- (taxonomy, rules and code) are read, so a re-run is quick and a new taxonomy reclassifies all.
{{ config(materialized='incremental', unique_key='posting_id', on_schema_change='sync_all_columns') }}

with

latest as (

    select * from {{ ref('int_postings_versioned') }} as versions
    where version_rank = 1
    {% if is_incremental() %}
        and not exists (
            select 1 from {{ this }} as done
            where done.posting_id = versions.posting_id
              and done.content_hash = versions.content_hash
              and done.classifier_version = jt_classifier_version()
        )
    {% endif %}

),

classified as (

    -- The rule of what is read (a board's title, a post's text; skills only with a
    -- description) is pipeline.domain.postings, which the evaluation applies too.
    select
        posting_id,
        content_hash,
        title,
        description_text,
        jt_has_description(description_text) as has_description,
        jt_posting_skills(title, description_text, cast(posted_at as varchar)) as skill_ids,
        jt_posting_roles(source, title, description_text) as roles,
        jt_taxonomy_version() as taxonomy_version,
        jt_classifier_version() as classifier_version
    from latest

),

with_duties as (

    -- Duties read the roles: building ML applications is an engineering job's duty.
    select
        *,
        jt_posting_duties(title, description_text, roles.role_families) as duty_ids
    from classified

),

final as (

    select
        posting_id,
        content_hash,
        has_description,
        skill_ids,
        roles.role_families,
        -- The phrase that gave each family (its first mention), and where it was read.
        roles.mentions as role_mentions,
        -- One family for the posting: a board's title family; for a Hacker News post that
        -- advertises several, the first in TAXONOMY.md's order (ML engineer first).
        roles.role_families[1] as role_family,
        duty_ids,
        taxonomy_version,
        classifier_version
    from with_duties

)

select * from final
