"""`satudata build`: validate, then build the catalog."""

from __future__ import annotations

from satudata.cli import main


def test_build_prints_the_validation_summary(repo, capsys):
    assert main(["build", "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    summary = next(line for line in out.splitlines() if line.startswith("Validasi — "))
    assert "LULUS:" in summary and "galat" in summary and "peringatan" in summary
    assert "Katalog dibangun di" in out and "1 dataset terbit, 0 hanya metadata" in out


def test_build_in_english(repo, capsys):
    assert main(["--lang", "en", "build", "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    summary = next(line for line in out.splitlines() if line.startswith("Validation — "))
    assert "PASSED: 1 datasets, 4 rows;" in summary
    assert "Catalog built in" in out and "1 datasets published, 0 metadata only" in out
    assert "dataset terbit" not in out and "halaman" not in out


def test_build_errors_in_english(repo, capsys):
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,x,1\n")
    assert main(["--lang", "en", "build", "--repo", str(repo.root)]) == 1
    captured = capsys.readouterr()
    assert "FAILED: 1 datasets" in captured.out
    assert "Error: Validation found errors; the catalog was not built." in captured.err


def test_serve_refuses_a_malformed_address_in_english(repo, capsys):
    assert main(["--lang", "en", "serve", "--repo", str(repo.root), "--alamat", "localhost"]) == 2
    assert "Error: Address 'localhost' is not valid; write HOST:PORT" in capsys.readouterr().err
