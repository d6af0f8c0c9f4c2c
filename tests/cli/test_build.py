"""`satudata build`: validate, then build the catalog."""

from __future__ import annotations


def test_build_prints_the_validation_summary(repo, capsys):
    from satudata.cli import main

    assert main(["build", "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    summary = next(line for line in out.splitlines() if line.startswith("Validasi — "))
    assert "LULUS:" in summary and "galat" in summary and "peringatan" in summary
    assert "Katalog dibangun di" in out
