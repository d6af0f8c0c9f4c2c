"""A built site verifies against the repository; a tampered file does not."""

from __future__ import annotations

import shutil
import subprocess

from conftest import REPO_ROOT
from satudata.catalog.build import build
from satudata.cli import main


def test_build_then_verify_then_tamper(repo, capsys):
    shutil.copyfile(REPO_ROOT / "mkdocs.yml", repo.root / "mkdocs.yml")
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-qm", "Awal (#1)\n\nDisetujui-oleh: Walidata"],
    ):
        subprocess.run(
            ["git", "-C", str(repo.root), "-c", "user.name=U", "-c", "user.email=u@x", *args],
            check=True,
            capture_output=True,
        )
    result = build(repo.root, repo.root / "public", jobs=1)
    page = (result.output / "dataset/dinkes/puskesmas/index.html").read_text(encoding="utf-8")
    assert "Riwayat perubahan" in page and "#1" in page and "Walidata" in page
    assert "+4 / -0 baris" in page
    past = list((result.output / "unduh/dinkes/puskesmas/versi").glob("*.csv"))
    assert (
        len(past) == 1
        and past[0].read_bytes() == (repo.root / "data/dinkes/puskesmas.csv").read_bytes()
    )
    assert main(["verifikasi", str(result.output), "--repo", str(repo.root)]) == 0
    tampered = result.output / "unduh/dinkes/puskesmas/puskesmas.csv"
    tampered.write_bytes(tampered.read_bytes().replace(b",3\n", b",30\n", 1))
    assert main(["verifikasi", str(result.output), "--repo", str(repo.root)]) == 1
    out = capsys.readouterr().out
    assert "TIDAK COCOK: unduh/dinkes/puskesmas/puskesmas.csv" in out
