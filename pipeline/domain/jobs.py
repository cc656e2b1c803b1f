"""Which postings are one job: duplicate clusters across postings, sources and time.

Postings are not jobs. An employer copies one opening into every country it hires in, a Hacker
News company posts the same opening month after month, and one job can sit on two boards. Two
postings are the same job when one of these holds (each match is kept with its reason):

- ``same url``: the same canonical URL (scheme, ``www.``, tracking parameters such as
  ``utm_*``, the fragment and a trailing slash ignored; ids in the query, such as
  ``?gh_jid=`` or ``?id=``, kept);
- ``same company and title``: the same company and the same normalised title, posted within
  ``WINDOW_DAYS`` of each other (multi-location copies, reposts, a job on two boards);
- ``near-identical text``: for free-text posts, whose text is the whole post (Hacker News), an
  estimated Jaccard similarity of word 3-shingles of at least ``TEXT_THRESHOLD``, confirmed
  on the shingles themselves, within ``WINDOW_DAYS`` (datasketch's MinHash LSH finds the
  candidates). Board postings of one employer share long boilerplate, so their texts are not
  compared: their titles are.

Matches chain (a job reposted every month for a year is one job). A job's id is the posting id
of its earliest member. Pure: no I/O; ``warehouse/models/intermediate/int_postings_clustered``
calls ``cluster`` over every posting, which reads them once and keeps no text (a text's
shingles as 4 bytes each, and a digest of it), so that a million posts need not be in memory.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit

import numpy as np

WINDOW_DAYS = 62
TEXT_THRESHOLD = 0.8
NUM_PERM = 64
FREE_TEXT_SOURCES = frozenset({"hackernews"})
SHINGLE = 3
# Texts of fewer distinct shingles are not compared: a two-line post says too little.
MIN_TEXT_SHINGLES = 20

_MIX1 = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xC2B2AE3D27D4EB4F)
_TRACKING = re.compile(r"^(?:utm_\w+|gh_src|ref|source|src|lever-source|lever-origin)$", re.I)

REASONS = ("same url", "same company and title", "near-identical text")


@dataclass(frozen=True, slots=True)
class PostingKeys:
    """What the clusters compare of one posting."""

    posting_id: str
    source: str
    url: str | None
    company: str | None
    title: str | None
    posted: date | None
    text: str | None


@dataclass(frozen=True, slots=True)
class Membership:
    """One posting's job: the cluster id, and the posting and reason that joined it."""

    posting_id: str
    job_id: str
    matched_posting_id: str | None
    match_reason: str | None
    company_key: str | None = None  # the company as the clusters compared it (company_key)


_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*")
_COMPANY_NOISE = re.compile(
    r"\b(?:inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|co|plc|sa|ag|bv|the)\b\.?"
)
_HEADER_LEAD = re.compile(r"^\s*([^|\n(\[–—:,;]{2,60}?)\s*(?:\||\(|\[|–|—| - |:|,|;|\n|$)")
_TITLE_NOISE = re.compile(r"\(?\b(?:remote|hybrid|onsite|on-site)\b\)?", re.I)


def canonical_url(url: str | None) -> str | None:
    """Return a URL as the clusters compare it: host without ``www.``, path without a trailing
    slash, the query's parameters sorted and tracking ones dropped."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    if not host:
        return None
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    return f"{host}{parts.path.rstrip('/')}" + (f"?{urlencode(query)}" if query else "")


def company_key(company: str | None, text: str | None = None) -> str | None:
    """Return a company name as the clusters compare it; else the lead of a post's first line.

    "Acme, Inc." and "ACME" are one company. A Hacker News post with no parsed company gives
    the words before the first separator of its header ("Acme (YC S15) | ..." -> "acme").
    """
    name = company
    if not name and text:
        m = _HEADER_LEAD.match(text)
        name = m.group(1) if m else None
    if not name:
        return None
    words = _COMPANY_NOISE.sub(" ", name.lower())
    key = " ".join(_WORD.findall(words))
    return key or None


def title_key(title: str | None) -> str | None:
    """Return a title as the clusters compare it: lower case, words only, no remote/hybrid."""
    if not title:
        return None
    key = " ".join(_WORD.findall(_TITLE_NOISE.sub(" ", title).lower()))
    return key or None


def shingles(text: str, cache: dict[str, int]) -> np.ndarray:
    """Return the distinct word 3-shingles of a text (lower case, words only), each a 32-bit
    hash, as a sorted uint32 array.

    A shingle's hash mixes its words' CRC-32s, so it depends on the words alone (not on the
    order texts are read in) and costs one lookup in ``cache`` (word -> CRC-32) a word.
    """
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return np.empty(0, dtype=np.uint32)
    get = cache.get
    hashed = [get(w) for w in words]
    if None in hashed:
        for k, w in enumerate(words):
            if hashed[k] is None:
                hashed[k] = cache[w] = zlib.crc32(w.encode())
    ids = np.array(hashed, dtype=np.uint64)
    mixed = (ids[:-2] * _MIX1) ^ (ids[1:-1] * _MIX2) ^ ids[2:]
    return np.unique((mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def _identity(value: int) -> int:
    return value


class _Clusters:
    """Union-find over posting indexes; each union records why."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.why: dict[int, tuple[int, str]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.parent[rb] = ra
        self.why.setdefault(b, (a, reason))
        self.why.setdefault(a, (b, reason))


