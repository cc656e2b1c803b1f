-- One row per source, pay basis, role family, country and posting month: employer-stated
-- annual base pay in USD and in 2019 dollars (n, mean, median, quartiles). A posting counts
-- once, at the midpoint of its first range in the pay series (int_posting_salaries).
with

salaries as (select * from {{ ref('int_posting_salaries') }}),

series_ranked as (

    select
        *,
        row_number() over (partition by posting_id order by range_index) as series_rank
    from salaries
    where is_in_pay_series
        and posted_month is not null

),

one_per_posting as (

    select
        source,
        pay_basis,
        role_family,
        country,
        posted_month,
        is_period_inferred,
        (annual_min_usd + annual_max_usd) / 2 as mid_annual_usd,
        (annual_min_usd_2019 + annual_max_usd_2019) / 2 as mid_annual_usd_2019
    from series_ranked
    where series_rank = 1

),

final as (

    select
        source,
        pay_basis,
        role_family,
        country,
        posted_month,
        count(*) as n_postings,
        count_if(is_period_inferred) as n_period_inferred,
        avg(mid_annual_usd) as mean_annual_usd,
        quantile_cont(mid_annual_usd, 0.5) as median_annual_usd,
        quantile_cont(mid_annual_usd, 0.25) as p25_annual_usd,
        quantile_cont(mid_annual_usd, 0.75) as p75_annual_usd,
        avg(mid_annual_usd_2019) as mean_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.5) as median_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.25) as p25_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.75) as p75_annual_usd_2019
    from one_per_posting
    group by all

)

select * from final
