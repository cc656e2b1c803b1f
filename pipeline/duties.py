"""Public API: the responsibilities and application domains a posting names.

``extract_duties(text) -> set[str]``, ids of ``warehouse/seeds/duties.csv`` (docs/DUTIES.md).
The extractor lives in ``pipeline.domain.duties``; this module keeps a short import path, as
``pipeline.skills`` does for skills.
"""

from pipeline.domain.duties import extract_duties

__all__ = ["extract_duties"]
