-- One row per check of the claim skills-math: share of ml_engineer jobs naming linear algebra, calculus, Bayesian statistics and statistics in each window.
{{ skill_claim_checks('skills-math', ['linear-algebra', 'calculus', 'bayesian-statistics', 'statistics']) }}
