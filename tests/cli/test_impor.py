"""`satudata impor`: what an import prints, in either language (the importer itself is tested
in tests/onboarding/)."""

from __future__ import annotations

from satudata.cli import main


def _table(tmp_path, rows: int = 1200):
    path = tmp_path / "tabel.csv"
    lines = ["kategori,jumlah", *(f"k{i:04d},{i * 3}" for i in range(rows))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_summary_in_indonesian(repo, tmp_path, capsys):
    path = _table(tmp_path)
    assert main(["impor", str(path), "--ke", "dinkes/uji", "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    assert "ditulis: data/dinkes/uji.csv (1.200 baris, kolom: kategori, jumlah)" in out
    assert "2.402 sel sumber terisi: 2.400 masuk data, 2 dibuang dengan alasan" in out
    assert "dibuang, judul kolom: 2 sel (mis. B1 'jumlah')" in out
    assert "Langkah berikutnya:" in out


def test_import_summary_in_english(repo, tmp_path, capsys):
    path = _table(tmp_path)
    assert (
        main(["--lang", "en", "impor", str(path), "--ke", "dinkes/uji", "--repo", str(repo.root)])
        == 0
    )
    out = capsys.readouterr().out
    assert "written: data/dinkes/uji.csv (1,200 rows, columns: kategori, jumlah)" in out
    assert "format: CSV (UTF-8, separated by commas)" in out
    assert "2,402 filled source cells: 2,400 went into the data, 2 dropped with a reason" in out
    assert "kept, unchanged: 2,400 cells (e.g. A2 'k0000')" in out
    assert "dropped, column heading: 2 cells (e.g. B1 'jumlah')" in out
    assert "(full import report, cell by cell)" in out and "(draft metadata;" in out
    assert "Next steps:" in out and "Measure column 'jumlah' lacks" in out
    for indonesian in ("ditulis", "baris", "sel ", "masuk", "dibuang", "Langkah"):
        assert indonesian not in out, indonesian
    report = repo.read("metadata/dinkes/uji.impor.md")
    assert report.startswith("# Import report `dinkes/uji`") and "## Dropped cells" in report


def test_refusals_in_english(repo, tmp_path, capsys):
    path = tmp_path / "kosong.csv"
    path.write_text("\n", encoding="utf-8")
    args = ["--lang", "en", "impor", str(path), "--ke", "dinkes/uji", "--repo", str(repo.root)]
    assert main(args) == 1
    assert "Error: kosong.csv: the file is empty. No file was written." in capsys.readouterr().err
    assert main(["--lang", "en", "impor", str(_table(tmp_path, 2)), "--repo", str(repo.root)]) == 2
    assert "name the target dataset with --ke OPD/DATASET" in capsys.readouterr().err


def test_existing_files_are_kept_in_both_languages(repo, tmp_path, capsys):
    path = _table(tmp_path, 3)
    assert main(["impor", str(path), "--ke", "dinkes/uji", "--repo", str(repo.root)]) == 0
    capsys.readouterr()
    assert main(["impor", str(path), "--ke", "dinkes/uji", "--repo", str(repo.root)]) == 1
    assert "Galat: data/dinkes/uji.csv sudah ada; tambahkan --timpa" in capsys.readouterr().err
    args = ["--lang", "en", "impor", str(path), "--ke", "dinkes/uji", "--repo", str(repo.root)]
    assert main(args) == 1
    assert "Error: data/dinkes/uji.csv already exists; add --timpa" in capsys.readouterr().err
