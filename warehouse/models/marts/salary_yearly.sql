-- One row per source, pay basis, employment type (the pay series), role family, country and
-- year: annual pay in USD and in 2019 dollars (n, mean, median, quantiles), from employer-stated
-- postings (a posting counts once, at the midpoint of its first range in a series) and from
-- aijobs.net self-reported salaries (the work year). Bases and series are never pooled.
with

pay_points as (

    select * from {{ ref('int_pay_points_selected') }}
    where pay_year is not null

),

final as (

    select
        source,
        pay_basis,
        employment_type,
        role_family,
        country,
        pay_year,
        count(*) as n_salaries,
        {{ pay_statistics() }}
    from pay_points
    group by all

)

select * from final
