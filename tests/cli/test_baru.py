"""`satudata baru`: scaffold a dataset with flags or by answering questions."""

from __future__ import annotations

from click.testing import CliRunner

from satudata.cli import cli, main
from satudata.load.repository import Repository


def test_baru_non_interactive_then_refuses_overwrite(repo, capsys):
    args = [
        "baru",
        "dinkes/kunjungan",
        "--repo",
        str(repo.root),
        "--judul",
        "Kunjungan",
        "--kolom",
        "tahun:tahun:periode",
        "--kolom",
        "jumlah:bilangan-bulat:ukuran:orang",
        "--ya",
    ]
    assert main(args) == 0
    text = (repo.root / "metadata/dinkes/kunjungan.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/dataset.json")
    assert "# Konsep (Standar Data)" in text  # comments come from the model's descriptions
    assert (repo.root / "data/dinkes/kunjungan.csv").read_text() == "tahun,jumlah\n"
    assert "Langkah berikutnya" in capsys.readouterr().out
    assert main(args) == 1


def test_baru_interactive_with_defaults(repo, monkeypatch):
    monkeypatch.setattr("satudata.cli.baru._is_terminal", lambda: True)
    answers = (
        "\n".join(
            [
                "Jumlah Bidan",
                "",
                "layanan-publik",
                "",
                "",
                "",
                "Profil",
                "kesehatan",
                "DD-DINKES-002",
                "tahun:tahun:periode",
                "jumlah_bidan:bilangan-bulat:ukuran:orang",
                "",
            ]
        )
        + "\n"
    )
    result = CliRunner().invoke(
        cli, ["baru", "dinkes/bidan", "--repo", str(repo.root)], input=answers
    )
    assert result.exit_code == 0, result.output
    meta = Repository.load(repo.root).datasets["dinkes/bidan"].meta
    assert (meta.judul, meta.pilar.value, meta.daftar_data) == (
        "Jumlah Bidan",
        "layanan-publik",
        "DD-DINKES-002",
    )
