-- One row per comparison window (a source and period), population and responsibility or
-- application domain: the share of the population's jobs with a description that name it,
-- with its denominator and 95% Wilson interval. Populations: ml_engineer jobs, and for
-- contrast all engineering jobs, software_engineer and data_scientist jobs.
with

shares as (

    select * from {{ ref('int_population_shares_windowed') }}
    where subject_kind in ('responsibility', 'application')

),

duties as (select duty_id, display_order, in_article from {{ ref('duties') }}),

final as (

    select
        shares.window_id,
        shares.source,
        shares.window_label as period,
        shares.first_year,
        shares.population,
        shares.subject_kind as duty_kind,
        shares.subject_id as duty_id,
        shares.display_name as duty_name,
        duties.display_order,
        duties.in_article,
        shares.n_jobs_naming,
        shares.n_jobs,
        shares.n_postings_naming,
        shares.n_postings,
        shares.share,
        shares.share_low,
        shares.share_high,
        shares.top_company_share
    from shares
    inner join duties on duties.duty_id = shares.subject_id

)

select * from final
