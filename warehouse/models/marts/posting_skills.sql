-- One row per posting and skill it names, with the taxonomy version that found it.
with

classified as (select * from {{ ref('int_postings_classified') }}),

postings as (select posting_id, source, posted_month, role_family from {{ ref('postings') }}),

taxonomy as (select * from {{ ref('skills') }}),

exploded as (

    select
        posting_id,
        unnest(skill_ids) as skill_id,
        taxonomy_version
    from classified

),

final as (

    select
        exploded.posting_id,
        exploded.skill_id,
        taxonomy.display_name as skill_name,
        taxonomy.category as skill_category,
        postings.source,
        postings.posted_month,
        postings.role_family,
        exploded.taxonomy_version
    from exploded
    inner join postings using (posting_id)
    left join taxonomy using (skill_id)

)

select * from final
