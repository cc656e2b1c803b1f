{#
  The checks of a claim read from posting text by population (int_population_shares_windowed):
  in each window, the share of ml_engineer jobs naming each subject the article lists
  (`listed`, tested by the claim's rule), subjects it does not name (`context`: shown, never
  tested) and, beside each listed subject, the share among `contrast` jobs (all engineering
  jobs by default: shown, never tested).
#}
{% macro population_claim_checks(claim_id, subject_kind, listed, context=[], contrast='engineering') %}
{%- set subjects = listed + context %}
with

claim as (select * from {{ ref('article_claims') }} where claim_id = '{{ claim_id }}'),

shares as (

    select
        *,
        case subject_id
            {%- for subject in subjects %}
            when '{{ subject }}' then {{ loop.index }}
            {%- endfor %}
        end as subject_order,
        subject_id in ({{ "'" ~ listed | join("', '") ~ "'" }}) as is_listed
    from {{ ref('int_population_shares_windowed') }}
    where subject_kind = '{{ subject_kind }}'
        and subject_id in ({{ "'" ~ subjects | join("', '") ~ "'" }})
        and (
            population = 'ml_engineer'
            or (population = '{{ contrast }}'
                and subject_id in ({{ "'" ~ listed | join("', '") ~ "'" }}))
        )

),

final as (

    select
        claim.claim_id,
        shares.window_id || ':' || shares.subject_id
            || case when shares.population = 'ml_engineer' then '' else ':' || shares.population end
            as check_id,
        shares.display_name || ' ' || shares.window_short
            || case when shares.population = 'ml_engineer' then '' else ' (' || shares.population || ')' end
            as check_label,
        shares.window_order * 1000 + shares.subject_order * 2
            + case when shares.population = 'ml_engineer' then 0 else 1 end as check_order,
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
        -- The claim's sample is its ml_engineer jobs; a contrast row names its own in the text.
        'ml_engineer jobs' as sample_unit,
        shares.top_company_share,
        printf(
            '%s %s %.1f%% (%d/%d %s jobs)', shares.display_name, shares.window_label,
            100 * coalesce(shares.share, 0), shares.n_jobs_naming, shares.n_jobs,
            shares.population
        ) || case
            when shares.population != 'ml_engineer' then ' [contrast, not tested]'
            when not shares.is_listed then ' [not in the article]'
            else ''
        end as observed_text,
        shares.is_listed and shares.population = 'ml_engineer' as counts_toward_verdict,
        false as is_headline,
        'int_population_shares_windowed (jobs with a description by window and population; see duty_shares)' as evidence
    from shares
    cross join claim

)

select * from final
{% endmacro %}
