"""Public API (DESIGN.md): the skills a posting names.

``extract_skills(text) -> set[str]``, canonical ids of ``warehouse/seeds/skills.csv``. The
extractor lives in ``pipeline.domain.skills``; this module keeps the documented import path.
"""

from pipeline.domain.skills import extract_skills

__all__ = ["extract_skills"]
