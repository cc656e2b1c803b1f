-- One row per check of the claim skills-data-modelling: share of ml_engineer jobs naming data modelling or data architecture in each window, with all engineering jobs beside.
{{ population_claim_checks('skills-data-modelling', 'skill', ['data-modeling', 'data-architecture']) }}
