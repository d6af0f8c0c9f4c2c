"""`satudata kinerja`: the performance table, as text or JSON."""

from __future__ import annotations

import json

from satudata.cli import main


def test_kinerja_command_json(repo, capsys):
    assert (
        main(["kinerja", "--repo", str(repo.root), "--hari-ini", "2026-11-23", "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert [o["opd"] for o in data["opd"]] == ["diskominfo", "dinkes"]
    assert main(["kinerja", "--repo", str(repo.root), "--hari-ini", "2026-11-23"]) == 0
    assert "Kinerja Data" in capsys.readouterr().out


def test_kinerja_table_in_english(repo, capsys):
    args = ["--lang", "en", "kinerja", "--repo", str(repo.root), "--hari-ini", "2026-11-23"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Data performance" in out and "Kinerja Data" not in out
    assert "Data List datasets have been submitted." in out and "100.0%" in out
