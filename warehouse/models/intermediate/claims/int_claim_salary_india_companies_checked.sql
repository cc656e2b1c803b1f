-- One row per check of the claim salary-india-companies: per employer the article names, the
-- mean annual base pay in INR of its India postings stated in rupees (any role: the article's
-- figures are company-wide), against the article's Glassdoor figure or range (lakh a year).
with

claim as (select * from {{ ref('article_claims') }} where claim_id = 'salary-india-companies'),

pay_points as (

    select * from {{ ref('int_pay_points_selected') }}
    where posting_id is not null and employment_type = 'full_time'

),

postings as (select posting_id, company from {{ ref('postings') }}),

-- The article's figures, in rupees a year (1 lakh = 100,000).
companies as (

    select * from (
        values
            ('microsoft', 'Microsoft', '(?i)\bmicrosoft\b', 1462000.0, 2244000.0, 1),
            ('accenture', 'Accenture', '(?i)\baccenture\b', 1011000.0, 1528000.0, 2),
            ('quantiphi', 'Quantiphi', '(?i)\bquantiphi\b', 850000.0, 850000.0, 3),
            ('tcs', 'TCS', '(?i)\b(tcs|tata consultancy)\b', 413000.0, 413000.0, 4),
            ('infosys', 'Infosys', '(?i)\binfosys\b', 377000.0, 669000.0, 5)
    ) as c (company_id, company_name, company_pattern, article_low, article_high, company_order)

),

inr_postings as (

    select
        postings.company,
        pay_points.mid_annual_amount as mid_inr
    from pay_points
    inner join postings using (posting_id)
    where pay_points.country = 'IN'
        and pay_points.currency = 'INR'

),

grouped as (

    select
        companies.company_id,
        companies.company_name,
        companies.article_low,
        companies.article_high,
        companies.company_order,
        count(inr_postings.mid_inr) as n_postings,
        avg(inr_postings.mid_inr) as mean_inr,
        stddev_samp(inr_postings.mid_inr) as sd_inr
    from companies
    left join inr_postings
        on regexp_matches(inr_postings.company, companies.company_pattern)
    group by all

),

final as (

    select
        claim.claim_id,
        grouped.company_id as check_id,
        grouped.company_name as check_label,
        grouped.company_order as check_order,
        'postings' as source,
        'any year' as period,
        grouped.mean_inr as observed_value,
        {{ mean_low('grouped.mean_inr', 'grouped.sd_inr', 'grouped.n_postings') }} as observed_low,
        {{ mean_high('grouped.mean_inr', 'grouped.sd_inr', 'grouped.n_postings') }} as observed_high,
        (grouped.article_low + grouped.article_high) / 2 as target_value,
        grouped.article_low as target_low,
        grouped.article_high as target_high,
        grouped.n_postings as sample_size,
        'postings with INR pay' as sample_unit,
        case
            when grouped.n_postings = 0
                then grouped.company_name || ': no India posting with INR pay'
            else printf(
                '%s: mean Rs %,.0f a year (article Rs %,.0f-%,.0f), n=%d', grouped.company_name,
                grouped.mean_inr, grouped.article_low, grouped.article_high, grouped.n_postings
            )
        end as observed_text,
        true as counts_toward_verdict,
        false as is_headline,
        'int_pay_points_selected, postings (country = IN, currency = INR, by company)' as evidence
    from grouped
    cross join claim

)

select * from final
