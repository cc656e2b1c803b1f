with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'lever'

),

renamed as (

    select
        {{ posting_base_columns() }},
        extras ->> 'team' as team,
        extras ->> 'department' as department,
        extras ->> 'workplace_type' as workplace_type

    from source

)

select * from renamed
