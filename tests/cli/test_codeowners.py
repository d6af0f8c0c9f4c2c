"""`satudata codeowners`: CODEOWNERS written from organisasi.yaml, and checked."""

from __future__ import annotations

from satudata.cli import main


def test_codeowners_command_writes_and_checks(repo, capsys):
    (repo.root / "CODEOWNERS").unlink()
    assert main(["codeowners", "--repo", str(repo.root), "--periksa"]) == 1
    assert main(["codeowners", "--repo", str(repo.root)]) == 0
    text = (repo.root / "CODEOWNERS").read_text()
    assert "/data/dinkes/  @contoh/dinkes @contoh/walidata" in text
    assert main(["codeowners", "--repo", str(repo.root), "--periksa"]) == 0
