-- One row per check of the claim growth-2012-2017: the ratio of the share of Hacker News posts advertising an ml_engineer role (and data_scientist, which the report put at 6.5x), 2017 over 2012. Shown beside the claim, never as a test of LinkedIn's profile count.
-- The interval of a ratio is conservative: the after-share's Wilson bounds over the
-- before-share's opposite bounds.
with

{{ hn_growth_inputs('growth-2012-2017') }}

measures as (

    select * from ml_engineer_measure
    union all
    -- The report's data scientist figure (6.5x), for the comparison the article draws.
    select
        'data_scientist', 2, posted_month, n_jobs_with_role, n_jobs,
        6.5, false
    from roles
    where role_family = 'data_scientist'

),

{{ hn_share_growth_checks(
    before=['2012-01-01', '2012-12-01'],
    after=['2017-01-01', '2017-12-01'],
    period='HN 2012 -> 2017',
    evidence='role_demand_monthly (source = hackernews)',
) }}
