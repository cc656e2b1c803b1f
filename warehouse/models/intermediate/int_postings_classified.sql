-- One row per posting (newest version): the text the extractors read, its skills and roles.
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

texts as (

    select
        posting_id,
        content_hash,
        source,
        title,
        concat_ws(chr(10), title, description_text) as full_text,
        coalesce(length(trim(description_text)), 0) > 0 as has_description
    from latest

),

classified as (

    select
        posting_id,
        content_hash,
        has_description,
        -- Skills only from postings that have a description: a bare title names too few of
        -- them, and would dilute every share with postings that could not name any.
        case when has_description then jt_skills(full_text) else [] end as skill_ids,
        case
            when source = 'hackernews' then jt_role_families(full_text)
            else [jt_role_family_of_title(title)]
        end as role_families,
        jt_taxonomy_version() as taxonomy_version,
        jt_classifier_version() as classifier_version
    from texts

),

final as (

    select
        *,
        -- One family for the posting: a board's title family; for a Hacker News post that
        -- advertises several, the first in TAXONOMY.md's order (ML engineer first).
        role_families[1] as role_family
    from classified

)

select * from final
