"""Role nouns and the phrases around them: which clauses hire, which words make a role
somebody else's, and how header fields, list lines and sentences are read into mentions."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from pipeline.domain.role_titles import match_title
from pipeline.domain.roles.areas import _FILLER, area_families


@dataclass(frozen=True, slots=True)
class RoleMention:
    """One role a post offers: its family, the phrase that names it and where it was read."""

    family: str
    phrase: str
    kind: str  # header | line | phrase | area | link | duties | generic


# --- role nouns and the phrases around them --------------------------------------------------

_ROLE_NOUN = (
    r"engineers?|engineering\s+(?:managers?|leads?|directors?)|developers?|devs|programmers?|"
    r"scientists?|researchers?|analysts?|designers?|architects?|hackers?|sres?|"
    r"recruiters?|marketers?|managers?|evangelists?|writers?|testers?|technicians?|"
    r"representatives?|executives?|specialists?|consultants?|administrators?|"
    r"directors?|interns?|internships?|postdocs?|fellows?|professors?|salespeople|"
    r"salesperson|pms?|"
    r"lecturers?|instructors?|generalists?|experts?|ninjas?|wizards?|gurus?|linguists?|"
    r"statisticians?|mathematicians?|quants?|coders?|swes?|mles?|leads?|heads? of \w+|talent|"
    r"members? of (?:the )?technical staff|mts|cto|vp of \w+|co-?founders?"
)
_NOUN = re.compile(r"\b(?:" + _ROLE_NOUN + r")\b", re.I)
_SHARED_AREA = re.compile(
    r"(?:^|[\s,:*-])((?:[A-Za-z][\w/+#.-]*\s+){0,1}[A-Za-z][\w/+#.-]*)\s+(?:engineers?|developers?|"
    r"analysts?|scientists?)\s*(?:&|and|/)\s*$",
    re.I,
)
# A list of items right before a role noun's qualifiers: "Ops, SW, and ".
_LISTED_BEFORE = re.compile(r"((?:[\w/+#.&-]+(?:\s+[\w/+#.&-]+){0,2}\s*,\s*)+(?:and|or|&)?\s*)$")
_ENGINEER_NOUN = re.compile(
    r"engineers?|developers?|devs|programmers?|hackers?|coders?|swes?|architects?", re.I
)
# Nouns of people that say nothing of the role: the area before them does ("Machine Learning
# Experts", "computer vision talent").
_AREA_NOUN = re.compile(
    r"\b(?:experts?|specialists?|talent|people|folks|ninjas?|wizards?|gurus?|hires?|"
    r"enthusiasts?|professionals?|candidates?)\b",
    re.I,
)
# Nouns that qualify another noun rather than name a role: "developer tools", "data engineers'
# productivity".
_NOT_A_ROLE_AFTER = re.compile(
    r"\s*(?:community|communities|evangelism|relations|tools?|tooling|experience|platforms?|"
    r"productivity|advocacy|portal|docs|documentation|conferences?|events?|meetups?|blog|"
    r"culture|velocity|workflows?|friendly|first|focused|centric|day|days|time|teams? (?:is|are)"
    r"|api|apis|sdk|program)\b",
    re.I,
)
# Where the words that qualify a role noun start: after a clause boundary or a stop word.
_QUALIFIER_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "for",
        "to",
        "of",
        "in",
        "on",
        "at",
        "as",
        "is",
        "are",
        "be",
        "we",
        "we're",
        "were",
        "our",
        "you",
        "your",
        "i",
        "i'm",
        "with",
        "who",
        "that",
        "this",
        "these",
        "those",
        "hiring",
        "hire",
        "hires",
        "looking",
        "seeking",
        "need",
        "needs",
        "opening",
        "openings",
        "join",
        "will",
        "can",
        "from",
        "by",
        "also",
        "currently",
        "now",
        "more",
        "several",
        "some",
        "many",
        "all",
        "any",
        "few",
        "two",
        "three",
        "four",
        "both",
        "multiple",
        "new",
        "great",
        "talented",
        "experienced",
        "strong",
        "skilled",
        "awesome",
        "amazing",
        "passionate",
        "smart",
        "top-notch",
        "world-class",
        "help",
        "us",
        "want",
        "wants",
        "talented",
        "exceptional",
        "brilliant",
        "motivated",
        "driven",
        "curious",
        "excellent",
        "good",
        "best",
        "like",
        "include",
        "including",
        "such",
        "especially",
        "particularly",
        "following",
    ]
)
# Words just before a role phrase that make it somebody already there, not a role on offer.
_NOT_OFFERED = re.compile(
    r"(?:\b(?:our|with|by|from|alongside|other|fellow|ex|former|existing|your|their|his|"
    r"her|no|between|among|like|to|help|team of|made up of|group of|founded by|led by|"
    r"(?:customers|clients|users)\s+(?:include|includes|including|such as|like))\b[\s-]*"
    r"(?:[\w/+&.-]+\s+){0,3})$",
    re.I,
)
_HIRING = re.compile(
    r"\b(?:hiring|hire|hires|looking for|look for|seeking|seek|searching for|search of|"
    r"recruiting|positions?|roles?|openings?|opportunit\w*|vacanc\w*|wanted|want(?:ed)? to meet|"
    r"need(?:s|ed)?|join|apply|expand\w*|grow(?:ing)?|add(?:ing)?|interns?(?:hips?)?|"
    r"interested in|full[- ]time|part[- ]time|contract|we want|bring on|build out|"
    r"building out|staffing up)\b",
    re.I,
)
# A list cue that introduces areas or roles: "hiring for X, Y and Z", "openings in X",
# "roles:", "especially the following roles:".
_AREA_LIST = re.compile(
    r"\b(?:hiring|recruiting|openings?|positions?|roles?|opportunities|jobs|engineers?|"
    r"developers?|experts?|specialists?|people|talent|folks|team members)\s+"
    r"(?:(?:for|in|across|on|within|around)\s+)(?:(?:all|the|these|following|various|many|"
    r"lots of|several|multiple|key|open)\s+)*(?:(?:areas?|fields?|teams?|disciplines?|roles|"
    r"positions|functions|board)\s*)?(?:of\s+)?[:,-]?\s*(?P<areas>(?:[^.;:!?\n()]|\([^()\n]{0,60}\)"
    r"|;(?=\s*(?:in particular|especially|particularly|including)\b)){2,220})"
    r"|\b(?:disciplines|areas|roles|positions|openings|functions|teams|the board)\s*:\s*"
    r"(?P<listed>[^.;:!?\n]{2,200})",
    re.I,
)
# Areas named before the word for the jobs, in a sentence that hires: "particularly for our
# Full Stack, Machine Learning and DevOps openings", "Computer Vision positions are in Lausanne".
_AREAS_BEFORE = re.compile(
    r"(?P<areas>(?:[A-Z][\w/+#.-]*(?: [A-Z][\w/+#.-]*){0,2}(?:,\s*|\s+(?:and|&|or)\s+))*"
    r"[A-Z][\w/+#.-]*(?: [A-Z][\w/+#.-]*){0,2})\s+(?:openings|positions|roles|jobs)\b"
)
_SECTION_CUE = re.compile(
    r"(?:\b(?:roles?|positions?|openings?|jobs|hiring|looking for|seeking|opportunities|"
    r"vacancies|we need|needs|open reqs?|disciplines|areas)\b[^:\n]{0,40}:\s*$)|(?:\b(?:hiring|"
    r"looking for|seeking|positions|roles|openings)\b.{0,40}(?:following|these)\b(?:.{0,20}|"
    r"[^.!?\n]{0,100}:\s*)$)",
    re.I,
)
_BULLET = re.compile(r"^\s*(?:[-*•+>=#~·–—]+|\d{1,2}[.)]|\[\d+\]|\([a-z0-9]\))\s*")
# Links and addresses, masked before reading (their words are no roles); the costlier
# patterns run only on texts that can hold them.
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]{}\"']+(?<![.,:;!?])")
# An address starts only where a word does (else every letter of a long word tries it again).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SPELLED_EMAIL = re.compile(r"(?<!\S)\S+\s+(?:at|\[at\]|\(at\))\s+\S+\s+dot\s+\S+")
_SLUG = re.compile(
    r"/(?:jobs?|careers?|positions?|openings?|roles?|apply|o|p|posting|postings|l)/"
    r"(?:[\w.-]*/)*([a-z][a-z0-9]*(?:[-_][a-z0-9]+){1,9})",
    re.I,
)
_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-Z(\"'*-])")
_BULLET_FIRST = frozenset("-*•+>=#~·–—0123456789[(")
# A line that goes on in lower case continues its sentence (a wrapped line of a bullet).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'*-])|\n(?![ \t]*[a-z])")
_PIECE_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bor\b|\s[-–—]\s)\s*")
# Items of a list of titles ("A, B and C"); areas of a list of areas ("ML / AI, Data").
_LIST_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bor\b)\s*")
_AREA_SPLIT = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bor\b|\s[-–—]+\s)\s*")
_PARENS = re.compile(r"\(([^()]{1,80})\)")
_AREA_LIST_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\bor\b|\bas well as\b)\s*")
_BRACKETS = re.compile(r"\[[^\]]*\]?")
_HEADER_SPLIT = re.compile(r"\s*\|\s*|\s+[-–—]{1,2}\s+|\s+::\s+")
_TITLE_END = re.compile(
    r"\s+--\s+|\s+—\s+|:\s|\s*\|\s*|\s+@\s+|\s+at\s+https?:|\s*https?://|(?<=[a-z)])\.\s|\s+[-–—]{1,2}\s+(?=[A-Z]?[a-z]+\s+[a-z]+\s+[a-z]+\s+[a-z])"
    # a title ends before its purpose: "Rails Engineers to take ownership of ..."
    r"|\s+to\s+(?=(?:help|work|build|join|lead|take|design|develop|create|own|make|drive|scale|"
    r"embark|solve|improve|ship|run|grow)\b)"
)
# "Positions: Front End, Data Science / ML, ...": an inline list after a roles cue.
_INLINE_LIST = re.compile(
    r"^(?:(?:current(?:ly)?|open|now|we(?:'re| are))\s+)?(?:hiring(?: for)?|positions?|roles?|"
    r"openings?|jobs|looking for|seeking|internships?|opportunities|open reqs?|"
    r"(?:job |position )?title)\s*"
    r"(?:\([^)]*\))?\s*[:=-]+\s*"
    r"(?P<list>.{3,200})$",
    re.I,
)
# A heading above the duties of a role: "What you'll do:", "Responsibilities", "You will:".
_DUTY_HEADING = re.compile(
    r"\b(?:what you(?:'ll|’ll| will) (?:do|work on|build)|responsibilit\w*|duties|you will|"
    r"you'll|the role|in this role|projects? you(?:'ll|’ll| will)|(?:things|projects) "
    r"we(?:'ll|’ll| will)? (?:be )?work(?:ing)? on|day to day|your (?:work|mission)|"
    r"(?:recent|some|our) projects|projects include|projects (?:that )?we (?:see|have|plan)|"
    r"(?:i|you|we) (?:might|may|could|would|get to) work on|any given day|"
    r"(?:r&d|research and development) (?:of|in|on)|areas including)\b",
    re.I,
)
# "engineers in machine learning", "Software Engineer in Machine Learning", "Engineer (NLP)".
_NOUN_TAIL = re.compile(
    r"\s*(?:\((?P<paren>[^()\n]{1,60})\)|,\s*(?P<comma>[A-Z][^,.;\n(]{0,40})|"
    r"\s+(?:in|for|on|with)\s+(?:a\s+|an\s+|the\s+)?(?P<area>[\w/ &+-]{2,50}?)"
    r"(?=\s*(?:[.,;:!?()\n]|$|\s+(?:and|to|who|that|at|with|team|background|experience|"
    r"focus|space|roles?|positions?)\b)))",
)
# A post that hires in general: "engineers", "developers", a stack.
_GENERIC_ENGINEERS = re.compile(
    r"\b(?:engineers?|developers?|devs|programmers?|hackers?|coders?|engineering team|"
    r"technologists?|swes?)\b",
    re.I,
)
_STACK_CUE = re.compile(
    r"\b(?:python|java|javascript|typescript|ruby|rails|django|node(?:\.?js)?|react|golang|"
    r"scala|c\+\+|php|ios|android|erlang|clojure|haskell|rust|elixir|swift|kotlin|\.net|c#|"
    r"postgres|mysql|aws|kubernetes|full[- ]?stack|front[- ]?end|back[- ]?end|devops)\b",
    re.I,
)
# ML work in the duties of a role on offer: what a role's text says it will build or do.
_ML_WORK = re.compile(
    r"\b(?:machine[- ]learning|deep[- ]learning|\bml\b|computer vision|\bnlp\b|\bnlu\b|"
    r"machine vision|natural language"
    r"(?: processing)?|neural (?:net\w*|models?)|llms?|language models?|(?:train|fine[- ]tun)"
    r"\w*\s+(?:\w+\s+){0,2}models?|models? training|recommend\w* (?:engines?|systems?|"
    r"algorithms?)|classifiers?|text classification|image recognition|speech recognition|"
    r"predictive models?|(?:ml|ai) (?:models?|systems?|pipelines?|infra\w*|inference)|"
    r"ml inference|inference (?:engines?|systems?|efficiency|optimization)|"
    r"reinforcement learning|ai agents?|agentic (?:systems?|workflows?|ai)|rag\b|"
    r"retrieval[- ]augmented|embeddings?|transformer\w*|gpu (?:kernels?|clusters?)|"
    r"(?:ai|ml)[/-](?:ml|ai))",
    re.I,
)
# Work on ML that a role does: a verb of building right before an ML object, or experience
# in one ("prototype computer vision algorithms", "train models", "experience in NLP").
_ML_DUTY = re.compile(
    r"\b(?:build\w*|develop\w*|design\w*|implement\w*|train\w*|prototyp\w*|research\w*|"
    r"improv\w*|deploy\w*|ship\w*|scal\w*|optimiz\w*|apply\w*|creat\w*|architect\w*|"
    r"fine[- ]tun\w*|evaluat\w*|comfortable with|(?:experience|background|expertise|"
    r"skills|knowledge) (?:with|in|of|building))\s+(?:[\w'’/-]+\s+){0,4}?"
    r"(?:" + _ML_WORK.pattern.removeprefix(r"\b") + r")",
    re.I,
)
# The sentence describes the role on offer (not the company): who the hire is, what they do.
_DUTY_FRAME = re.compile(
    r"\b(?:you(?:'ll|’ll| will| would| should| are| can| have|'d|’d)?|your|you're|you’re|"
    r"the role|this role|the position|responsibilit\w*|duties|the ideal candidate|"
    r"candidates?|someone (?:who|to|with)|a person (?:who|to)|who (?:can|will|wants|loves)|"
    r"experience (?:with|in|building)|background in|work(?:ing)? on|help (?:us )?build|"
    r"(?:interesting|exciting|challenging|many|several) projects|"
    r"will (?:build|design|develop|own|work)|looking for (?:an? )?\w+ (?:who|to|with))\b",
    re.I,
)
_NOT_DUTY = re.compile(
    r"\b(?:a plus|plus\b|bonus|gold stars?|nice[- ]to[- ]haves?|preferred|ideally|"
    r"ideal candidate|familiarity|exposure|not required|no .{0,20}required|interest in|"
    r"curious about|don't need|do not need|"
    r"(?:don't|do not) have to be|"
    r"our (?:ml|machine learning|ai|data science) team|with (?:our|the) (?:ml|data science|ai)"
    r"|alongside|used by|feeds? (?:our|the)"
    r"|using (?:ai|llms?|claude|cursor|copilot)|ai[- ](?:assisted|augmented|native|first|"
    r"powered|driven) (?:development|coding|tools?)|coding (?:agents?|assistants?|tools?))\b",
    re.I,
)


# ML or AI named as an area of the work (not a company's domain name such as "polly.ai", nor
# the ML language of "Haskell/ML"): with a hiring or duties frame, or in the header, the role on
# offer works in it ("Challenges include smart data extraction, machine learning";
# "Software Engineer | TypeScript / React / AI").
_ML_AREA = re.compile(
    r"(?<![\w.])(?:machine[- ]learning|deep[- ]learning|ml|ai|artificial intelligence|"
    r"computer vision|machine vision|nlp|nlu|natural language (?:processing|understanding)|"
    r"llms?|neural net\w*|data[- ]mining|"
    r"reinforcement learning|ai/ml|ml/ai|generative ai|genai|machine intelligence|"
    r"speech recognition|image recognition|text classification|"
    r"recommend(?:ation|er) (?:engines?|systems?)|ai agents?|ai features?|ai tooling)(?![\w.])",
    re.I,
)
_ML_LANGUAGE = re.compile(
    r"\b(?:haskell|ocaml|sml|f#)\s*/\s*ml\b|\bml\s*/\s*(?:haskell|ocaml)", re.I
)
# Words of a sentence about the hire or the work on offer (beside ``_DUTY_FRAME``).
_HIRE_FRAME = re.compile(
    r"\b(?:hiring|looking for|seeking|challenges|problems|requires?|requirements|"
    r"work(?:ing)? on|we need|join us|you)\b",
    re.I,
)


def _clause_start(text: str, end: int, lo: int) -> int:
    """Return where the clause holding ``end`` starts (after . ; : ( | or a line break)."""
    cut = lo
    for ch in ".;:!?|(\n":
        at = text.rfind(ch, lo, end)
        if at >= 0 and at + 1 > cut and not (ch == "." and _is_abbreviation(text, at)):
            cut = at + 1
    return cut


def _is_abbreviation(text: str, at: int) -> bool:
    """Whether the dot at ``at`` sits inside a token ("Sr.", "node.js", "A.I.")."""
    return at + 1 < len(text) and not text[at + 1].isspace()


def _qualifiers(clause: str) -> list[str]:
    """Return the words of ``clause`` (text before a role noun) that qualify the noun."""
    words = clause.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower().strip(",'’\"") in _QUALIFIER_STOP or words[i].endswith(","):
            return words[i + 1 :]
    return words[-5:]


_PLUS = re.compile(r"\b(?:a plus|bonus|preferred|nice[- ]to[- ]haves?)\b", re.I)


def _classify_phrase(phrase: str) -> str | None:
    """Return the family of a role phrase by the title rules; the catch-all ("any other named
    function is a non-engineering role") only when the phrase has a role noun."""
    phrase = phrase.strip(" ,.;:-–—*'\"")
    if not phrase:
        return None
    if plus := _PLUS.search(phrase):
        # "Software Engineer (Machine Learning, MySQL experience a plus)": skills, not the role.
        nouns = list(_NOUN.finditer(phrase, 0, plus.start()))
        if nouns:
            phrase = phrase[: nouns[-1].end()]
    return match_title(phrase, catch_all=bool(_NOUN.search(phrase)))


@dataclass(slots=True)
class _Reader:
    """The mentions of one post, collected once each."""

    mentions: list[RoleMention]
    seen: set[tuple[str, str]]

    def add(self, family: str | None, phrase: str, kind: str) -> None:
        if family and (family, kind) not in self.seen:
            self.seen.add((family, kind))
            self.mentions.append(RoleMention(family, phrase.strip()[:120], kind))

    def area(self, piece: str, kind: str) -> bool:
        families = area_families(piece)
        for family in families:
            self.add(family, piece, kind)
        return bool(families)


def _split_outside_parens(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split ``text`` by ``pattern``, but not inside parentheses ("Eng (iOS, Android)")."""
    hidden = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00"), text)
    return [p.replace("\x00", ",") for p in pattern.split(hidden)]


def _read_pieces(reader: _Reader, field: str, kind: str, strict: bool = True) -> None:
    """Read a header field or a list line: titles, or (when it names no role) areas.

    A field that names roles is split into list items ("Principal Data Scientist, Senior
    Software Engineer"); an item without a role noun shares the next item's noun ("Data and
    Machine Intelligence Engineers"), or else qualifies the item before it ("Staff SWE, AI",
    "Member of Technical Staff, ML & Optimization"); a dash or parentheses qualify the item they
    follow ("Senior Researcher - Machine Learning", "Engineer (NLP)"). A field that names no
    role is a list of areas; with ``strict`` (a header) only when every piece of it is an area
    ("Machine Learning / Applied AI"), so that a tagline or a place is none.
    """
    field = field.strip(" {}[]*'\"")
    if not field:
        return
    if not _NOUN.search(field):
        field = _BRACKETS.sub(" ", field)
        pieces = [p.strip(" .!*{}[]'\"") for p in _AREA_SPLIT.split(_PARENS.sub(r", \1", field))]
        pieces = [p for p in pieces if p and p.lower() not in _FILLER]
        families = [area_families(p) for p in pieces]
        if pieces and (all(families) or not strict):
            for piece, found in zip(pieces, families, strict=True):
                for family in found:
                    reader.add(family, piece, kind)
        return
    items = [i.strip(" .!*{}[]'\"") for i in _split_outside_parens(field, _LIST_SPLIT)]
    items = [i for i in items if i]
    # "Lead Data Engineer/Scientist": each noun takes the words before the first.
    items = [alt for i in items for alt in _shared_head(i)]
    previous: str | None = None
    for n, item in enumerate(items):
        noun = _NOUN.search(item)
        if noun is None:
            later = next((_NOUN.search(i) for i in items[n + 1 :] if _NOUN.search(i)), None)
            if later is not None and area_families(item):
                reader.add(_classify_phrase(f"{item} {later.group(0)}"), item, kind)
            elif previous is not None and later is None:
                family = _classify_phrase(f"{previous} {item}")
                if family not in (None, "software_engineer", "other"):
                    reader.add(family, f"{previous}, {item}", kind)
            continue
        previous = _PARENS.sub(r" \1", item)
        family = None if _AREA_NOUN.search(item) else _classify_phrase(previous)
        if family is None:
            reader.area(_AREA_NOUN.sub(" ", _PARENS.sub(" ", item)), kind)
        else:
            reader.add(family, item, kind)
        # "ML/Data Engineer": each area before the noun takes it.
        head = item[: noun.start()]
        if "/" in head:
            for sub in head.split("/"):
                if area_families(sub):
                    reader.add(_classify_phrase(f"{sub} {noun.group(0)}"), sub, kind)


_TWO_NOUNS = re.compile(
    r"^(?P<head>.*?\b)(?P<first>engineers?|developers?|scientists?|analysts?|researchers?|"
    r"architects?)\s*/\s*(?P<second>engineers?|developers?|scientists?|analysts?|researchers?|"
    r"architects?)\b(?P<tail>.*)$",
    re.I,
)


def _shared_head(item: str) -> list[str]:
    """Return an item naming two roles with one head ("Data Engineer/Scientist") as both."""
    m = _TWO_NOUNS.match(item) if "/" in item else None
    if m is None or not m["head"].strip():
        return [item]
    return [f"{m['head']}{m['first']}{m['tail']}", f"{m['head']}{m['second']}{m['tail']}"]


def _is_field(field: str) -> bool:
    """Whether a piece of a header is a field (a place, a title, a list), not a sentence."""
    items = _LIST_SPLIT.split(field)
    return len(field) <= 60 or all(len(i) <= 45 for i in items)


def _title_lead(body: str) -> str:
    """Return the title a line opens with: up to a colon, a bar, a link or a sentence's end,
    and, when that is long, up to the dash after its role noun."""
    lead = _TITLE_END.split(body, maxsplit=1)[0]
    if len(lead) > 70:
        noun = _NOUN.search(lead)
        if noun:
            dash = re.search(r"\s[-–—]{1,2}\s|\s\(", lead[noun.end() :])
            if dash:
                lead = lead[: noun.end() + dash.start()]
    return lead


_TITLE_CASE = re.compile(r"\b[A-Z][\w/+#.&-]*")


def _is_title_list(lead: str) -> bool:
    """Whether a line is a list of titles, however long: "Backend Engineer, iOS Engineer, Web
    Engineer, Android Engineer, Data Scientist, Product Designer"."""
    items = [i for i in _LIST_SPLIT.split(lead) if i.strip()]
    return len(items) >= 3 and all(len(i.split()) <= 6 and _NOUN.search(i) for i in items)


def _looks_like_title(lead: str) -> bool:
    """Whether a line's lead reads as a title: short, with a role noun, mostly capitalised."""
    words = lead.split()
    return (
        0 < len(words) <= 9
        and bool(_NOUN.search(lead))
        and len(_TITLE_CASE.findall(lead)) >= 0.6 * len(words)
    )


def _read_phrases(
    reader: _Reader, text: str, nouns: list[tuple[int, int]], lo: int, hi: int
) -> None:
    """Read the role noun phrases between ``lo`` and ``hi``: each with its qualifiers."""
    k = bisect_left(nouns, (lo, -1))
    while k < len(nouns) and nouns[k][0] < hi:
        n_start, n_end = nouns[k]
        k += 1
        if n_end > hi or _NOT_A_ROLE_AFTER.match(text, n_end):
            continue
        start = _clause_start(text, n_start, max(lo, n_start - 160))
        clause = text[start:n_start]
        # Both patterns are anchored at the clause's end: the last words are all they read.
        if _NOT_OFFERED.search(clause[-60:]):
            continue
        noun = text[n_start:n_end]
        qualifiers = _qualifiers(clause)
        # "Data Engineers & Scientists": a bare noun after another takes its area.
        shared_area = _SHARED_AREA.search(clause[-60:])
        if shared_area and area_families(shared_area.group(1)):
            qualifiers = [shared_area.group(1)]
        tail = _NOUN_TAIL.match(text, n_end, min(hi, n_end + 80))
        # "Ops, SW, and Machine Learning engineers": the items of a list before an
        # engineer noun share it; before another noun ("backend, devops and data scientists")
        # they are areas of their own.
        before = clause[: len(clause) - len(" ".join(qualifiers))] if qualifiers else clause
        listed = _LISTED_BEFORE.search(before[-80:])
        shared = bool(_ENGINEER_NOUN.fullmatch(noun))
        phrases = [" ".join(qualifiers)]
        # "ML/Data engineers": each area before the noun takes it.
        if "/" in phrases[0]:
            phrases += [p for p in phrases[0].split("/") if area_families(p)]
        for item in (i for i in _PIECE_SPLIT.split(listed.group(1)) if i.strip()) if listed else ():
            if shared:
                phrases.append(item)
            else:
                reader.area(item, "phrase")
        for sub in phrases:
            phrase = f"{sub} {noun}".strip()
            family = (
                next(iter(area_families(sub)), None)
                if _AREA_NOUN.fullmatch(noun)
                else _classify_phrase(phrase)
            )
            if tail is not None and family in (None, "software_engineer"):
                extra = tail.group("paren") or tail.group("comma") or tail.group("area") or ""
                if extra and not _NOUN.search(extra):
                    family = _classify_phrase(f"{phrase} {extra}") or (
                        next(iter(area_families(extra)), None)
                        if set(area_families(extra)) - {"software_engineer", "other"}
                        else family
                    )
                    if family and family != "software_engineer":
                        phrase = f"{phrase} {extra}"
            reader.add(family, phrase, "phrase")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return the spans of the sentences (and lines) of ``text``."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]
