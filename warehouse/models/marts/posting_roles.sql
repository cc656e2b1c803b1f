-- One row per posting and role family it advertises (a board posting has exactly one), with
-- the phrase that gave the family and where the reader found it (header, line, phrase, area,
-- link, duties, generic; a board's title).
with

classified as (select posting_id, role_mentions from {{ ref('int_postings_classified') }}),

postings as (select posting_id, source, posted_month from {{ ref('postings') }}),

mentions as (

    select posting_id, unnest(role_mentions) as mention
    from classified

),

final as (

    select
        postings.posting_id,
        postings.source,
        postings.posted_month,
        mentions.mention.role_family,
        mentions.mention.phrase as evidence_phrase,
        mentions.mention.kind as evidence_kind
    from mentions
    inner join postings using (posting_id)

)

select * from final
