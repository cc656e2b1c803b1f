{#
  Per source, period and candidate term (int_posting_terms): jobs naming the term of the jobs
  with a description (a job's copies count once), distinct companies, and the pooled share of
  the `window` observed periods before (the trailing baseline; periods without postings are
  skipped, so the baseline of the first months after a gap in the data is the last ones
  before it). `period` is 'month' or 'year'.
#}
{# Needs a CTE `described` (posting_id of the postings with a description) before it. #}
{% macro term_period_stats(period, window) %}
    {%- set period_expr = "posted_month" if period == "month" else "date_trunc('year', posted_month)" -%}

postings_{{ period }} as (

    select * replace ({{ period_expr }} as posted_month)
    from ({{ postings_with_jobs('posted_month', 'posting_id in (select posting_id from described)') }})

),

named_{{ period }} as (

    select postings_{{ period }}.*, terms.term
    from postings_{{ period }}
    inner join {{ ref('int_posting_terms') }} as terms using (posting_id)
    where terms.term is not null

),

denominators_{{ period }} as (

    select
        *,
        row_number() over (partition by source order by posted_month) as period_index,
        coalesce(sum(n_jobs) over (
            partition by source order by posted_month
            rows between {{ window }} preceding and 1 preceding
        ), 0) as baseline_n_jobs,
        count(*) over (
            partition by source order by posted_month
            rows between {{ window }} preceding and 1 preceding
        ) as baseline_periods
    from ({{ job_counts('postings_' ~ period, ['source', 'posted_month']) }})

),

numerators_{{ period }} as (

    select
        numerators.*,
        denominators.period_index
    from ({{ job_counts('named_' ~ period, ['source', 'posted_month', 'term']) }}) as numerators
    inner join denominators_{{ period }} as denominators using (source, posted_month)

),

stats_{{ period }} as (

    select
        '{{ period }}' as period_type,
        numerators.source,
        numerators.term,
        numerators.posted_month as period_start,
        numerators.n_jobs as n_jobs_naming,
        denominators.n_jobs,
        numerators.n_companies,
        coalesce(sum(numerators.n_jobs) over (
            partition by numerators.source, numerators.term order by numerators.period_index
            range between {{ window }} preceding and 1 preceding
        ), 0) as baseline_n_jobs_naming,
        sum(numerators.n_jobs) over (
            partition by numerators.source, numerators.term order by numerators.period_index
        ) as n_jobs_naming_to_date,
        denominators.baseline_n_jobs,
        denominators.baseline_periods
    from numerators_{{ period }} as numerators
    inner join denominators_{{ period }} as denominators using (source, posted_month)

)
{% endmacro %}
