{# The rows of a monthly share mart summed to years (each posting is in one month), by source
   and `keys`: the numerator `count` and the denominator n_postings. #}
{% macro summed_to_years(relation, keys, count) %}
    select
        source,
        year(posted_month) as posted_year,
        {{ keys | join(', ') }},
        sum({{ count }}) as {{ count }},
        sum(n_postings) as n_postings
    from {{ relation }}
    group by all
{% endmacro %}
