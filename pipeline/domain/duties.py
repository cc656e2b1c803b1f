"""Find the responsibilities and application domains a posting names: one Aho-Corasick pass.

The ids, kinds and display names are the seed ``warehouse/seeds/duties.csv`` (dbt joins it
for the marts); the phrases that express each are ``pipeline/domain/data/duty_phrases.toml``,
data beside it. Both are read once and checked against each other. See docs/DUTIES.md.

How a text is read: it is normalised as the skill taxonomy normalises it (lowercase ASCII
words, every other byte a space, one byte for one byte), and one automaton over every phrase,
near-rule term and exclusion finds them all in a single pass. A phrase is a whole-word match,
or a prefix when it ends in ``*``. A match that lies inside an exclusion of the same id
("letter of recommendation") does not count; a near rule needs a term of its first list
followed, within ``window`` characters, by a term of its second ("deploy ... models").
"""

from __future__ import annotations

import csv
import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from pipeline.domain.skills import normalise
from pipeline.paths import DOMAIN_DATA, SEEDS_DIR

DUTIES_PATH = SEEDS_DIR / "duties.csv"
PHRASES_PATH = DOMAIN_DATA / "duty_phrases.toml"
KINDS = ("responsibility", "application")


@dataclass(frozen=True)
class Duty:
    """One row of the seed: a responsibility or an application domain."""

    duty_id: str
    kind: str
    display_order: int
    display_name: str
    in_article: bool
    engineers_only: bool = False  # a duty of engineering and research roles only


@dataclass(frozen=True)
class _Term:
    """One surface form in the automaton and what it does for which duty."""

    duty: int  # index into DutyExtractor.ids
    role: str  # "phrase", "exclude", "a", "b"
    rule: int  # which near rule (for "a" and "b")


def read_duties(path: Path = DUTIES_PATH) -> dict[str, Duty]:
    """Read and check the seed."""
    duties: dict[str, Duty] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            duty_id = row["duty_id"].strip()
            if not duty_id or duty_id != duty_id.lower() or duty_id in duties:
                raise ValueError(f"{path}: bad or duplicate duty_id {duty_id!r}")
            if row["kind"] not in KINDS:
                raise ValueError(f"{path}: unknown kind {row['kind']!r} of {duty_id}")
            duties[duty_id] = Duty(
                duty_id,
                row["kind"],
                int(row["display_order"]),
                row["display_name"].strip(),
                row["in_article"].strip().lower() == "true",
                row["engineers_only"].strip().lower() == "true",
            )
    return duties


def _key(phrase: str) -> tuple[str, bool]:
    """Return a phrase's normalised words and whether its last word is a prefix."""
    prefix = phrase.endswith("*")
    words = " ".join(normalise(phrase.rstrip("*")).split())
    if not words:
        raise ValueError(f"{PHRASES_PATH}: empty phrase {phrase!r}")
    return words, prefix


class DutyExtractor:
    """An automaton over every phrase of every duty."""

    def __init__(self, duties: Mapping[str, Duty], phrases: Mapping[str, object]) -> None:
        self.duties = dict(duties)
        self.ids = tuple(self.duties)
        self.window = int(phrases.get("window", 60))
        # The duties that only engineering and research roles have (seed column).
        self.engineers_only = frozenset(d.duty_id for d in self.duties.values() if d.engineers_only)
        spec = {k: v for k, v in phrases.items() if isinstance(v, dict)}
        if set(spec) != set(self.duties):
            missing, extra = set(self.duties) - set(spec), set(spec) - set(self.duties)
            raise ValueError(
                f"{PHRASES_PATH}: ids differ from {DUTIES_PATH.name}: "
                f"missing {sorted(missing)}, unknown {sorted(extra)}"
            )
        terms: dict[str, list[_Term]] = {}
        # The duty of each near rule, by the rule's index.
        self._rule_duty: list[int] = []

        def add(phrase: str, term: _Term) -> None:
            words, prefix = _key(phrase)
            padded = f" {words}" if prefix else f" {words} "
            terms.setdefault(padded, []).append(term)

        for index, duty_id in enumerate(self.ids):
            entry = spec[duty_id]
            for phrase in entry.get("phrases", ()):
                add(phrase, _Term(index, "phrase", -1))
            for phrase in entry.get("exclude", ()):
                add(phrase, _Term(index, "exclude", -1))
            for side_a, side_b in entry.get("near", ()):
                rule = len(self._rule_duty)
                self._rule_duty.append(index)
                for role, side in (("a", side_a), ("b", side_b)):
                    for phrase in side:
                        add(phrase, _Term(index, role, rule))
        self._automaton = ahocorasick.Automaton()
        for padded, found in terms.items():
            self._automaton.add_word(padded, (len(padded), tuple(found)))
        self._automaton.make_automaton()

    def extract(self, text: str | None) -> set[str]:
        """Return the ids of every duty ``text`` names."""
        if not text:
            return set()
        padded = " " + normalise(text) + " "
        hits: list[tuple[int, int, _Term]] = []
        excluded: dict[int, list[tuple[int, int]]] = {}
        for end, (length, found) in self._automaton.iter(padded):
            start = end - length + 1
            for term in found:
                if term.role == "exclude":
                    excluded.setdefault(term.duty, []).append((start, end))
                else:
                    hits.append((start, end, term))
        out: set[int] = set()
        near: dict[int, tuple[list[int], list[int]]] = {}
        for start, end, term in hits:
            if term.duty in out and term.role == "phrase":
                continue
            spans = excluded.get(term.duty)
            if spans and any(lo <= start and end <= hi for lo, hi in spans):
                continue
            if term.role == "phrase":
                out.add(term.duty)
            else:
                sides = near.setdefault(term.rule, ([], []))
                sides[0 if term.role == "a" else 1].append(start)
        for rule, (a, b) in near.items():
            duty = self._rule_duty[rule]
            if duty not in out and a and b and _within(a, b, self.window):
                out.add(duty)
        return {self.ids[i] for i in out}


def _within(a: list[int], b: list[int], window: int) -> bool:
    """Return whether some start in ``b`` follows some start in ``a`` by at most ``window``."""
    return any(0 < y - x <= window for x in a for y in b)


@cache
def extractor() -> DutyExtractor:
    """Return the extractor of the project's seed and phrases, built once per process."""
    phrases = tomllib.loads(PHRASES_PATH.read_text(encoding="utf-8"))
    return DutyExtractor(read_duties(), phrases)


def extract_duties(text: str | None) -> set[str]:
    """Return the duty ids (responsibilities and applications) ``text`` names."""
    return extractor().extract(text)


def duties_of_kind(ids: Iterable[str], kind: str) -> set[str]:
    """Return the ids of ``ids`` that are of ``kind`` (responsibility or application)."""
    duties = extractor().duties
    return {i for i in ids if duties[i].kind == kind}


def _version() -> str:
    digest = hashlib.sha256(DUTIES_PATH.read_bytes())
    digest.update(PHRASES_PATH.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]


DUTIES_VERSION = _version()
