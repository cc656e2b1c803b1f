with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'recruitee'

),

renamed as (

    select
        {{ posting_base_columns() }},
        extras ->> 'department' as department,
        cast(extras ->> 'hybrid' as boolean) as is_hybrid

    from source

)

select * from renamed
