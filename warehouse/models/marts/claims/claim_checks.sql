-- One row per claim and check: every comparison the claims check makes, as the claim_<id>
-- models compute it (observed value and interval, the article's figure or the comparator,
-- sample size). No logic here: the verdict rules live in the claims mart.
{%- set claim_models = [
    'claim_salary_us_2019', 'claim_growth_2015_2018', 'claim_growth_2012_2017',
    'claim_mle_vs_ds', 'claim_salary_india', 'claim_salary_india_companies',
    'claim_skills_languages', 'claim_skills_big_data', 'claim_skills_frameworks',
    'claim_skills_math', 'claim_degree', 'claim_ai_share',
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
