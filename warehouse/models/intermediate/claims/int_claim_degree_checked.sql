-- One row per check of the claim degree: in each window, of the ml_engineer jobs whose text
-- mentions a degree at all (the posts that address the question), the share asking for a
-- master's or a PhD, required or preferred; beside it, the share of all ml_engineer jobs. A
-- job (its copies and reposts, once a window) asks what the most demanding of its posts asks.
-- Most posts say nothing of degrees, and silence is no evidence either way, so the verdict is
-- judged on the posts that speak. The reading of a posting's degree ask is
-- pipeline.domain.degree (jt_degree_asked: none, any or advanced).
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'degree'),

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

flagged as (

    select
        window_id,
        job_id,
        any_value(job_company_key) as job_company_key,
        max(case jt_degree_asked(description_text)
            when 'advanced' then 2 when 'any' then 1 else 0 end) as degree_rank
    from {{ ref('int_ml_postings_windowed') }}
    group by window_id, job_id

),

concentration as ({{ top_company_jobs('flagged', 'degree_rank = 2') }}),

windowed as (

    select
        {{ window_columns('windows') }},
        count(flagged.job_id) as n_jobs,
        coalesce(count_if(flagged.degree_rank >= 1), 0) as n_mentioning,
        coalesce(count_if(flagged.degree_rank = 2), 0) as n_asking,
        any_value(concentration.n_top_company_jobs) as n_top_company_jobs
    from windows
    left join flagged using (window_id)
    left join concentration using (window_id)
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
        windowed.months_read,
        windowed.n_asking / nullif(windowed.n_mentioning, 0) as observed_value,
        {{ wilson_low('windowed.n_asking', 'windowed.n_mentioning') }} as observed_low,
        {{ wilson_high('windowed.n_asking', 'windowed.n_mentioning') }} as observed_high,
        claim.threshold as target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        windowed.n_mentioning as sample_size,
        'ml_engineer jobs mentioning a degree' as sample_unit,
        windowed.n_top_company_jobs / nullif(windowed.n_asking, 0) as top_company_share,
        printf(
            '%s: %.1f%% of jobs mentioning a degree ask for a master''s or PhD (%d/%d); '
            || '%.1f%% of all ml_engineer jobs (%d/%d)', windowed.window_label,
            100 * coalesce(windowed.n_asking / nullif(windowed.n_mentioning, 0), 0),
            windowed.n_asking, windowed.n_mentioning,
            100 * coalesce(windowed.n_asking / nullif(windowed.n_jobs, 0), 0),
            windowed.n_asking, windowed.n_jobs
        ) as observed_text,
        true as counts_toward_verdict,
        windowed.window_id = 'hn-2017-2018' as is_headline,
        'int_claim_degree_checked (jt_degree_asked over postings.description_text, ml_engineer postings)' as evidence
    from windowed
    cross join claim

)

select * from final
