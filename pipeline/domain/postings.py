"""What a posting is classified by: the one rule the warehouse and the evaluation both apply.

A Hacker News post is free text: its roles are every role the text advertises, its country is
where its header and first lines say it is. A job board's posting has a title: its role is that
title's one family; its country is its country field's, else its location field's. Skills are
read from the title and the description together, and only when there is a description (a bare
title names too few skills, and would dilute every share with postings that could not name any);
so are the responsibilities and application domains (``duties``).
"""

from __future__ import annotations

import re

from pipeline.domain import duties, geo, roles, skills
from pipeline.domain.role_titles import ENGINEERING_FAMILIES

FREE_TEXT_SOURCES = frozenset({"hackernews"})


def has_description(description: str | None) -> bool:
    """Return whether a posting has a description to read skills from."""
    return bool(description and description.strip())


# PyTorch was released in January 2017: before that, "Torch" is Lua's Torch7.
PYTORCH_RELEASED = "2017"
_PYTORCH_NAMED = re.compile(r"\bpy\s?torch|\blibtorch\b|\btorchvision\b", re.I)


def posting_skills(
    title: str | None, description: str | None, posted_at: str | None = None
) -> list[str]:
    """Return the skill ids of a posting, sorted (empty without a description)."""
    if not has_description(description):
        return []
    text = "\n".join(t for t in (title, description) if t)
    found = skills.extract_skills(text)
    if (
        "pytorch" in found
        and posted_at
        and posted_at[:4] < PYTORCH_RELEASED
        and not _PYTORCH_NAMED.search(text)
    ):
        found = (found - {"pytorch"}) | {"torch7"}
    return sorted(found)


def posting_duties(
    title: str | None, description: str | None, role_families: list[str] | None = None
) -> list[str]:
    """Return the responsibility and application ids a posting names, sorted.

    Read, as skills are, from the title and the description together, and only when there is
    a description: a bare title says too little of what a job does. ``role_families`` (the
    posting's, from ``posting_roles``) decides the technical duties (seed column
    ``engineers_only``): a translator's, a seller's or a recruiter's posting at an AI company
    names its models and its AI product, not duties of the job, so without an engineering
    family they are dropped.
    """
    if not has_description(description):
        return []
    text = "\n".join(t for t in (title, description) if t)
    found = duties.extract_duties(text)
    if not ENGINEERING_FAMILIES.intersection(role_families or ()):
        found -= duties.extractor().engineers_only
    return sorted(found)


def posting_role_mentions(
    source: str | None, title: str | None, description: str | None
) -> list[dict[str, str]]:
    """Return each role a posting offers with the phrase that offers it and where it was read.

    A free-text post gives every mention the reader finds; a board's posting its title's family.
    """
    if source in FREE_TEXT_SOURCES:
        mentions = roles.role_mentions(description or title or "")
        return [{"role_family": m.family, "phrase": m.phrase, "kind": m.kind} for m in mentions]
    if not title:
        return []
    return [{"role_family": roles.classify_title(title), "phrase": title, "kind": "title"}]


def posting_roles(source: str | None, title: str | None, description: str | None) -> dict:
    """Return a posting's role families in TAXONOMY.md's order and the mention of each.

    ``{"role_families": [...], "mentions": [{"role_family", "phrase", "kind"}, ...]}``, one
    mention a family: the first that named it.
    """
    mentions: dict[str, dict[str, str]] = {}
    for m in posting_role_mentions(source, title, description):
        mentions.setdefault(m["role_family"], m)
    families = [f for f in roles.FAMILIES if f in mentions]
    return {"role_families": families, "mentions": [mentions[f] for f in families]}


def posting_country(
    source: str | None, description: str | None, country: str | None, location: str | None
) -> str | None:
    """Return the ISO country of a posting, or None when it does not say."""
    if source in FREE_TEXT_SOURCES:
        return geo.country_of_post(description)
    return geo.country_of_field(country) or geo.country_of(location)
