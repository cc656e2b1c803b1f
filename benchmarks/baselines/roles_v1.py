"""FROZEN BASELINE: the role classifier as it was before the mention reader (session 2), kept
only so that `make bench` measures the new one against it in the same run. Do not edit.

Classify postings into the role families of TAXONOMY.md.

A job title gets exactly one family (``classify_title``): ordered patterns, the first that
matches wins, so that the order itself states the precedence (a product manager for machine
learning is ``other``; a research engineer in machine learning is ``research``; a
forward-deployed engineer on a data team is ``software_engineer``).

A Hacker News post gets every family it advertises (``classify_roles``). Posts open with
``Company | Role(s) | Location | ...`` or list roles as bullets, but many (most in 2012-2015) are
prose, and prose names roles that are not on offer ("you'll work with our data scientists").
So a role phrase counts only where the post advertises it: in the header line, in a short or
bulleted line, or in a sentence with a hiring cue ("we're hiring", "looking for", "positions");
and not right after words that make it the team's or someone else's ("our", "with", "by").
A post that names no role but hires "engineers" or a stack in general is ``software_engineer``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from pipeline.domain.skills import extract_skills, load_taxonomy
from pipeline.paths import SEEDS_DIR

ROLE_FAMILIES_PATH = SEEDS_DIR / "role_families.csv"


def _families(path: Path = ROLE_FAMILIES_PATH) -> tuple[str, ...]:
    """Return the family ids of the seed, in rank order (the seed dbt reads too)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: int(r["display_order"]))
    return tuple(r["role_family"] for r in rows)


FAMILIES = _families()

_ENG = r"(?:engineer\w*|developer|dev\b|devs\b|programmer|swe\b|sre\b|architect|hacker|coder)"
_STRONG_ML = (
    r"(?:machine[- ]learning|\bml\b|ml/ai|ai/ml|deep[- ]learning|computer vision|\bnlp\b|"
    r"\bllms?\b|mlops|ml[- ]?ops|ml infra\w*|ml platform|inference|perception|\bcv\b|"
    r"applied ai|gen ?ai|generative ai|\bmle\b)"
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
        ("other", r"\bdesigner\b|\bdesign lead\b"),
        ("other", r"\b(?:faculty|professor|lecturer|instructor|teacher)\b"),
        # "Data Science Analyst" is an analyst: the head noun decides.
        (
            "data_analyst",
            r"\b(?:data|data science|bi|analytics|insights?)\s+analysts?\b|"
            r"\binsights? (?:lead|manager|director)\b|\banalytics (?:lead|manager|director)\b",
        ),
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
        # Customer-facing and QA engineering stay software_engineer whatever the product.
        (
            "software_engineer",
            r"\b(?:forward[- ]deployed|solutions?|sales|support|customer|field|implementation|"
            r"integrations?)\s+(?:software\s+)?engineer",
        ),
        ("software_engineer", r"\b(?:in test|qa|quality assurance|test automation|sdet|tester)\b"),
        ("ml_engineer", _STRONG_ML + r".*" + _ENG + r"|" + _ENG + r".*" + _STRONG_ML),
        (
            "ml_engineer",
            _STRONG_ML + r".*\b(?:engineering|lead|manager|head|director|team|technical staff)\b|"
            r"\b(?:engineering|head|director|technical staff)\b.*" + _STRONG_ML,
        ),
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
            r"copywriters?|editors?|consultants?|partnerships?)\b",
        ),
    )
)


def _match_title(title: str, catch_all: bool = True) -> str | None:
    """Return the family of the first title pattern that matches, or None.

    Without ``catch_all`` the last rule (any non-engineering function word means ``other``) is
    left out: a header field like "Operations industry" is no role.
    """
    t = " ".join(title.lower().replace("_", " ").split())
    rules = _TITLE_RULES if catch_all else _TITLE_RULES[:-1]
    for family, pattern in rules:
        if pattern.search(t):
            return family
    return None


