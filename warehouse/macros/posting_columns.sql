{# The posting columns every stg_<source>__postings model shares, cast from raw.postings (whose
   columns are the fields of spiders.items.JobPosting; tests/warehouse checks the two agree),
   as (expression, name) pairs: the staging models select them, int_postings_versioned unions
   them by name. #}
{% macro posting_columns() %}
    {{ return([
        ("source || ':' || source_id", 'posting_id'),
        ('source', 'source'),
        ('source_id', 'source_id'),
        ('content_hash', 'content_hash'),
        ('url', 'url'),
        ('title', 'title'),
        ('company', 'company'),
        ('location', 'location_text'),
        ('country', 'country_text'),
        ('remote', 'is_remote'),
        ('cast(posted_at as timestamptz)', 'posted_at'),
        ('cast(updated_at as timestamptz)', 'updated_at'),
        ('description_text', 'description_text'),
        ('description_html', 'description_html'),
        ('salary_text', 'salary_text'),
        ('pay', 'pay_structured'),
        ('employment_type', 'employment_type'),
        ('board', 'board'),
        ('extras', 'extras'),
        ('cast(crawled_at as timestamptz)', 'crawled_at'),
        ('run_id', 'run_id'),
        ('loaded_at', 'loaded_at'),
    ]) }}
{% endmacro %}

{# The shared columns, cast and renamed: the select list of a staging model. #}
{% macro posting_base_columns() %}
    {%- for expression, name in posting_columns() %}
    {{ expression }}{% if expression != name %} as {{ name }}{% endif %}{% if not loop.last %},{% endif %}
    {%- endfor %}
{% endmacro %}

{# The shared columns by name, for a union of the staging models. #}
{% macro posting_column_names(exclude=[]) %}
    {%- for _, name in posting_columns() if name not in exclude -%}
    {{ name }}{% if not loop.last %}, {% endif %}
    {%- endfor %}
{% endmacro %}
