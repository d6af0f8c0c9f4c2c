from __future__ import annotations

from satudata.load.repository import Repository


def test_discovers_datasets_and_reads_metadata_eagerly(repo):
    loaded = Repository.load(repo.root)
    assert list(loaded.datasets) == ["dinkes/puskesmas"]
    entry = loaded.datasets["dinkes/puskesmas"]
    assert entry.meta.judul == "Jumlah Puskesmas per Kecamatan"
    assert loaded.rel(entry.data_path) == "data/dinkes/puskesmas.csv"
    assert loaded.portal.kode_bps == "1275" and loaded.problems == []
    assert loaded.reference_table("wilayah").by_column["kode"]["12.71.01"]["nama"] == "Medan Kota"


def test_broken_yaml_becomes_a_problem_not_an_exception(repo):
    repo.write("metadata/dinkes/puskesmas.yaml", "id: dinkes/puskesmas\n  bad: [\n")
    loaded = Repository.load(repo.root)
    assert loaded.datasets["dinkes/puskesmas"].meta is None
    (problem,) = loaded.problems
    assert problem.code == "yaml-tidak-valid" and problem.line == 2
    assert problem.file == "metadata/dinkes/puskesmas.yaml"


def test_binary_and_empty_metadata_files_do_not_crash(repo):
    repo.write("metadata/dinkes/puskesmas.yaml", b"\xff\xfe\x00\x01garbage")
    repo.write("metadata/dinkes/kosong.yaml", b"")
    loaded = Repository.load(repo.root)
    by_file = {}
    for problem in loaded.problems:
        by_file.setdefault(problem.file, set()).add(problem.code)
    assert by_file["metadata/dinkes/puskesmas.yaml"] == {"yaml-tidak-valid"}
    assert by_file["metadata/dinkes/kosong.yaml"] == {"metadata-tidak-sesuai-skema"}


def test_missing_governance_files_are_reported(tmp_path):
    loaded = Repository.load(tmp_path)
    assert sorted(p.file for p in loaded.problems) == [
        "metadata/daftar-data.yaml",
        "metadata/organisasi.yaml",
        "metadata/portal.yaml",
    ]
    assert loaded.datasets == {}


def test_data_is_read_lazily(repo, monkeypatch):
    from pathlib import Path

    opened = []
    for method in ("read_bytes", "read_text", "open"):
        original = getattr(Path, method)

        def spy(self, *args, _original=original, **kwargs):
            opened.append(self.name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, spy)
    loaded = Repository.load(repo.root)
    assert loaded.datasets["dinkes/puskesmas"].data_path.name == "puskesmas.csv"
    assert "puskesmas.yaml" in opened  # metadata is read eagerly …
    assert "puskesmas.csv" not in opened  # … data only when a check asks for it


def test_paths_with_spaces_and_wrong_names_are_stray_not_fatal(repo):
    repo.write("data/dinkes/data lama.csv", "a\n1\n")
    loaded = Repository.load(repo.root)
    assert [(f.code, f.file) for f in loaded.stray_files] == [
        ("nama-berkas-tidak-sah", "data/dinkes/data lama.csv")
    ]


def test_reference_table_file_names_must_be_slugs(repo):
    repo.write("metadata/referensi/x](javascript:alert(1)) <img src=x>.csv", "kode,nama\n1,a\n")
    loaded = Repository.load(repo.root)
    assert loaded.reference_names == ["wilayah"]
    assert [(f.code, f.file) for f in loaded.stray_files] == [
        ("nama-berkas-tidak-sah", "metadata/referensi/x](javascript:alert(1)) <img src=x>.csv")
    ]


def test_discovery_skips_hidden_files_and_symlinked_folders_and_keeps_path_order(repo, tmp_path):
    import shutil

    repo.write("data/dinkes/.~lock.puskesmas.csv#", "terkunci oleh LibreOffice\n")
    repo.write("data/dinkes/sub/dalam.csv", "a\n1\n")  # a folder too deep: stray
    repo.write("data/dinkes-b/puskesmas.csv", "a\n1\n")  # '-' sorts before '/'
    shutil.copytree(repo.root / "data" / "dinkes", tmp_path / "di-luar")
    (repo.root / "data" / "tautan").symlink_to(tmp_path / "di-luar", target_is_directory=True)
    (repo.root / "data" / "dinkes" / "tautan.csv").symlink_to(
        repo.root / "data/dinkes/puskesmas.csv"
    )
    loaded = Repository.load(repo.root)
    assert list(loaded.datasets) == ["dinkes-b/puskesmas", "dinkes/puskesmas", "dinkes/tautan"]
    assert [(f.code, f.file) for f in loaded.stray_files] == [
        ("berkas-tidak-dikenal", "data/dinkes/sub/dalam.csv")
    ]
