-- One row per check of the claim growth-2015-2018: the change in the share of Hacker News posts advertising an ml_engineer role, and naming machine learning, January-June 2015 to January-June 2018 (HN holds 2018 up to June only).
-- The interval of a ratio is conservative: the after-share's Wilson bounds over the
-- before-share's opposite bounds.
with

{{ hn_growth_inputs('growth-2015-2018') }}

measures as (

    select * from ml_engineer_measure
    union all
    select
        'machine-learning mention', 2, posted_month, n_jobs_naming, n_jobs,
        (select article_value from claim), true
    from skills
    where skill_id = 'machine-learning'

),

{{ hn_share_growth_checks(
    before=['2015-01-01', '2015-06-01'],
    after=['2018-01-01', '2018-06-01'],
    period='HN 2015-01..06 -> 2018-01..06 (2018 ends in June)',
    evidence='role_demand_monthly, skill_demand_monthly (source = hackernews)',
) }}
