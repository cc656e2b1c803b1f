-- One row per check of the claim degree: in each window, of the ml_engineer postings whose text
-- mentions a degree at all (the posts that address the question), the share asking for a
-- master's or a PhD, required or preferred; beside it, the share of all ml_engineer postings.
-- Most posts say nothing of degrees, and silence is no evidence either way, so the verdict is
-- judged on the posts that speak. The reading of a posting's degree ask is
-- pipeline.domain.degree (jt_degree_asked: none, any or advanced).
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'degree'),

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

flagged as (

    select
        window_id,
        posting_id,
        jt_degree_asked(description_text) as degree_ask
    from {{ ref('int_ml_postings_windowed') }}

),

windowed as (

    select
        windows.window_id,
        windows.source,
        windows.window_label,
        windows.window_order,
        windows.first_year,
        count(flagged.posting_id) as n_postings,
        coalesce(count_if(flagged.degree_ask in ('any', 'advanced')), 0) as n_mentioning,
        coalesce(count_if(flagged.degree_ask = 'advanced'), 0) as n_asking
    from windows
    left join flagged using (window_id)
    group by all

),

final as (

    select
        claim.claim_id,
        windowed.window_id as check_id,
        windowed.window_label as check_label,
        windowed.window_order as check_order,
        windowed.source,
        windowed.window_label as period,
        windowed.first_year,
        windowed.n_asking / nullif(windowed.n_mentioning, 0) as observed_value,
        {{ wilson_low('windowed.n_asking', 'windowed.n_mentioning') }} as observed_low,
        {{ wilson_high('windowed.n_asking', 'windowed.n_mentioning') }} as observed_high,
        claim.threshold as target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        windowed.n_mentioning as sample_size,
        'ml_engineer postings mentioning a degree' as sample_unit,
        printf(
            '%s: %.1f%% of posts mentioning a degree ask for a master''s or PhD (%d/%d); '
            || '%.1f%% of all ml_engineer posts (%d/%d)', windowed.window_label,
            100 * coalesce(windowed.n_asking / nullif(windowed.n_mentioning, 0), 0),
            windowed.n_asking, windowed.n_mentioning,
            100 * coalesce(windowed.n_asking / nullif(windowed.n_postings, 0), 0),
            windowed.n_asking, windowed.n_postings
        ) as observed_text,
        true as counts_toward_verdict,
        windowed.window_id = 'hn-2017-2018' as is_headline,
        'int_claim_degree_checked (jt_degree_asked over postings.description_text, ml_engineer postings)' as evidence
    from windowed
    cross join claim

)

select * from final
