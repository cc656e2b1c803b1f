{# Rows of the newest snapshot of a dataset table (by the ledger's load time). #}
{% macro latest_snapshot(relation, dataset) %}
    select * from {{ relation }}
    where file_sha256 = (
        select file_sha256 from {{ source('raw', 'load_ledger') }}
        where kind = 'dataset' and landed_file like '%/{{ dataset }}.%'
        order by loaded_at desc
        limit 1
    )
{% endmacro %}
