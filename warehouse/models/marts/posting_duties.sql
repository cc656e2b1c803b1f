-- One row per posting and responsibility or application domain it names (seed duties,
-- phrases in pipeline/domain/data/duty_phrases.toml), with the classifier version that found it.
with

classified as (select * from {{ ref('int_postings_classified') }}),

postings as (select posting_id, source, posted_month, role_family from {{ ref('postings') }}),

duties as (select * from {{ ref('duties') }}),

exploded as (

    select
        posting_id,
        unnest(duty_ids) as duty_id,
        classifier_version
    from classified

),

final as (

    select
        exploded.posting_id,
        exploded.duty_id,
        duties.kind as duty_kind,
        duties.display_name as duty_name,
        duties.in_article,
        postings.source,
        postings.posted_month,
        postings.role_family,
        exploded.classifier_version
    from exploded
    inner join postings using (posting_id)
    left join duties using (duty_id)

)

select * from final
