-- One row per version of a posting from every source (var `posting_sources`), newest version
-- first per posting.
with

unioned as (

    {% for source in var('posting_sources') %}
    select {{ posting_column_names(exclude=['extras', 'run_id']) }}
    from {{ ref('stg_' ~ source ~ '__postings') }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        *,
        row_number() over (
            partition by posting_id order by crawled_at desc, loaded_at desc, content_hash
        ) as version_rank,
        count(*) over (partition by posting_id) as n_versions,
        min(crawled_at) over (partition by posting_id) as first_seen_at,
        max(crawled_at) over (partition by posting_id) as last_seen_at
    from unioned

)

select * from final
