-- One row per posting (newest version) and the country it is in: the one place of the rule.
-- A Hacker News post says where it is in its header and first lines; a board's posting in its
-- country field, else its location field (pipeline.domain.geo).
with

versions as (select * from {{ ref('int_postings_versioned') }}),

latest as (

    select * from versions
    where version_rank = 1

),

final as (

    select
        posting_id,
        case
            when source = 'hackernews' then jt_country_of_post(description_text)
            else coalesce(jt_country_of(country_text), jt_country_of(location_text))
        end as country
    from latest

)

select * from final
