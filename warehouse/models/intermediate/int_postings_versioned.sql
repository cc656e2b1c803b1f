-- One row per version of a posting from every source, newest version first per posting.
with

hackernews as (select * from {{ ref('stg_hackernews__postings') }}),

ashby as (select * from {{ ref('stg_ashby__postings') }}),

greenhouse as (select * from {{ ref('stg_greenhouse__postings') }}),

unioned as (

    {% for relation in ['hackernews', 'ashby', 'greenhouse'] %}
    select {{ posting_column_names(exclude=['extras', 'run_id']) }}
    from {{ relation }}
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
