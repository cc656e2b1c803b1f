"""The role family of a job title: the one rule that both job-board titles and the role
mentions of free-text posts (``pipeline.domain.roles``) are classified by.

A title gets exactly one family: ordered patterns, the first that matches wins, so that the
order itself states the precedence (a product manager for machine learning is ``other``; a
research engineer in machine learning is ``research``; a forward-deployed engineer on a data
team is ``software_engineer``). The families and their order are the seed ``role_families``.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pipeline.paths import SEEDS_DIR

ROLE_FAMILIES_PATH = SEEDS_DIR / "role_families.csv"


def _read_families(path: Path = ROLE_FAMILIES_PATH) -> list[dict[str, str]]:
    """Return the seed's rows in rank order (the seed dbt reads too)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return sorted(csv.DictReader(fh), key=lambda r: int(r["display_order"]))


_FAMILY_ROWS = _read_families()
FAMILIES = tuple(r["role_family"] for r in _FAMILY_ROWS)
# The families the seed marks as engineering roles (``is_engineering``).
ENGINEERING_FAMILIES = frozenset(
    r["role_family"] for r in _FAMILY_ROWS if r["is_engineering"] == "true"
)

_ENG = r"(?:engineer\w*|developer|dev\b|devs\b|programmer|swe\b|sre\b|architect|hacker|coder)"
_STRONG_ML = (
    r"(?:machine[- ]learning|\bml\b|ml/ai|ai/ml|deep[- ]learning|computer vision|\bnlp\b|"
    r"\bllms?\b|mlops|ml[- ]?ops|ml infra\w*|ml platform|inference|perception|\bcv\b|"
    r"applied ai|gen ?ai|generative ai|\bmle\b|machine intelligence|artificial intelligence|"
    r"\bai/ml\b|ai\s*&\s*ml|ml\s*&\s*ai|natural language|language models?|neural|"
    r"reinforcement learning|speech recognition|ai infra\w*|ai platform|ai systems?|"
    r"ai research|ai agents?|agentic|ml systems?|ml & optimization|ml\s*&|recommend(?:ation|er)s?|"
    r"data mining|\bnlu\b|natural language understanding|machine vision)"
)
# The first pattern that matches a (lowercased) title decides its family.
_TITLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, re.compile(pattern))
    for family, pattern in (
        # People, legal and coaching roles, even when they recruit engineers.
        (
            "other",
            r"\b(?:recruit\w*|sourcer|talent|counsel|attorney|paralegal|lawyer|coach|tutor|trainer)\b",
        ),
        (
            "other",
            r"\b(?:product|program|project|account|marketing|sales|success|community|office|"
            r"operations|people|partner\w*|brand|content|events?|finance|financial|procurement|"
            r"business development|growth marketing|customer)\s+(?:manager|director|lead|owner|"
            r"specialist|executive|representative|partner|coordinator|associate|strategist|"
            r"officer|adoption manager)\b",
        ),
        (
            "other",
            r"\b(?:head|director|vp|vice president)\s+of\s+(?:product|marketing|sales|people|"
            r"design|operations|finance|legal|business|growth|communications|partnerships)\b",
        ),
        ("other", r"\b(?:ux|user|market|marketing)\s+research"),
        (
            "other",
            r"\bdesigners?\b|\bdesign leads?\b|\bbusiness developers?\b|"
            r"\bsales\s?(?:person|people)",
        ),
        (
            "other",
            r"\bvp,?\s+(?:of\s+)?(?:product|marketing|sales|people|design|operations|finance|growth)\b",
        ),
        ("other", r"\b(?:faculty|professor|lecturer|instructor|teacher)\b"),
        # "Data Science Analyst" is an analyst: the head noun decides.
        (
            "data_analyst",
            r"\b(?:data|data science|bi|analytics|insights?)\s+analysts?\b|"
            r"\binsights? (?:lead|manager|director)\b|\banalytics (?:lead|manager|director)\b",
        ),
        # TAXONOMY.md: a Data Science Engineer follows the engineer's rule, not the scientist's.
        ("ml_engineer", r"\bdata science\s+(?:engineer|developer|programmer)"),
        ("data_scientist", r"\b(?:data|decision|product data)\s+scien"),
        ("research", r"\bresearch\s+(?:scientist|engineer|fellow|resident|intern|lead|staff)"),
        (
            "research",
            r"\bresearchers?\b|\bapplied scientist|\bprincipal investigator|\bscientists?\b|"
            r"\bphds?\b",
        ),
        (
            "research",
            r"\bmember of (?:the )?technical staff\b.*\b(?:research|training|pre-?training|"
            r"post-?training|model|rl|reinforcement|alignment|interpretability|evals?)\b",
        ),
        # Customer-facing and QA engineering stay software_engineer whatever the product
        # ("Solutions Architect, Applied AI" too).
        (
            "software_engineer",
            r"\b(?:forward[- ]deployed|solutions?|sales|support|customer|field|implementation|"
            r"integrations?)\s+(?:software\s+)?(?:engineer|architect)",
        ),
        ("software_engineer", r"\b(?:in test|qa|quality assurance|test automation|sdet|tester)\b"),
        ("ml_engineer", _STRONG_ML + r".*" + _ENG + r"|" + _ENG + r".*" + _STRONG_ML),
        (
            "ml_engineer",
            _STRONG_ML + r".*\b(?:engineering|lead|manager|head|director|team|technical staff)\b|"
            r"\b(?:engineering|head|director|technical staff)\b.*" + _STRONG_ML,
        ),
        # "Machine Learning Experts", "Computer vision specialists".
        ("ml_engineer", _STRONG_ML + r".*\b(?:specialists?|experts?)\b"),
        (
            "data_engineer",
            r"\b(?:data|analytics|data platform|data infrastructure|big data|etl|data warehouse|"
            r"data pipelines?|bi)\s+" + _ENG,
        ),
        (
            "data_engineer",
            _ENG + r".*\bdata\s+(?:platform|infrastructure|pipelines?|engineering)\b",
        ),
        ("data_engineer", r"\bdata engineering\b|\bdata infra(?:structure)?\b"),
        # A web, mobile or full-stack engineer on an "AI" product is still a software engineer.
        (
            "software_engineer",
            r"\b(?:web|frontend|front[- ]end|backend|back[- ]end|full[- ]?stack|mobile|ios|"
            r"android)\b.*"
            + _ENG
            + r"|"
            + _ENG
            + r".*\b(?:web|frontend|front[- ]end|full[- ]?stack|"
            r"mobile|ios|android)\b",
        ),
        ("ml_engineer", r"\bai\b.*" + _ENG + r"|" + _ENG + r".*\bai\b"),
        (
            "data_analyst",
            r"\b(?:data|bi|business intelligence|analytics|insights?|reporting|marketing data)\s+"
            r"analysts?\b",
        ),
        (
            "software_engineer",
            _ENG + r"|\bengineering\b|\bdevops\b|\bcto\b|\btechnical staff\b|\bqa\b|"
            r"\bsecurity (?:analyst|expert)|\bpenetration tester|\bsysadmin|"
            r"\bsystem administrator|\btech leads?\b|\bfirmware\b|\bwebmaster\b",
        ),
        # Any other named function is a non-engineering role.
        (
            "other",
            r"\b(?:sales|marketing|marketers?|recruit\w*|designers?|design|ux|ui/ux|legal|finance|"
            r"accountants?|accounting|account|hr|operations|customer|business "
            r"development|content|community|writers?|evangelists?|product|program|project|"
            r"office|assistant|administrative|analysts?|owners?|support|success|"
            r"copywriters?|editors?|consultants?|partnerships?|pms?|seo|salesperson|salespeople)\b",
        ),
    )
)


_WORD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")


@lru_cache(maxsize=65536)
def match_title(title: str, catch_all: bool = True) -> str | None:
    """Return the family of the first title pattern that matches, or None.

    Without ``catch_all`` the last rule (any non-engineering function word means ``other``) is
    left out: a header field like "Operations industry" is no role. Titles repeat a great deal
    across postings ("Senior Software Engineer"), so results are cached.
    """
    t = " ".join(_WORD_HYPHEN.sub(" ", title.lower().replace("_", " ")).split())
    rules = _TITLE_RULES if catch_all else _TITLE_RULES[:-1]
    for family, pattern in rules:
        if pattern.search(t):
            return family
    return None


def classify_title(title: str) -> str:
    """Return the one role family of a job title (``other`` for non-engineering roles)."""
    return match_title(title) or "other"
