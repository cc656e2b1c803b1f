-- One row per claim and check: every comparison the claims check makes, as the claim_<id>
-- models compute it (observed value and interval, the article's figure or the comparator,
-- sample size). No logic here: the verdict rules live in the claims mart.
{%- set claim_models = [
    'int_claim_salary_us_2019_checked', 'int_claim_growth_2015_2018_checked', 'int_claim_growth_2012_2017_checked',
    'int_claim_mle_vs_ds_checked', 'int_claim_salary_india_checked', 'int_claim_salary_india_companies_checked',
    'int_claim_skills_languages_checked', 'int_claim_skills_big_data_checked', 'int_claim_skills_frameworks_checked',
    'int_claim_skills_math_checked', 'int_claim_degree_checked', 'int_claim_ai_share_checked',
] %}
{#- Models whose checks are of a dated window carry its first year (`first_year`): a claim
    about a period counts only the windows of that period (seed column `judged_through`). -#}
{%- set dated_models = [
    'int_claim_salary_us_2019_checked', 'int_claim_mle_vs_ds_checked', 'int_claim_salary_india_checked',
    'int_claim_skills_languages_checked', 'int_claim_skills_big_data_checked', 'int_claim_skills_frameworks_checked',
    'int_claim_skills_math_checked', 'int_claim_degree_checked',
] %}
{#- Models whose checks count jobs of named companies carry `top_company_share`, the largest
    single company's share of what a check counts: a check resting more than half on one
    company cannot pass on it alone (the claims mart's rule). -#}
{%- set company_models = [
    'int_claim_salary_us_2019_checked', 'int_claim_mle_vs_ds_checked',
    'int_claim_skills_languages_checked', 'int_claim_skills_big_data_checked', 'int_claim_skills_frameworks_checked',
    'int_claim_skills_math_checked', 'int_claim_degree_checked',
] %}
{#- Models whose checks read months of a monthly source carry `months_read`: the claims mart
    names the months among them that look partially captured (coverage_monthly). -#}
{%- set month_models = [
    'int_claim_growth_2015_2018_checked', 'int_claim_growth_2012_2017_checked', 'int_claim_ai_share_checked',
    'int_claim_mle_vs_ds_checked', 'int_claim_skills_languages_checked', 'int_claim_skills_big_data_checked',
    'int_claim_skills_frameworks_checked', 'int_claim_skills_math_checked', 'int_claim_degree_checked',
] %}
with

{% for model in claim_models %}
{{ model }} as (select * from {{ ref(model) }}),

{% endfor %}
unioned as (

    {% for model in claim_models %}
    select
        claim_id,
        check_id,
        check_label,
        cast(check_order as integer) as check_order,
        source,
        period,
        {% if model in dated_models -%}
        cast(first_year as integer) as first_year,
        {%- else -%}
        cast(null as integer) as first_year,
        {%- endif %}
        {% if model in company_models -%}
        cast(top_company_share as double) as top_company_share,
        {%- else -%}
        cast(null as double) as top_company_share,
        {%- endif %}
        {% if model in month_models -%}
        cast(months_read as date[]) as months_read,
        {%- else -%}
        cast(null as date[]) as months_read,
        {%- endif %}
        cast(observed_value as double) as observed_value,
        cast(observed_low as double) as observed_low,
        cast(observed_high as double) as observed_high,
        cast(target_value as double) as target_value,
        cast(target_low as double) as target_low,
        cast(target_high as double) as target_high,
        cast(sample_size as bigint) as sample_size,
        sample_unit,
        observed_text,
        counts_toward_verdict,
        is_headline,
        evidence
    from {{ model }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select * from unioned

)

select * from final
