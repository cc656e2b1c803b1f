{# A model's schema is its folder's `+schema` as written (`staging`, `intermediate`,
   `lookups`), not dbt's default `<target>_<schema>`; marts, with none, stay in `main`. #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name else target.schema }}
{%- endmacro %}
