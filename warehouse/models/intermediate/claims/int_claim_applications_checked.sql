-- One row per check of the claim applications: share of ml_engineer jobs in each application domain the article names, HN 2017-18 against HN 2026 (and Ashby 2025), with all engineering jobs beside.
{{ population_claim_checks(
    'applications', 'application',
    ['recommendation', 'spam-fraud', 'image-recognition', 'speech-recognition', 'assistants',
     'autonomous-vehicles', 'iot-smart-home', 'traffic-prediction', 'personalisation',
     'search-ranking']
) }}
