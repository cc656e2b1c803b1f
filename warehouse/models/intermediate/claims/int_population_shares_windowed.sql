-- One row per comparison window, population (int_claim_populations_windowed) and subject: the
-- population's jobs (with a description) naming the subject, of all its jobs in the window (a
-- job's copies and reposts once), with a 95% Wilson interval and the largest single company's
-- share of the naming jobs. Zero counts are kept for every subject.
-- Subjects: every skill (`skill`), every responsibility and application domain (seed duties),
-- and the disciplines (`discipline`: a job naming a `software` skill, a `data-science` skill,
-- or one of each, `software-and-data-science`: the article's "marriage").
with

windows as (select * from {{ ref('int_claim_windows_listed') }} where has_text_shares),

populations as (select * from {{ ref('int_claim_populations_windowed') }}),

population_ids as (

    select * from (
        values ('ml_engineer'), ('software_engineer'), ('data_scientist'), ('engineering')
    ) as p (population)

),

taxonomy as (select skill_id, display_name, discipline from {{ ref('skills') }}),

posting_skills as (select posting_id, skill_id from {{ ref('posting_skills') }}),

disciplines as (

    select
        posting_skills.posting_id,
        bool_or(taxonomy.discipline = 'software') as names_software,
        bool_or(taxonomy.discipline = 'data-science') as names_data_science
    from posting_skills
    inner join taxonomy using (skill_id)
    where taxonomy.discipline is not null
    group by posting_skills.posting_id

),

subjects as (

    select 'skill' as subject_kind, skill_id as subject_id, display_name from taxonomy
    union all
    select kind as subject_kind, duty_id as subject_id, display_name from {{ ref('duties') }}
    union all
    select 'discipline' as subject_kind, subject_id, display_name from (
        values
            ('software', 'Software-engineering skills'),
            ('data-science', 'Data-science skills'),
            ('software-and-data-science', 'Software-engineering and data-science skills')
    ) as d (subject_id, display_name)

),

named as (

    select posting_id, 'skill' as subject_kind, skill_id as subject_id from posting_skills
    union all
    select posting_id, duty_kind as subject_kind, duty_id as subject_id
    from {{ ref('posting_duties') }}
    union all
    select posting_id, 'discipline' as subject_kind, 'software' as subject_id
    from disciplines where names_software
    union all
    select posting_id, 'discipline' as subject_kind, 'data-science' as subject_id
    from disciplines where names_data_science
    union all
    select posting_id, 'discipline' as subject_kind, 'software-and-data-science' as subject_id
    from disciplines where names_software and names_data_science

),

naming as (

    select populations.*, named.subject_kind, named.subject_id
    from populations
    inner join named using (posting_id)

),

denominators as ({{ job_counts('populations', ['window_id', 'population']) }}),

numerators as (
    {{ job_counts('naming', ['window_id', 'population', 'subject_kind', 'subject_id']) }}
),

shares as (

    select
        windows.window_id,
        windows.source,
        windows.window_label,
        windows.window_short,
        windows.window_order,
        windows.first_year,
        windows.months_read,
        population_ids.population,
        subjects.subject_kind,
        subjects.subject_id,
        subjects.display_name,
        coalesce(numerators.n_jobs, 0) as n_jobs_naming,
        coalesce(denominators.n_jobs, 0) as n_jobs,
        coalesce(numerators.n_postings, 0) as n_postings_naming,
        coalesce(denominators.n_postings, 0) as n_postings,
        numerators.top_company_share
    from windows
    cross join population_ids
    cross join subjects
    left join denominators
        on denominators.window_id = windows.window_id
        and denominators.population = population_ids.population
    left join numerators
        on numerators.window_id = windows.window_id
        and numerators.population = population_ids.population
        and numerators.subject_kind = subjects.subject_kind
        and numerators.subject_id = subjects.subject_id

),

final as (

    select
        *,
        {{ share_columns('n_jobs_naming', 'n_jobs') }}
    from shares

)

select * from final
