"""Run spaCy over a Document block by block, with the loader's sentence boundaries preset.

spaCy refuses texts over ``nlp.max_length`` in one call, and a whole 1 MB Doc costs far more memory
than the findings it yields, so the analysis streams: one Doc per block (a heading or a paragraph),
batched through ``nlp.pipe``, each Doc dropped as soon as its findings are extracted. Progress is
reported as blocks complete, with partial results now and then so a reader can fill its panels.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from briefing.analysis.extract import BlockFindings, assemble, extract_block
from briefing.analysis.models import ModelSpec, load_nlp, resolve_model
from briefing.analysis.version import ANALYSER_VERSION
from briefing.model import Analysis, Block, Document

Progress = Callable[["ProgressReport"], None]
PARTIAL_EVERY_S = 0.5  # how often partial results are assembled for the progress callback
BATCH_SIZE = 64


@dataclass(slots=True)
class ProgressReport:
    done: int  # blocks analysed
    total: int
    partial: Analysis | None = None  # set now and then, and on the last report


def _block_doc(nlp, document: Document, block: Block):
    """A spaCy Doc of one block whose sentence starts are exactly the loader's."""
    from spacy.tokens import Doc

    text = document.text
    sents = document.sentences[block.first_sentence : block.last_sentence + 1]
    block_text = text[block.start : block.end]
    doc = nlp.make_doc(block_text)
    starts = {s.start - block.start for s in sents}
    token_starts = {t.idx for t in doc}
    if not starts <= token_starts:
        # a boundary falls inside a token ("hikes.Governor"): tokenise sentence by sentence
        pieces = []
        for i, s in enumerate(sents):
            end = sents[i + 1].start if i + 1 < len(sents) else block.end
            pieces.append(nlp.make_doc(text[s.start : end]))
        doc = Doc.from_docs(pieces, ensure_whitespace=False)
    for tok in doc:
        tok.is_sent_start = tok.idx in starts
    return doc


def _new_analysis(document: Document, spec: ModelSpec) -> Analysis:
    return Analysis(
        source=document.source,
        title=document.title,
        document_sha256=document.sha256,
        chars=len(document.text),
        sentence_count=len(document.sentences),
        model=spec.label,
        analyser=ANALYSER_VERSION,
    )


def run_analysis(
    document: Document,
    *,
    spec: ModelSpec | None = None,
    nlp=None,
    on_progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Analysis:
    """Analyse ``document`` (no cache: see ``briefing.analysis.analyse``)."""
    spec = spec or resolve_model()
    nlp = nlp if nlp is not None else load_nlp(spec)
    blocks = document.blocks
    findings: list[BlockFindings] = []

    def docs() -> Iterator:
        for block in blocks:
            yield _block_doc(nlp, document, block)

    last = time.monotonic()
    for block, doc in zip(blocks, nlp.pipe(docs(), batch_size=BATCH_SIZE)):
        findings.append(extract_block(doc, document, block))
        del doc
        if should_stop is not None and should_stop():
            break
        if on_progress is not None:
            now = time.monotonic()
            partial = None
            if now - last >= PARTIAL_EVERY_S:
                last = now
                partial = _new_analysis(document, spec)
                partial.actors, partial.positions, partial.questions = assemble(document, findings)
                partial.complete = False
            on_progress(ProgressReport(len(findings), len(blocks), partial))
    analysis = _new_analysis(document, spec)
    analysis.actors, analysis.positions, analysis.questions = assemble(document, findings)
    analysis.complete = len(findings) == len(blocks)
    if on_progress is not None:
        on_progress(ProgressReport(len(findings), len(blocks), analysis))
    return analysis
