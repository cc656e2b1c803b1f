-- One row per source, pay basis, employment type, role family, country and posting month:
-- employer-stated
-- annual base pay in USD and in 2019 dollars (n, mean, median, quartiles). A posting counts
-- once, at the midpoint of its first range in the pay series (int_pay_points_selected).
with

pay_points as (

    select * from {{ ref('int_pay_points_selected') }}
    where pay_basis <> 'self_reported'
        and posted_month is not null

),

final as (

    select
        source,
        pay_basis,
        employment_type,
        role_family,
        country,
        posted_month,
        count(*) as n_postings,
        {{ pay_statistics() }}
    from pay_points
    group by all

)

select * from final
