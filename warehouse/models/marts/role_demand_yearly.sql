-- One row per source, year and role family: postings advertising the family, of all postings
-- of that source and year, with a 95% Wilson interval (the monthly mart summed to years).
with

monthly as (select * from {{ ref('role_demand_monthly') }}),

families as (select role_family, display_name from {{ ref('role_families') }}),

summed as (

    select
        source,
        year(posted_month) as posted_year,
        role_family,
        sum(n_postings_with_role) as n_postings_with_role,
        sum(n_postings) as n_postings
    from monthly
    group by all

),

final as (

    select
        summed.source,
        summed.posted_year,
        summed.role_family,
        families.display_name as role_name,
        summed.n_postings_with_role,
        summed.n_postings,
        summed.n_postings_with_role / summed.n_postings as share,
        {{ wilson_low('summed.n_postings_with_role', 'summed.n_postings') }} as share_low,
        {{ wilson_high('summed.n_postings_with_role', 'summed.n_postings') }} as share_high
    from summed
    inner join families using (role_family)

)

select * from final
