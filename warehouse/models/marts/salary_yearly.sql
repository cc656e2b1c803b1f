-- One row per source, pay basis, role family, country and year: annual pay in USD and in 2019
-- dollars (n, mean, median, quartiles), from employer-stated postings (a posting counts once,
-- at the midpoint of its first range in the pay series) and from aijobs.net self-reported
-- full-time salaries (the work year). Pay bases are never pooled: compare rows side by side.
with

pay_points as (

    select * from {{ ref('int_pay_points_selected') }}
    where pay_year is not null

),

final as (

    select
        source,
        pay_basis,
        role_family,
        country,
        pay_year,
        count(*) as n_salaries,
        {{ pay_statistics() }}
    from pay_points
    group by all

)

select * from final
