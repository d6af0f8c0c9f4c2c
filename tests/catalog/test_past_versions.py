"""Past versions published from git pass the privacy checks, or are withdrawn with a reason.

Every scenario is a real git repository in tmp_path: the leak the audit found (a commit adds a
NIK and a phone number, a later one removes them; also through a merge commit), the Walidata's
metadata/penarikan.yaml, the `terbuka`-now rule, and each blob checked once.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import satudata.catalog.past_versions as past_versions
from conftest import REPO_ROOT
from satudata.audit.git import read_git
from satudata.audit.history import versions
from satudata.catalog.build import render
from satudata.checks.runner import validate
from satudata.cli import main
from satudata.load.repository import Repository

CSV = "data/dinkes/puskesmas.csv"
DS = "metadata/dinkes/puskesmas.yaml"
VERSI = "unduh/dinkes/puskesmas/versi"
NIK = "1271054107900003"
PHONE = "081234567890"
OPD = ("Tim Dinkes", "dinkes@contoh.go.id")
WALIDATA = ("Walidata", "walidata@contoh.go.id")


def git(root: Path, *args: str, who=OPD) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), "-c", f"user.name={who[0]}", "-c", f"user.email={who[1]}", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def commit(root: Path, message: str, who=OPD) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, who=who)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def history(repo):
    shutil.copyfile(REPO_ROOT / "mkdocs.yml", repo.root / "mkdocs.yml")
    git(repo.root, "init", "-q", "-b", "main")
    commit(repo.root, "Data awal")
    return repo


def _add_personal_rows(repo) -> None:
    """Two rows whose text cell holds a NIK and a phone number."""
    repo.write(CSV, repo.read(CSV) + f"2026,{NIK},1\n2026,{PHONE},2\n")


def _remove_personal_rows(repo) -> None:
    text = repo.read(CSV)
    repo.write(CSV, text.replace(f"2026,{NIK},1\n", "").replace(f"2026,{PHONE},2\n", ""))
    repo.write(CSV, repo.read(CSV) + "2026,12.71.01,4\n")


def _files_holding(folder: Path, *needles: str) -> list[str]:
    return [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and any(n.encode() in _content(p) for n in needles)
    ]


def _content(path: Path) -> bytes:
    """The bytes a reader gets: a workbook's XML parts unpacked (a zip hides its text)."""
    if path.suffix != ".xlsx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def _render(repo, tmp_path: Path):
    staging = tmp_path / "staging"
    situs = render(repo.root, staging)
    return situs, staging / "docs"


def _page(docs: Path) -> str:
    return html.unescape((docs / "dataset/dinkes/puskesmas.md").read_text(encoding="utf-8"))


def test_leak_reproduced_and_closed_in_the_built_site(history, capsys):
    _add_personal_rows(history)
    leaking = commit(history.root, f"Tambah petugas, hubungi {PHONE}")
    _remove_personal_rows(history)
    clean = commit(history.root, "Hapus data pribadi, tambah data 2026")

    assert main(["build", "--repo", str(history.root)]) == 0
    printed = capsys.readouterr().out
    site = history.root / "public"

    assert _files_holding(site, NIK, PHONE) == []  # not in any file: CSV, page, feed, index
    lembar = "unduh/dinkes/puskesmas/puskesmas-lembar.xlsx"  # nor the OPD's workbook:
    assert lembar in _files_holding(site, "12.71.01")  # the search does see inside it
    versions = sorted(p.name for p in (site / VERSI).iterdir())
    assert len(versions) == 2 and not any(leaking[:10] in name for name in versions)
    assert any(clean[:10] in name for name in versions)
    page = html.unescape((site / "dataset/dinkes/puskesmas/index.html").read_text("utf-8"))
    row = next(r for r in page.split("<tr>") if leaking[:10] in r)
    assert "Ditarik" in row and "memuat data pribadi" in row
    assert "NIK atau No. KK terdeteksi (baris 6)" in row
    assert "Nomor telepon terdeteksi (baris 7)" in row
    assert "download" not in row and f"/commit/{leaking}" not in row
    assert "0812*****890" in row  # the commit message, masked
    assert f"Versi lama tidak diterbitkan: dinkes/puskesmas {leaking[:10]}" in printed
    assert "memuat data pribadi" in printed


