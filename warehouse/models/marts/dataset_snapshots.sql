-- One row per public dataset: the rows and the period of its newest snapshot, and its credit.
-- What the report says of the datasets shown beside the postings, never pooled with them.
with

aijobs as (select * from {{ ref('stg_aijobs__salaries') }}),

hn_structured as (select * from {{ ref('stg_hn_structured__jobs') }}),

ai_share as (select * from {{ ref('stg_indeed__ai_share') }}),

credits as (select * from {{ ref('source_credits') }}),

spans as (

    select
        'aijobs_salaries' as dataset, 'aijobs' as source, count(*) as n_rows,
        make_date(min(work_year), 1, 1) as first_date, make_date(max(work_year), 12, 31) as last_date
    from aijobs
    union all
    select
        'hn_structured_jobs', 'hn_structured', count(*),
        cast(min(thread_date) as date), cast(max(thread_date) as date)
    from hn_structured
    union all
    select 'indeed_ai_share', 'indeed', count(*), min(posting_date), max(posting_date)
    from ai_share

),

final as (

    select
        spans.dataset,
        spans.source,
        credits.label,
        credits.credit,
        spans.n_rows,
        spans.first_date,
        spans.last_date
    from spans
    left join credits using (source)

)

select * from final
