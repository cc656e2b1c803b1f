-- One row per posting and role family it advertises (a board posting has exactly one).
with

classified as (select posting_id, role_families from {{ ref('int_postings_classified') }}),

postings as (select posting_id, source, posted_month from {{ ref('postings') }}),

final as (

    select
        postings.posting_id,
        postings.source,
        postings.posted_month,
        unnest(classified.role_families) as role_family
    from classified
    inner join postings using (posting_id)

)

select * from final
