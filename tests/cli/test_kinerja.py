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
