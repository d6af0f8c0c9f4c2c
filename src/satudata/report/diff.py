"""Text and Markdown renderings of a review summary (`satudata diff`): what a Diskominfo
reviewer needs to approve a pull request — values, not only keys; names beside codes; the
biggest changes first; a total per measure; and a note whenever something is left out."""

from __future__ import annotations

import os

from satudata.audit.diff import EXAMPLES, DatasetDiff, Diff
from satudata.rules.personal_data import mask_personal
from satudata.util.language import language, localized
from satudata.util.numbers import number

MAX_CHARS = 60_000  # GitHub refuses comments over 65,536 characters
MAX_FIELDS = 30
_STATUS = {
    "baru": ("dataset baru", "new dataset"),
    "dihapus": ("dataset dihapus", "dataset removed"),
    "diubah": ("diubah", "changed"),
}


def _status(d: DatasetDiff) -> str:
    return localized(*_STATUS[d.status])


def _problem(problem) -> str:
    lang = language()
    return f"{problem.message(lang)} {problem.saran(lang)}"


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
        whole = localized("seluruhnya", "all of it")
        return localized(f"kolom {name}", f"column {name}") + f": {rest.lstrip('.') or whole}"
    return path


# What `_more` counts, in both languages.
_ROWS_ADDED = ("baris ditambah", "rows added")
_ROWS_REMOVED = ("baris dihapus", "rows removed")
_ROWS_CHANGED = ("baris diubah", "rows changed")
_FIELDS = ("isian", "fields")


def _more(shown: int, total: int, what: tuple[str, str]) -> list[str]:
    if total <= shown:
        return []
    others = number(total - shown, language())
    return ["… " + localized(f"dan {others} {what[0]} lainnya", f"and {others} more {what[1]}")]


def _no_change() -> str:
    return localized("Tidak ada dataset yang berubah.", "No dataset changed.")


def render_diff_text(review: Diff) -> str:
    head = review.head or localized("direktori kerja", "working tree")
    lines = [localized("Perubahan", "Changes") + f" {review.base} → {head}:"]
    if not review.datasets:
        lines.append("  " + _no_change())
    for d in review.datasets:
        fields = len(d.fields)
        lines.append(
            f"{d.id} ({_status(d)}): "
            + localized(
                f"+{d.added} baris, -{d.removed} baris, ~{d.changed} baris diubah, "
                f"{fields} isian metadata diubah",
                f"+{d.added} rows, -{d.removed} rows, ~{d.changed} rows changed, "
                f"{fields} metadata fields changed",
            )
        )
        for measure, before, after in d.totals:
            lines.append(f"  total {measure}: {before} → {after}")
        for row in d.added_rows:
            lines.append("  + " + ", ".join(f"{c}={_named(d, c, v)}" for c, v in row))
        lines += [f"  {m}" for m in _more(len(d.added_rows), d.added, _ROWS_ADDED)]
        for row in d.removed_rows:
            lines.append("  - " + ", ".join(f"{c}={_named(d, c, v)}" for c, v in row))
        lines += [f"  {m}" for m in _more(len(d.removed_rows), d.removed, _ROWS_REMOVED)]
        for change in d.changed_examples:
            detail = "; ".join(f"{c}: {_shown(o)} → {_shown(n)}" for c, o, n in change.columns)
            lines.append(f"  ~ {_key(d, change.key)}: {detail}")
        lines += [f"  {m}" for m in _more(len(d.changed_examples), d.changed, _ROWS_CHANGED)]
        for path, old, new in d.fields[:MAX_FIELDS]:
            lines.append(f"  metadata {_field(path)}: {_shown(old)} → {_shown(new)}")
        lines += [f"  {m}" for m in _more(min(len(d.fields), MAX_FIELDS), len(d.fields), _FIELDS)]
        error = localized("GALAT", "ERROR")
        lines += [f"  {error}: {_problem(problem)}" for problem in d.problems]
    return "\n".join(lines) + "\n"


