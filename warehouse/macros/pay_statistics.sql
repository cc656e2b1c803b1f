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

{# A salary mart: the pay points of int_pay_points_selected (one a job and year) grouped by
   source, pay basis, employment type (the series), role family, country and one period column,
   with the count of jobs named `count_name`, the postings they stand for, how many companies
   they are from and the largest one's share, and the statistics above. Bases and series are
   never pooled. #}
{% macro pay_series_grouped(period_column, count_name, where) %}
{%- set keys = ['source', 'pay_basis', 'employment_type', 'role_family', 'country', period_column] -%}
with

pay_points as (

    select
        *,
        count(*) over (partition by {{ keys | join(', ') }}, job_company_key) as n_company_jobs
    from {{ ref('int_pay_points_selected') }}
    where {{ where }}

),

final as (

    select
        {{ keys | join(', ') }},
        count(*) as {{ count_name }},
        {% if count_name != 'n_jobs' -%}
        count(*) as n_jobs,
        {%- endif %}
        sum(n_job_postings) as n_postings,
        count(distinct job_company_key) as n_companies,
        max(n_company_jobs) filter (where job_company_key is not null) / count(*)
            as top_company_share,
        {{ pay_statistics() }}
    from pay_points
    group by all

)

select * from final
{% endmacro %}
