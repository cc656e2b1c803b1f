-- One row per source, pay basis, employment type (the pay series), role family, country and
-- year: annual pay in USD and in 2019 dollars (n, mean, median, quantiles), from employer-stated
-- postings (a posting counts once, at the midpoint of its first range in a series) and from
-- aijobs.net self-reported salaries (the work year). Bases and series are never pooled.
{{ pay_series_grouped('pay_year', 'n_salaries', 'pay_year is not null') }}
