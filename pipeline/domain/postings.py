"""What a posting is classified by: the one rule the warehouse and the evaluation both apply.

A Hacker News post is free text: its roles are every role the text advertises, its country is
where its header and first lines say it is. A job board's posting has a title: its role is that
title's one family; its country is its country field's, else its location field's. Skills are
read from the title and the description together, and only when there is a description (a bare
title names too few skills, and would dilute every share with postings that could not name any).
"""

from __future__ import annotations

from pipeline.domain import geo, roles, skills

FREE_TEXT_SOURCES = frozenset({"hackernews"})


def has_description(description: str | None) -> bool:
    """Return whether a posting has a description to read skills from."""
    return bool(description and description.strip())


def posting_skills(title: str | None, description: str | None) -> list[str]:
    """Return the skill ids of a posting, sorted (empty without a description)."""
    if not has_description(description):
        return []
    text = "\n".join(t for t in (title, description) if t)
    return sorted(skills.extract_skills(text))


def posting_roles(source: str | None, title: str | None, description: str | None) -> list[str]:
    """Return the role families of a posting, in TAXONOMY.md's order."""
    if source in FREE_TEXT_SOURCES:
        found = roles.classify_roles(description or title or "")
    else:
        found = {roles.classify_title(title)} if title else set()
    return [f for f in roles.FAMILIES if f in found]


def posting_country(
    source: str | None, description: str | None, country: str | None, location: str | None
) -> str | None:
    """Return the ISO country of a posting, or None when it does not say."""
    if source in FREE_TEXT_SOURCES:
        return geo.country_of_post(description)
    return geo.country_of(country) or geo.country_of(location)
