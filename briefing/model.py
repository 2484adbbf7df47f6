"""The one data model of briefing: documents, sentences, actors, positions, questions.

Pure dataclasses, no Textual and no spaCy. Every offset indexes ``Document.text``, the canonical
(normalised) text produced by the loader. Every id is derived from content, never from a list
position, so that annotations and reviews re-attach after a re-analysis (another analyser
version, another model) and a repeated paragraph still gets distinct ids:

* a sentence's *key* is the hash of its normalised text plus the occurrence index of that text
  in the document (0 for the first copy, 1 for the second, ...);
* a position id hashes the sentence key, the cue and the source's surface form;
* a question id hashes the sentence key and the cue;
* an actor id hashes its kind and canonical name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph"]
ActorKind = Literal["person", "state", "organization", "group"]
ACTOR_KINDS: tuple[str, ...] = ("person", "state", "organization", "group")

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def norm_key(text: str) -> str:
    """The form used for identity: NFC, curly quotes straightened, whitespace folded, lower case."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _WS.sub(" ", text).strip().lower()


def short_hash(*parts: object, size: int = 12) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:size]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a paragraph: one line of the canonical text (blank lines separate nothing)."""

    number: int  # 1-based, the ¶ of citations
    kind: BlockKind
    start: int
    end: int
    first_sentence: int  # index into Document.sentences
    last_sentence: int  # inclusive
    level: int = 0  # heading level (1-6), 0 for paragraphs


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based position in the document
    block: int  # Block.number (1-based)
    number: int  # 1-based position within its block
    start: int
    end: int
    key: str  # content-derived: hash of the normalised text + occurrence index

    @property
    def citation(self) -> str:
        return f"¶{self.block}.{self.number}"


@dataclass(slots=True)
class Document:
    """A loaded text. Identity is ``source`` (path or URL); ``sha256`` tells which text it had."""

    source: str
    title: str
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    format: str = "text"  # text | markdown | html
    splitter: str = ""  # name/version of the sentence splitter that made ``sentences``
    warnings: tuple[str, ...] = ()
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)

    @property
    def doc_id(self) -> str:
        return "d-" + short_hash(self.source)

    def sentence_text(self, sentence: Sentence | int) -> str:
        s = self.sentences[sentence] if isinstance(sentence, int) else sentence
        return self.text[s.start : s.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding character ``offset`` (binary search), or None between sentences."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def block_of(self, sentence: Sentence) -> Block:
        return self.blocks[sentence.block - 1]


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    sentence: int  # Sentence.index


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @staticmethod
    def make_id(kind: str, name: str) -> str:
        return "a-" + short_hash(kind, norm_key(name))


@dataclass(slots=True)
class Position:
    id: str
    actor: str  # the source actor's canonical name
    actor_id: str
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    sentence: int  # Sentence.index
    start: int  # the sentence's span
    end: int
    source_text: str = ""  # the surface form of the source in the text ("he", "Turkish officials")

    @staticmethod
    def make_id(sentence_key: str, cue: str, source_surface: str) -> str:
        return "p-" + short_hash(sentence_key, norm_key(cue), norm_key(source_surface))


@dataclass(slots=True)
class Question:
    id: str
    sentence: int  # Sentence.index
    cue: str
    cue_start: int
    cue_end: int
    about: str
    start: int
    end: int

    @staticmethod
    def make_id(sentence_key: str, cue: str) -> str:
        return "q-" + short_hash(sentence_key, norm_key(cue))


@dataclass(slots=True)
class Analysis:
    """What the analysis found in one document (``document_sha256`` says which text)."""

    source: str
    title: str
    document_sha256: str
    chars: int
    sentence_count: int
    model: str  # "name==version"
    analyser: str  # analyser version
    actors: list[Actor] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    complete: bool = True  # False while blocks are still being analysed (partial results)

    def actor_by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
