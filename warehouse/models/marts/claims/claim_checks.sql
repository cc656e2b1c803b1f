-- One row per claim and check: every comparison the claims check makes, as the claim_<id>
-- models compute it (observed value and interval, the article's figure or the comparator,
-- sample size). No logic here: the verdict rules live in the claims mart.
-- Optional columns are NULL where a model has none (UNION ALL BY NAME): `first_year` (a dated
-- window's first year: a claim about a period counts only that period's windows),
-- `top_company_share` (the largest single company's share of what a check counts) and
-- `months_read` (the months of a monthly source it reads, for the coverage flags).
{%- set claim_models = [
    'int_claim_salary_us_2019_checked', 'int_claim_growth_2015_2018_checked', 'int_claim_growth_2012_2017_checked',
    'int_claim_mle_vs_ds_checked', 'int_claim_salary_india_checked', 'int_claim_salary_india_companies_checked',
    'int_claim_skills_languages_checked', 'int_claim_skills_big_data_checked', 'int_claim_skills_frameworks_checked',
    'int_claim_skills_math_checked', 'int_claim_degree_checked', 'int_claim_ai_share_checked',
    'int_claim_market_forecast_checked', 'int_claim_opening_quote_checked',
    'int_claim_skills_soft_checked', 'int_claim_skills_data_modelling_checked',
    'int_claim_responsibilities_checked', 'int_claim_mle_definition_checked',
    'int_claim_applications_checked',
] %}
with

unioned as (

    {% for model in claim_models %}
    select * from {{ ref(model) }}
    {% if not loop.last %}union all by name{% endif %}
    {% endfor %}

),

final as (

    select
        claim_id,
        check_id,
        check_label,
        cast(check_order as integer) as check_order,
        source,
        period,
        cast(first_year as integer) as first_year,
        cast(top_company_share as double) as top_company_share,
        cast(months_read as date[]) as months_read,
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
    from unioned

)

select * from final
