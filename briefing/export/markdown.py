"""The markdown briefing (CommonMark + GFM tables): :func:`render_markdown`.

Every string that comes from an article, a title, a source, the analysis or a note goes through
:mod:`briefing.export.escape`; only the structure around it is written here. Quotes are slices of
the document's canonical text (cue, content, sentence, annotated span), never paraphrases.
"""

from __future__ import annotations

import re

from briefing.export.build import Briefing, DocumentBriefing, claim_span
from briefing.export.escape import inline, lines
from briefing.model import Position, Question, norm_key

_HEX = re.compile(r"^[0-9a-f]{64}$")


def _date(b: Briefing) -> str:
    return b.date.strftime("%Y-%m-%d %H:%M UTC")


def _quote(text: str) -> str:
    return f"“{inline(text)}”"


def _slice(d: DocumentBriefing, start: int, end: int, fallback: str = "") -> str:
    text = d.document.text[start:end] if 0 <= start < end <= len(d.document.text) else ""
    return text or fallback


def _cite(b: Briefing, d: DocumentBriefing, sentence_index: int) -> str:
    sentences = d.document.sentences
    where = sentences[sentence_index].citation if 0 <= sentence_index < len(sentences) else "¶?"
    return f"[doc {d.number}, {where}]" if b.multi else f"[{where}]"


def _mark(d: DocumentBriefing, item_id: str) -> str:
    status = d.status(item_id)
    if status == "confirmed":
        return " — **confirmed**"
    if status == "added":
        return " — *added by hand*"
    return ""


def _hash(sha: str) -> str:
    return f"`{sha}`" if _HEX.match(sha) else inline(sha)


def _review_summary(d: DocumentBriefing) -> str:
    r = d.reviewed
    items = [*r.positions, *r.questions]
    confirmed = sum(1 for x in items if r.status.get(x.id) == "confirmed")
    added = sum(1 for x in items if r.status.get(x.id) == "added")
    added_actors = sum(1 for x in r.actors if r.status.get(x.id) == "added")
    unapplied = {x.id for x in d.unapplied}
    actor_ops = sum(1 for x in d.reviews if x.op in ("rename_actor", "merge_actors", "move_alias") and x.id not in unapplied)
    parts = []
    if confirmed:
        parts.append(f"{confirmed} confirmed")
    if r.rejected:
        parts.append(f"{len(r.rejected)} rejected (left out)")
    if added:
        parts.append(f"{added} added by hand")
    if added_actors:
        parts.append(f"{added_actors} {'actor' if added_actors == 1 else 'actors'} added by hand")
    if actor_ops:
        parts.append(f"{actor_ops} actor {'change' if actor_ops == 1 else 'changes'} (rename, merge, alias)")
    applied = sum(1 for a in d.across if a.applied)
    if applied:
        parts.append(f"{applied} actor {'change' if applied == 1 else 'changes'} from other documents")
    text = ", ".join(parts)
    if d.unapplied:
        n = len(d.unapplied)
        text += ("; " if text else "") + f"{n} {'review' if n == 1 else 'reviews'} not applied (target no longer found)"
    return text


def _header(b: Briefing, out: list[str]) -> None:
    if not b.multi:
        d = b.documents[0]
        out += [f"# Briefing: {inline(d.document.title) or 'untitled'}", ""]
        out.append(f"- **Source:** {inline(d.source)}")
        out.append(f"- **Document hash (SHA-256):** {_hash(d.document.sha256)}")
        out.append(f"- **Analysis date:** {_date(b)}")
        out.append(f"- **Model:** {inline(d.analysis.model)}")
        out.append(f"- **Analyser:** {inline(d.analysis.analyser)}")
        if not d.analysis.complete:
            out.append("- **Partial analysis:** not every paragraph was analysed")
        summary = _review_summary(d)
        if summary:
            out.append(f"- **Reviews:** {summary}")
        out.append("")
        return
    out += [f"# Briefing: {len(b.documents)} documents", ""]
    out.append(f"- **Analysis date:** {_date(b)}")
    models = {(d.analysis.model, d.analysis.analyser) for d in b.documents}
    if len(models) == 1:
        model, analyser = next(iter(models))
        out.append(f"- **Model:** {inline(model)}")
        out.append(f"- **Analyser:** {inline(analyser)}")
    across = [a for d in b.documents for a in d.across]
    if across:
        n = len({a.review.id for a in across})
        if b.apply_reviews_across:
            out.append(f"- **Reviews across documents:** {n} actor {'change' if n == 1 else 'changes'} made in one document applied to the others")
        else:
            out.append(
                f"- **Reviews across documents:** {n} actor {'change' if n == 1 else 'changes'} made in one document "
                "also fit others, not applied there (not confirmed)"
            )
    out += ["", "## Documents", ""]
    for d in b.documents:
        out.append(f"{d.number}. **{inline(d.document.title) or 'untitled'}** — {inline(d.source)}\\")
        details = [f"SHA-256 {_hash(d.document.sha256)}"]
        if len(models) > 1:
            details += [f"model {inline(d.analysis.model)}", f"analyser {inline(d.analysis.analyser)}"]
        if not d.analysis.complete:
            details.append("partial analysis")
        summary = _review_summary(d)
        if summary:
            details.append(f"reviews: {summary}")
        out.append("   " + " · ".join(details))
    out.append("")


