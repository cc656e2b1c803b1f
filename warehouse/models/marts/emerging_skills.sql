-- One row per source, period (month and year) and candidate term named by at least two jobs
-- in it: the share of jobs naming the term with its 95% Wilson interval, its growth against
-- the trailing baseline (the 12 observed months, or 2 observed years, before), the companies
-- naming it, when the source first named it, whether the taxonomy already covers it, and
-- whether it is proposed as a new skill. A term is proposed when it is not a skill of the
-- taxonomy (var `emerging_removed_skills` takes skills out, for the backtest) and not a known
-- employer's name, its baseline holds enough jobs to tell, enough distinct companies name it,
-- its share is above a floor, and it is
-- new or rising: the interval's low end above the baseline share and the share at least
-- twice the baseline. docs/SKILLS.md has the rule, the thresholds and the backtest.
{%- set removed = var('emerging_removed_skills', []) %}
with

described as (

    select posting_id from {{ ref('int_postings_classified') }} where has_description

),

{{ term_period_stats('month', 12) }},

{{ term_period_stats('year', 2) }},

stats as (

    select * from stats_month
    union all
    select * from stats_year

),

-- Every surface of every skill still in the taxonomy: its id, its name and its aliases.
taxonomy_terms as (

    select distinct lower(trim(surface)) as term, skill_id
    from (
        select skill_id, unnest(list_concat([skill_id, display_name], string_split(coalesce(aliases, ''), '|'))) as surface
        from {{ ref('skills') }}
        {% if removed %}where skill_id not in ('{{ removed | join("', '") }}'){% endif %}
    )
    where trim(surface) <> ''

),

covered as (

    select term, min(skill_id) as covered_skill_id from taxonomy_terms group by term

),

-- Jobs of each employer by the month they were posted, under the key the job clusters compare
-- companies by and under its first word ("palantir technologies", "palantir").
employer_months as (

    select
        postings.source,
        name as term,
        postings.posted_month,
        count(distinct postings.job_id) as n_jobs
    from {{ ref('int_postings_clustered') }} as clustered
    inner join {{ ref('postings') }} as postings using (posting_id)
    cross join unnest(
        list_distinct([clustered.job_company_key, split_part(clustered.job_company_key, ' ', 1)])
    ) as names (name)
    where clustered.job_company_key is not null and postings.posted_month is not null
    group by all

),

first_seen as (

    select source, term, min(period_start) as first_seen_month
    from stats_month
    group by all

),

scored as (

    select
        stats.period_type,
        stats.source,
        stats.term,
        stats.period_start,
        stats.n_jobs_naming,
        stats.n_jobs,
        {{ share_columns('stats.n_jobs_naming', 'stats.n_jobs') }},
        stats.n_companies,
        stats.baseline_n_jobs_naming,
        stats.baseline_n_jobs,
        stats.baseline_n_jobs_naming / nullif(stats.baseline_n_jobs, 0) as baseline_share,
        first_seen.first_seen_month,
        covered.covered_skill_id,
        -- A known employer's name: its own jobs so far are a tenth or more of the jobs
        -- naming it so far ("ex-Palantir" in a few posts, Palantir's own many), where a
        -- product that shares its maker's name is named far more by others ("Docker").
        coalesce((
            select sum(employer_months.n_jobs) from employer_months
            where employer_months.source = stats.source
                and employer_months.term = stats.term
                and employer_months.posted_month < stats.period_start
                    + case stats.period_type when 'month' then interval 1 month
                        else interval 1 year end
        ), 0) >= 0.1 * stats.n_jobs_naming_to_date as is_employer_name,
        stats.baseline_periods
    from stats
    inner join first_seen using (source, term)
    left join covered using (term)
    where stats.n_jobs_naming >= 2

),

judged as (

    select
        *,
        share / nullif(baseline_share, 0) as growth,
        covered_skill_id is null
            and not is_employer_name
            and baseline_periods >= case period_type when 'month' then 6 else 1 end
            and baseline_n_jobs >= case period_type when 'month' then 500 else 1000 end
            and n_companies >= case period_type when 'month' then 3 else 8 end
            and share >= 0.003
            and share_low > coalesce(baseline_share, 0)
            and share >= 2 * coalesce(baseline_share, 0)
            as is_proposed
    from scored

),

ranked as (

    select
        *,
        case when is_proposed then row_number() over (
            partition by period_type, source, period_start, is_proposed
            order by share_low - coalesce(baseline_share, 0) desc, term
        ) end as proposal_rank
    from judged

),

-- Up to three postings naming each proposed term in its period, for a reviewer to read.
examples as (

    {% for period in ['month', 'year'] %}
    select
        '{{ period }}' as period_type,
        named.source,
        named.posted_month as period_start,
        named.term,
        list(distinct named.posting_id order by named.posting_id)[1:3] as example_posting_ids
    from named_{{ period }} as named
    inner join ranked
        on ranked.period_type = '{{ period }}'
        and ranked.source = named.source
        and ranked.period_start = named.posted_month
        and ranked.term = named.term
        and ranked.is_proposed
    group by all
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        ranked.term,
        ranked.period_type,
        ranked.period_start,
        ranked.source,
        ranked.n_jobs_naming,
        ranked.n_jobs,
        ranked.share,
        ranked.share_low,
        ranked.share_high,
        ranked.baseline_share,
        ranked.growth,
        ranked.n_companies,
        ranked.first_seen_month,
        ranked.covered_skill_id,
        ranked.is_employer_name,
        ranked.is_proposed,
        ranked.proposal_rank,
        examples.example_posting_ids
    from ranked
    left join examples using (period_type, source, period_start, term)

)

select * from final