def test_merge_commit_that_keeps_personal_data_is_withdrawn(history, tmp_path):
    git(history.root, "checkout", "-qb", "opd/petugas")
    _add_personal_rows(history)
    commit(history.root, "Tambah petugas")
    git(history.root, "checkout", "-q", "main")
    git(
        history.root,
        "merge",
        "--no-ff",
        "-q",
        "opd/petugas",
        "-m",
        "Merge pull request #7 from contoh/opd-petugas",
        who=WALIDATA,
    )
    merge = git(history.root, "rev-parse", "HEAD")
    _remove_personal_rows(history)
    commit(history.root, "Hapus data pribadi (#8)")

    situs, docs = _render(history, tmp_path)
    t = situs.terbitan[0]
    assert set(t.versi_ditarik) == {merge}
    assert "NIK atau No. KK terdeteksi" in t.versi_ditarik[merge].teks
    assert _files_holding(docs, NIK, PHONE) == []
    assert len(list((docs / VERSI).iterdir())) == 2
    row = next(r for r in _page(docs).split("<tr>") if merge[:10] in r)
    assert "Ditarik" in row and "#7" in row and "/pull/7" not in row


def test_walidata_withdraws_a_clean_version_through_penarikan_yaml(history, tmp_path):
    history.replace(CSV, "2025,12.71.02,4", "2025,12.71.02,40")
    wrong = commit(history.root, "Data 2025 (salah ketik)")
    history.replace(CSV, "2025,12.71.02,40", "2025,12.71.02,4")
    commit(history.root, "Koreksi data 2025")
    history.write(
        "metadata/penarikan.yaml",
        f"""\
        # yaml-language-server: $schema=schema/penarikan.json
        penarikan:
          - dataset: dinkes/puskesmas
            versi: {wrong[:8]}
            alasan: Angka Medan Sunggal 2025 salah ketik (40, seharusnya 4).
            tanggal: 2026-03-01
        """,
    )
    commit(history.root, "Tarik versi salah ketik", who=WALIDATA)

    repo = Repository.load(history.root)
    assert repo.problems == []
    assert [f.code for f in validate(repo).findings if f.code.startswith("penarikan")] == []
    situs, docs = _render(history, tmp_path)
    reason = situs.terbitan[0].versi_ditarik[wrong].teks
    assert reason == (
        "ditarik Walidata pada 2026-03-01: Angka Medan Sunggal 2025 salah ketik (40, seharusnya 4)."
    )
    assert not [p for p in (docs / VERSI).iterdir() if wrong[:10] in p.name]
    # The first and the corrected version hold the same bytes: one file serves both.
    assert len(list((docs / VERSI).iterdir())) == 1
    files = situs.terbitan[0].berkas_versi
    assert len(files) == 2 and len({b.path for b in files.values()}) == 1
    row = next(r for r in _page(docs).split("<tr>") if wrong[:10] in r)
    assert "Ditarik" in row and "salah ketik" in row and "download" not in row


def test_penarikan_yaml_names_unknown_dataset_and_commit_with_file_and_line(history):
    history.write(
        "metadata/penarikan.yaml",
        """\
        penarikan:
          - dataset: dinkes/tidak-ada
            versi: abcdef1
            alasan: Contoh.
          - dataset: dinkes/puskesmas
            versi: "0000000"
            alasan: Contoh.
        """,
    )
    commit(history.root, "Penarikan keliru")
    findings = [f for f in validate(Repository.load(history.root)).findings if f.line]
    by_code = {f.code: f for f in findings if f.file == "metadata/penarikan.yaml"}
    unknown = by_code["penarikan-dataset-tidak-dikenal"]
    assert unknown.line == 2 and "dinkes/tidak-ada" in unknown.message()
    commit_finding = by_code["penarikan-versi-tidak-dikenal"]
    assert commit_finding.line == 6 and "0000000" in commit_finding.message()
    assert "satudata riwayat dinkes/puskesmas" in commit_finding.saran()


