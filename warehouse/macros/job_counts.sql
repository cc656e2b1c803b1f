{# Jobs, not postings: the rows of `relation` (one a posting in a cell: the `keys`, posting_id,
   job_id, job_company_key) counted per cell as n_postings, n_jobs (distinct job_id: the copies
   of one job count once), n_companies (distinct known companies of those jobs) and
   top_company_share (the largest single company's share of the cell's jobs; NULL when no
   company is known). #}
{% macro job_counts(relation, keys) %}
    select
        {{ keys | join(', ') }},
        sum(n_postings) as n_postings,
        sum(n_jobs) as n_jobs,
        count(job_company_key) as n_companies,
        max(n_jobs) filter (where job_company_key is not null) / sum(n_jobs) as top_company_share
    from (
        select
            {{ keys | join(', ') }},
            job_company_key,
            count(distinct posting_id) as n_postings,
            count(distinct job_id) as n_jobs
        from {{ relation }}
        group by all
    )
    group by all
{% endmacro %}

{# The postings of a demand mart with their job: posting_id, source, the period column
   (`posted_month`, or `posted_year` by year), job_id and job_company_key; `where` filters
   the postings mart. #}
{% macro postings_with_jobs(period, where='true') %}
    select
        postings.posting_id,
        postings.source,
        {% if period == 'posted_year' -%}
        year(postings.posted_month) as posted_year,
        {%- else -%}
        postings.posted_month,
        {%- endif %}
        postings.job_id,
        clustered.job_company_key
    from {{ ref('postings') }} as postings
    inner join {{ ref('int_postings_clustered') }} as clustered using (posting_id)
    where postings.posted_month is not null and {{ where }}
{% endmacro %}

{# Per window, the jobs of the largest single (known) company among the rows of `relation`
   (one a window and job, with job_company_key) that meet `condition`: a claim check's
   top_company_share is this over the jobs it counts. #}
{% macro top_company_jobs(relation, condition) %}
    select window_id, max(n_company_jobs) as n_top_company_jobs
    from (
        select window_id, job_company_key, count(*) as n_company_jobs
        from {{ relation }}
        where ({{ condition }}) and job_company_key is not null
        group by all
    )
    group by window_id
{% endmacro %}

{# The columns of a claim window (int_claim_windows_listed) a check carries. #}
{% macro window_columns(alias) %}
        {{ alias }}.window_id,
        {{ alias }}.source,
        {{ alias }}.window_label,
        {{ alias }}.window_order,
        {{ alias }}.first_year,
        {{ alias }}.months_read
{%- endmacro %}
