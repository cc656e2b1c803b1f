"""Tell the country (ISO 3166-1 alpha-2) of a posting from its location text.

Postings say where they are in many ways: a job board's location field ('Seoul, South Korea',
'Remote - US', 'UK - London', 'Toronto, ON, CA'), a country field ('USA', 'Deutschland'), or
the header and first lines of a Hacker News post ('Acme | ML Engineer | Austin, TX | $150k',
"We're in Palo Alto..."). Pay claims are made per country, so every posting needs one.

The places and their aliases live in ``data/geo_places.csv``, one row a name:

- ``country``: the ISO code, or several separated by ``|`` in order of preference when a name
  is ambiguous ('CA' is California or Canada, 'Georgia' the US state or the country); the
  neighbours of the name choose among them ('Toronto, ON, CA' is Canada).
- ``kind``: ``country``, ``region`` (state, province) or ``city``. A region or country that
  follows a city qualifies it and wins over the city's own country ('London, ON' is Canada,
  'Paris, TX' the United States).
- ``rule``: where the name counts. ``any``: anywhere. ``segment``: a code safe as a whole
  field ('| CA |', 'REMOTE/SF/DC') or after a place or a capitalised word ('Irving TX').
  ``comma``: a code that is also a word ('IN', 'OR', 'ME', 'DE'), taken only after a place and
  a comma ('Portland, OR'), or as a whole segment of a board's location field. ``qualified``:
  a city whose name is a common word ('Reading', 'Nice', 'Mobile', 'Bath'), taken only when a
  region or country follows it (or as a whole location field). ``field``: abbreviations taken
  only as a whole segment of a location field ('SEA', 'CHI', 'IND').
- ``case``: ``i`` any case; ``s`` exactly as written (codes: 'US' but not 'us');
  ``t`` as written or in capitals ('Turkey', 'TURKEY', not 'turkey').

Names are found in one pass of an Aho-Corasick automaton over the accent-folded, lower-cased
text (about 1,400 names; a regex alternation that long is slow), then filtered by word
boundaries, case and rule.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from pipeline.paths import DOMAIN_DATA

PLACES_CSV = DOMAIN_DATA / "geo_places.csv"

# How much of a free-text post to read after its header, in characters.
POST_WINDOW = 400

_KINDS = {"country", "region", "city"}
_RULES = {"any", "segment", "comma", "qualified", "field"}
# A territory named next to its parent country keeps its own code ('China - Hong Kong': HK).
_PARENT = {"HK": "CN", "MO": "CN", "PR": "US"}
# Codes that are also English words: never read as a place right before another place
# ('Dublin OR London', 'WORK IN LONDON').
_WORD_CODES = {"OR", "IN", "ME", "HI", "OK", "ON", "ID", "DE", "NO", "AT", "BE", "IT", "CO"}

_COMBINING = re.compile(r"[\u0300-\u036f]")
_MASK = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|co|org|net"
    r"|ai|de|uk|ly|me|us|ca|fr|nl|in|so|dev|app|tech|jobs)\b(?:/\S*)?",
    re.I,
)
# Words that may stand between a delimiter and a code without making it prose ('Remote - US').
_TRANSPARENT = r"(?:remote|hybrid|onsite|on-site|in-office|office|hq|headquarters|only|based)"
_LEFT_SEGMENT = re.compile(
    r"(?:^|[|;,/(\[:&+]|[-–—]|\s(?:and|or))\s*(?:" + _TRANSPARENT + r"\b[\s:\-–—]*)*$", re.I
)
_RIGHT_SEGMENT = re.compile(
    r"\s*(?:$|[|;,/)\]:&+.!?\n]|[-–—]\s|(?:and|or)\s|(?:[-–—:]\s*)?(?:"
    + _TRANSPARENT
    + r"|national|"
    r"nationwide|wide|preferred|friendly|headquartered)\b)",
    re.I,
)
# A capitalised place-like name before a code: 'Irving TX', 'Lehi, UT', 'AUSTIN, TX'; not an
# abbreviation ('BS, MS', 'FE, BE').
_CAPWORD = r"(?:^|[^\w'])(?:[A-Z][a-z][\w'.-]*|[A-Z]{4,})(?: [A-Z][\w'.-]*){0,3}"
_CAPWORD_COMMA = re.compile(_CAPWORD + r"\s*,\s*$")
_CAPWORD_SPACE = re.compile(_CAPWORD + r"(?:\s*,\s*|\s+)$")
# What may follow such a code: the end of the location, not the next item of a list.
_RIGHT_CAPWORD = re.compile(
    r"\s*(?:$|[|;)\]/\n!?]|[-–—]\s|\(|\.(?:\s|$)|\d{5}\b|(?:or|and|&)\s|(?:USA?|U\.S\.)(?!\w)"
    r"|(?:" + _TRANSPARENT + r")\b)",
    re.I,
)
_GROUP_GAP = re.compile(r"[ \t,.:()\-–—]*")
# A preposition before a safe code reads as a place in prose ('a startup in DC').
_PREPOSITION = re.compile(r"\b(?:in|near|based in|located in|from|to)\s+$", re.I)
_COMMA_GAP = re.compile(r"\s*,\s*|\s*\(\s*")
_SPACE_GAP = re.compile(r"[ \t]+")
_HYPHEN_GAP = re.compile(r"\s*[-–—]\s*")
_QUALIFIED_GAP = re.compile(r"[ \t]*[,(]?[ \t]*|[ \t]+[-–—][ \t]+")
# All-capital words after which 'US' is the pronoun ('JOIN US', 'EMAIL US').
_US_PRONOUN = re.compile(
    r"\b(?:JOIN|CONTACT|EMAIL|E-MAIL|MAIL|ABOUT|WITH|FOR|TO|OF|HELP|CALL|MESSAGE|PING|TELL|SHOW|"
    r"LET|GIVE|SEND|HIT|WRITE|REACH|BY|FROM|LIKE|VISIT|FIND|FOLLOW|HEAR|ASK|TEXT|DM|PM|WHY|LOVE|MEET|"
    r"SEE|TRUST|BEAT|CHOOSE|IMPRESS|SURPRISE|AMONG|BEFORE|AFTER)\s+$"
)


@dataclass(frozen=True, slots=True)
class Place:
    """One name of the gazetteer, as a row of ``geo_places.csv``."""

    name: str
    countries: tuple[str, ...]
    kind: str
    rule: str
    case: str

    def case_ok(self, surface: str) -> bool:
        """Return whether ``surface`` is written in a case this name accepts."""
        if self.case == "i":
            return True
        if self.case == "s":
            return surface == self.name
        return surface == self.name or surface == self.name.upper()


@dataclass(slots=True)
class _Hit:
    """A name found in a text, and the country it ends up with."""

    start: int
    end: int
    place: Place
    country: str = ""


def _fold(text: str) -> str:
    """Return ``text`` without accents and with plain spaces, for matching.

    Folding keeps 'Sao Paulo' and 'São Paulo', 'Zurich' and 'Zürich' one name each.
    """
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", _COMBINING.sub("", text))


def _lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Gazetteer:
    """The places of a CSV file and the automaton that finds them in a text."""

    def __init__(self, path: Path = PLACES_CSV) -> None:
        self.path = path
        names: dict[str, list[Place]] = {}
        with path.open(encoding="utf-8", newline="") as fh:
            for lineno, row in enumerate(csv.DictReader(fh), 2):
                place = Place(
                    name=_fold(row["name"].strip()),
                    countries=tuple(row["country"].split("|")),
                    kind=row["kind"],
                    rule=row["rule"],
                    case=row["case"],
                )
                if place.kind not in _KINDS or place.rule not in _RULES or place.case not in "ist":
                    raise ValueError(f"{path}:{lineno}: bad row {row}")
                key = _lower_same_length(place.name)
                names.setdefault(key, []).append(place)
        self.size = sum(len(v) for v in names.values())
        # The codes of the countries listed, for fields that give a bare ISO code.
        self.country_codes = frozenset(
            p.countries[0] for ps in names.values() for p in ps if p.kind == "country"
        )
        self._automaton = ahocorasick.Automaton()
        for key, places in names.items():
            self._automaton.add_word(key, (len(key), tuple(places)))
        self._automaton.make_automaton()

    def _hits(self, text: str) -> list[_Hit]:
        """Return the names found in ``text``: whole words, right case, leftmost-longest."""
        low = _lower_same_length(text)
        n = len(text)
        found: list[_Hit] = []
        for last, (length, places) in self._automaton.iter(low):
            start, end = last - length + 1, last + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < n and (text[end].isalnum() or text[end] == "_"):
                continue
            surface = text[start:end]
            for place in places:
                if place.case_ok(surface):
                    found.append(_Hit(start, end, place))
                    break
        found.sort(key=lambda h: (h.start, -h.end))
        out: list[_Hit] = []
        reach = -1
        for hit in found:
            if hit.start >= reach:
                out.append(hit)
                reach = hit.end
        return out

    def countries(self, text: str | None, *, field: bool) -> list[str]:
        """Return the countries named in ``text``, first named first, without repeats.

        ``field`` is True for a board's location field, where short codes and common-word
        city names may stand alone; False for free text, where they need a clear context.
        """
        if not text:
            return []
        text = _fold(text)
        text = _MASK.sub(lambda m: " " * len(m.group()), text)
        hits = self._hits(text)
        if not hits:
            return []
        accepted = _accept(text, hits, field=field)
        out: list[str] = []
        for group in _groups(text, accepted):
            for hit in _resolve(group):
                if hit.country not in out:
                    out.append(hit.country)
        return out


def _whole_segment(text: str, hits: list[_Hit], i: int) -> bool:
    """Return whether hit ``i`` fills a delimited segment ('| CA |', 'Remote - OR', 'IN-Pune')."""
    hit = hits[i]
    if not _LEFT_SEGMENT.search(text, max(0, hit.start - 40), hit.start):
        return False
    if _RIGHT_SEGMENT.match(text, hit.end):
        return True
    return i + 1 < len(hits) and bool(_HYPHEN_GAP.fullmatch(text, hit.end, hits[i + 1].start))


def _accept(text: str, hits: list[_Hit], *, field: bool) -> list[_Hit]:
    """Keep the hits whose rule allows them where they stand."""
    out: list[_Hit] = []
    for i, hit in enumerate(hits):
        rule = hit.place.rule
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if rule == "any":
            ok = True
            if hit.place.name == "US" and _US_PRONOUN.search(
                text, max(0, hit.start - 12), hit.start
            ):
                ok = False
        elif rule == "field":
            ok = field and _whole_segment(text, hits, i)
        elif rule == "qualified":
            ok = (
                nxt is not None
                and nxt.place.kind != "city"
                and bool(
                    (
                        _COMMA_GAP if nxt.place.rule in ("comma", "field") else _QUALIFIED_GAP
                    ).fullmatch(text, hit.end, nxt.start)
                )
            ) or (field and _whole_segment(text, hits, i))
        else:  # segment, comma
            ok = _qualifies(text, hit, out[-1] if out else None, nxt, rule)
            if not ok:
                ok = (field or rule == "segment") and _whole_segment(text, hits, i)
            if (
                ok
                and hit.place.name in _WORD_CODES
                and nxt is not None
                and _SPACE_GAP.fullmatch(text, hit.end, nxt.start)
            ):
                ok = False
        if ok:
            out.append(hit)
    return out


def _qualifies(text: str, hit: _Hit, prev: _Hit | None, nxt: _Hit | None, rule: str) -> bool:
    """Return whether a code or region name qualifies the place before it ('Austin, TX')."""
    if prev is not None and prev.end <= hit.start:
        if _COMMA_GAP.fullmatch(text, prev.end, hit.start):
            return True
        if rule == "segment" and _SPACE_GAP.fullmatch(text, prev.end, hit.start):
            return True
    if hit.place.case != "s":
        return False  # a name like 'Jordan' or 'Victoria' needs a known place before it
    if rule == "segment" and _PREPOSITION.search(text, max(0, hit.start - 16), hit.start):
        return True
    window = max(0, hit.start - 60)
    capword = _CAPWORD_COMMA if rule == "comma" else _CAPWORD_SPACE
    if not capword.search(text, window, hit.start):
        return False
    if _RIGHT_CAPWORD.match(text, hit.end):
        return True
    # 'Myrtle Beach, SC, USA': a country may follow; another code would make it a list.
    return (
        nxt is not None
        and nxt.place.kind == "country"
        and nxt.place.rule == "any"
        and bool(_COMMA_GAP.fullmatch(text, hit.end, nxt.start))
    )


def _groups(text: str, hits: list[_Hit]) -> list[list[_Hit]]:
    """Split hits into groups that name one location ('Toronto, ON, Canada')."""
    groups: list[list[_Hit]] = []
    for hit in hits:
        if groups and _GROUP_GAP.fullmatch(text, groups[-1][-1].end, hit.start):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups


def _resolve(group: list[_Hit]) -> list[_Hit]:
    """Give each hit of a group one country, using its neighbours to settle ambiguity."""
    for hit in group:
        hit.country = hit.place.countries[0]
    for i, hit in enumerate(group):
        cands = hit.place.countries
        if len(cands) == 1:
            continue
        order = [*group[i - 1 : i][::-1], *group[i + 1 : i + 2], *group]
        for other in order:
            if other is hit or len(other.place.countries) != 1:
                continue
            if other.country in cands:
                hit.country = other.country
                break
    # A region or country right after a city qualifies it: 'London, ON' is in Canada.
    for a, b in zip(group[::-1][1:], group[::-1], strict=False):
        if (
            a.place.kind == "city"
            and b.place.kind != "city"
            and a.country != b.country
            and _PARENT.get(a.country) != b.country
        ):
            a.country = b.country
    children = {h.country for h in group if h.country in _PARENT}
    for hit in group:
        for child in children:
            if _PARENT[child] == hit.country:
                hit.country = child
    return group


@cache
def gazetteer() -> Gazetteer:
    """Return the gazetteer of ``geo_places.csv``, loaded once per process."""
    return Gazetteer()


def countries_of(location: str | None) -> list[str]:
    """Return every country a location field names, in the order named.

    'San Francisco, CA | London, UK' gives ['US', 'GB']; 'Hybrid' gives [].
    """
    return gazetteer().countries(location, field=True)


def country_of(location: str | None) -> str | None:
    """Return the country of a board's location or country field, or None when unknown.

    When several countries are named, the first one wins ('Dublin, Ireland; London' is IE).
    """
    found = countries_of(location)
    return found[0] if found else None


def country_of_field(country: str | None) -> str | None:
    """Return the country of a board's country field, or None when unknown.

    Platforms that give an ISO 3166-1 alpha-2 code (Lever ``country``, SmartRecruiters
    ``location.country``) mean a country by it: 'IN' is India and 'CA' Canada there, never
    Indiana or California. Anything else is read like a location field.
    """
    code = (country or "").strip()
    if len(code) == 2 and code.isalpha() and code.upper() in gazetteer().country_codes:
        return code.upper()
    return country_of(country)


def country_of_post(text: str | None) -> str | None:
    """Return the country of a free-text post (Hacker News), or None when unknown.

    The header line comes first: its ``|``-separated fields after the company, then the
    company field (often 'Acme (Berlin)'); then the first few hundred characters of the post.
    Free text is read strictly: short codes count only in clear location patterns.
    """
    if not text:
        return None
    g = gazetteer()
    text = text.strip()
    head, _, rest = text.partition("\n")
    if "|" in head:
        fields = head.split("|")
        parts = [*fields[1:], fields[0], rest[:POST_WINDOW]]
    else:
        parts = [head[:POST_WINDOW], rest[:POST_WINDOW]]
    for part in parts:
        found = g.countries(part, field=False)
        if found:
            return found[0]
    return None
