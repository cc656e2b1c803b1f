"""Candidate terms of a posting's text, for finding skills no taxonomy names yet.

``candidate_terms(text, company)`` returns the distinct terms of a text that could name a
technology or a skill: single words, product-like tokens (``vLLM``, ``Torch7``, ``node.js``,
``C++``, ``scikit-learn``) and two-word names written as names (``Hugging Face``, ``Apache
Beam``), normalised to lowercase. Left out: stop words and common English (by word frequency,
``wordfreq``), unless a token is shaped like a product name (inner capitals, digits, ``.+#-``);
place names (the gazetteer of ``geo``); the posting's own company; numbers, and host names of
URLs and e-mail addresses. Counting them, telling what rises and what the taxonomy covers, is
the warehouse's job (``emerging_skills``), where known employers are left out too.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from wordfreq import zipf_frequency

from pipeline.domain import geo, skills

# A run of letters, digits and . + # - : what a text is cut into (fast), each run then checked
# against TOKEN, a word or a product-like token (node.js, c++, c#, scikit-learn, gpt-4).
RUN = re.compile(r"[A-Za-z0-9.+#\-]+")
# Links and e-mail addresses, word by word: no terms. A match starts only where a word does
# (else every position of a long word would try it again).
ADDRESS = re.compile(r"(?<!\S)\S*?(?:://|www\.|@)\S*")
# The runs with a letter: numbers and punctuation alone are no terms.
ALPHA_RUN = re.compile(r"[A-Za-z0-9.+#\-]*[A-Za-z][A-Za-z0-9.+#\-]*")
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*(?:\+\+|#)?")
# Two capitalised tokens in a row, separated by one space (overlapping: "Apache Spark Streaming"
# gives both pairs).
_NAME = r"[A-Z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*"
PAIR = re.compile(rf"(?<![\w.+#@/-])(?=({_NAME}) ({_NAME})(?![\w@/]))")
# Where a list of skills can run on: cut at sentence ends, colons, semicolons, lines and the
# '|' of a Hacker News header, not at commas, slashes or "and".
SEGMENT = re.compile(r"[.!?;:|](?:\s|$)|\n|\|")
LIST_MARK = re.compile(r",|/|\band\b|\bor\b|&|\+ ")
# The last part of a host name: "acme.ai" and "jobs.example.com" are addresses, not terms.
DOMAINS = frozenset(
    """
    com org net io ai co dev app us uk de fr me ly sh gg tech se nl ca eu jp ch es be au to in
    is so tv fm xyz jobs careers
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# YC batches (W15, S16) and similar codes.
CODE = re.compile(r"^[a-z]\d{1,3}$")
# Zipf frequency (log10 of a word's frequency per billion words) at or above which an
# ordinary lowercase word is common English: "team" 5.7, "remote" 4.4, "kafka" 3.0.
COMMON_ZIPF = 4.3
# A stop word: so common that even as a name it says nothing ("the", "and", "we").
STOP_ZIPF = 5.5
# Below this a lowercase word is rare enough in English to be a name as it is ("kubernetes"
# 2.3, "observability" 1.7), where "iterate" (2.9) or "responsive" (3.7) are ordinary words:
# those count only when written as names (capitalised mid-sentence) or shaped like products.
RARE_ZIPF = 2.5
MIN_LENGTH = 2
MAX_LENGTH = 40
MAX_TERMS = 400  # per text; a post rarely has more distinct candidates
# Words of job postings that are not skills, by kind. They were listed after reading the
# proposals of the corpus (docs/SKILLS.md says so): the boilerplate of HTML and addresses, the
# hiring process and its websites, the terms of a job, investors and incubators, and the
# generic nouns and adjectives of work that rise with the length of posts.
BOILERPLATE = frozenset(
    """
    http https www com org io html href nbsp amp quot e.g i.e etc yc hn usd eur gbp chf ft pt k
    b2b b2c p.s gmbh inc llc ltd apply email resume cv hiring job jobs careers linkedin
    angellist glassdoor jobvite lever greenhouse workable indeed youtube onsite on-site remote
    hybrid fulltime full-time part-time visa visas relocation equity salary benefits perks pto
    401k h1b h-1b sponsorship timezone timezones latam emea apac role roles engineer engineers
    engineering developer developers devs senior junior staff lead principal intern interns
    internship phd bs ms cs ee eng swe sde sdet analyst analysts bizdev gtm vp cto ceo founder
    founders cofounder co-founder founding techstars greylock sequoia a16z accel ycombinator
    levchin stack tech codebase fullstack full-stack infra ops integration integrations
    reliability workflow workflows oriented passionate proficiency skillset leverages leverage
    mockups performant webapps macbook ip mv bi ts ci cd
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def product_like(token: str) -> bool:
    """Return whether a token is shaped like a product name: vLLM, PyTorch, k8s, node.js, C++.

    A hyphenated token is one when one of its parts is ("scikit-learn", "gpt-4"), not for the
    hyphen ("end-to-end", "AI-powered"); capitals alone in a short abbreviation ("AI", "SWE",
    "PTO") say nothing of what it stands for.
    """
    if any(ch in ".+#" for ch in token):
        return True
    if "-" in token:
        return any(
            _part_like_product(part) or _zipf(part.lower()) < RARE_ZIPF
            for part in token.split("-")
            if part
        )
    return _part_like_product(token)


def _part_like_product(part: str) -> bool:
    if part.isupper():
        return False
    if any(ch.isdigit() for ch in part):
        return sum(ch.isalpha() for ch in part) >= 2
    return any(ch.isupper() for ch in part[1:])


@cache
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


@cache
def _is_place(word: str) -> bool:
    return bool(geo.countries_of(word))


@lru_cache(maxsize=500_000)
def _run_info(run: str) -> tuple[str, bool, bool]:
    """Return what a run of a text says whatever its place: its term, whether it is a name by
    its own shape (``_is_rare_or_product``), and whether a list can make it one (capitalised,
    no hyphen, not an English word form). Runs repeat across posts, so this is cached."""
    term = _term_of_run(run)
    if not term:
        return "", False, False
    nameable = run[0].isupper() and "-" not in run and not WORD_FORM.search(term)
    return term, _is_rare_or_product(run.strip(".-")), nameable


def _term_of_run(run: str) -> str:
    """Return the term of a run of a text ("PyTorch," -> "pytorch"), "" when it is none."""
    token = run.strip(".-").rstrip("+") if not run.endswith("++") else run.lstrip(".-")
    if token[:3].lower() == "ex-":  # "ex-Google": the name, not a new term
        token = token[3:]
    keep = TOKEN.fullmatch(token) is not None and _keep_word(token, token.lower())
    return token.lower() if keep else ""


@cache
def _pair(first_token: str, token: str) -> bool:
    """Return whether two capitalised words in a row are a name worth counting as one term.

    Neither may be a stop word or boilerplate; one at least must be rare in English or shaped
    like a product ("Hugging Face", "Apache Beam"), so that title case ("Senior Software
    Engineer") does not make terms.
    """
    words = ((first_token, first_token.lower()), (token, token.lower()))
    if any(w in BOILERPLATE or _zipf(w) >= STOP_ZIPF for _, w in words):
        return False
    return any(_zipf(w) < COMMON_ZIPF or product_like(t) for t, w in words)


def _keep_word(token: str, lower: str) -> bool:
    if len(lower) < MIN_LENGTH or len(lower) > MAX_LENGTH or lower in BOILERPLATE:
        return False
    if lower.replace(".", "").replace("-", "").isdigit():
        return False
    if ("." in lower and lower.rsplit(".", 1)[1] in DOMAINS) or CODE.match(lower):
        return False
    zipf = _zipf(lower)
    if zipf >= STOP_ZIPF:
        return False
    if zipf >= COMMON_ZIPF and not product_like(token):
        return False
    return not (token[0].isupper() and _is_place(token))


# Endings of English word forms ("architecting", "maintainable", "leverages"): a rare word so
# built is still an ordinary word, not a name.
WORD_FORM = re.compile(
    r"(?:ing|able|ible|ed|ly|ness|ment|tion|sion|ize|ise|izes|ises|izing|ful|ous)$"
)


@cache
def _is_rare_or_product(token: str) -> bool:
    """Return whether a token is a name by its own shape: product-like, or a rare word that
    is not an English word form."""
    if product_like(token):
        return True
    if "-" in token:
        return False  # its parts were judged by product_like
    lower = token.lower()
    return _zipf(lower) < RARE_ZIPF and not WORD_FORM.search(lower)


@cache
def context_words(removed: frozenset[str] = frozenset()) -> frozenset[str]:
    """Return the one-word names of the taxonomy's skills that are distinctive words.

    A list that names one of them ("Python, Django and Redux") is a list of skills, and its
    other items are candidates. Short or ordinary words ("go", "react") are left out, and so
    are the ``removed`` skills (the backtest: a skill taken out cannot vouch for others).
    """
    out = set()
    for skill in skills.load_taxonomy().values():
        if skill.skill_id in removed:
            continue
        for surface in (skill.skill_id, skill.display_name, *skill.aliases):
            word = surface.strip().lower()
            if len(word) >= 3 and " " not in word and _zipf(word) < 4.0:
                out.add(word)
    return frozenset(out)


def _company_words(company: str | None) -> set[str]:
    if not company:
        return set()
    return {t.lower() for t in TOKEN.findall(company)} | {company.strip().lower()}


def candidate_terms(
    text: str | None, company: str | None = None, removed: list[str] | None = None
) -> list[str]:
    """Return the distinct candidate terms of a text: its words, then its two-word names.

    A word counts where it is written as a name: shaped like a product (``vLLM``, ``k8s``,
    ``node.js``), too rare in English to be an ordinary word ("kubernetes"), or capitalised in a
    list that names a known skill ("Python, Django and Redux"; see ``context_words``;
    ``removed`` skills do not count as known). Two capitalised words in a row count in such
    a list.
    """
    if not text:
        return []
    if "://" in text or "www." in text or "@" in text:
        text = " ".join(ADDRESS.sub("", text).split())
    own = _company_words(company)
    known = context_words(frozenset(removed or ()))
    seen: dict[str, None] = {}
    for segment in SEGMENT.split(text):
        runs = ALPHA_RUN.findall(segment)
        if not runs:
            continue
        in_list = LIST_MARK.search(segment) is not None and not known.isdisjoint(
            map(str.lower, runs)
        )
        for i, run in enumerate(runs):
            term, rare, nameable = _run_info(run)
            if not term or term in own:
                continue
            # A capital that starts the segment starts a sentence; only later ones name.
            if rare or (in_list and i > 0 and nameable):
                seen[term] = None
        if in_list and any(ch.isupper() for ch in segment):
            for first, second in PAIR.findall(segment):
                if _pair(first, second):
                    a, b = first.lower(), second.lower()
                    if a not in own and b not in own:
                        seen[f"{a} {b}"] = None
    return list(seen)[:MAX_TERMS]
