-- One row per source, year, role family ('all' for every posting) and skill: as
-- skill_demand_monthly, by year (a job posted in several months of a year counts once).
{{ skill_demand('posted_year') }},

taxonomy as (select skill_id, display_name, category from {{ ref('skills') }})

select final.*, taxonomy.display_name as skill_name, taxonomy.category as skill_category
from final
left join taxonomy using (skill_id)
