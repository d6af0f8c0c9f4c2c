"""Text and Markdown renderings of a review summary (`satudata diff`): what a Diskominfo
reviewer needs to approve a pull request — values, not only keys; names beside codes; the
biggest changes first; a total per measure; and a note whenever something is left out."""

from __future__ import annotations

import os

from satudata.audit.diff import EXAMPLES, DatasetDiff, Diff
from satudata.rules.personal_data import mask_personal
from satudata.util.numbers import number

MAX_CHARS = 60_000  # GitHub refuses comments over 65,536 characters
MAX_FIELDS = 30
_STATUS = {"baru": "dataset baru", "dihapus": "dataset dihapus", "diubah": "diubah"}


def _shown(value: object) -> str:
    """A value as this summary prints it: personal numbers masked, as in findings (the summary
    goes into a pull-request comment, which outlives the commit that brought them)."""
    return mask_personal(str(value))


def _cell(text: str) -> str:
    text = _shown(text)
    text = text if len(text) <= 80 else text[:79] + "…"
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _named(d: DatasetDiff, column: str, value: str) -> str:
    name = d.names.get(column, {}).get(value)
    return f"{_shown(value)} ({name})" if name else _shown(value)


def _key(d: DatasetDiff, key: str) -> str:
    """A row key with the name of each code in it."""
    parts = key.split(", ")
    labelled = [next((_named(d, c, p) for c in d.names if p in d.names[c]), p) for p in parts]
    return _shown(", ".join(labelled))


def _field(path: str) -> str:
    """`kolom[jumlah].satuan` → `kolom jumlah: satuan` (how a reviewer says it)."""
    if path.startswith("kolom[") and "]" in path:
        name, _, rest = path[len("kolom[") :].partition("]")
        return f"kolom {name}: {rest.lstrip('.') or 'seluruhnya'}"
    return path


def _more(shown: int, total: int, what: str) -> list[str]:
    return [f"… dan {number(total - shown)} {what} lainnya"] if total > shown else []


def render_diff_text(review: Diff) -> str:
    lines = [f"Perubahan {review.base} → {review.head or 'direktori kerja'}:"]
    if not review.datasets:
        lines.append("  Tidak ada dataset yang berubah.")
    for d in review.datasets:
        lines.append(
            f"{d.id} ({_STATUS[d.status]}): +{d.added} baris, -{d.removed} baris, "
            f"~{d.changed} baris diubah, {len(d.fields)} isian metadata diubah"
        )
        for measure, before, after in d.totals:
            lines.append(f"  total {measure}: {before} → {after}")
        for row in d.added_rows:
            lines.append("  + " + ", ".join(f"{c}={_named(d, c, v)}" for c, v in row))
        lines += [f"  {m}" for m in _more(len(d.added_rows), d.added, "baris ditambah")]
        for row in d.removed_rows:
            lines.append("  - " + ", ".join(f"{c}={_named(d, c, v)}" for c, v in row))
        lines += [f"  {m}" for m in _more(len(d.removed_rows), d.removed, "baris dihapus")]
        for change in d.changed_examples:
            detail = "; ".join(f"{c}: {_shown(o)} → {_shown(n)}" for c, o, n in change.columns)
            lines.append(f"  ~ {_key(d, change.key)}: {detail}")
        lines += [f"  {m}" for m in _more(len(d.changed_examples), d.changed, "baris diubah")]
        for path, old, new in d.fields[:MAX_FIELDS]:
            lines.append(f"  metadata {_field(path)}: {_shown(old)} → {_shown(new)}")
        lines += [f"  {m}" for m in _more(min(len(d.fields), MAX_FIELDS), len(d.fields), "isian")]
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
            f"| `{d.id}`{mark} | {_STATUS[d.status]} | {number(d.added)} | {number(d.removed)} "
            f"| {number(d.changed)} | {len(d.fields)} |"
        )
    body: list[str] = [""]
    for d in review.datasets:
        text = "\n".join(_dataset_section(d))
        if sum(len(x) + 1 for x in head + body) + len(text) > max_chars - 300:
            body.append(_cut_note(review))
            break
        body.append(text)
    return "\n".join(head + body) + "\n"


def _dataset_section(d: DatasetDiff) -> list[str]:
    section = [f"<details open><summary><code>{d.id}</code></summary>", ""]
    section += [f"- ❌ {p.message()} {p.saran()}" for p in d.problems]
    if d.totals:
        section += ["", "| Ukuran | Total sebelum | Total sesudah |", "|---|---:|---:|"]
        section += [f"| `{_cell(m)}` | {b} | {a} |" for m, b, a in d.totals]
    section += _rows_table("Baris ditambah", d, d.added_rows, d.added)
    if d.changed_examples:
        section += ["", f"**Baris diubah** (perubahan terbesar dahulu, {number(d.changed)} baris):"]
        section += [""]
        for change in d.changed_examples:
            detail = "; ".join(
                f"{_cell(c)}: {_cell(o)} → **{_cell(n)}**" for c, o, n in change.columns
            )
            section.append(f"- ✏️ {_cell(_key(d, change.key))}: {detail}")
        section += [f"- {m}" for m in _more(len(d.changed_examples), d.changed, "baris diubah")]
    section += _rows_table("Baris dihapus", d, d.removed_rows, d.removed)
    if d.fields:
        section += ["", "| Isian metadata | Lama | Baru |", "|---|---|---|"]
        shown = d.fields[:MAX_FIELDS]
        section += [f"| {_cell(_field(p))} | {_cell(o)} | {_cell(n)} |" for p, o, n in shown]
        section += [f"| {m} | | |" for m in _more(len(shown), len(d.fields), "isian")]
    return [*section, "", "</details>", ""]


def _rows_table(title: str, d: DatasetDiff, rows: list, total: int) -> list[str]:
    if not rows:
        return []
    columns = [c for c, _ in rows[0]]
    lines = ["", f"**{title}** ({number(total)}):", ""]
    lines.append("| " + " | ".join(_cell(c) for c in columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for row in rows:
        lines.append("| " + " | ".join(_cell(_named(d, c, v)) for c, v in row) + " |")
    if total > len(rows):
        lines.append("")
        lines += _more(len(rows), total, title.lower().replace("baris ", "baris "))
    return lines


def _cut_note(review: Diff) -> str:
    server, repository, run = (
        os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")
    )
    if server and repository and run:
        where = f"[ringkasan lengkap di halaman job]({server}/{repository}/actions/runs/{run})"
    else:
        where = f"`satudata diff {review.base}`"
    return (
        f"_Rincian dataset lain dipotong agar komentar tidak melebihi batas GitHub; lihat {where}._"
    )


__all__ = ["EXAMPLES", "render_diff_markdown", "render_diff_text"]
