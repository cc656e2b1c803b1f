{#
  The checks of a growth claim on Hacker News: for each measure (a CTE `measures` of
  measure, measure_order, posted_month, k, n, target_value, counts_toward_verdict, and a CTE
  `claim`), the share in the `before` and `after` month ranges, their ratio and a
  conservative interval (the after-share's Wilson bounds over the before-share's opposite ones).
#}
{# The inputs of a growth claim: its seed row (`claim`), Hacker News's monthly role shares
   (`roles`) and skill shares of all posts (`skills`), and its first measure. #}
{% macro hn_growth_inputs(claim_id) %}
claim as (select * from {{ ref('article_claims') }} where claim_id = '{{ claim_id }}'),

roles as (

    select * from {{ ref('role_demand_monthly') }}
    where source = 'hackernews'

),

skills as (

    select * from {{ ref('skill_demand_monthly') }}
    where source = 'hackernews' and role_family = 'all'

),

-- The measure every growth claim tests first: the share of posts advertising ml_engineer.
ml_engineer_measure as (

    select
        'ml_engineer' as measure, 1 as measure_order, posted_month,
        n_jobs_with_role as k, n_jobs as n,
        (select article_value from claim) as target_value, true as counts_toward_verdict
    from roles
    where role_family = 'ml_engineer'

),
{% endmacro %}

{% macro hn_share_growth_checks(before, after, period, evidence) %}
periods as (

    select
        measure,
        measure_order,
        target_value,
        counts_toward_verdict,
        coalesce(sum(k) filter (where posted_month between date '{{ before[0] }}' and date '{{ before[1] }}'), 0) as k_before,
        coalesce(sum(n) filter (where posted_month between date '{{ before[0] }}' and date '{{ before[1] }}'), 0) as n_before,
        coalesce(sum(k) filter (where posted_month between date '{{ after[0] }}' and date '{{ after[1] }}'), 0) as k_after,
        coalesce(sum(n) filter (where posted_month between date '{{ after[0] }}' and date '{{ after[1] }}'), 0) as n_after
    from measures
    group by all

),

shares as (

    select
        *,
        {{ before_after_shares() }}
    from periods

),

final as (

    select
        claim.claim_id,
        'hn-' || shares.measure as check_id,
        'HN ' || shares.measure || ' share' as check_label,
        shares.measure_order as check_order,
        'hackernews' as source,
        '{{ period }}' as period,
        -- The months read (for the coverage flags of the claims mart).
        list_concat(
            [d::date for d in generate_series(date '{{ before[0] }}', date '{{ before[1] }}', interval 1 month)],
            [d::date for d in generate_series(date '{{ after[0] }}', date '{{ after[1] }}', interval 1 month)]
        ) as months_read,
        shares.share_after / nullif(shares.share_before, 0) as observed_value,
        shares.low_after / nullif(shares.high_before, 0) as observed_low,
        shares.high_after / nullif(shares.low_before, 0) as observed_high,
        shares.target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        least(shares.n_before, shares.n_after) as sample_size,
        'job-months a period' as sample_unit,
        printf(
            'HN %s share %.2f%% (%d/%d) -> %.2f%% (%d/%d): x%.2f, %+.0f%% (article x%.2f)',
            shares.measure, 100 * coalesce(shares.share_before, 0), shares.k_before,
            shares.n_before, 100 * coalesce(shares.share_after, 0), shares.k_after,
            shares.n_after, coalesce(shares.share_after / nullif(shares.share_before, 0), 0),
            100 * (coalesce(shares.share_after / nullif(shares.share_before, 0), 0) - 1),
            shares.target_value
        ) as observed_text,
        shares.counts_toward_verdict,
        shares.measure_order = 1 as is_headline,
        '{{ evidence }}' as evidence
    from shares
    cross join claim

)

select * from final
{% endmacro %}