def _within(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def _chain(cl: _Clusters, members: list[int], posted: list[date | None], reason: str) -> None:
    """Join the members of one key whose dates are within the window of the previous one."""
    members.sort(key=lambda i: (posted[i] or date.min, i))
    for prev, cur in itertools.pairwise(members):
        if _within(posted[prev], posted[cur]):
            cl.join(prev, cur, reason)


class _Texts:
    """The free-text posts to compare, read one at a time: each text's shingles, not the text."""

    def __init__(self) -> None:
        self.word_hash: dict[str, int] = {}
        self.candidates: list[int] = []
        self.sets: list[np.ndarray] = []
        self.copies: list[tuple[int, int]] = []
        # The same text on the same day is the same posting again: it joins the first copy,
        # as the comparison would join it, and is not compared again (a post copied many times
        # would otherwise be compared with each of its copies). -1: too short to compare.
        self.first_copy: dict[tuple[bytes, date | None], int] = {}

    def add(self, i: int, text: str, posted: date | None) -> None:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
        key = (digest.digest(), posted)
        copy_of = self.first_copy.get(key)
        if copy_of is not None:
            if copy_of >= 0:
                self.copies.append((copy_of, i))
            return
        found = shingles(text, self.word_hash)
        self.first_copy[key] = i if len(found) >= MIN_TEXT_SHINGLES else -1
        if self.first_copy[key] >= 0:
            self.candidates.append(i)
            self.sets.append(found)

    def match(self, cl: _Clusters, posted: list[date | None]) -> None:
        """Join the copies, and the texts whose shingles are near-identical."""
        from datasketch import MinHash, MinHashLSH

        for first, copy in self.copies:
            cl.join(first, copy, "near-identical text")
        candidates, sets = self.candidates, self.sets
        if len(candidates) < 2:
            return
        # The shingles are hashed already (CRC-32, deterministic across runs): MinHash permutes
        # them.
        hashes = MinHash.generator(
            (found.tolist() for found in sets), num_perm=NUM_PERM, hashfunc=_identity
        )
        lsh = MinHashLSH(threshold=TEXT_THRESHOLD, num_perm=NUM_PERM)
        for k, h in enumerate(hashes):
            for other in lsh.query(h):
                a, b = candidates[other], candidates[k]
                if not _within(posted[a], posted[b]):
                    continue
                inter = np.intersect1d(sets[other], sets[k], assume_unique=True).size
                union = len(sets[other]) + len(sets[k]) - inter
                if union and inter / union >= TEXT_THRESHOLD:
                    cl.join(a, b, "near-identical text")
            lsh.insert(k, h)


def cluster(postings: Iterable[PostingKeys]) -> list[Membership]:
    """Return every posting's job, in the order given (``postings`` is read once)."""
    ids: list[str] = []
    posted: list[date | None] = []
    companies: list[str | None] = []
    by_url: dict[str, list[int]] = {}
    by_title: dict[tuple[str, str], list[int]] = {}
    texts = _Texts()
    for i, p in enumerate(postings):
        ids.append(p.posting_id)
        posted.append(p.posted)
        url = canonical_url(p.url)
        if url:
            by_url.setdefault(url, []).append(i)
        company, title = company_key(p.company, p.text), title_key(p.title)
        companies.append(company)
        if company and title:
            by_title.setdefault((company, title), []).append(i)
        if p.source in FREE_TEXT_SOURCES and p.text:
            texts.add(i, p.text, p.posted)
    cl = _Clusters(len(ids))
    for members in by_url.values():
        for other in members[1:]:
            cl.join(members[0], other, "same url")
    for members in by_title.values():
        if len(members) > 1:
            _chain(cl, members, posted, "same company and title")
    texts.match(cl, posted)

    earliest: dict[int, int] = {}
    for i in range(len(ids)):
        root = cl.find(i)
        best = earliest.get(root)
        if best is None or (posted[i] or date.max, ids[i]) < (posted[best] or date.max, ids[best]):
            earliest[root] = i
    out = []
    for i, posting_id in enumerate(ids):
        matched, reason = cl.why.get(i, (None, None))
        out.append(
            Membership(
                posting_id=posting_id,
                job_id=ids[earliest[cl.find(i)]],
                matched_posting_id=ids[matched] if matched is not None else None,
                match_reason=reason,
                company_key=companies[i],
            )
        )
    return out
