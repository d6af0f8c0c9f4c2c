from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from satudata.cli import main


def _snapshot(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_exit_codes_and_never_writing(repo, capsys):
    before = _snapshot(repo.root)
    assert main(["validate", "--repo", str(repo.root)]) == 0
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,x,1\n")
    before = _snapshot(repo.root)
    assert main(["validate", "--repo", str(repo.root)]) == 1
    assert _snapshot(repo.root) == before
    assert "GAGAL" in capsys.readouterr().out


def test_the_installed_command_exits_with_the_report_s_code_and_prints_it_all(repo):
    """`satudata validate` as installed (`entry_point`: collector off, objects frozen for the
    exit): the exit code and the whole report come through."""
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,x,1\n")
    command = [sys.executable, "-m", "satudata", "validate", "--format", "json"]
    result = subprocess.run(
        [*command, "--repo", str(repo.root)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["ok"] is False


def test_usage_errors_exit_2(repo, capsys):
    assert main(["validate", "--repo", str(repo.root), "--format", "xml"]) == 2
    assert main(["validate", "--repo", str(repo.root), "--changed-since", "no-such-ref"]) == 2
    assert "--changed-since" in capsys.readouterr().err


def test_json_output_to_file(repo, tmp_path):
    out = tmp_path / "laporan.json"
    assert main(["validate", "--repo", str(repo.root), "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text())["summary"]["ok"] is True


def _git(root, *args):
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_changed_since_validates_only_changed_datasets(repo, capsys):
    repo.write(
        "metadata/dinkes/kasus-dbd.yaml",
        repo.read("metadata/dinkes/puskesmas.yaml")
        .replace("dinkes/puskesmas", "dinkes/kasus-dbd")
        .replace("DD-DINKES-001", "DD-DINKES-002"),
    )
    repo.write("data/dinkes/kasus-dbd.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,x,1\n")
    _git(repo.root, "init", "-q")
    _git(repo.root, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    _git(repo.root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "awal")
    repo.write(
        "data/dinkes/puskesmas.csv", repo.read("data/dinkes/puskesmas.csv") + "2023,12.71.01,2\n"
    )
    assert (
        main(["validate", "--repo", str(repo.root), "--changed-since", "HEAD", "--format", "json"])
        == 0
    )  # the broken kasus-dbd did not change
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["datasets"] == 1
    assert main(["validate", "--repo", str(repo.root)]) == 1


def test_paths_select_datasets(repo, capsys):
    repo.write("data/dinkes/lain.csv", "a\n1\n")
    assert (
        main(
            [
                "validate",
                "--repo",
                str(repo.root),
                "--format",
                "json",
                str(repo.root / "data/dinkes/puskesmas.csv"),
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["summary"]["datasets"] == 1


def test_help_is_in_indonesian(capsys):
    assert main(["validate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Penggunaan:" in out and "Opsi" in out and "Tampilkan bantuan" in out


def test_a_path_that_does_not_exist_is_a_usage_error_with_a_suggestion(repo, capsys):
    typo = str(repo.root / "data/dinkes/puskesmass.csv")
    assert main(["validate", "--repo", str(repo.root), typo]) == 2
    err = capsys.readouterr().err
    assert "Tidak ada dataset yang cocok" in err and "data/dinkes/puskesmas.csv" in err
    assert "LULUS" not in err


def test_summary_numbers_are_in_indonesian_format():
    from satudata.findings import Report
    from satudata.report.text import summary_line

    line = summary_line(Report(findings=[], datasets=["a/b"], rows=8784))
    assert "8.784 baris" in line
    assert "8,784 rows" in summary_line(Report(findings=[], datasets=["a/b"], rows=8784), "en")


def test_validate_shard_runs_repository_checks_only_once(repo, capsys):
    assert main(["validate", "--repo", str(repo.root), "--shard", "2/2", "--format", "json"]) == 0
    second = json.loads(capsys.readouterr().out)
    assert all(f["dataset"] for f in second["findings"])  # no repository-level finding
    assert main(["validate", "--repo", str(repo.root), "--shard", "3/2"]) == 2


def test_markdown_report_written_next_to_annotations(repo, tmp_path, capsys):
    report = tmp_path / "laporan.md"
    assert (
        main(
            ["validate", "--repo", str(repo.root), "--format", "github", "--markdown", str(report)]
        )
        == 0
    )
    assert report.read_text().startswith("## ✅ Hasil validasi Satu Data")


def test_markdown_report_links_each_code_to_its_explanation(repo, capsys):
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,x,1\n")
    assert main(["validate", "--repo", str(repo.root), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert (
        "[`kode-referensi-tidak-dikenal`](https://data.contoh.go.id/panduan/kode-temuan/"
        "#kode-referensi-tidak-dikenal)"
    ) in out


def test_lang_en_before_or_after_the_command_gives_english_throughout(repo, capsys):
    for args in (["--lang", "en", "validate"], ["validate", "--lang", "en"]):
        assert main([*args, "--repo", str(repo.root)]) == 0
        out = capsys.readouterr().out
        assert "PASSED: 1 datasets, 4 rows; 0 errors" in out and "LULUS" not in out
        typo = str(repo.root / "data/dinkes/puskesmass.csv")
        assert main([*args, "--repo", str(repo.root), typo]) == 2
        err = capsys.readouterr().err
        assert "No dataset matches" in err and "Did you mean: data/dinkes/puskesmas.csv" in err
        assert "Tidak ada" not in err and "Galat" not in err
