-- One row per country and month: the mean of Indeed Hiring Lab's daily share of postings that
-- mention AI or machine learning (percent), with the days it averages. Credit: Indeed Hiring
-- Lab, CC BY 4.0 (kept in a column so that every extract carries it; seed source_credits).
with

daily as (select * from {{ ref('stg_indeed__ai_share') }}),

credits as (select credit from {{ ref('source_credits') }} where source = 'indeed'),

final as (

    select
        country,
        cast(date_trunc('month', posting_date) as date) as posting_month,
        avg(ai_share_pct) as ai_share_pct_mean,
        min(ai_share_pct) as ai_share_pct_min,
        max(ai_share_pct) as ai_share_pct_max,
        count(ai_share_pct) as n_days,
        any_value(credits.credit) as credit
    from daily
    cross join credits
    group by country, date_trunc('month', posting_date)

)

select * from final
