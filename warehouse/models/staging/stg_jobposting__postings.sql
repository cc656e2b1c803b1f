with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'jobposting'

),

renamed as (

    select
        {{ posting_base_columns() }},
        extras ->> 'syntax' as markup_syntax,
        extras ->> 'valid_through' as valid_through_text

    from source

)

select * from renamed
