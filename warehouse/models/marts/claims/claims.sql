-- One row per claim of the article: the headline observation, its interval and sample, what
-- every check found, and the verdict with a one-line reason. The rules (seed article_claims):
--   a check counts when its sample reaches min_sample and, for a claim about a period
--   (judged_through), when its window starts by then (later windows are shown as what happened
--   since, with what the rule would say of them); it passes, partly passes or fails by the
--   claim's rule, and a pass whose evidence is more than half from one company counts only
--   as a partial pass (the reason names it). The claim is supported when every counted check passes; mixed when some
--   pass and some do not; partly supported when none passes but none fails; contradicted when
--   none passes and some fail; insufficient data when none counts; not testable from postings
--   when the rule is not_testable (what the source measured, or what a job needs, is not
--   something postings can show: their shares are shown, never judged).
with

checks as (select * from {{ ref('claim_checks') }}),

article as (select * from {{ ref('article_claims') }}),

partial_months as (

    select source, posted_month from {{ ref('coverage_monthly') }} where looks_partial

),

ruled as (

    select
        checks.*,
        article.judged_through,
        case
            when article.rule = 'not_testable' then 'shown'
            when checks.observed_value is null
                or coalesce(checks.sample_size, 0) < article.min_sample then 'insufficient'
            -- The article's figure (or range) lies in our 95% interval, or our value lies
            -- within the tolerance of it.
            when article.rule = 'figure_in_interval' then
                case
                    when checks.observed_low <= checks.target_high
                        and checks.observed_high >= checks.target_low then 'pass'
                    when checks.observed_value
                        between checks.target_low * (1 - article.tolerance)
                        and checks.target_high * (1 + article.tolerance) then 'pass'
                    else 'fail'
                end
            -- Same direction as the article's ratio, and within a factor of it.
            when article.rule = 'ratio_within_factor' then
                case
                    when checks.observed_value <= 0
                        or (checks.observed_value > 1) != (checks.target_value > 1) then 'fail'
                    when greatest(
                        checks.observed_value / checks.target_value,
                        checks.target_value / checks.observed_value
                    ) <= article.tolerance then 'pass'
                    when checks.target_value
                        between checks.observed_low and checks.observed_high then 'pass'
                    else 'partial'
                end
            -- Our interval above the comparator's, below it, or overlapping.
            when article.rule = 'greater_than' then
                case
                    when checks.observed_low > checks.target_high then 'pass'
                    when checks.observed_high < checks.target_low then 'fail'
                    else 'partial'
                end
            -- At least the threshold; partial at the partial threshold or when the interval
            -- reaches the threshold.
            when article.rule = 'at_least' then
                case
                    when checks.observed_value >= article.threshold then 'pass'
                    when checks.observed_value >= article.partial_threshold
                        or checks.observed_high >= article.threshold then 'partial'
                    else 'fail'
                end
        end as rule_outcome
    from checks
    inner join article using (claim_id)

),

judged as (

    select
        *,
        case
            when not counts_toward_verdict then 'context'
            when first_year > judged_through then 'since'
            -- Evidence more than half from one company cannot pass on it alone.
            when rule_outcome = 'pass' and top_company_share > 0.5 then 'partial'
            else rule_outcome
        end as outcome,
        rule_outcome = 'pass' and top_company_share > 0.5 as is_one_company
    from ruled

),

summarised as (

    select
        claim_id,
        count(*) filter (where outcome in ('pass', 'partial', 'fail')) as n_checks,
        count(*) filter (where outcome = 'pass') as n_pass,
        count(*) filter (where outcome = 'partial') as n_partial,
        count(*) filter (where outcome = 'fail') as n_fail,
        count(*) filter (where outcome = 'insufficient') as n_insufficient,
        max(sample_size) filter (where outcome not in ('context', 'since')) as largest_sample,
        string_agg(check_label, ', ' order by check_order) filter (where outcome = 'pass')
            as passed,
        string_agg(check_label, ', ' order by check_order) filter (where outcome = 'partial')
            as partly_passed,
        string_agg(check_label, ', ' order by check_order) filter (where outcome = 'fail')
            as failed,
        string_agg(check_label || ': ' || outcome, '; ' order by check_order) as check_outcomes,
        string_agg(check_label || ' ' || rule_outcome, ', ' order by check_order)
            filter (where outcome = 'since') as since,
        string_agg(
            check_label || printf(' (%.0f%% from one company)', 100 * top_company_share), ', '
            order by check_order
        ) filter (where is_one_company and outcome = 'partial') as one_company,
        string_agg(observed_text, '; ' order by check_order) as observed_text
    from judged
    group by claim_id

),

periods as (

    select
        claim_id,
        period,
        min(check_order) as first_order,
        max(sample_size) filter (where outcome not in ('context', 'insufficient', 'since'))
            as period_sample
    from judged
    group by all

),

periods_summarised as (

    select
        claim_id,
        string_agg(period, ', ' order by first_order) as period,
        sum(period_sample) as sample_size
    from periods
    group by claim_id

),

evidence as (

    select claim_id, string_agg(distinct evidence, '; ') as evidence
    from judged
    group by claim_id

),

