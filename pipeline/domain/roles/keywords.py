"""One Aho-Corasick pass over a post finds its role nouns, hiring cues and ML words: where
the reader needs to look, so most lines cost nothing."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


class _Keywords:
    """Words of several kinds found in one Aho-Corasick pass over a lowercased text.

    A keyword ending in ``*`` also matches longer words it starts ("opportunit*"); ``of *``
    takes the next word too ("head of product"). Matches are whole words, longest first.
    """

    def __init__(self, kinds: dict[str, Iterable[str]]) -> None:
        keys: dict[str, tuple[set[str], bool]] = {}
        for kind, words in kinds.items():
            for word in words:
                entry = keys.setdefault(word.rstrip("*"), (set(), False))
                keys[word.rstrip("*")] = (entry[0] | {kind}, entry[1] or word.endswith("*"))
        self._automaton = ahocorasick.Automaton()
        for key, (found_kinds, prefix) in keys.items():
            self._automaton.add_word(key, (tuple(sorted(found_kinds)), len(key), prefix))
        self._automaton.make_automaton()

    def find(self, text: str) -> dict[str, list[tuple[int, int]]]:
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        n = len(low)
        found: dict[str, list[tuple[int, int]]] = {}
        for last, (kinds, length, prefix) in self._automaton.iter(low):
            start, end = last - length + 1, last + 1
            if start > 0 and (low[start - 1].isalnum()):
                continue
            if prefix:
                while end < n and low[end].isalnum():
                    end += 1
            elif end < n and low[end].isalnum():
                continue
            if low.endswith(" of", start, end) or low.endswith(" of the", start, end):
                nxt = end
                while nxt < n and low[nxt] == " ":
                    nxt += 1
                stop = nxt
                while stop < n and (low[stop].isalnum() or low[stop] in "-&"):
                    stop += 1
                if stop == nxt:
                    continue
                end = stop
            for kind in kinds:
                found.setdefault(kind, []).append((start, end))
        for spans in found.values():
            spans.sort(key=lambda se: (se[0], -se[1]))
            kept, reach = [], -1
            for a, b in spans:
                if a >= reach:
                    kept.append((a, b))
                    reach = b
            spans[:] = kept
        return found


def _plural(*words: str) -> list[str]:
    return [f for w in words for f in (w, w + "s")]


_INDEX = _Keywords(
    {
        "noun": [
            *_plural(
                "engineer",
                "developer",
                "programmer",
                "scientist",
                "researcher",
                "analyst",
                "designer",
                "architect",
                "hacker",
                "sre",
                "recruiter",
                "marketer",
                "manager",
                "evangelist",
                "writer",
                "tester",
                "technician",
                "representative",
                "executive",
                "specialist",
                "consultant",
                "administrator",
                "director",
                "intern",
                "internship",
                "postdoc",
                "fellow",
                "professor",
                "lecturer",
                "instructor",
                "generalist",
                "expert",
                "ninja",
                "wizard",
                "guru",
                "linguist",
                "statistician",
                "mathematician",
                "quant",
                "coder",
                "swe",
                "mle",
                "lead",
                "pm",
                "co-founder",
                "cofounder",
                "engineering manager",
                "engineering lead",
                "engineering director",
            ),
            "devs",
            "salespeople",
            "salesperson",
            "talent",
            "mts",
            "cto",
            "head of",
            "heads of",
            "vp of",
            "member of technical staff",
            "members of technical staff",
            "member of the technical staff",
            "members of the technical staff",
        ],
        "hiring": [
            "hiring",
            "hire",
            "hires",
            "looking for",
            "look for",
            "seeking",
            "seek",
            "searching for",
            "search of",
            "recruiting",
            "position",
            "positions",
            "role",
            "roles",
            "opening",
            "openings",
            "opportunit*",
            "vacanc*",
            "wanted",
            "want to meet",
            "wanted to meet",
            "need",
            "needs",
            "needed",
            "join",
            "apply",
            "expand*",
            "grow",
            "growing",
            "add",
            "adding",
            "intern",
            "interns",
            "internship",
            "internships",
            "interested in",
            "full-time",
            "full time",
            "part-time",
            "part time",
            "contract",
            "we want",
            "bring on",
            "build out",
            "building out",
            "staffing up",
        ],
        "ml": [
            "machine learning",
            "machine-learning",
            "deep learning",
            "deep-learning",
            "ml",
            "computer vision",
            "nlp",
            "nlu",
            "machine vision",
            "natural language",
            "neural",
            "llm",
            "llms",
            "language model",
            "language models",
            "model",
            "models",
            "recommend*",
            "classifier",
            "classifiers",
            "classification",
            "recognition",
            "inference",
            "reinforcement learning",
            "agent",
            "agents",
            "agentic",
            "rag",
            "retrieval",
            "embedding",
            "embeddings",
            "transformer*",
            "gpu",
            "ai/ml",
            "ml/ai",
        ],
        "generic": [
            *_plural(
                "engineer", "developer", "programmer", "hacker", "coder", "technologist", "swe"
            ),
            "devs",
            "engineering team",
        ],
    }
)