def classify_title(title: str) -> str:
    """Return the one role family of a job title (``other`` for non-engineering roles)."""
    return _match_title(title) or "other"


# A role noun, with the words before it that may qualify it.
_ROLE_NOUN = (
    r"(?:engineers?|engineering\s+(?:manager|lead|director)s?|developers?|devs?|programmers?|"
    r"scientists?|researchers?|analysts?|designers?|architects?|hackers?|sres?|devops|"
    r"recruiters?|marketers?|managers?|evangelists?|writers?|testers?|technicians?|"
    r"representatives?|executives?|specialists?|consultants?|administrators?|owners?|"
    r"leads?|directors?|internships?|qa|phds?|faculty|professors?|lecturers?|instructors?|"
    r"generalists?|positions|roles|jobs|openings|professionals?|folks)"
)
_ROLE_PHRASE = re.compile(
    r"((?:[\w+#./&'’-]+[ \t]+){0,5}?)\b(" + _ROLE_NOUN + r")\b"
    # A role noun that qualifies another noun is no role: "developer community events".
    r"(?!\s+(?:community|communities|evangelism|relations|tools?|tooling|experience|platforms?|"
    r"productivity|advocacy|portal|docs|documentation|conferences?|events?|meetups?|blog|"
    r"culture|velocity|workflows?)\b)"
    # What follows and qualifies the noun, read but not consumed: "(Machine Learning)",
    # ", Data Platform", " with a machine learning background".
    r"(?=(\s*\([^)\n]{1,60}\)|,[ \t]*[A-Z][^,.;\n(]{0,40}|\s+with\s+(?:a\s+|an\s+)?"
    r"[\w/ -]{1,40}?\s+(?:background|experience|focus)|\s+in\s+[\w/ -]{1,30}?\s+engineering))?",
    re.I,
)
# Words that end the qualifiers of a role noun: "is hiring for software engineers".
_STOP_WORDS = (
    "a an the and or for to of in on at as is are be we we're were our you your i i'm with "
    "who that this these those hiring hire looking seeking need needs opening openings join "
    "will can from by also currently now more several some many all any few two three both "
    "multiple new great talented experienced strong skilled awesome amazing passionate smart "
    "top-notch world-class help us "
)
_STOP = frozenset(_STOP_WORDS.split())
_HIRING_CUE = re.compile(
    r"\b(?:hiring|hire|looking for|look for|seeking|seek|searching for|search of|positions?|"
    r"roles?|openings?|opportunit\w*|vacanc\w*|wanted|want(?:ed)? to meet|need(?:s|ed)?|"
    r"join|apply|recruiting|expand\w*|grow(?:ing)?|add(?:ing)?|interns?(?:hips?)?|"
    r"interested in|full[- ]time|part[- ]time|contract)\b",
    re.I,
)
# Words just before a role noun that make it somebody already there, not a role on offer.
_NOT_OFFERED = re.compile(
    r"(?:\b(?:our|with|by|from|alongside|other|fellow|of|ex|former|existing|your|their|"
    r"his|her|no|between|among|like|to|help)\b[\s-]*(?:[\w/+-]+\s+){0,2})$",
    re.I,
)
_URL = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\S+\s+(?:at|\[at\]|\(at\))\s+\S+\s+dot\s+\S+")
# A header field that is only a non-engineering function: "Product", "Design", "Account Exec".
_FUNCTION = re.compile(
    r"(?:product|design|marketing|sales|account exec\w*|recruit\w*|operations|ops|finance|"
    r"legal|people|hr|support|customer success|business development|bd|communications)",
    re.I,
)
_HEADER_PIECE = re.compile(r"\s*(?:,|&|/|\band\b)\s*")
_PARENS = re.compile(r"\([^)]*\)")
_BULLET = re.compile(r"^\s*(?:[-*•+>=#]+|\d+[.)]|\[\d+\])\s*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
_TITLE_SPLIT = re.compile(r"\s+[-–—]\s+|:\s|\s*\|\s*")
_ENGINEERS = re.compile(
    r"\b(?:engineers?|developers?|devs|programmers?|hackers?|coders?|engineering team)\b", re.I
)
_ROLE_NOUN_RE = re.compile(r"\b" + _ROLE_NOUN + r"\b", re.I)
_HEADER_FIELD = re.compile(r"\s*[|]\s*|\s+[-–—]\s+")
# Skill categories that name ideas, not tools: naming only these is no sign of a developer role.
_IDEAS = frozenset({"concept", "math"})


def _families_in(segment: str, offered_only: bool) -> set[str]:
    """Return the families of the role phrases in a segment of text."""
    found: set[str] = set()
    # The phrase pattern tries a few words at every position; most segments name no role
    # noun at all, and the plain noun pattern rules them out far faster.
    if not _ROLE_NOUN_RE.search(segment):
        return found
    for m in _ROLE_PHRASE.finditer(segment):
        if offered_only and _NOT_OFFERED.search(segment[: m.start(2)]):
            continue
        words = m.group(1).split()
        # Keep only the qualifiers after the last stop word.
        for i in range(len(words) - 1, -1, -1):
            if words[i].lower().strip(",") in _STOP:
                words = words[i + 1 :]
                break
        phrase = " ".join([*words, m.group(2)])
        family = _match_title(phrase)
        qualifier = m.group(3) or ""
        if (
            qualifier
            and not _ROLE_NOUN_RE.search(qualifier)
            and family in (None, "software_engineer")
        ):
            family = _match_title(phrase + qualifier) or family
        if family:
            found.add(family)
    return found


def _names_a_stack(text: str) -> bool:
    """Return whether a text names a tool (language, framework, database...), not just ideas."""
    taxonomy = load_taxonomy()
    return any(taxonomy[s].category not in _IDEAS for s in extract_skills(text))


def _title_part(line: str) -> str:
    """Return the leading title of a bullet or short line ('Android Engineer - http://...')."""
    line = _BULLET.sub("", line)
    return _TITLE_SPLIT.split(line, maxsplit=1)[0]


def classify_roles(text: str) -> set[str]:
    """Return every role family a title or free-text post advertises.

    A single short line is read as a job title and gets one family.
    """
    text = text.strip()
    if not text:
        return {"other"}
    if "\n" not in text and len(text) <= 120 and "|" not in text:
        return {classify_title(text)}
    text = _URL.sub(" ", text)
    lines = [ln for ln in text.split("\n") if ln.strip()]
    found: set[str] = set()
    # The header: "Company | Role, Role | Location | ...": every field that names a role.
    for field in _HEADER_FIELD.split(lines[0]):
        found |= _families_in(field, offered_only=False)
        if "|" not in lines[0]:
            continue
        # "Engineering (EM and IC roles), Data infra, Product": role areas without role nouns.
        for piece in _HEADER_PIECE.split(_PARENS.sub("", field)):
            if _FUNCTION.fullmatch(piece):
                found.add("other")
            elif len(piece) <= 40 and (family := _match_title(piece, catch_all=False)):
                found.add(family)
    # Title lines: "* Android Engineer - apply at ...", "Senior Backend Engineer | New York".
    for line in lines[1:]:
        part = _title_part(line)
        if (_BULLET.match(line) or len(line) <= 80) and len(_PARENS.sub("", part)) <= 60:
            found |= _families_in(part, offered_only=True)
    for sentence in _SENTENCE.split(text):
        if _HIRING_CUE.search(sentence):
            found |= _families_in(sentence, offered_only=True)
    if not found and (_ENGINEERS.search(text) or _names_a_stack(text)):
        # Hiring for a stack or for "engineers" in general, without naming a role.
        found.add("software_engineer")
    return found or {"other"}
