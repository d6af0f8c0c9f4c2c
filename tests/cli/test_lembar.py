"""`satudata lembar`: the workbook export and the import of a workbook, as printed."""

from __future__ import annotations

from satudata.cli import main


def test_workbook_round_trip_in_english(repo, tmp_path, capsys):
    target = tmp_path / "puskesmas.xlsx"
    args = ["--lang", "en", "lembar", "dinkes/puskesmas", "--repo", str(repo.root)]
    assert main([*args, "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Workbook written: {target}" in out and "Edit the Data and Metadata sheets" in out
    assert main(["--lang", "en", "impor", str(target), "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    assert "## Workbook import `puskesmas.xlsx` → `dinkes/puskesmas`" in out
    assert "Rows: 4 unchanged, 0 changed, 0 added, 0 removed." in out
    assert "Nothing changed; no file was written." in out


def test_refusals_in_both_languages(repo, tmp_path, capsys):
    target = tmp_path / "ada.xlsx"
    target.write_bytes(b"")
    args = ["lembar", "dinkes/puskesmas", "--repo", str(repo.root), "-o", str(target)]
    assert main(args) == 2
    assert "Galat: " in capsys.readouterr().err
    assert main(["--lang", "en", *args]) == 2
    assert f"Error: {target} already exists; add --timpa to overwrite it." in (
        capsys.readouterr().err
    )
    assert main(["--lang", "en", "lembar", "dinkes/tidak-ada", "--repo", str(repo.root)]) == 2
    assert "Error: dataset dinkes/tidak-ada does not exist" in capsys.readouterr().err
