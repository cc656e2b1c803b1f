-- One row per posting: its newest version, and the country it is in (the one place of the
-- rule: pipeline.domain.postings.posting_country). A Hacker News post says where it is in its
-- header and first lines; a board's posting in its country field, else its location field.
with

versions as (select * from {{ ref('int_postings_versioned') }}),

latest as (

    select * from versions
    where version_rank = 1

),

final as (

    select
        *,
        jt_posting_country(source, description_text, country_text, location_text) as country
    from latest

)

select * from final
