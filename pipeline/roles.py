"""Public API (DESIGN.md): the role families of a job title or a free-text post.

``classify_roles(text) -> set[str]``. The classifier lives in ``pipeline.domain.roles``; this
module keeps the documented import path stable.
"""

from pipeline.domain.roles import classify_roles, classify_title

__all__ = ["classify_roles", "classify_title"]
