"""Markdown report for a pull-request comment or job summary, kept under a size cap."""

from __future__ import annotations

from satudata.findings import Finding, Report, Severity
from satudata.report.text import summary_line

MAX_CHARS = 60_000
_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def _row(f: Finding, lang: str, codes_url: str | None) -> str:
    where = f"`{_cell(f.location)}`" + (f" `{_cell(f.column)}`" if f.column else "")
    code = f"[`{f.code}`]({codes_url}#{f.code})" if codes_url else f"`{f.code}`"
    return (
        f"| {_ICON[f.severity]} | {where} | {_cell(f.message(lang))} "
        f"<br>→ {_cell(f.saran(lang))} | {code} |"
    )


def render_markdown(
    report: Report, lang: str = "id", max_chars: int = MAX_CHARS, codes_url: str | None = None
) -> str:
    """`codes_url`: the catalog's *Arti pesan validasi* page; each code links to its entry."""
    en = lang == "en"
    title = "Satu Data validation" if en else "Hasil validasi Satu Data"
    status = "✅" if report.ok else "❌"
    t = report.totals
    head = [
        f"## {status} {title}",
        "",
        f"**{summary_line(report, lang)}**",
        "",
        "| "
        + (" | ".join(["Errors", "Warnings", "Info"] if en else ["Galat", "Peringatan", "Info"]))
        + " |",
        "|---:|---:|---:|",
        f"| {t['error']} | {t['warning']} | {t['info']} |",
        "",
    ]
    body: list[str] = []
    size = sum(len(line) + 1 for line in head)
    shown = 0
    reserve = 400  # room for the truncation note
    for dataset, findings in report.by_dataset().items():
        section = [
            f"### `{dataset or ('(repository)' if en else '(repositori)')}`",
            "",
            "| | Lokasi | Pesan dan saran | Kode |"
            if not en
            else "| | Location | Message and fix | Code |",
            "|---|---|---|---|",
        ]
        section_size = sum(len(line) + 1 for line in section)
        if size + section_size + reserve > max_chars:
            break
        body.extend(section)
        size += section_size
        for f in findings:
            row = _row(f, lang, codes_url)
            if size + len(row) + 1 + reserve > max_chars:
                break
            body.append(row)
            size += len(row) + 1
            shown += 1
        body.append("")
        if shown < len(report.findings) and size + reserve >= max_chars:
            break
    hidden = len(report.findings) - shown
    if hidden:
        note = (
            f"_{hidden} more findings not shown to stay within the comment size limit; "
            "see the job log or the JSON report._"
            if en
            else f"_{hidden} temuan lain tidak ditampilkan agar komentar tidak melebihi batas "
            "ukuran; lihat log job atau laporan JSON._"
        )
        body.append(note)
    if not report.findings:
        body.append("Tidak ada temuan." if not en else "No findings.")
    return "\n".join(head + body) + "\n"
