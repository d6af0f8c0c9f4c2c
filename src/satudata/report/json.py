"""JSON report. Shape (version 1, stable; documented in docs/validasi.md):

{"version": 1,
 "summary": {"datasets": int, "rows": int, "error": int, "warning": int, "info": int,
             "ok": bool},
 "findings": [{"code", "severity", "family", "dataset", "file", "line", "column", "field",
               "message", "saran"}, ...]}
"""

from __future__ import annotations

import json

from satudata.findings import Report

FORMAT_VERSION = 1


def report_dict(report: Report, lang: str = "id") -> dict:
    return {
        "version": FORMAT_VERSION,
        "summary": {
            "datasets": len(report.datasets),
            "rows": report.rows,
            **report.totals,
            "ok": report.ok,
        },
        "findings": [f.to_dict(lang) for f in report.findings],
    }


def render_json(report: Report, lang: str = "id") -> str:
    return json.dumps(report_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
