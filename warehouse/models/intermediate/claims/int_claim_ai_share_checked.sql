-- One row per check of the claim ai-share: per country, Indeed Hiring Lab's AI share of
-- postings, 2025 mean over 2019 mean (Indeed gives no counts: no interval, days as sample);
-- and the share of Hacker News posts naming machine learning or LLMs, 2012 -> 2018-01..06
-- and 2018-01..06 -> 2026-01..03 (Wilson intervals, conservative ratio bounds), counting jobs:
-- a job reposted within a period once.
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'ai-share'),

indeed as (select * from {{ ref('ai_share_monthly') }}),

postings as (

    select posting_id, posted_month, job_id
    from {{ ref('postings') }}
    where source = 'hackernews' and has_description

),

skills as (

    select distinct posting_id
    from {{ ref('posting_skills') }}
    where skill_id in ('machine-learning', 'llm')

),

indeed_years as (

    select
        country,
        sum(ai_share_pct_mean * n_days) filter (where year(posting_month) = 2019)
        / sum(n_days) filter (where year(posting_month) = 2019) as pct_2019,
        sum(ai_share_pct_mean * n_days) filter (where year(posting_month) = 2025)
        / sum(n_days) filter (where year(posting_month) = 2025) as pct_2025,
        coalesce(sum(n_days) filter (where year(posting_month) = 2019), 0) as days_2019,
        coalesce(sum(n_days) filter (where year(posting_month) = 2025), 0) as days_2025,
        any_value(credit) as credit
    from indeed
    group by country

),

indeed_checks as (

    select
        'indeed-' || lower(country) as check_id,
        'Indeed ' || country as check_label,
        -- The US first, then the other countries by name (ties would reorder the text).
        case when country = 'US' then 1 else 1 + row_number() over (order by country) end
            as check_order,
        'indeed_hiring_lab' as source,
        'Indeed 2019 -> 2025' as period,
        pct_2025 / nullif(pct_2019, 0) as observed_value,
        cast(null as double) as observed_low,
        cast(null as double) as observed_high,
        least(days_2019, days_2025) as sample_size,
        'days of data a year' as sample_unit,
        printf(
            'Indeed %s AI share %.2f%% (2019) -> %.2f%% (2025): x%.2f (%s)',
            country, coalesce(pct_2019, 0), coalesce(pct_2025, 0),
            coalesce(pct_2025 / nullif(pct_2019, 0), 0), credit
        ) as observed_text,
        country = 'US' as is_headline,
        'ai_share_monthly (' || credit || ')' as evidence
    from indeed_years

),

hn_periods as (

    select * from (
        values
            ('hn-2012-2018', 'HN 2012 -> 2018-01..06', 100,
             date '2012-01-01', date '2012-12-01', date '2018-01-01', date '2018-06-01'),
            ('hn-2018-2026', 'HN 2018-01..06 -> 2026-01..03', 101,
             date '2018-01-01', date '2018-06-01', date '2026-01-01', date '2026-03-01')
    ) as p (check_id, period, check_order, first_before, last_before, first_after, last_after)

),

hn_counts as (

    select
        hn_periods.check_id,
        hn_periods.period,
        hn_periods.check_order,
        hn_periods.first_before,
        hn_periods.last_before,
        hn_periods.first_after,
        hn_periods.last_after,
        {%- for side in ['before', 'after'] %}
        count(distinct postings.job_id) filter (
            where postings.posted_month between hn_periods.first_{{ side }} and hn_periods.last_{{ side }}
        ) as n_{{ side }},
        count(distinct postings.job_id) filter (
            where skills.posting_id is not null
            and postings.posted_month between hn_periods.first_{{ side }} and hn_periods.last_{{ side }}
        ) as k_{{ side }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from hn_periods
    cross join postings
    left join skills using (posting_id)
    group by all

),

hn_shares as (

    select
        *,
        {{ before_after_shares() }}
    from hn_counts

),

hn_checks as (

    select
        check_id,
        period as check_label,
        check_order,
        'hackernews' as source,
        period,
        list_concat(
            [d::date for d in generate_series(first_before, last_before, interval 1 month)],
            [d::date for d in generate_series(first_after, last_after, interval 1 month)]
        ) as months_read,
        share_after / nullif(share_before, 0) as observed_value,
        low_after / nullif(high_before, 0) as observed_low,
        high_after / nullif(low_before, 0) as observed_high,
        least(n_before, n_after) as sample_size,
        'jobs a period' as sample_unit,
        printf(
            '%s: posts naming machine learning or LLMs %.1f%% (%d/%d) -> %.1f%% (%d/%d): x%.2f',
            period, 100 * coalesce(share_before, 0), k_before, n_before,
            100 * coalesce(share_after, 0), k_after, n_after,
            coalesce(share_after / nullif(share_before, 0), 0)
        ) as observed_text,
        false as is_headline,
        'postings, posting_skills (machine-learning or llm, source = hackernews)' as evidence
    from hn_shares

),

checks as (

    select * from indeed_checks
    union all by name
    select * from hn_checks

),

final as (

    select
        claim.claim_id,
        checks.check_id,
        checks.check_label,
        checks.check_order,
        checks.source,
        checks.period,
        checks.months_read,
        checks.observed_value,
        checks.observed_low,
        checks.observed_high,
        claim.threshold as target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        checks.sample_size,
        checks.sample_unit,
        checks.observed_text,
        true as counts_toward_verdict,
        checks.is_headline,
        checks.evidence
    from checks
    cross join claim

)

select * from final
