"""GitHub Actions workflow commands, so findings appear inline on a pull request's lines."""

from __future__ import annotations

from satudata.findings import Finding, Report, Severity
from satudata.report.text import summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str = "id") -> str:
    props = []
    if finding.file:
        props.append(f"file={_escape_property(finding.file)}")
        if finding.line:
            props.append(f"line={finding.line}")
    props.append(f"title={_escape_property(finding.code)}")
    fix = "Fix" if lang == "en" else "Saran"
    message = f"{finding.message(lang)} {fix}: {finding.saran(lang)}"
    return f"::{_COMMAND[finding.severity]} {','.join(props)}::{_escape_data(message)}"


def render_github(report: Report, lang: str = "id") -> str:
    lines = [annotation(f, lang) for f in report.findings if f.severity is not Severity.INFO]
    lines.append(summary_line(report, lang))
    return "\n".join(lines) + "\n"
