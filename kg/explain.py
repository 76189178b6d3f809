"""Explain: how kg read an article, sentence by sentence, as plain text.

Per sentence it shows the morphemes, the actor mentions with their roles, each relation cue
and the statements it made or why it made none: what users and developers read to debug a
missed or wrong relation (`kg explain ARTICLE`).
"""

from __future__ import annotations

from kg.documents import Document
from kg.pipeline import Resources, explain_readings


def explain(document: Document, resources: Resources, *, only_cues: bool = False) -> str:
    """The reading of every sentence of the article; `only_cues` keeps sentences with a cue."""
    lines = [f"# {document.id} (published {document.published or 'unknown'})"]
    for sentence, mentions, _, readings in explain_readings(document, resources):
        if only_cues and not readings:
            continue
        lines.append("")
        lines.append(f"[{sentence.start}:{sentence.end}] {sentence.text}")
        lines.append("  morphemes: " + " ".join(f"{t.form}/{t.tag}" for t in sentence.tokens))
        if mentions:
            lines.append(
                "  mentions: " + ", ".join(f"{m.text}={m.entity.id}({m.role})" for m in mentions)
            )
        for reading in readings:
            lines.append(f"  cue {reading.cue!r} ({reading.kind})")
            for s in reading.statements:
                time = s.time.value if s.time else "-"
                said = f" said by {s.speaker.ko}" if s.speaker else ""
                lines.append(
                    f"    → {s.subject.ko} {s.predicate} {s.object.ko}"
                    f" time={time} {s.modality} conf={s.confidence}{said}"
                )
            for note in reading.notes:
                lines.append(f"    ✗ {note}")
            if not reading.statements and not reading.notes:
                lines.append("    ✗ no statement")
    return "\n".join(lines) + "\n"
