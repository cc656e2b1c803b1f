-- One row per source, year and role family: as role_demand_monthly, by year (a job posted in
-- several months of a year counts once).
{{ role_demand('posted_year') }}

select * from final
