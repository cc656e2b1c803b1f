{# 95% intervals: the Wilson score interval of a proportion k/n (bounds stay in [0, 1] and
   behave at small n), and the normal interval of a mean. The Wilson bounds are exactly 0 at
   k = 0 and 1 at k = n; least/greatest keep rounding from putting a bound past the share. #}
{% macro wilson_low(k, n, z=1.959964) %}
    case when {{ n }} > 0 then least(({{ k }}) / ({{ n }}),
        (({{ k }}) / ({{ n }}) + {{ z }}^2 / (2 * ({{ n }}))
         - {{ z }} * sqrt((({{ k }}) / ({{ n }})) * (1 - ({{ k }}) / ({{ n }})) / ({{ n }}) + {{ z }}^2 / (4 * ({{ n }})^2)))
        / (1 + {{ z }}^2 / ({{ n }})))
    end
{% endmacro %}

{% macro wilson_high(k, n, z=1.959964) %}
    case when {{ n }} > 0 then greatest(({{ k }}) / ({{ n }}),
        (({{ k }}) / ({{ n }}) + {{ z }}^2 / (2 * ({{ n }}))
         + {{ z }} * sqrt((({{ k }}) / ({{ n }})) * (1 - ({{ k }}) / ({{ n }})) / ({{ n }}) + {{ z }}^2 / (4 * ({{ n }})^2)))
        / (1 + {{ z }}^2 / ({{ n }})))
    end
{% endmacro %}

{# Share and 95% Wilson bounds of the `_before` and `_after` counts of a row (k_*, n_*). #}
{% macro before_after_shares() %}
        k_before / nullif(n_before, 0) as share_before,
        {{ wilson_low('k_before', 'n_before') }} as low_before,
        {{ wilson_high('k_before', 'n_before') }} as high_before,
        k_after / nullif(n_after, 0) as share_after,
        {{ wilson_low('k_after', 'n_after') }} as low_after,
        {{ wilson_high('k_after', 'n_after') }} as high_after
{% endmacro %}

{# A share k/n with its 95% Wilson bounds, as the columns share, share_low, share_high. #}
{% macro share_columns(k, n) %}
        ({{ k }}) / nullif({{ n }}, 0) as share,
        {{ wilson_low(k, n) }} as share_low,
        {{ wilson_high(k, n) }} as share_high
{% endmacro %}

{# 95% normal interval of a mean from its standard deviation and sample size. #}
{% macro mean_low(mean, sd, n, z=1.959964) %}({{ mean }} - {{ z }} * {{ sd }} / sqrt({{ n }})){% endmacro %}
{% macro mean_high(mean, sd, n, z=1.959964) %}({{ mean }} + {{ z }} * {{ sd }} / sqrt({{ n }})){% endmacro %}