def test_penarikan_yaml_is_schema_checked_and_outside_git_only_warns(repo):
    repo.write(
        "metadata/penarikan.yaml",
        "penarikan:\n  - dataset: dinkes/puskesmas\n    versi: HEAD\n    alasan: x\n",
    )
    loaded = Repository.load(repo.root)
    (problem,) = loaded.problems
    assert problem.code == "metadata-tidak-sesuai-skema" and problem.line == 3
    repo.write(
        "metadata/penarikan.yaml",
        "penarikan:\n  - dataset: dinkes/puskesmas\n    versi: abcdef1\n    alasan: x\n",
    )
    (finding,) = [
        f for f in validate(Repository.load(repo.root)).findings if f.code.startswith("penarikan")
    ]
    assert finding.code == "penarikan-tidak-dapat-diperiksa" and finding.severity == "warning"
    assert "bukan repositori git" in finding.message()


def test_no_past_version_of_a_dataset_closed_now(history, tmp_path):
    history.write(CSV, history.read(CSV) + "2026,12.71.01,5\n")
    commit(history.root, "Data 2026")
    history.replace(DS, "klasifikasi: terbuka", "klasifikasi: terbatas")
    commit(history.root, "Dataset kini terbatas", who=WALIDATA)

    situs, docs = _render(history, tmp_path)
    assert situs.terbitan == [] and [w.meta.id for w in situs.tertahan] == ["dinkes/puskesmas"]
    assert not (docs / "unduh/dinkes").exists()
    assert _files_holding(docs, "2026,12.71.01,5") == []
    # The rule itself, not only the build's choice of datasets, refuses them.
    repo = Repository.load(history.root)
    entry = repo.datasets["dinkes/puskesmas"]

    found = versions(read_git(history.root), "dinkes/puskesmas")
    withdrawn = past_versions.withdrawn_versions(repo, entry, entry.meta, found, {}, {})
    assert set(withdrawn) == {v.commit.sha for v in found}
    assert all("berklasifikasi terbatas" in w.teks for w in withdrawn.values())


def _checked_tables(monkeypatch) -> list[list[bytes]]:
    """The lines of every table the privacy checks of past versions read, as they read them."""
    calls: list[list[bytes]] = []
    check = past_versions.csv_findings

    def spy(repo, entry, data):
        calls.append(data.splitlines())
        return check(repo, entry, data)

    monkeypatch.setattr(past_versions, "csv_findings", spy)
    return calls


def test_each_blob_and_each_distinct_row_is_checked_once(history, tmp_path, monkeypatch):
    original = history.read(CSV)
    history.write(CSV, original + "2026,12.71.01,4\n")
    commit(history.root, "Data 2026")
    history.write(CSV, original)
    commit(history.root, "Batalkan data 2026")  # the first blob again
    history.replace(DS, "sumber: Profil Kesehatan", "sumber: Profil Kesehatan 2025")
    commit(history.root, "Metadata saja")
    history.write(CSV, original + "2026,12.71.01,4\n")
    commit(history.root, "Data 2026 lagi")  # the second blob again
    history.write(CSV, original + "2026,12.71.01,5\n")
    commit(history.root, "Data 2026 diperbaiki")  # the current data
    calls = _checked_tables(monkeypatch)
    situs, docs = _render(history, tmp_path)

    t = situs.terbitan[0]
    assert (
        len([v for v in t.versi if v.data]) == 5
        and len({v.data.blob for v in t.versi if v.data}) == 3
    )
    # One table for every version with this header, holding each row once: only the row the
    # current CSV does not hold (the others are published with it already).
    assert [lines[1:] for lines in calls] == [[b"2026,12.71.01,4"]]
    assert t.versi_ditarik == {}
    assert len(list((docs / VERSI).iterdir())) == 3  # one file a blob: no bytes written twice
    assert len(t.berkas_versi) == 5


