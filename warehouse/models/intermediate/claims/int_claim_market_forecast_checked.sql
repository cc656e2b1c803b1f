-- One row per check of the claim market-forecast: the ratio of the share of Hacker News posts
-- advertising an ml_engineer role, 2026 (January-March, the nearest the corpus has to 2025)
-- over 2017. Shown beside the forecast for scale, never as a test of a market's size.
with

{{ hn_growth_inputs('market-forecast') }}

measures as (select * from ml_engineer_measure),

{{ hn_share_growth_checks(
    before=['2017-01-01', '2017-12-01'],
    after=['2026-01-01', '2026-03-01'],
    period='HN 2017 -> 2026 (January-March)',
    evidence='role_demand_monthly (source = hackernews)',
) }}
