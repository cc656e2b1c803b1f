-- One row per comparison window of the claims check: one source and a span of posting months.
-- Shares are only ever taken within one window (CLAIMS.md: same source, same window).
-- `has_text_shares`: whether skill and degree shares are taken there; not on Greenhouse,
-- where only two boards give descriptions (one employer makes most of them).
with

windows as (

    select * from (
        values
            -- The 18 months before the article (HN holds 2018 up to June only).
            ('hn-2017-2018', 'hackernews', date '2017-01-01', date '2018-06-01',
             'HN 2017-01..2018-06', 'HN 2017-18', 1, true),
            ('hn-2026', 'hackernews', date '2026-01-01', date '2026-03-01',
             'HN 2026-01..03', 'HN 2026', 2, true),
            ('ashby-2025', 'ashby', date '2025-01-01', date '2025-12-01',
             'Ashby 2025', 'Ashby 2025', 3, true),
            ('greenhouse-2026', 'greenhouse', date '2026-01-01', date '2026-12-01',
             'Greenhouse 2026', 'Greenhouse 2026', 4, false)
    ) as w (
        window_id, source, first_month, last_month, window_label, window_short, window_order,
        has_text_shares
    )

),

final as (

    select
        window_id,
        source,
        first_month,
        last_month,
        year(first_month) as first_year,
        [d::date for d in generate_series(first_month, last_month, interval 1 month)] as months_read,
        window_label,
        window_short,
        window_order,
        has_text_shares
    from windows

)

select * from final
