with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'hackernews'

),

renamed as (

    select
        {{ posting_base_columns() }},
        extras ->> 'thread_id' as thread_id,
        extras ->> 'thread_month' as thread_month,
        extras ->> 'author' as author

    from source

)

select * from renamed
