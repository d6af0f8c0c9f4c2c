"""Text and Markdown renderings of a review summary (`satudata diff`)."""

from __future__ import annotations

from satudata.audit.diff import Diff

MAX_CHARS = 30_000
_STATUS = {"baru": "dataset baru", "dihapus": "dataset dihapus", "diubah": "diubah"}


def _cell(text: str) -> str:
    text = str(text)
    text = text if len(text) <= 80 else text[:79] + "…"
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def render_diff_text(review: Diff) -> str:
    lines = [f"Perubahan {review.base} → {review.head or 'direktori kerja'}:"]
    if not review.datasets:
        lines.append("  Tidak ada dataset yang berubah.")
    for d in review.datasets:
        lines.append(
            f"{d.id} ({_STATUS[d.status]}): +{d.added} baris, -{d.removed} baris, "
            f"~{d.changed} baris diubah, {len(d.fields)} isian metadata diubah"
        )
        for key in d.added_examples:
            lines.append(f"  + {key}")
        for key in d.removed_examples:
            lines.append(f"  - {key}")
        for change in d.changed_examples:
            detail = "; ".join(f"{c}: {o} → {n}" for c, o, n in change.columns)
            lines.append(f"  ~ {change.key}: {detail}")
        for path, old, new in d.fields[:20]:
            lines.append(f"  metadata {path}: {old} → {new}")
        for problem in d.problems:
            lines.append(f"  GALAT: {problem.message()} {problem.saran()}")
    return "\n".join(lines) + "\n"


def render_diff_markdown(review: Diff, max_chars: int = MAX_CHARS) -> str:
    head = ["## Ringkasan perubahan data", ""]
    if not review.datasets:
        return "\n".join([*head, "Tidak ada dataset yang berubah.", ""])
    head += [
        "| Dataset | Status | Baris ditambah | Baris dihapus | Baris diubah | Metadata |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for d in review.datasets:
        mark = " ❌" if d.problems else ""
        head.append(
            f"| `{d.id}`{mark} | {_STATUS[d.status]} | {d.added} | {d.removed} | "
            f"{d.changed} | {len(d.fields)} |"
        )
    body: list[str] = [""]
    for d in review.datasets:
        section = [f"<details><summary><code>{d.id}</code></summary>", ""]
        section += [f"- ❌ {p.message()} {p.saran()}" for p in d.problems]
        section += [f"- ➕ `{_cell(k)}`" for k in d.added_examples]
        section += [f"- ➖ `{_cell(k)}`" for k in d.removed_examples]
        for change in d.changed_examples:
            detail = "; ".join(f"{_cell(c)}: {_cell(o)} → {_cell(n)}" for c, o, n in change.columns)
            section.append(f"- ✏️ `{_cell(change.key)}`: {detail}")
        if d.fields:
            section += ["", "| Isian metadata | Lama | Baru |", "|---|---|---|"]
            section += [f"| `{_cell(p)}` | {_cell(o)} | {_cell(n)} |" for p, o, n in d.fields[:30]]
        section += ["", "</details>", ""]
        text = "\n".join(section)
        if sum(len(x) + 1 for x in head + body) + len(text) > max_chars - 200:
            body.append(
                f"_Rincian dataset lain dipotong agar komentar tidak melebihi batas; "
                f"jalankan `satudata diff {review.base}` untuk seluruhnya._"
            )
            break
        body.append(text)
    return "\n".join(head + body) + "\n"
