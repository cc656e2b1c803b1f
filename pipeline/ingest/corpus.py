"""Read the replay corpus: a manifest of recorded responses and their bodies.

The corpus lives outside the repository (``../shared/corpus`` beside the checkout, or the
folder named by ``JOBTRENDS_CORPUS``); nothing of it is ever copied in.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from w3lib.url import canonicalize_url

from pipeline.config import corpus_path
from pipeline.domain.text import html_to_text


class CorpusError(RuntimeError):
    """The corpus is missing, malformed, or lacks a requested URL."""


@dataclass(frozen=True)
class Recording:
    """One recorded response of the manifest."""

    url: str
    status: int
    content_type: str
    body_path: Path
    source: str
    note: str

    def body(self) -> bytes:
        """Return the body as served: the stored gzip is storage only, not an encoding."""
        with gzip.open(self.body_path, "rb") as fh:
            return fh.read()


class Corpus:
    """A recorded corpus, looked up by canonical URL."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).expanduser().resolve()
        manifest = self.root / "manifest.jsonl"
        if not manifest.is_file():
            raise CorpusError(f"no corpus at {self.root} (expected {manifest.name} there)")
        self.manifest = manifest

    @cached_property
    def recordings(self) -> dict[str, Recording]:
        """Return every recording keyed by the canonical form of its URL."""
        out: dict[str, Recording] = {}
        with self.manifest.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    rec = Recording(
                        url=d["url"],
                        status=int(d.get("status", 200)),
                        content_type=d.get("content_type", "application/octet-stream"),
                        body_path=self.root / d["body"],
                        source=d.get("source", ""),
                        note=d.get("note", ""),
                    )
                except (ValueError, KeyError) as exc:
                    raise CorpusError(
                        f"{self.manifest}:{lineno}: bad manifest line ({exc})"
                    ) from exc
                out[canonicalize_url(rec.url)] = rec
        return out

    def get(self, url: str) -> Recording | None:
        """Return the recording of ``url``, or None when it was not recorded."""
        return self.recordings.get(canonicalize_url(url))

    def by_source(self, source: str) -> list[Recording]:
        """Return the recordings that serve one spider family, in manifest order."""
        return [r for r in self.recordings.values() if r.source == source]

    def json(self, url: str) -> dict:
        """Return the decoded JSON body of a recorded URL."""
        rec = self.get(url)
        if rec is None:
            raise CorpusError(f"not recorded: {url}")
        return json.loads(rec.body())


def open_corpus(path: Path | str | None = None) -> Corpus:
    """Open the corpus at ``path`` or at the default place."""
    return Corpus(path or corpus_path())


@dataclass(frozen=True)
class Document:
    """A posting's text as the corpus holds it, for labelled sets and benchmarks."""

    source: str
    source_id: str
    title: str
    text: str
    posted_at: str | None


def iter_documents(
    corpus: Corpus, sources: tuple[str, ...] = ("hackernews", "ashby", "greenhouse")
) -> Iterator[Document]:
    """Yield every posting text of the corpus, keyed as the spiders key them.

    Ids: Hacker News comment id; Ashby ``<board>/<job id>``; Greenhouse ``<board>/<job id>``.
    """
    for rec in corpus.recordings.values():
        if rec.source not in sources:
            continue
        if rec.source == "hackernews" and "/items/" in rec.url:
            thread = json.loads(rec.body())
            for c in thread.get("children") or []:
                if c.get("text") and c.get("author"):
                    yield Document(
                        "hackernews", str(c["id"]), "", html_to_text(c["text"]), c.get("created_at")
                    )
        elif rec.source == "ashby":
            board = rec.url.split("/job-board/")[1].split("?")[0]
            for j in json.loads(rec.body()).get("jobs", []):
                text = j.get("descriptionPlain") or html_to_text(j.get("descriptionHtml"))
                yield Document(
                    "ashby", f"{board}/{j['id']}", j.get("title") or "", text, j.get("publishedAt")
                )
        elif rec.source == "greenhouse":
            board = rec.url.split("/boards/")[1].split("/")[0]
            for j in json.loads(rec.body()).get("jobs", []):
                yield Document(
                    "greenhouse",
                    f"{board}/{j['id']}",
                    j.get("title") or "",
                    html_to_text(j.get("content")),
                    j.get("first_published") or j.get("updated_at"),
                )
