"""`satudata init`: what it prints, in either language (the repository itself is tested in
tests/onboarding/test_init.py)."""

from __future__ import annotations

from satudata.cli import main


def test_init_reports_in_english(tmp_path, capsys):
    folder = tmp_path / "repo"
    assert main(["--lang", "en", "init", str(folder), "--kode", "64.71"]) == 0
    out = capsys.readouterr().out
    assert "Satu Data repository of Kota Balikpapan (64.71) created in" in out
    assert "files. The next steps are in" in out and "berkas" not in out


def test_init_refusals_in_both_languages(tmp_path, capsys):
    assert main(["init", str(tmp_path)]) == 2
    assert "Galat: sebutkan salah satu, --kode atau --nama." in capsys.readouterr().err
    assert main(["--lang", "en", "init", str(tmp_path), "--kode", "99.99"]) == 2
    assert "Error: code 99.99 is not a Kemendagri province" in capsys.readouterr().err
    assert main(["--lang", "en", "init", str(tmp_path), "--nama", "Kota Atlantis"]) == 2
    assert 'Error: no province or regency/city is named "Kota Atlantis".' in (
        capsys.readouterr().err
    )