def _bluf(b: Briefing, out: list[str]) -> None:
    out += ["## Bottom line up front", ""]
    if not b.bluf:
        out += ["No stated positions were found.", ""]
        return
    for bullet in b.bluf:
        d, p = bullet.entry, bullet.position
        claim = _slice(d, *claim_span(p), fallback=p.content)
        out.append(f"- **{inline(bullet.actor.name)}:** {_quote(claim)} {_cite(b, d, p.sentence)}{_mark(d, p.id)}")
    out.append("")


def _cell(text: str) -> str:
    return inline(text) or "—"


def _actors(b: Briefing, out: list[str]) -> None:
    out += ["## Actors", ""]
    if not b.actors:
        out += ["No actors were found.", ""]
        return
    if b.multi:
        out += ["| Actor | Kind | Aliases | Mentions | Documents |", "| --- | --- | --- | ---: | --- |"]
    else:
        out += ["| Actor | Kind | Aliases | Mentions |", "| --- | --- | --- | ---: |"]
    for e in b.actors:
        name = _cell(e.name) + (" (added by hand)" if e.added else "")
        row = [name, _cell(e.kind), _cell(", ".join(e.aliases)), str(e.mentions)]
        if b.multi:
            row.append(", ".join(str(n) for n in e.documents))
        out.append("| " + " | ".join(row) + " |")
    out.append("")


def _position(b: Briefing, d: DocumentBriefing, p: Position) -> str:
    cue = _slice(d, p.cue_start, p.cue_end, fallback=p.cue)
    content = _slice(d, p.content_start, p.content_end, fallback=p.content)
    line = f"- *{inline(cue)}:* {_quote(content)} {_cite(b, d, p.sentence)}"
    if p.source_text.strip() and norm_key(p.source_text) != norm_key(p.actor):
        line += f" — as {_quote(p.source_text)}"
    return line + _mark(d, p.id)


def _positions(b: Briefing, out: list[str]) -> None:
    out += ["## Positions", ""]
    if not any(e.positions for e in b.actors):
        out += ["No stated positions were found.", ""]
        return
    for d in b.documents:
        if b.multi:
            out += [f"### Document {d.number}: {inline(d.document.title) or 'untitled'}", ""]
        level = "####" if b.multi else "###"
        found = False
        for e in b.actors:
            mine = [p for dd, p in e.positions if dd is d]
            if not mine:
                continue
            found = True
            out += [f"{level} {inline(e.name)}", ""]
            out += [_position(b, d, p) for p in mine]
            out.append("")
        if not found:
            out += ["No stated positions were found in this document.", ""]


def _question(b: Briefing, d: DocumentBriefing, q: Question) -> str:
    cue = _slice(d, q.cue_start, q.cue_end, fallback=q.cue)
    sentence = _slice(d, q.start, q.end, fallback=q.about)
    return f"- *{inline(cue)}:* {_quote(sentence)} {_cite(b, d, q.sentence)}{_mark(d, q.id)}"


def _questions(b: Briefing, out: list[str]) -> None:
    out += ["## Open questions", ""]
    if not any(d.reviewed.questions for d in b.documents):
        out += ["No open questions were found.", ""]
        return
    for d in b.documents:
        if b.multi:
            out += [f"### Document {d.number}: {inline(d.document.title) or 'untitled'}", ""]
        if not d.reviewed.questions:
            out += ["No open questions were found in this document.", ""]
            continue
        out += [_question(b, d, q) for q in d.reviewed.questions]
        out.append("")


def _note(b: Briefing, d: DocumentBriefing, placed, orphaned: bool) -> list[str]:  # noqa: ANN001
    a = placed.annotation
    head = ["-"]
    if not orphaned:
        head.append(_cite(b, d, placed.sentence.index) if placed.sentence else "[¶?]")
    head.append(_quote(a.quote))
    tags = " ".join("#" + inline(t) for t in a.tags if inline(t))
    if tags:
        head.append("— " + tags)
    if a.author.strip():
        head.append("— " + inline(a.author))
    body = lines(a.note)
    rows = [" ".join(head)]
    rows += ["  " + line for line in body]
    return [row + "\\" if i < len(rows) - 1 else row for i, row in enumerate(rows)]


def _notes(b: Briefing, out: list[str]) -> None:
    out += ["## Analyst notes", ""]
    if not any(d.notes for d in b.documents):
        out += ["No notes.", ""]
        return
    for d in b.documents:
        if b.multi:
            out += [f"### Document {d.number}: {inline(d.document.title) or 'untitled'}", ""]
        placed, orphaned = d.placed_notes, d.orphaned_notes
        if not placed and not orphaned:
            out += ["No notes on this document.", ""]
            continue
        for p in placed:
            out += _note(b, d, p, orphaned=False)
        if placed:
            out.append("")
        if orphaned:
            level = "####" if b.multi else "###"
            out += [
                f"{level} Orphaned notes",
                "",
                "The text these notes were made on is no longer in the document; each keeps its quote.",
                "",
            ]
            for p in orphaned:
                out += _note(b, d, p, orphaned=True)
            out.append("")


def render_markdown(briefing: Briefing) -> str:
    """The briefing as a Markdown document (ends with one newline)."""
    out: list[str] = []
    _header(briefing, out)
    _bluf(briefing, out)
    _actors(briefing, out)
    _positions(briefing, out)
    _questions(briefing, out)
    _notes(briefing, out)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
