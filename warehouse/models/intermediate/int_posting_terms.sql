-- One row per posting (newest version) and candidate term of its title and text
-- (pipeline.domain.emerging.candidate_terms): words and names that could be a skill no
-- taxonomy names yet; a posting with none has one row with a NULL term, so that it is not
-- read again. The posting's own company is left out there; known employers, growth and what
-- the taxonomy covers are emerging_skills' work. The skills of var `emerging_removed_skills`
-- (the backtest) are not known skills here either.
-- Incremental: only postings whose newest version, or the terms version (the code, the
-- taxonomy and the removed skills), is new are read again.
{{ config(
    materialized='incremental',
    unique_key='posting_id',
    incremental_strategy='delete+insert',
    on_schema_change='sync_all_columns'
) }}
{%- set removed = var('emerging_removed_skills', []) %}
{%- set removed_list -%}
    {% if removed %}['{{ removed | join("', '") }}']{% else %}[]::varchar[]{% endif %}
{%- endset %}
with

version as (select jt_terms_version({{ removed_list }}) as terms_version),

latest as (

    select posting_id, content_hash, title, description_text, company
    from {{ ref('int_postings_located') }} as located
    where description_text is not null
    {#- A table built before it was incremental has no terms_version: read everything once. #}
    {% if is_incremental()
        and 'terms_version' in (adapter.get_columns_in_relation(this) | map(attribute='name')) %}
        and not exists (
            select 1 from {{ this }} as done
            where done.posting_id = located.posting_id
              and done.content_hash = located.content_hash
              and done.terms_version = (select terms_version from version)
        )
    {% endif %}

),

terms as (

    select
        posting_id,
        content_hash,
        jt_candidate_terms(
            coalesce(title, '') || chr(10) || description_text, company, {{ removed_list }}
        ) as terms
    from latest

),

final as (

    select
        posting_id,
        content_hash,
        unnest(case when len(terms) = 0 then [null::varchar] else terms end) as term,
        version.terms_version
    from terms
    cross join version

)

select * from final
