"""dbt-duckdb plugin: make the library's pure functions callable from the SQL models.

Domain logic lives once, in ``pipeline/``; models call it as DuckDB functions so that the dbt
DAG shows every step and a better parser needs a rebuild, not a re-crawl.
"""

from __future__ import annotations

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

from pipeline.geo import country_of, country_of_post
from pipeline.text import html_to_text


# name -> (function, parameter types, return type); all pure, all NULL-tolerant.
FUNCTIONS = {
    "jt_html_to_text": (html_to_text, ["VARCHAR"], "VARCHAR"),
    "jt_country_of": (country_of, ["VARCHAR"], "VARCHAR"),
    "jt_country_of_post": (country_of_post, ["VARCHAR"], "VARCHAR"),
}


def register(conn: DuckDBPyConnection) -> None:
    """Register every function the models use on one connection."""
    for name, (function, params, returns) in FUNCTIONS.items():
        conn.create_function(
            name, function, params, returns, null_handling="special", side_effects=False
        )


class Plugin(BasePlugin):
    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        register(conn)
