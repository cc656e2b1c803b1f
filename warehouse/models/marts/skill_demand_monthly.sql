-- One row per source, month, role family ('all' for every posting) and skill: jobs naming the
-- skill, of the jobs with a description in that group (a job's copies count once), with a 95%
-- Wilson interval, the posting counts, and how concentrated the naming jobs are by company.
-- Zero counts are kept (a skill that vanished is a finding); skills never seen in a source are not.
{{ skill_demand('posted_month') }}

select * from final
