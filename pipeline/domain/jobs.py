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
calls ``cluster`` over every posting.
"""

from __future__ import annotations

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


def shingles(text: str, _word_hash: dict[str, int] | None = None) -> set[int]:
    """Return the word 3-shingles of a text (lower case, words only), each as a 32-bit hash.

    A shingle's hash mixes its words' CRC-32s, so it depends on the words alone (not on the
    order texts are read in) and costs one dictionary lookup a word.
    """
    cache = {} if _word_hash is None else _word_hash
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return set()
    get = cache.get
    hashed = [get(w) for w in words]
    if None in hashed:
        for k, w in enumerate(words):
            if hashed[k] is None:
                hashed[k] = cache[w] = zlib.crc32(w.encode())
    ids = np.array(hashed, dtype=np.uint64)
    mixed = (ids[:-2] * _MIX1) ^ (ids[1:-1] * _MIX2) ^ ids[2:]
    return set((mixed & np.uint64(0xFFFFFFFF)).tolist())


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


def _text_matches(items: list[PostingKeys], cl: _Clusters) -> None:
    from datasketch import MinHash, MinHashLSH

    word_hash: dict[str, int] = {}
    candidates, sets = [], []
    # The same text on the same day is the same posting again: it joins the first copy at once,
    # as the comparison would join it, and is not compared again (a post copied many times
    # would otherwise be compared with each of its copies). -1: too short to compare.
    first_copy: dict[tuple[str, date | None], int] = {}
    for i, p in enumerate(items):
        if p.source in FREE_TEXT_SOURCES and p.text:
            copy_of = first_copy.get(key := (p.text, p.posted))
            if copy_of is not None:
                if copy_of >= 0:
                    cl.join(copy_of, i, "near-identical text")
                continue
            found = shingles(p.text, word_hash)
            first_copy[key] = i if len(found) >= MIN_TEXT_SHINGLES else -1
            if first_copy[key] >= 0:
                candidates.append(i)
                sets.append(found)
    if len(candidates) < 2:
        return
    # The shingles are hashed already (CRC-32, deterministic across runs): MinHash permutes them.
    hashes = MinHash.bulk(sets, num_perm=NUM_PERM, hashfunc=_identity)
    lsh = MinHashLSH(threshold=TEXT_THRESHOLD, num_perm=NUM_PERM)
    for k, h in enumerate(hashes):
        for other in lsh.query(h):
            a, b = candidates[other], candidates[k]
            if not _within(items[a].posted, items[b].posted):
                continue
            inter = len(sets[other] & sets[k])
            union = len(sets[other]) + len(sets[k]) - inter
            if union and inter / union >= TEXT_THRESHOLD:
                cl.join(a, b, "near-identical text")
        lsh.insert(k, h)


def cluster(postings: Iterable[PostingKeys]) -> list[Membership]:
    """Return every posting's job, in the order given."""
    items = list(postings)
    cl = _Clusters(len(items))
    posted = [p.posted for p in items]
    by_url: dict[str, list[int]] = {}
    by_title: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(items):
        url = canonical_url(p.url)
        if url:
            by_url.setdefault(url, []).append(i)
        company, title = company_key(p.company, p.text), title_key(p.title)
        if company and title:
            by_title.setdefault((company, title), []).append(i)
    for members in by_url.values():
        for other in members[1:]:
            cl.join(members[0], other, "same url")
    for members in by_title.values():
        if len(members) > 1:
            _chain(cl, members, posted, "same company and title")
    _text_matches(items, cl)

    earliest: dict[int, int] = {}
    for i in range(len(items)):
        root = cl.find(i)
        best = earliest.get(root)
        if best is None or (posted[i] or date.max, items[i].posting_id) < (
            posted[best] or date.max,
            items[best].posting_id,
        ):
            earliest[root] = i
    out = []
    for i, p in enumerate(items):
        matched, reason = cl.why.get(i, (None, None))
        out.append(
            Membership(
                posting_id=p.posting_id,
                job_id=items[earliest[cl.find(i)]].posting_id,
                matched_posting_id=items[matched].posting_id if matched is not None else None,
                match_reason=reason,
            )
        )
    return out
