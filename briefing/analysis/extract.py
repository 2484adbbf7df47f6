"""Per-block extraction and whole-document assembly (first cut; the extractors grow in their own modules).

``extract_block`` is a pure function of one parsed block Doc: it keeps only small findings (offsets
into the canonical text, labels) so the Doc can be freed. ``assemble`` merges the findings of all
blocks so far into canonical actors, positions and questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Actor, Block, Document, Mention, Position, Question

_KINDS = {"PERSON": "person", "GPE": "state", "ORG": "organization", "NORP": "group"}


@dataclass(slots=True)
class BlockFindings:
    block: int
    mentions: list[tuple[int, int, str, int]] = field(default_factory=list)  # start, end, kind, sentence
    said: list[tuple[int, int, int, int, int]] = field(default_factory=list)  # cue s/e, src s/e, sentence


def extract_block(doc, document: Document, block: Block) -> BlockFindings:
    off = block.start
    out = BlockFindings(block.number)
    first = block.first_sentence
    sent_idx = {s.start: i for i, s in enumerate(doc.sents)}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind:
            out.mentions.append((off + ent.start_char, off + ent.end_char, kind, first + sent_idx[ent.sent.start]))
    return out


def assemble(document: Document, findings: list[BlockFindings]) -> tuple[list[Actor], list[Position], list[Question]]:
    actors: dict[tuple[str, str], Actor] = {}
    text = document.text
    for f in findings:
        for start, end, kind, sent in f.mentions:
            name = text[start:end]
            actor = actors.get((kind, name))
            if actor is None:
                actor = actors[(kind, name)] = Actor(Actor.make_id(kind, name), name, kind, [name])
            actor.mentions.append(Mention(start, end, name, sent))
    return list(actors.values()), [], []
