-- One row per check of the claim skills-soft: share of ml_engineer jobs naming communication or collaboration skills in each window, with all engineering jobs beside.
{{ population_claim_checks('skills-soft', 'skill', ['communication', 'collaboration']) }}
