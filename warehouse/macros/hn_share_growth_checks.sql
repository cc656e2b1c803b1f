{#
  The checks of a growth claim on Hacker News: for each measure (a CTE `measures` of
  measure, measure_order, posted_month, k, n, target_value, counts_toward_verdict, and a CTE
  `claim`), the share in the `before` and `after` month ranges, their ratio and a
  conservative interval (the after-share's Wilson bounds over the before-share's opposite ones).
#}
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
        shares.share_after / nullif(shares.share_before, 0) as observed_value,
        shares.low_after / nullif(shares.high_before, 0) as observed_low,
        shares.high_after / nullif(shares.low_before, 0) as observed_high,
        shares.target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        least(shares.n_before, shares.n_after) as sample_size,
        'posts a period' as sample_unit,
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
