"""dbt-duckdb plugin: make the library's pure functions callable from the SQL models.

Domain logic lives once, in ``pipeline/``; models call it as DuckDB functions so that the dbt
DAG shows every step and a better parser needs a rebuild, not a re-crawl.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

from pipeline.domain import duties, emerging, pay, postings, role_titles, roles, skills
from pipeline.domain.degree import degree_asked
from pipeline.domain.geo import country_of
from pipeline.domain.text import html_to_text
from warehouse import parallel


def role_family_of_title(title: str | None) -> str | None:
    """Return the one role family of a job title."""
    return roles.classify_title(title) if title else None


def taxonomy_version() -> str:
    return skills.TAXONOMY_VERSION


@cache
def classifier_version() -> str:
    """Return a hash of what decides skills, roles and duties: the data files and the code.

    A posting is classified again when this changes, so a better taxonomy needs a rebuild,
    and only a rebuild; otherwise incremental builds classify only new posting versions.
    """
    digest = hashlib.sha256(skills.TAXONOMY_VERSION.encode())
    digest.update(duties.DUTIES_VERSION.encode())
    for module in (skills, roles, role_titles, postings):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


@cache
def _terms_version(removed: tuple[str, ...]) -> str:
    digest = hashlib.sha256(skills.TAXONOMY_VERSION.encode())
    digest.update(Path(emerging.__file__).read_bytes())
    digest.update(",".join(removed).encode())
    return digest.hexdigest()[:12]


def terms_version(removed: list[str] | None) -> str:
    """Return a hash of what decides candidate terms: the code, the taxonomy, removed skills.

    int_posting_terms reads a posting again only when its version or this changes.
    """
    return _terms_version(tuple(sorted(removed or ())))


ROLES_TYPE = (
    "STRUCT(role_families VARCHAR[], "
    "mentions STRUCT(role_family VARCHAR, phrase VARCHAR, kind VARCHAR)[])"
)

# name -> (function, parameter types, return type); all pure, all NULL-tolerant.
FUNCTIONS = {
    "jt_html_to_text": (html_to_text, ["VARCHAR"], "VARCHAR"),
    "jt_country_of": (country_of, ["VARCHAR"], "VARCHAR"),
    "jt_posting_country": (postings.posting_country, ["VARCHAR"] * 4, "VARCHAR"),
    "jt_has_description": (postings.has_description, ["VARCHAR"], "BOOLEAN"),
    "jt_posting_skills": (postings.posting_skills, ["VARCHAR"] * 3, "VARCHAR[]"),
    "jt_posting_roles": (postings.posting_roles, ["VARCHAR"] * 3, ROLES_TYPE),
    "jt_posting_duties": (
        postings.posting_duties,
        ["VARCHAR", "VARCHAR", "VARCHAR[]"],
        "VARCHAR[]",
    ),
    "jt_role_family_of_title": (role_family_of_title, ["VARCHAR"], "VARCHAR"),
    "jt_taxonomy_version": (taxonomy_version, [], "VARCHAR"),
    "jt_classifier_version": (classifier_version, [], "VARCHAR"),
    "jt_pay_rows": (pay.pay_rows_sql, pay.PAY_ROWS_PARAMS, pay.PAY_ROWS_TYPE),
    "jt_degree_asked": (degree_asked, ["VARCHAR"], "VARCHAR"),
    "jt_terms_version": (terms_version, ["VARCHAR[]"], "VARCHAR"),
    "jt_candidate_terms": (
        emerging.candidate_terms,
        ["VARCHAR", "VARCHAR", "VARCHAR[]"],
        "VARCHAR[]",
    ),
}


# The extractors that read every posting's text: read chunk by chunk on every core
# (warehouse.parallel); the others are cheap and called row by row.
PARALLEL = frozenset(
    {
        "jt_posting_skills",
        "jt_posting_roles",
        "jt_posting_duties",
        "jt_pay_rows",
        "jt_candidate_terms",
    }
)


def register(conn: DuckDBPyConnection) -> None:
    """Register every function the models use on one connection."""
    for name, (function, params, returns) in FUNCTIONS.items():
        vectorised = name in PARALLEL
        conn.create_function(
            name,
            parallel.vectorised(function, returns, len(params)) if vectorised else function,
            params,
            returns,
            type="arrow" if vectorised else "native",
            null_handling="special",
            side_effects=False,
        )


class Plugin(BasePlugin):
    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        register(conn)
