"""Find the skills a posting names: one Aho-Corasick pass, then context rules for short words.

The taxonomy (``warehouse/seeds/skills.csv``) is the one source of truth that both this module
and dbt read; the ambiguity rules (``pipeline/domain/data/skill_rules.toml``) are data beside
it, each with the example sentences that its test runs. See docs/SKILLS.md.

How a text is read, and why:

- The text is encoded to UTF-8 and every byte is mapped through one 256-byte table: ASCII
  letters are lowercased; letters, digits, ``# &`` and a doubled ``++`` are kept; everything
  else (punctuation, a lone ``+``, every non-ASCII byte) becomes a space. The mapping is one
  byte to one byte, so an offset in the normalised text is an offset in the original bytes,
  and a rule can look at the original case and punctuation around a match. Keeping ``++ #``
  makes ``c++`` and ``c#`` tokens of their own; keeping ``&`` keeps ``R&D`` and ``W&B`` whole.
- Every alias is normalised the same way and stored padded with a space on each side, so the
  automaton only reports whole words (``.net`` becomes ``net`` after a dot, ``ci/cd`` becomes
  ``ci cd``, ``node.js`` becomes ``node js``) and a single pass finds every alias of every skill.
- A match that lies inside a longer alias of other skills (``c`` in ``objective c``, ``sql`` in
  ``no sql``, ``react`` in ``react native``) is dropped by comparing the text around it with
  that longer alias: no sorting of matches is needed.
- Only aliases that have rules pay for them; rules needing other skills of the same text
  (``pig`` only beside Hadoop-family tools) are settled after the pass.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from pipeline.paths import DOMAIN_DATA, SEEDS_DIR

TAXONOMY_PATH = SEEDS_DIR / "skills.csv"
RULES_PATH = DOMAIN_DATA / "skill_rules.toml"
CATEGORIES = (
    "language",
    "framework",
    "library",
    "big-data",
    "cloud",
    "mlops",
    "database",
    "concept",
    "math",
    "soft",
)
# The discipline a skill belongs to, where it belongs to one: the article's "marriage" of
# software engineering and data science is read as a job naming a skill of each.
DISCIPLINES = ("software", "data-science")


# "++" is swapped for two bytes of this value before the table maps them back to "++": a plus
# sign alone is a separator ("HTML+CSS", "Python+Django"), a doubled one belongs to C++.
_PLUS_PLUS = b"++"
_PLUS_MARK = b"\x01\x01"


def _build_table() -> bytes:
    """Return the byte table that lowercases ASCII and blanks every non-word byte."""
    table = bytearray(b" " * 256)
    for i in range(128):
        ch = chr(i)
        if ch.isalnum() or ch in "#&":
            table[i] = ord(ch.lower())
    table[_PLUS_MARK[0]] = ord("+")
    return bytes(table)


_TABLE = _build_table()
# Bytes that, next to a match, make it worth checking whether the match is inside a URL.
_EDGE = tuple(chr(i) in "/@:-_." for i in range(256))
_DOT_BYTE = ord(".")
_COLON_BYTE = ord(":")
_SLASH_BYTE = ord("/")
_TOKEN_GLUE = frozenset(b"@-_")
_WORD_BYTE = tuple(chr(i).isalnum() for i in range(128)) + (False,) * 128
_URL_TOKEN = re.compile(
    rb"://|www\.|@|\.(?:com|io|co|org|ai|dev|app|jobs|me|ly|gl|sh|us|uk|de|fr|html?)(?:\b|/|$)",
    re.I,
)
# Bytes of context a rule sees on each side; the longest pattern needs about 30.
_WINDOW = 48


def normalise(text: str) -> str:
    """Return ``text`` as the automaton reads it: lowercased ASCII words split by single spaces.

    Offsets are kept: character ``i`` of the result is byte ``i`` of the UTF-8 text.
    """
    raw = text.encode("utf-8", "replace").replace(_PLUS_PLUS, _PLUS_MARK)
    return raw.translate(_TABLE).decode("ascii")


def _alias_key(alias: str) -> str:
    """Return the normalised form of an alias, words separated by one space."""
    return " ".join(normalise(alias).split())


@dataclass(frozen=True)
class Skill:
    """One row of the taxonomy."""

    skill_id: str
    display_name: str
    category: str
    aliases: tuple[str, ...]
    external_ref: str
    discipline: str = ""


@dataclass(frozen=True)
class Rule:
    """A context rule for one surface form of one or more skills.

    A rule *fires* when every condition it states holds: ``before`` matches the text just
    before the match, ``after`` the text just after it, ``surface`` the matched text itself
    (case-sensitive), ``doc`` anywhere in the text. A ``reject`` rule that fires drops the
    match; when a surface form has ``require`` rules, at least one must fire, and if the one
    that fires names ``near`` skills, one of them must be found elsewhere in the same text.
    """

    rule_id: str
    skills: tuple[str, ...]
    aliases: tuple[str, ...]
    action: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    surface: re.Pattern[str] | None
    doc: re.Pattern[str] | None
    near: frozenset[str]
    hints: frozenset[str]
    why: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]

    def fires(self, ctx: _Context) -> bool:
        """Return whether every local condition of the rule holds (``near`` is settled later)."""
        # Cheapest checks first; the text around the match is decoded only when asked for.
        if self.surface is not None and self.surface.fullmatch(ctx.matched) is None:
            return False
        if self.after is not None and self.after.match(ctx.after()) is None:
            return False
        if self.before is not None and self.before.search(ctx.before()) is None:
            return False
        return self.doc is None or self.doc.search(ctx.text) is not None


class _Context:
    """The text around one match, decoded from the raw bytes on first use."""

    __slots__ = ("_after", "_before", "matched", "raw", "start", "stop", "text")

    def __init__(self, text: str, raw: bytes, start: int, stop: int) -> None:
        self.text = text
        self.raw = raw
        self.start = start
        self.stop = stop
        self.matched = raw[start:stop].decode("utf-8", "ignore")
        self._before: str | None = None
        self._after: str | None = None

    def before(self) -> str:
        """Return the text just before the match."""
        if self._before is None:
            lo = max(0, self.start - _WINDOW)
            self._before = self.raw[lo : self.start].decode("utf-8", "ignore")
        return self._before

    def after(self) -> str:
        """Return the text just after the match."""
        if self._after is None:
            self._after = self.raw[self.stop : self.stop + _WINDOW].decode("utf-8", "ignore")
        return self._after


def _read_taxonomy(path: Path) -> dict[str, Skill]:
    """Read and check the taxonomy file."""
    skills: dict[str, Skill] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            skill_id = row["skill_id"].strip()
            if not skill_id or skill_id != skill_id.lower():
                raise ValueError(f"{path}: skill_id must be lowercase and non-empty: {skill_id!r}")
            if skill_id in skills:
                raise ValueError(f"{path}: duplicate skill_id {skill_id!r}")
            if row["category"] not in CATEGORIES:
                raise ValueError(f"{path}: unknown category {row['category']!r} of {skill_id}")
            aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
            discipline = (row.get("discipline") or "").strip()
            if discipline and discipline not in DISCIPLINES:
                raise ValueError(f"{path}: unknown discipline {discipline!r} of {skill_id}")
            skills[skill_id] = Skill(
                skill_id=skill_id,
                display_name=row["display_name"].strip(),
                category=row["category"],
                aliases=aliases,
                external_ref=(row.get("external_ref") or "").strip(),
                discipline=discipline,
            )
    return skills


def _compile(
    pattern: str | None, patterns: Mapping[str, str], flags: int
) -> re.Pattern[str] | None:
    """Compile a rule pattern after expanding its ``<name>`` references to shared patterns."""
    if pattern is None:
        return None
    for name, value in patterns.items():
        pattern = pattern.replace(f"<{name}>", value)
    return re.compile(pattern, flags)


def _read_rules(path: Path, taxonomy: Mapping[str, Skill]) -> tuple[Rule, ...]:
    """Read and check the rules file against the taxonomy."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    patterns: dict[str, str] = data.get("patterns", {})
    sets: dict[str, list[str]] = data.get("sets", {})
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in data.get("rule", []):
        rule_id = raw["id"]
        if rule_id in seen:
            raise ValueError(f"{path}: duplicate rule id {rule_id!r}")
        seen.add(rule_id)
        skills = raw["skill"] if isinstance(raw["skill"], list) else [raw["skill"]]
        near_raw = raw.get("near", [])
        near = sets[near_raw] if isinstance(near_raw, str) else near_raw
        for skill_id in (*skills, *near):
            if skill_id not in taxonomy:
                raise ValueError(f"{path}: rule {rule_id} names unknown skill {skill_id!r}")
        if raw.get("action", "reject") not in ("reject", "require"):
            raise ValueError(f"{path}: rule {rule_id}: action must be reject or require")
        if raw.get("hint") and raw.get("action", "reject") != "reject":
            raise ValueError(f"{path}: rule {rule_id}: only reject rules take hints")
        flags = 0 if raw.get("case_sensitive") else re.I
        before = raw.get("before")
        # Without an alias, a rule applies to each of its skills' own id.
        alias_raw = raw.get("alias", [])
        aliases = [alias_raw] if isinstance(alias_raw, str) else alias_raw
        rules.append(
            Rule(
                rule_id=rule_id,
                skills=tuple(skills),
                aliases=tuple(_alias_key(a) for a in aliases),
                action=raw.get("action", "reject"),
                # Anchored at the end of the window that precedes the match.
                before=_compile(f"(?:{before})\\Z" if before else None, patterns, flags),
                after=_compile(raw.get("after"), patterns, flags),
                surface=_compile(raw.get("surface"), patterns, 0),
                doc=_compile(raw.get("doc"), patterns, re.I),
                near=frozenset(near),
                hints=frozenset(_alias_key(h) for h in raw.get("hint", ())),
                why=raw.get("why", ""),
                keep=tuple(raw.get("keep", ())),
                drop=tuple(raw.get("drop", ())),
            )
        )
    return tuple(rules)


