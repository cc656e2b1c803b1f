{#
  The checks of a skills claim: the share of ml_engineer postings naming each skill the
  article lists (`listed`, tested) and, beside them, skills it does not name (`context`,
  shown, never tested), in each window of int_skill_shares_windowed.
#}
{% macro skill_claim_checks(claim_id, listed, context=[]) %}
with


claim as (select * from {{ ref('article_claims') }} where claim_id = '{{ claim_id }}'),

shares as (

    select * from {{ ref('int_skill_shares_windowed') }}
    where skill_id in ({{ "'" ~ (listed + context) | join("', '") ~ "'" }})

),

final as (

    select
        claim.claim_id,
        shares.window_id || ':' || shares.skill_id as check_id,
        shares.display_name || ' ' || shares.window_short as check_label,
        shares.window_order * 100 + case shares.skill_id
            {%- for skill in listed + context %}
            when '{{ skill }}' then {{ loop.index }}
            {%- endfor %}
        end as check_order,
        shares.source,
        shares.window_label as period,
        shares.first_year,
        shares.months_read,
        shares.share as observed_value,
        shares.share_low as observed_low,
        shares.share_high as observed_high,
        claim.threshold as target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        shares.n_jobs as sample_size,
        'ml_engineer jobs' as sample_unit,
        shares.top_company_share,
        printf(
            '%s %s %.1f%% (%d/%d jobs, #%d %s)', shares.display_name, shares.window_label,
            100 * coalesce(shares.share, 0), shares.n_jobs_naming, shares.n_jobs,
            shares.rank_in_category, shares.category
        ) || case when shares.skill_id in ({{ "'" ~ context | join("', '") ~ "'" }})
            then ' [not in the article]' else '' end as observed_text,
        shares.skill_id in ({{ "'" ~ listed | join("', '") ~ "'" }}) as counts_toward_verdict,
        false as is_headline,
        'int_skill_shares_windowed (ml_engineer postings by window; see skill_demand_monthly)' as evidence
    from shares
    cross join claim

)

select * from final
{% endmacro %}
