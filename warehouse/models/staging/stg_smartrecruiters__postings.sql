with

source as (

    select * from {{ source('raw', 'postings') }}
    where source = 'smartrecruiters'

),

renamed as (

    select
        {{ posting_base_columns() }},
        extras ->> 'department' as department,
        extras ->> 'function' as job_function

    from source

)

select * from renamed
