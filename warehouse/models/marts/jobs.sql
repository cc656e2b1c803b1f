-- One row per job: a cluster of postings that are copies of one opening (int_postings_clustered:
-- the same url, the same company and title within two months, or near-identical text), with
-- its postings, sources, URLs, locations, the rules that joined them, and when it was first and
-- last posted and seen.
with

postings as (select * from {{ ref('postings') }}),

final as (

    select
        job_id,
        count(*) as n_postings,
        min(posted_at) as first_posted_at,
        max(posted_at) as last_posted_at,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        -- The earliest posting's company, title and family name the job.
        arg_min(company_key, coalesce(posted_at, first_seen_at)) as company_key,
        arg_min(title, coalesce(posted_at, first_seen_at)) as title,
        arg_min(role_family, coalesce(posted_at, first_seen_at)) as role_family,
        list(distinct source order by source) as sources,
        list(posting_id order by posted_at, posting_id) as posting_ids,
        list(distinct url order by url) filter (where url is not null) as urls,
        list(distinct location_text order by location_text) filter (where location_text is not null)
            as locations,
        list(distinct country order by country) filter (where country is not null) as countries,
        list(distinct match_reason order by match_reason) filter (where match_reason is not null)
            as match_reasons
    from postings
    group by job_id

)

select * from final
