-- One row per source, month and role family: postings advertising the family, of all postings
-- of that source and month, with a 95% Wilson interval. Shares never mix sources.
with

postings as (select posting_id, source, posted_month from {{ ref('postings') }}),

roles as (select * from {{ ref('posting_roles') }}),

families as (select role_family from {{ ref('role_families') }}),

denominators as (

    select source, posted_month, count(*) as n_postings
    from postings
    where posted_month is not null
    group by all

),

numerators as (

    select source, posted_month, role_family, count(distinct posting_id) as n_advertising
    from roles
    group by all

),

final as (

    select
        denominators.source,
        denominators.posted_month,
        families.role_family,
        coalesce(numerators.n_advertising, 0) as n_postings_with_role,
        denominators.n_postings,
        {{ share_columns('coalesce(numerators.n_advertising, 0)', 'denominators.n_postings') }}
    from denominators
    cross join families
    left join numerators
        on numerators.source = denominators.source
        and numerators.posted_month = denominators.posted_month
        and numerators.role_family = families.role_family

)

select * from final
