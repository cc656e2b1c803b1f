-- One row per source, pay basis, employment type (the pay series), role family, country and
-- posting month: employer-stated annual base pay in USD and in 2019 dollars (n, mean, median,
-- quantiles) of jobs: a job counts once a year and series, in the month of its first posting
-- (int_pay_points_selected); self-reported pay has no posting month and stays out.
{{ pay_series_grouped(
    'posted_month', 'n_jobs',
    "pay_basis <> 'self_reported' and posted_month is not null"
) }}