class SkillExtractor:
    """An automaton over every alias of a taxonomy, with the context rules of its short words."""

    def __init__(self, taxonomy: Mapping[str, Skill], rules: Iterable[Rule] = ()) -> None:
        self.taxonomy = dict(taxonomy)
        self.rules = tuple(rules)
        by_key: dict[str, set[str]] = {}
        for skill in self.taxonomy.values():
            for alias in (skill.skill_id, *skill.aliases):
                key = _alias_key(alias)
                if key:
                    by_key.setdefault(key, set()).add(skill.skill_id)
        # (skill, alias) -> (reject rules, require rules)
        self._rules: dict[tuple[str, str], tuple[list[Rule], list[Rule]]] = {}
        for rule in self.rules:
            for skill_id in rule.skills:
                for key in rule.aliases or (_alias_key(skill_id),):
                    if skill_id not in by_key.get(key, ()):
                        raise ValueError(f"rule {rule.rule_id}: {key!r} is no alias of {skill_id}")
                    rejects, requires = self._rules.setdefault((skill_id, key), ([], []))
                    (rejects if rule.action == "reject" else requires).append(rule)
        # Longer aliases that contain a shorter one and name other skills suppress it there.
        finder = ahocorasick.Automaton()
        for key in by_key:
            finder.add_word(f" {key} ", key)
        finder.make_automaton()
        supers: dict[str, list[tuple[int, str]]] = {}
        for other, other_ids in by_key.items():
            padded_other = f" {other} "
            for end, key in finder.iter(padded_other):
                if key != other and not by_key[key] <= other_ids:
                    offset = end - len(key) - 1
                    supers.setdefault(key, []).append((offset, padded_other))
        self._automaton = ahocorasick.Automaton()
        # Hint words ride in the same automaton: the pass that finds skills also sees them.
        hint_words = {h for rule in self.rules for h in rule.hints}
        for key in hint_words:
            by_key.setdefault(key, set())
        for key, ids in by_key.items():
            padded = f" {key} "
            ruled, lazy = [], []
            for s in sorted(ids):
                rejects, requires = self._rules.get((s, key), ((), ()))
                if not rejects and not requires:
                    continue
                if not requires and all(r.hints for r in rejects):
                    # Only rare-context rules: checked only when a hint word is in the text.
                    lazy.append((s, frozenset().union(*(r.hints for r in rejects))))
                else:
                    ruled.append(s)
            plain = tuple(sorted(ids - set(ruled) - {s for s, _ in lazy}))
            value = (
                len(padded),
                plain,
                tuple(ruled),
                tuple(supers.get(key, ())),
                key,
                tuple(lazy),
                key in hint_words,
            )
            self._automaton.add_word(padded, value)
        self._automaton.make_automaton()

    def extract(self, text: str) -> set[str]:
        """Return the canonical ids of every skill that ``text`` names."""
        if not text:
            return set()
        # Two spaces at the end so that the byte after a match's neighbour always exists.
        raw = b" " + text.encode("utf-8", "replace") + b"  "
        padded = raw.replace(_PLUS_PLUS, _PLUS_MARK).translate(_TABLE).decode("ascii")
        found: set[str] = set()
        ruled_matches = []
        hints_seen: set[str] = set()
        lazy_matches = []
        for end, value in self._automaton.iter(padded):
            length, plain, ruled, supers, key, lazy, is_hint = value
            if is_hint:
                hints_seen.add(key)
            start = end - length + 1  # the blank before the alias; the alias is start+1..end
            if supers and _suppressed(padded, start, supers):
                continue
            # Only a neighbour like '/', '@' or a dot inside a word hints at a URL or an address.
            if (
                (_EDGE[raw[start]] or _EDGE[raw[end]])
                and _maybe_in_url(raw, start, end)
                and _in_url(raw, start, end)
            ):
                continue
            if plain:
                found.update(plain)
            if ruled:
                ruled_matches.append((start + 1, end, ruled, key))
            if lazy:
                lazy_matches.append((start + 1, end, lazy, key))
        for start, stop, lazy, key in lazy_matches:
            for skill_id, hints in lazy:
                if skill_id in found:
                    continue
                if hints_seen and not hints.isdisjoint(hints_seen):
                    ruled_matches.append((start, stop, (skill_id,), key))
                else:
                    found.add(skill_id)
        if ruled_matches:
            self._apply_rules(text, raw, ruled_matches, found)
        return found

    def _apply_rules(
        self,
        text: str,
        raw: bytes,
        matches: list[tuple[int, int, tuple[str, ...], str]],
        found: set[str],
    ) -> None:
        """Add the skills of ruled matches whose context passes, to ``found`` in place."""
        pending: list[tuple[str, frozenset[str]]] = []
        for start, stop, skill_ids, key in matches:
            ctx: _Context | None = None
            for skill_id in skill_ids:
                if skill_id in found:
                    continue
                rejects, requires = self._rules[(skill_id, key)]
                if ctx is None:
                    ctx = _Context(text, raw, start, stop)
                # Require rules first: most are a cheap surface check that settles the match.
                passing = [r for r in requires if r.fires(ctx)]
                if requires and not passing:
                    continue
                if any(r.fires(ctx) for r in rejects):
                    continue
                if not requires or any(not r.near for r in passing):
                    found.add(skill_id)
                else:
                    pending.append((skill_id, frozenset().union(*(r.near for r in passing))))
        # Settled against skills found without help, so two doubtful words can't vouch for
        # each other ("Pig" and "Hive" alone in a post about a farm).
        confirmed = frozenset(found)
        for skill_id, near in pending:
            if near & confirmed:
                found.add(skill_id)