-- The months read by the counted checks that look partially captured (coverage_monthly).
read_partial as (

    select
        judged.claim_id,
        string_agg(distinct strftime(partial_months.posted_month, '%Y-%m'), ', '
            order by strftime(partial_months.posted_month, '%Y-%m')) as partial_months
    from judged
    cross join unnest(judged.months_read) as read(month)
    inner join partial_months
        on partial_months.source = judged.source
        and partial_months.posted_month = read.month
    where judged.outcome in ('pass', 'partial', 'fail')
    group by judged.claim_id

),

headline as (

    select *
    from judged
    where is_headline
    qualify row_number() over (partition by claim_id order by check_order) = 1

),

units as (

    select claim_id, min(sample_unit) as sample_unit
    from judged
    group by claim_id

),

verdicts as (

    select
        article.*,
        coalesce(summarised.n_checks, 0) as n_checks,
        coalesce(summarised.n_pass, 0) as n_pass,
        coalesce(summarised.n_partial, 0) as n_partial,
        coalesce(summarised.n_fail, 0) as n_fail,
        coalesce(summarised.n_insufficient, 0) as n_insufficient,
        summarised.largest_sample,
        summarised.passed,
        summarised.partly_passed,
        summarised.failed,
        summarised.check_outcomes,
        summarised.observed_text,
        summarised.since,
        summarised.one_company,
        case
            when article.rule = 'not_testable' then 'not testable from postings'
            when coalesce(summarised.n_checks, 0) = 0 then 'insufficient data'
            when summarised.n_pass = summarised.n_checks then 'supported'
            when summarised.n_pass > 0 then 'mixed'
            when summarised.n_fail = 0 then 'partly supported'
            else 'contradicted'
        end as verdict
    from article
    left join summarised using (claim_id)

),

final as (

    select
        verdicts.claim_id,
        verdicts.display_order,
        verdicts.article_says,
        verdicts.cited_source,
        verdicts.source_measured,
        verdicts.our_metric,
        verdicts.is_analogue,
        verdicts.analogue_measures,
        headline.observed_value,
        headline.observed_low,
        headline.observed_high,
        headline.observed_text as headline_text,
        verdicts.observed_text,
        periods_summarised.period,
        coalesce(headline.sample_size, periods_summarised.sample_size, 0) as sample_size,
        coalesce(headline.sample_unit, units.sample_unit) as sample_unit,
        verdicts.n_checks,
        verdicts.n_pass,
        verdicts.n_partial,
        verdicts.n_fail,
        verdicts.n_insufficient,
        verdicts.verdict,
        case
            when verdicts.rule = 'not_testable'
                then verdicts.comparison_rule
                || coalesce(': ' || coalesce(headline.observed_text, verdicts.observed_text), '')
            when verdicts.n_checks = 0
                then printf(
                    'No check reaches the minimum sample of %d %s (largest: %d)',
                    verdicts.min_sample, coalesce(units.sample_unit, 'postings'),
                    coalesce(verdicts.largest_sample, 0)
                )
            when verdicts.verdict = 'supported' and verdicts.n_checks = 1
                then 'The one check passes: ' || verdicts.passed
            when verdicts.verdict = 'supported'
                then printf('All %d checks pass: ', verdicts.n_checks) || verdicts.passed
            when verdicts.verdict = 'contradicted' and verdicts.n_checks = 1
                then 'The one check fails: ' || verdicts.failed
            when verdicts.verdict = 'contradicted' and verdicts.n_fail = verdicts.n_checks
                then printf('All %d checks fail: ', verdicts.n_checks) || verdicts.failed
            when verdicts.verdict = 'partly supported'
                then printf('No check passes in full; %d partly: ', verdicts.n_checks)
                || verdicts.partly_passed
            else printf('%d of %d checks pass', verdicts.n_pass, verdicts.n_checks)
                || case when verdicts.n_partial > 0
                    then printf(', %d partly', verdicts.n_partial) else '' end
                || case when verdicts.n_fail > 0
                    then printf(', %d fail', verdicts.n_fail) else '' end
                || coalesce('; pass: ' || verdicts.passed, '')
                || coalesce('; partly: ' || verdicts.partly_passed, '')
                || coalesce('; fail: ' || verdicts.failed, '')
        end
        || case
            when verdicts.rule != 'not_testable' and verdicts.n_checks > 0
                and verdicts.n_insufficient > 0
                then printf(
                    ' (%d more below the minimum sample of %d)', verdicts.n_insufficient,
                    verdicts.min_sample
                )
            else ''
        end
        || coalesce(
            '. Passes only partly, its evidence more than half from one company: '
            || verdicts.one_company, ''
        )
        || coalesce(
            printf('. Since %d (not judged): ', verdicts.judged_through) || verdicts.since, ''
        )
        || coalesce(
            '. Months read that look partially captured (coverage_monthly): '
            || read_partial.partial_months, ''
        ) as reason,
        read_partial.partial_months,
        verdicts.check_outcomes,
        verdicts.rule,
        verdicts.comparison_rule,
        verdicts.min_sample,
        verdicts.caveat,
        evidence.evidence
    from verdicts
    left join headline using (claim_id)
    left join periods_summarised using (claim_id)
    left join units using (claim_id)
    left join evidence using (claim_id)
    left join read_partial using (claim_id)

)

select * from final
