-- One row per source, pay basis, role family, country and year: annual pay in USD and in 2019
-- dollars (n, mean, median, quartiles), from employer-stated postings (a posting counts once,
-- at the midpoint of its first range in the pay series) and from aijobs.net self-reported
-- full-time salaries (the work year). Pay bases are never pooled: compare rows side by side.
with

posting_salaries as (select * from {{ ref('int_posting_salaries') }}),

aijobs_salaries as (select * from {{ ref('int_aijobs_salaries') }}),

series_ranked as (

    select
        *,
        row_number() over (partition by posting_id order by range_index) as series_rank
    from posting_salaries
    where is_in_pay_series
        and pay_year is not null

),

from_postings as (

    select
        source,
        pay_basis,
        role_family,
        country,
        pay_year,
        is_period_inferred,
        (annual_min_usd + annual_max_usd) / 2 as mid_annual_usd,
        (annual_min_usd_2019 + annual_max_usd_2019) / 2 as mid_annual_usd_2019
    from series_ranked
    where series_rank = 1

),

from_aijobs as (

    select
        source,
        pay_basis,
        role_family,
        country,
        pay_year,
        false as is_period_inferred,
        (annual_min_usd + annual_max_usd) / 2 as mid_annual_usd,
        (annual_min_usd_2019 + annual_max_usd_2019) / 2 as mid_annual_usd_2019
    from aijobs_salaries
    where is_in_pay_series
        and pay_year is not null

),

unioned as (

    select * from from_postings
    union all
    select * from from_aijobs

),

final as (

    select
        source,
        pay_basis,
        role_family,
        country,
        pay_year,
        count(*) as n_salaries,
        count_if(is_period_inferred) as n_period_inferred,
        avg(mid_annual_usd) as mean_annual_usd,
        quantile_cont(mid_annual_usd, 0.5) as median_annual_usd,
        quantile_cont(mid_annual_usd, 0.25) as p25_annual_usd,
        quantile_cont(mid_annual_usd, 0.75) as p75_annual_usd,
        avg(mid_annual_usd_2019) as mean_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.5) as median_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.25) as p25_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.75) as p75_annual_usd_2019
    from unioned
    group by all

)

select * from final