def _suppressed(padded: str, start: int, supers: tuple[tuple[int, str], ...]) -> bool:
    """Return whether a longer alias of other skills covers the match that starts at ``start``."""
    # A plain loop: any() over a generator costs a frame per call on the hot path.
    for offset, longer in supers:  # noqa: SIM110
        if padded.startswith(longer, start - offset):
            return True
    return False


def _maybe_in_url(raw: bytes, start: int, stop: int) -> bool:
    """Return False when the bytes around a match rule out a URL or an address (the usual case).

    ``start`` is the byte before the match and ``stop`` the byte after it. A word that starts
    a token ("Python/Django", "Python.") can only be in a URL if it is followed by "@", "-",
    "_", "://" or a dot inside a word ("python.org").
    """
    left = raw[start]
    if _EDGE[left] and (left != _DOT_BYTE or _WORD_BYTE[raw[start - 1]]):
        return True
    right = raw[stop]
    if right in _TOKEN_GLUE:
        return True
    if right == _DOT_BYTE:
        return _WORD_BYTE[raw[stop + 1]]
    return right == _COLON_BYTE and raw[stop + 1] == _SLASH_BYTE


def _in_url(raw: bytes, start: int, stop: int) -> bool:
    """Return whether the whitespace-delimited token around a match is a URL or an address."""
    left = max(raw.rfind(b" ", 0, start), raw.rfind(b"\n", 0, start)) + 1
    right_candidates = [i for i in (raw.find(b" ", stop), raw.find(b"\n", stop)) if i != -1]
    right = min(right_candidates) if right_candidates else len(raw)
    return _URL_TOKEN.search(raw, left, right) is not None


@cache
def load_taxonomy(path: Path = TAXONOMY_PATH) -> dict[str, Skill]:
    """Return the taxonomy keyed by skill id, read once per process."""
    return _read_taxonomy(path)


@cache
def load_rules(path: Path = RULES_PATH) -> tuple[Rule, ...]:
    """Return the context rules, read once per process."""
    return _read_rules(path, load_taxonomy())


@cache
def default_extractor() -> SkillExtractor:
    """Return the extractor over the project's taxonomy and rules, built once per process."""
    return SkillExtractor(load_taxonomy(), load_rules())


def extract_skills(text: str) -> set[str]:
    """Return the canonical ids (TAXONOMY.md) of every skill a posting's text names."""
    return default_extractor().extract(text)


def _version() -> str:
    """Return a short hash of the taxonomy and rules, to tag derived rows with."""
    digest = hashlib.sha256()
    for path in (TAXONOMY_PATH, RULES_PATH):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


TAXONOMY_VERSION: str = _version()
# The name the issue asks for; rows derived by extract_skills can be tagged with it.
taxonomy_version: str = TAXONOMY_VERSION