def test_a_past_row_the_current_csv_holds_is_not_checked_again(history, tmp_path, monkeypatch):
    """... while a past row it does not hold is, and a version holding one with personal data
    is withdrawn even though its other rows are all published today."""
    original = history.read(CSV)
    _add_personal_rows(history)
    leaking = commit(history.root, "Tambah petugas")
    history.write(CSV, original)
    commit(history.root, "Hapus data pribadi")
    calls = _checked_tables(monkeypatch)
    situs, docs = _render(history, tmp_path)

    header = original.encode().splitlines()[0]
    assert calls == [[header, *sorted([f"2026,{NIK},1".encode(), f"2026,{PHONE},2".encode()])]]
    t = situs.terbitan[0]
    assert set(t.versi_ditarik) == {leaking}
    assert "(baris " in t.versi_ditarik[leaking].teks  # named by its line in that version
    assert _files_holding(docs, NIK, PHONE) == []


def test_quoted_current_csv_counts_no_row_as_published(history, tmp_path, monkeypatch):
    """A line of a CSV with quotes may be part of a cell spanning lines, not a row: then
    every past row is checked as before."""
    original = history.read(CSV)
    history.write(CSV, original + "2026,12.71.01,4\n")
    commit(history.root, "Data 2026")
    history.write(CSV, original + '2026,"12.71.01",5\n')
    commit(history.root, "Data 2026 diperbaiki")
    calls = _checked_tables(monkeypatch)
    _render(history, tmp_path)
    rows = set((original + "2026,12.71.01,4\n").encode().splitlines()[1:])
    assert len(calls) == 1 and set(calls[0][1:]) >= rows


def test_versions_that_cannot_be_split_by_line_or_read_are_checked_whole(history, tmp_path):
    history.write(
        CSV,
        history.read(CSV).replace("tahun,", "catatan,tahun,", 1).replace("\n2", '\n"",2')
        + f'"rujukan\nhubungi {PHONE}",2026,12.71.01,4\n',
    )
    multiline = commit(history.root, "Catatan bertanda kutip")
    history.write(CSV, history.read(CSV).rsplit('"rujukan', 1)[0] + f"{NIK},2026\n")
    ragged = commit(history.root, "Baris rusak")
    history.write(CSV, history.read(CSV).rsplit(NIK, 1)[0])
    commit(history.root, "Perbaiki")
    history.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas,nama_pasien\n2026,12.71.01,4,-\n")
    personal_column = commit(history.root, "Kolom nama pasien")
    history.write(CSV, "tahun,kode_kecamatan,jumlah_puskesmas\n2026,12.71.01,4\n")
    commit(history.root, "Hapus kolom nama pasien")

    situs, docs = _render(history, tmp_path)
    withdrawn = {sha: w.teks for sha, w in situs.terbitan[0].versi_ditarik.items()}
    assert set(withdrawn) == {multiline, ragged, personal_column}
    assert withdrawn[multiline] == "memuat data pribadi: Nomor telepon terdeteksi (baris 6)"
    assert withdrawn[ragged].startswith("tidak dapat diperiksa: ")
    assert "(baris 6)" in withdrawn[ragged]
    assert withdrawn[personal_column] == (
        "memuat data pribadi: Kolom data pribadi pada dataset terbuka (baris 1)"
    )
    assert _files_holding(docs, NIK, PHONE, "nama_pasien") == []


def test_worker_processes_give_the_same_verdicts(history, tmp_path, monkeypatch):
    second = "metadata/dinkes/puskesmas-dua.yaml"
    history.write(
        second, history.read(DS).replace("id: dinkes/puskesmas", "id: dinkes/puskesmas-dua")
    )
    history.replace(second, "daftar_data: DD-DINKES-001\n", "")
    history.write("data/dinkes/puskesmas-dua.csv", history.read(CSV))
    commit(history.root, "Dataset kedua")
    _add_personal_rows(history)
    leaking = commit(history.root, "Tambah petugas")
    _remove_personal_rows(history)
    commit(history.root, "Hapus data pribadi")
    monkeypatch.setattr("satudata.catalog.build._HISTORY_CHUNK", 1)  # two chunks, two workers

    staging = tmp_path / "staging"
    situs = render(history.root, staging, jobs=2)
    first, other = sorted(situs.terbitan, key=lambda t: t.id)
    assert set(first.versi_ditarik) == {leaking} and other.versi_ditarik == {}
    assert len(first.berkas_versi) == 2 and len(other.berkas_versi) == 1
    assert first.baris_versi[leaking] == (2, 0)
    assert _files_holding(staging / "docs", NIK, PHONE) == []
