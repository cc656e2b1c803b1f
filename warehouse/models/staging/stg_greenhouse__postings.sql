with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'greenhouse'

),

renamed as (

    select
        {{ posting_base_columns() }},
        cast(extras -> 'departments' ->> 0 as varchar) as department,
        extras ->> 'requisition_id' as requisition_id,
        (description_html is not null) as has_description

    from source

)

select * from renamed
