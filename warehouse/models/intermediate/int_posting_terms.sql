-- One row per posting (newest version) and candidate term of its title and text
-- (pipeline.domain.emerging.candidate_terms): words and names that could be a skill no
-- taxonomy names yet. The posting's own company is left out there; known employers, growth
-- and what the taxonomy covers are emerging_skills' work. The skills of var
-- `emerging_removed_skills` (the backtest) are not known skills here either.
{%- set removed = var('emerging_removed_skills', []) %}
with

latest as (

    select posting_id, title, description_text, company
    from {{ ref('int_postings_located') }}
    where description_text is not null

),

final as (

    select
        posting_id,
        unnest(jt_candidate_terms(
            coalesce(title, '') || chr(10) || description_text,
            company,
            {% if removed %}['{{ removed | join("', '") }}']{% else %}[]::varchar[]{% endif %}
        )) as term
    from latest

)

select * from final
