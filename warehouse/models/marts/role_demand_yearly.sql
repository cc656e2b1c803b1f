-- One row per source, year and role family: postings advertising the family, of all postings
-- of that source and year, with a 95% Wilson interval (the monthly mart summed to years).
with

monthly as (select * from {{ ref('role_demand_monthly') }}),

families as (select role_family, display_name from {{ ref('role_families') }}),

summed as (

    {{ summed_to_years('monthly', ['role_family'], 'n_postings_with_role') }}

),

final as (

    select
        summed.source,
        summed.posted_year,
        summed.role_family,
        families.display_name as role_name,
        summed.n_postings_with_role,
        summed.n_postings,
        {{ share_columns('summed.n_postings_with_role', 'summed.n_postings') }}
    from summed
    inner join families using (role_family)

)

select * from final
