"""Find every role a free-text post offers, and the phrase that offers it.

A Hacker News post names its roles in many ways, and the way changed over the years: a header
of fields (``Acme | ML Engineer, Data Scientist | NYC``), a list of titles or areas, prose
("we're looking for Ops, SW, and Machine Learning engineers", "hiring in Machine Learning",
"openings in computer vision / machine learning"), links to job pages, or only the duties of a
generalist role. Reading it takes two steps:

1. find the role mentions: header fields and their pieces; list and short lines; role noun
   phrases in sentences that hire (with every item of a list sharing one noun: "Data and
   Machine Intelligence Engineers"); the areas a post hires in or across; job-page link slugs;
2. classify each mention with the title rules that classify job-board titles
   (``role_titles``), or, for an area with no role noun ("Machine Learning", "Product"), by the
   family of its area words.

Prose names roles that are not on offer ("you'll work with our data scientists", "ML a plus"),
so a phrase in a sentence counts only where the sentence hires and the words before it do not
make it somebody else's. A post that names no ML role but gives one on offer ML work as duties
("prototype computer vision algorithms"), or names ML as the area of its work in a sentence
about the hire ("Challenges include smart data extraction, machine learning"; a header
"Software Engineer | TypeScript / React / ML"), adds ``ml_engineer``. A post hiring "engineers"
or for a stack in general is ``software_engineer``; a post that offers nothing gets no family.

Speed: one pass of a few patterns over the text finds every candidate; the title rules run on
short phrases, whose results are cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline.domain.role_titles import FAMILIES, classify_title
from pipeline.domain.roles.keywords import _INDEX
from pipeline.domain.roles.phrases import (
    _AREA_LIST,
    _AREA_LIST_SPLIT,
    _AREAS_BEFORE,
    _BULLET,
    _BULLET_FIRST,
    _DUTY_FRAME,
    _DUTY_HEADING,
    _EMAIL,
    _HEADER_SPLIT,
    _HIRE_FRAME,
    _INLINE_LIST,
    _LINK,
    _ML_AREA,
    _ML_DUTY,
    _ML_LANGUAGE,
    _ML_WORK,
    _NOT_DUTY,
    _NOUN,
    _PARENS,
    _SECTION_CUE,
    _SENTENCE_BREAK,
    _SLUG,
    _SPELLED_EMAIL,
    _STACK_CUE,
    _TITLE_END,
    RoleMention,
    _classify_phrase,
    _is_field,
    _is_title_list,
    _looks_like_title,
    _read_phrases,
    _read_pieces,
    _Reader,
    _sentences,
    _title_lead,
)

__all__ = ["FAMILIES", "RoleMention", "classify_roles", "classify_title", "role_mentions"]


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _masked(text: str) -> str:
    """Return ``text`` with links and e-mail addresses blanked out, offsets kept."""
    if "http" in text or "www." in text:
        text = _LINK.sub(_blank, text)
    if "@" in text:
        text = _EMAIL.sub(_blank, text)
    if " dot " in text:
        text = _SPELLED_EMAIL.sub(_blank, text)
    return text


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    """Return the span of the sentence (or line) around position ``at``."""
    lo = max(text.rfind("\n", 0, at), -1) + 1
    for m in _SENTENCE_BREAK.finditer(text, lo, at):
        lo = m.end()
    hi = text.find("\n", at)
    hi = len(text) if hi < 0 else hi
    end = _SENTENCE_BREAK.search(text, at, hi)
    return lo, end.start() + 1 if end else hi


def role_mentions(text: str) -> list[RoleMention]:
    """Return every role a post offers, with the phrase that names it, in reading order."""
    text = text.strip()
    if not text:
        return []
    reader = _Reader([], set())
    masked = _masked(text)
    # Where the role nouns, hiring cues and ML words are, in one pass: most lines and
    # sentences have none, and need no reading.
    words = _INDEX.find(masked)
    nouns = words.get("noun", [])
    lines = masked.split("\n")
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    # 1. The header: "Company | Role, Role | Place | ...", or "Place - Role, Role".
    head = lines[first]
    fields = head.split("|") if "|" in head else _HEADER_SPLIT.split(head)
    _read_fields(reader, fields[1:] if "|" in head else fields, "header")
    _read_phrases(reader, masked, nouns, offsets[first], offsets[first] + len(head))
    # 2. Lines: bullets and short lines lead with a title; a list after a roles cue names
    # areas; lines under a duties heading describe a role's work.
    in_section = section_bullets = in_duties = False
    duty_lines: list[str] = []
    for i in range(first + 1, len(lines)):
        raw = lines[i]
        line = raw.strip()
        if not line:
            in_section = section_bullets = in_duties = False
            continue
        lo = offsets[i]
        k = bisect_left(nouns, (lo, -1))
        has_noun = k < len(nouns) and nouns[k][0] < lo + len(raw)
        bullet = _BULLET.match(line) if line[0] in _BULLET_FIRST else None
        body = line[bullet.end() :] if bullet else line
        if has_noun or in_section or ":" in body[:60]:
            inline = _INLINE_LIST.match(body) if ":" in body[:60] or "-" in body[:60] else None
            if inline:
                for item in inline.group("list").split(";"):
                    item = _TITLE_END.split(item.strip(), maxsplit=1)[0]
                    _read_pieces(reader, item, "line", strict=False)
            lead = _title_lead(body)
            if in_section:
                # A list's item ends at its dash: "Machine Learning / recommendations - think ..."
                lead = _DASH.split(lead, maxsplit=1)[0]
            short = bullet or len(line) <= 80 or in_section or _looks_like_title(lead)
            if has_noun and len(lead) > 70 and _is_title_list(lead):
                _read_pieces(reader, lead, "line")
            elif short and len(_PARENS.sub("", lead)) <= 70:
                if has_noun and _NOUN.search(lead):
                    _read_pieces(reader, lead, "line")
                elif in_section and (bullet or not section_bullets):
                    _read_pieces(reader, lead, "line", strict=False)
                section_bullets = section_bullets or (in_section and bool(bullet))
            if in_section and bullet and has_noun:
                # A bullet of a roles list: "research engineers with experience in NLP, ...".
                _read_phrases(reader, masked, nouns, lo, lo + len(raw))
        if "|" in body and len(body) <= 200 and i <= first + 2:
            # A second header line: "Sr. Product Manager | Engineering - Web, iOS, Data Science".
            _read_fields(reader, body.split("|")[1:], "line")
        if in_duties:
            duty_lines.append(body)
        cue_line = line.endswith(":") or len(line) <= 60
        if cue_line and _SECTION_CUE.search(line):
            in_section, section_bullets = True, False
        elif not bullet and len(line) > 80:
            in_section = False
        if cue_line and _DUTY_HEADING.search(line):
            in_duties = True
    # 3. Sentences that hire: role phrases, and the areas a post hires in or across.
    done: set[tuple[int, int]] = set()
    for cue_start, _ in words.get("hiring", ()):
        span = _sentence_of(masked, cue_start)
        if span in done:
            continue
        done.add(span)
        lo, hi = span
        k = bisect_left(nouns, (lo, -1))
        if k < len(nouns) and nouns[k][0] < hi:
            _read_phrases(reader, masked, nouns, lo, hi)
        for m in _AREA_LIST.finditer(masked, lo, hi):
            areas = _PARENS.sub(" ", m.group("areas") or m.group("listed"))
            for piece in _AREA_LIST_SPLIT.split(areas):
                reader.area(_PARENS.sub(" ", piece).strip(" .!*'\""), "area")
        for m in _AREAS_BEFORE.finditer(masked, lo, hi):
            for piece in _AREA_LIST_SPLIT.split(m.group("areas")):
                reader.area(piece.strip(), "area")
    # 4. Links to job pages: "/careers/software-engineer-ml-infra".
    if "/" in text:
        for m in _SLUG.finditer(text):
            slug = re.sub(r"[-_]+", " ", m.group(1))
            if _NOUN.search(slug):
                reader.add(_classify_phrase(slug), slug, "link")
    families = {m.family for m in reader.mentions}
    # 5. Duties: a generalist role on offer whose stated work is building ML.
    # A research or data science role's ML work is theirs (TAXONOMY: the title decides).
    generalist = "software_engineer" in families and not families & _ML_OWNERS
    if (generalist or families == {"software_engineer"} or not families) and "ml" in words:
        spans = _sentences(masked)
        framed = [masked[lo:hi] for lo, hi in spans]
        framed = [t for t in framed if _DUTY_FRAME.search(t)] + duty_lines
        # A data scientist's ML work is a data scientist's (TAXONOMY: the title decides).
        framed = [t for t in framed if not _DATA_ROLE.search(t)]
        for sentence in framed:
            work = _ML_DUTY.search(sentence) or (
                _ML_WORK.search(sentence) if sentence in duty_lines else None
            )
            if work and not _NOT_DUTY.search(sentence):
                reader.add("ml_engineer", sentence[work.start() : work.start() + 80], "duties")
                break
        else:
            _read_ml_area(reader, masked, spans, len(head))
    # 6. Engineers, or a stack, in general (ML work read from an area or duties alone is such
    # a generalist's: TAXONOMY gives them both families).
    families = {m.family for m in reader.mentions if m.kind not in ("area of work", "duties")}
    if not families - {"other"}:
        if "generic" in words:
            a, b = words["generic"][0]
            reader.add("software_engineer", masked[a:b], "generic")
        elif stack := _STACK_CUE.search(masked):
            reader.add("software_engineer", stack.group(0), "generic")
    return reader.mentions


def _read_fields(reader: _Reader, fields: list[str], kind: str) -> None:
    """Read the fields of a header line that are fields (not sentences) as titles or areas."""
    for field in fields:
        if _is_field(field):
            _read_pieces(reader, field, kind)


_DASH = re.compile(r"\s+[-–—]{1,2}\s+")
_ML_OWNERS = frozenset({"ml_engineer", "research", "data_scientist"})
_DATA_ROLE = re.compile(r"\bdata[- ](?:scien\w+|analysts?|engineers?)\b|\bscientists?\b", re.I)


def _read_ml_area(
    reader: _Reader, masked: str, spans: list[tuple[int, int]], head_end: int
) -> None:
    """Add ``ml_engineer`` where a sentence about the role on offer names ML as its area.

    The sentence must hire or describe the work (``_DUTY_FRAME``, ``_HIRE_FRAME``) or be the
    header; a "plus", a colleague team or AI-assisted coding (``_NOT_DUTY``) does not count.
    """
    # The header's first field is the company's name ("Ploid AI | Barcelona | ..."), no area.
    company_end = masked.find("|", 0, head_end) + 1
    for lo, hi in spans:
        sentence = masked[lo:hi]
        area = _ML_AREA.search(sentence, max(0, company_end - lo))
        if not area or _NOT_DUTY.search(sentence) or _ML_LANGUAGE.search(sentence):
            continue
        if _DATA_ROLE.search(sentence):
            continue
        if lo < head_end or _DUTY_FRAME.search(sentence) or _HIRE_FRAME.search(sentence):
            start = max(0, area.start() - 40)
            reader.add("ml_engineer", sentence[start : area.end() + 40].strip(), "area of work")
            return


def classify_roles(text: str) -> set[str]:
    """Return every role family a title or free-text post advertises.

    A single short line is read as a job title and gets its one family; a post that offers no
    role gets none.
    """
    text = text.strip()
    if not text:
        return set()
    if "\n" not in text and len(text) <= 120 and "|" not in text:
        return {classify_title(text)}
    return {m.family for m in role_mentions(text)}
