-- One row per check of the claim opening-quote: an opinion, so one row that says nothing in
-- postings measures it (no value, no sample), for the claims mart to show it as such.
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'opening-quote'),

final as (

    select
        claim.claim_id,
        'opinion' as check_id,
        'An opinion' as check_label,
        1 as check_order,
        cast(null as varchar) as source,
        'any' as period,
        cast(null as double) as observed_value,
        cast(null as double) as observed_low,
        cast(null as double) as observed_high,
        cast(null as double) as target_value,
        cast(null as double) as target_low,
        cast(null as double) as target_high,
        cast(0 as bigint) as sample_size,
        'none' as sample_unit,
        'An opinion (Forrester, quoted by Robert Half): nothing in postings measures it'
            as observed_text,
        false as counts_toward_verdict,
        true as is_headline,
        'none: an opinion' as evidence
    from claim

)

select * from final
