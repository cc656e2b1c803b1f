-- One row per check of the claim salary-india: per source and year, the mean annual base pay
-- in INR of India ml_engineer salaries stated in rupees, with a 95% interval of the mean:
-- employer-stated postings (first range in the pay series, int_pay_points_selected) and aijobs.net
-- self-reported full-time salaries at companies in India. A source with none still gets a row
-- (sample 0), so that the claim says "insufficient data" rather than nothing.
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'salary-india'),

pay_points as (

    select * from {{ ref('int_pay_points_selected') }}
    where employment_type = 'full_time'

),

salaries as (

    select
        case when pay_basis = 'self_reported' then 'self_reported' else 'postings' end as basis,
        source,
        pay_year,
        mid_annual_amount as mid_inr
    from pay_points
    where country = 'IN'
        and currency = 'INR'
        and role_family = 'ml_engineer'

),

spine as (

    select * from (values ('postings', 'postings'), ('self_reported', 'aijobs')) as s (basis, source)

),

grouped as (

    select
        spine.basis,
        coalesce(salaries.source, spine.source) as source,
        salaries.pay_year,
        count(salaries.mid_inr) as n_salaries,
        avg(salaries.mid_inr) as mean_inr,
        stddev_samp(salaries.mid_inr) as sd_inr
    from spine
    left join salaries using (basis)
    group by all

),

final as (

    select
        claim.claim_id,
        grouped.source || ':' || coalesce(cast(grouped.pay_year as varchar), 'any') as check_id,
        grouped.source || ' ' || coalesce(cast(grouped.pay_year as varchar), '(none)')
        || case when grouped.basis = 'self_reported' then ' (self-reported)' else '' end
            as check_label,
        case when grouped.basis = 'self_reported' then 10000 else 0 end
        + coalesce(grouped.pay_year, 0) as check_order,
        grouped.source,
        coalesce(cast(grouped.pay_year as varchar), 'any year') as period,
        grouped.pay_year as first_year,
        grouped.mean_inr as observed_value,
        {{ mean_low('grouped.mean_inr', 'grouped.sd_inr', 'grouped.n_salaries') }} as observed_low,
        {{ mean_high('grouped.mean_inr', 'grouped.sd_inr', 'grouped.n_salaries') }} as observed_high,
        claim.article_value as target_value,
        claim.article_value as target_low,
        claim.article_value as target_high,
        grouped.n_salaries as sample_size,
        case when grouped.basis = 'self_reported' then 'self-reported salaries in INR'
            else 'postings with INR pay' end as sample_unit,
        case
            when grouped.n_salaries = 0 then grouped.source || ': no India ML engineer salary stated in INR'
            else printf(
                '%s %s: mean Rs %,.0f a year, n=%d', grouped.source,
                coalesce(cast(grouped.pay_year as varchar), ''), grouped.mean_inr,
                grouped.n_salaries
            )
        end as observed_text,
        true as counts_toward_verdict,
        false as is_headline,
        'int_pay_points_selected (country = IN, currency = INR, ml_engineer)'
            as evidence
    from grouped
    cross join claim

)

select * from final
