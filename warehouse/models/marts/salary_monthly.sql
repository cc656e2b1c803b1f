-- One row per source, pay basis, employment type (the pay series), role family, country and
-- posting month: employer-stated annual base pay in USD and in 2019 dollars (n, mean, median,
-- quantiles). A posting counts once per series, at the midpoint of its first range in it
-- (int_pay_points_selected); self-reported pay has no posting month and stays out.
{{ pay_series_grouped(
    'posted_month', 'n_postings',
    "pay_basis <> 'self_reported' and posted_month is not null"
) }}