def render_diff_markdown(review: Diff, max_chars: int = MAX_CHARS) -> str:
    lang = language()
    head = ["## " + localized("Ringkasan perubahan data", "Summary of data changes"), ""]
    if not review.datasets:
        return "\n".join([*head, _no_change(), ""])
    head += [
        localized(
            "| Dataset | Status | Baris ditambah | Baris dihapus | Baris diubah | Metadata |",
            "| Dataset | Status | Rows added | Rows removed | Rows changed | Metadata |",
        ),
        "|---|---|---:|---:|---:|---:|",
    ]
    for d in review.datasets:
        mark = " ❌" if d.problems else ""
        head.append(
            f"| `{d.id}`{mark} | {_status(d)} | {number(d.added, lang)} "
            f"| {number(d.removed, lang)} | {number(d.changed, lang)} | {len(d.fields)} |"
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
    section += [f"- ❌ {_problem(p)}" for p in d.problems]
    if d.totals:
        section += [
            "",
            localized(
                "| Ukuran | Total sebelum | Total sesudah |",
                "| Measure | Total before | Total after |",
            ),
            "|---|---:|---:|",
        ]
        section += [f"| `{_cell(m)}` | {b} | {a} |" for m, b, a in d.totals]
    section += _rows_table(_ROWS_ADDED, d, d.added_rows, d.added)
    if d.changed_examples:
        changed = number(d.changed, language())
        section += [
            "",
            localized(
                f"**Baris diubah** (perubahan terbesar dahulu, {changed} baris):",
                f"**Rows changed** (biggest changes first, {changed} rows):",
            ),
            "",
        ]
        for change in d.changed_examples:
            detail = "; ".join(
                f"{_cell(c)}: {_cell(o)} → **{_cell(n)}**" for c, o, n in change.columns
            )
            section.append(f"- ✏️ {_cell(_key(d, change.key))}: {detail}")
        section += [f"- {m}" for m in _more(len(d.changed_examples), d.changed, _ROWS_CHANGED)]
    section += _rows_table(_ROWS_REMOVED, d, d.removed_rows, d.removed)
    if d.fields:
        section += [
            "",
            localized("| Isian metadata | Lama | Baru |", "| Metadata field | Old | New |"),
            "|---|---|---|",
        ]
        shown = d.fields[:MAX_FIELDS]
        section += [f"| {_cell(_field(p))} | {_cell(o)} | {_cell(n)} |" for p, o, n in shown]
        section += [f"| {m} | | |" for m in _more(len(shown), len(d.fields), _FIELDS)]
    return [*section, "", "</details>", ""]


def _rows_table(what: tuple[str, str], d: DatasetDiff, rows: list, total: int) -> list[str]:
    if not rows:
        return []
    columns = [c for c, _ in rows[0]]
    title = localized(*what)
    lines = ["", f"**{title[0].upper() + title[1:]}** ({number(total, language())}):", ""]
    lines.append("| " + " | ".join(_cell(c) for c in columns) + " |")
    lines.append("|" + "---|" * len(columns))
    for row in rows:
        lines.append("| " + " | ".join(_cell(_named(d, c, v)) for c, v in row) + " |")
    if total > len(rows):
        lines.append("")
        lines += _more(len(rows), total, what)
    return lines


def _cut_note(review: Diff) -> str:
    server, repository, run = (
        os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_RUN_ID")
    )
    if server and repository and run:
        link = f"({server}/{repository}/actions/runs/{run})"
        where = localized(
            f"[ringkasan lengkap di halaman job]{link}", f"[the full summary on the job page]{link}"
        )
    else:
        where = f"`satudata diff {review.base}`"
    return localized(
        f"_Rincian dataset lain dipotong agar komentar tidak melebihi batas GitHub; lihat {where}._",
        f"_The details of other datasets were cut so that the comment stays within GitHub's "
        f"limit; see {where}._",
    )


__all__ = ["EXAMPLES", "render_diff_markdown", "render_diff_text"]
