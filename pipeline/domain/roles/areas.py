"""The areas a post hires in when it names no role noun ("Machine Learning", "Product"),
and the family each area's words belong to."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.domain.role_titles import FAMILIES

# --- areas: what a post hires in when it names no role noun --------------------------------

# Area words, by family; a piece of a header or list is an area when these (and filler words)
# are all it says: "Machine Learning / Applied AI", "Data science", "Product".
_AREA_WORDS: dict[str, tuple[str, ...]] = {
    "ml_engineer": (
        "machine learning",
        "ml",
        "ai/ml",
        "ml/ai",
        "ai",
        "a.i.",
        "artificial intelligence",
        "applied ai",
        "applied artificial intelligence",
        "deep learning",
        "computer vision",
        "nlp",
        "nlu",
        "natural language processing",
        "natural language understanding",
        "machine vision",
        "machine intelligence",
        "llm",
        "llms",
        "mlops",
        "ml infra",
        "ml infrastructure",
        "ml platform",
        "ai infra",
        "ai infrastructure",
        "generative ai",
        "genai",
        "perception",
        "reinforcement learning",
        "speech recognition",
        "data mining",
        "recommendation systems",
        "ml systems",
        "ai/ml infra",
        "agentic ai",
        "ai agents",
        "llm systems",
        "ai engineering",
        "ml engineering",
        "machine learning engineering",
    ),
    "research": ("research", "ai research", "ml research"),
    "data_scientist": ("data science", "data scientists", "datascience"),
    "data_engineer": (
        "data engineering",
        "data infra",
        "data infrastructure",
        "data pipeline",
        "data pipelines",
        "big data",
        "data platform",
        "etl",
        "data",
    ),
    "data_analyst": ("business intelligence", "bi", "data analysis", "data analytics", "analytics"),
    "software_engineer": (
        "engineering",
        "eng",
        "software",
        "sw",
        "software engineering",
        "backend",
        "back end",
        "back-end",
        "frontend",
        "front end",
        "front-end",
        "full stack",
        "full-stack",
        "fullstack",
        "infrastructure",
        "infra",
        "devops",
        "sre",
        "mobile",
        "ios",
        "android",
        "web",
        "security",
        "platform",
        "qa",
        "embedded",
        "systems",
        "ops",
        "dev",
        "development",
        "programming",
        "it",
        "hardware",
        "firmware",
        "robotics",
        "distributed systems",
        "macos",
        "desktop",
        "browser",
        "cloud",
        "games",
        "game",
        "gaming",
        "api",
        "apis",
        "windows",
        "linux",
        "tools",
        "dev tools",
        "developer tools",
        "test",
        "testing",
        "automation",
    ),
    "other": (
        "product",
        "design",
        "ux",
        "ui/ux",
        "sales",
        "marketing",
        "business development",
        "bd",
        "operations",
        "customer success",
        "support",
        "recruiting",
        "hr",
        "finance",
        "legal",
        "community",
        "content",
        "growth",
        "partnerships",
        "people",
        "account management",
        "product management",
        "product design",
        "customer support",
        "devrel",
    ),
}
_AREA_OF = {w: f for f, words in _AREA_WORDS.items() for w in words}
# Words that may stand beside area words without making the piece something else.
_FILLER = frozenset(
    [
        "and",
        "or",
        "&",
        "the",
        "all",
        "of",
        "our",
        "every",
        "many",
        "several",
        "multiple",
        "team",
        "teams",
        "role",
        "roles",
        "position",
        "positions",
        "job",
        "jobs",
        "opening",
        "openings",
        "opportunities",
        "hire",
        "hires",
        "hiring",
        "people",
        "folks",
        "talent",
        "experts",
        "expert",
        "specialists",
        "specialist",
        "members",
        "member",
        "ninjas",
        "ninja",
        "gurus",
        "guru",
        "wizards",
        "wizard",
        "enthusiasts",
        "lead",
        "leads",
        "senior",
        "junior",
        "staff",
        "principal",
        "head",
        "interns",
        "intern",
        "internships",
        "full-time",
        "part-time",
        "contract",
        "across",
        "levels",
        "level",
        "more",
        "etc",
        "focused",
        "also",
        "kinds",
        "kind",
        "problems",
        "problem",
        "challenges",
        "projects",
        "types",
        "type",
        "stuff",
        "things",
        "related",
        "areas",
        "area",
        "as",
        "well",
        "too",
    ]
)
_AREA_TOKEN = re.compile(r"[a-z][a-z0-9.+#]*(?:[/-][a-z0-9.+#]+)*")
_MAX_AREA_WORDS = 6


@lru_cache(maxsize=65536)
def area_families(piece: str) -> tuple[str, ...]:
    """Return the families of an area piece ("Machine Learning / AI" -> ml_engineer), or none,
    in TAXONOMY.md's order (ML engineer first), so that the first is the same on every run.

    The piece must be area words and filler only, so that a tagline ("AI-powered search") or a
    place is no area.
    """
    tokens = _AREA_TOKEN.findall(piece.lower())
    if not tokens or len(tokens) > _MAX_AREA_WORDS:
        return ()
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            words = " ".join(tokens[i : i + size])
            family = _AREA_OF.get(words)
            if family is None and size == 1 and "/" in words:
                parts = [_AREA_OF.get(p) for p in words.split("/")]
                if all(parts):
                    found.update(p for p in parts if p)
                    i += 1
                    break
            if family is not None:
                found.add(family)
                i += size
                break
        else:
            if tokens[i] not in _FILLER:
                return ()
            i += 1
    return tuple(f for f in FAMILIES if f in found)
