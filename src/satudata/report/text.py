"""Terminal report: findings grouped by dataset, then a summary."""

from __future__ import annotations

from satudata.findings import Report, Severity
from satudata.util.numbers import number

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_LABEL_EN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def render_text(report: Report, lang: str = "id", color: bool = False) -> str:
    lines: list[str] = []
    for dataset, findings in _most_severe_first(report):
        lines.append(
            _paint(dataset or ("(repositori)" if lang == "id" else "(repository)"), "bold", color)
        )
        for f in findings:
            label = f.severity.label if lang == "id" else _LABEL_EN[f.severity]
            where = f.location + (f" [{f.column}]" if f.column else "")
            lines.append(
                f"  {_paint(label, _STYLE[f.severity], color)} {where}: "
                f"{f.message(lang)} ({f.code})"
            )
            lines.append(f"      → {f.saran(lang)}")
    lines.append(summary_line(report, lang))
    return "\n".join(lines) + "\n"


def summary_line(report: Report, lang: str = "id") -> str:
    t = report.totals
    if lang == "en":
        verdict = "PASSED" if report.ok else "FAILED"
        return (
            f"{verdict}: {number(len(report.datasets), lang)} datasets, "
            f"{number(report.rows, lang)} rows; {number(t['error'], lang)} errors, "
            f"{number(t['warning'], lang)} warnings, {number(t['info'], lang)} info."
        )
    verdict = "LULUS" if report.ok else "GAGAL"
    return (
        f"{verdict}: {number(len(report.datasets))} dataset, {number(report.rows)} baris; "
        f"{number(t['error'])} galat, {number(t['warning'])} peringatan, {number(t['info'])} info."
    )


def _paint(text: str, style: str, color: bool) -> str:
    if not color:
        return text
    codes = {"red": "31", "yellow": "33", "cyan": "36", "bold": "1"}
    return f"\x1b[{codes[style]}m{text}\x1b[0m"


def _most_severe_first(report: Report) -> list:
    """Datasets with errors first, so that a committer's own errors are not buried under other
    datasets' info lines (pre-commit shows the top of the output)."""
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    groups = list(report.by_dataset().items())
    return sorted(groups, key=lambda group: min(rank[f.severity] for f in group[1]))
