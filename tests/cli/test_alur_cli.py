from __future__ import annotations

import json

from satudata.audit.changes import parse_shard, shard_of
from satudata.cli import main


def test_shards_partition_the_datasets_stably():
    ids = [f"opd/dataset-{i}" for i in range(200)]
    parts = [shard_of(ids, i, 4) for i in range(1, 5)]
    assert set().union(*parts) == set(ids) and sum(map(len, parts)) == 200
    assert shard_of([*ids, "opd/baru"], 2, 4) - {"opd/baru"} == parts[1]
    assert parse_shard("2/4") == (2, 4)


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


def test_codeowners_command_writes_and_checks(repo, capsys):
    (repo.root / "CODEOWNERS").unlink()
    assert main(["codeowners", "--repo", str(repo.root), "--periksa"]) == 1
    assert main(["codeowners", "--repo", str(repo.root)]) == 0
    text = (repo.root / "CODEOWNERS").read_text()
    assert "/data/dinkes/  @contoh/dinkes @contoh/walidata" in text
    assert main(["codeowners", "--repo", str(repo.root), "--periksa"]) == 0


def test_pengingat_lists_overdue_datasets_per_opd(repo, capsys):
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,jumlah_puskesmas\n2022,12.71.01,3\n2023,12.71.01,3\n",
    )
    assert main(["pengingat", "--repo", str(repo.root), "--hari-ini", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "Dinas Kesehatan Kota Contoh @contoh/dinkes" in out and "terlambat 602 hari" in out


def test_markdown_report_links_each_code_to_its_explanation(repo, capsys):
    repo.write("data/dinkes/puskesmas.csv", "tahun,kode_kecamatan,jumlah_puskesmas\n2024,x,1\n")
    assert main(["validate", "--repo", str(repo.root), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert (
        "[`kode-referensi-tidak-dikenal`](https://data.contoh.go.id/panduan/kode-temuan/"
        "#kode-referensi-tidak-dikenal)"
    ) in out


def test_build_prints_the_validation_summary(repo, capsys):
    from satudata.cli import main

    assert main(["build", "--repo", str(repo.root)]) == 0
    out = capsys.readouterr().out
    summary = next(line for line in out.splitlines() if line.startswith("Validasi — "))
    assert "LULUS:" in summary and "galat" in summary and "peringatan" in summary
    assert "Katalog dibangun di" in out
