with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'ashby'

),

renamed as (

    select
        {{ posting_base_columns() }},
        extras ->> 'department' as department,
        extras ->> 'team' as team,
        cast(extras ->> 'is_listed' as boolean) as is_listed

    from source

)

select * from renamed
