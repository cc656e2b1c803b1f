-- One row per source and posting month (NULL for postings without a date): how many postings
-- the warehouse holds, and how many have a description (what skill shares can count).
with

postings as (select source, posted_month, has_description from {{ ref('postings') }}),

credits as (select source, label, short_label from {{ ref('source_credits') }}),

final as (

    select
        postings.source,
        any_value(credits.label) as source_label,
        any_value(credits.short_label) as source_short_label,
        postings.posted_month,
        count(*) as n_postings,
        count_if(postings.has_description) as n_with_description
    from postings
    left join credits using (source)
    group by postings.source, postings.posted_month

)

select * from final
