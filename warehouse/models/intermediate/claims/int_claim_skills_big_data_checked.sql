-- One row per check of the claim skills-big-data: share of ml_engineer jobs naming Hadoop, Spark, Pig, Hive and Flume in each window.
{{ skill_claim_checks('skills-big-data', ['hadoop', 'spark', 'pig', 'hive', 'flume']) }}
