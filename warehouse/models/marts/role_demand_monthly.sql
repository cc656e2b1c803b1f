-- One row per source, month and role family: jobs advertising the family, of all jobs of that
-- source and month (a job's copies count once), with a 95% Wilson interval, the posting counts
-- and how concentrated the advertising jobs are by company. Shares never mix sources.
{{ role_demand('posted_month') }}

select * from final
