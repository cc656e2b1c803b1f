{# The statistics of a pay group: mean, median, quartiles and 5th/95th percentiles of the
   annual midpoints, in USD and in 2019 dollars, with how many periods were inferred. #}
{% macro pay_statistics() %}
        count_if(is_period_inferred) as n_period_inferred,
        avg(mid_annual_usd) as mean_annual_usd,
        quantile_cont(mid_annual_usd, 0.5) as median_annual_usd,
        quantile_cont(mid_annual_usd, 0.25) as p25_annual_usd,
        quantile_cont(mid_annual_usd, 0.75) as p75_annual_usd,
        quantile_cont(mid_annual_usd, 0.05) as p05_annual_usd,
        quantile_cont(mid_annual_usd, 0.95) as p95_annual_usd,
        avg(mid_annual_usd_2019) as mean_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.5) as median_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.25) as p25_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.75) as p75_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.05) as p05_annual_usd_2019,
        quantile_cont(mid_annual_usd_2019, 0.95) as p95_annual_usd_2019
{% endmacro %}
