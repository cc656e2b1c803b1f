-- One row per check of the claim responsibilities: share of ml_engineer jobs naming each of the article's ten responsibilities in each window, with all engineering jobs beside, and what postings ask that the list lacks (deployment and MLOps, evaluation, inference cost) shown.
{{ population_claim_checks(
    'responsibilities', 'responsibility',
    ['prototype-to-production', 'design-ml-systems', 'statistical-analysis-tuning', 'find-datasets',
     'train-retrain', 'extend-ml-libraries', 'ml-applications', 'research-algorithms',
     'rank-algorithms', 'explore-visualise-data'],
    context=['deployment-mlops', 'evaluation', 'inference-cost']
) }}
