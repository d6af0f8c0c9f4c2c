"""report/json.py: the machine-readable report."""

from __future__ import annotations

import json

from satudata.report import render_json

from .snapshot import check_snapshot


def test_json_snapshot_and_shape(report):
    text = render_json(report)
    check_snapshot("laporan.json", text)
    data = json.loads(text)
    assert data["version"] == 1
    assert data["summary"] == {
        "datasets": 1,
        "rows": 3,
        "error": 3,
        "warning": 1,
        "info": 1,
        "ok": False,
    }
    assert set(data["findings"][0]) == {
        "code",
        "severity",
        "family",
        "dataset",
        "file",
        "line",
        "column",
        "field",
        "message",
        "saran",
    }
