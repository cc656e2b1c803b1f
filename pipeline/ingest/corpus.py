"""Read the replay corpus: a manifest of recorded responses and their bodies.

The corpus lives outside the repository (``../shared/corpus`` beside the checkout, or the
folder named by ``JOBTRENDS_CORPUS``); nothing of it is ever copied in.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from w3lib.url import canonicalize_url

from pipeline.config import corpus_path


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
