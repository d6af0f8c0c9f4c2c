"""`satudata init`: a working repository for any province or kabupaten/kota."""

import csv
import re
from collections import Counter

import pytest
import yaml

from satudata.catalog.build import build
from satudata.checks.runner import validate
from satudata.cli import main
from satudata.load.repository import Repository
from satudata.reference import NATIONAL_TABLE


def _expected_counts(kode: str) -> Counter:
    with NATIONAL_TABLE.open(encoding="utf-8", newline="") as handle:
        return Counter(
            row["tingkat"]
            for row in csv.DictReader(handle)
            if row["kode"] == kode or row["kode"].startswith(kode + ".")
        )


@pytest.mark.parametrize(
    ("kode", "nama"),
    [("64.71", "Kota Balikpapan"), ("32.04", "Kabupaten Bandung"), ("65", "Kalimantan Utara")],
)
def test_init_builds_a_valid_repository_for_a_city_a_regency_and_a_province(
    tmp_path, capsys, kode, nama
):
    folder = tmp_path / "repo"
    assert main(["init", str(folder), "--kode", kode]) == 0

    with (folder / "metadata/referensi/wilayah.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert Counter(r["tingkat"] for r in rows) == _expected_counts(kode)
    assert rows[0]["kode"] == kode and rows[0]["nama"] == nama
    assert _expected_counts(kode)["kelurahan_desa"] > 0

    written = [p for p in folder.rglob("*") if p.is_file()]
    for path in written:
        # A word, not a substring: Kabupaten Bandung has a desa "Tegal Sumedang".
        assert not re.search(r"\bmedan\b", path.read_text(encoding="utf-8"), re.I), path

    repo = Repository.load(folder)
    assert not repo.problems
    report = validate(repo)
    assert report.ok, report.findings
    placeholders = {f.field for f in report.findings if f.code == "portal-belum-lengkap"}
    assert placeholders == {"url_situs", "forge.url", "walidata.tim"}

    result = build(folder, folder / "public")
    home = (result.output / "index.html").read_text(encoding="utf-8")
    assert "Belum ada data yang terbit" in home
    assert nama in home


def test_init_with_the_regions_own_addresses_leaves_nothing_to_fill(tmp_path):
    folder = tmp_path / "repo"
    args = ["init", str(folder), "--kode", "64.71", "--url-situs", "https://data.example.go.id"]
    assert main([*args, "--forge-url", "https://github.com/pemkot-bpp/satudata"]) == 0
    report = validate(Repository.load(folder))
    assert report.ok and not [f for f in report.findings if f.code == "portal-belum-lengkap"]
    assert "@pemkot-bpp/walidata" in (folder / "CODEOWNERS").read_text(encoding="utf-8")
    hooks = yaml.safe_load((folder / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks["repos"][0]["hooks"]
    assert hook["language"] == "python"  # its own environment: works from any git client
    assert hook["additional_dependencies"] == [
        (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    ]


def test_init_finds_a_region_by_name_and_lists_ambiguous_names(tmp_path, capsys):
    assert main(["init", str(tmp_path / "a"), "--nama", "kota balikpapan"]) == 0
    assert '"64.71"' in (tmp_path / "a/metadata/portal.yaml").read_text(encoding="utf-8")

    assert main(["init", str(tmp_path / "b"), "--nama", "Bandung"]) == 2
    err = capsys.readouterr().err
    assert "32.04  Kabupaten Bandung" in err and "32.73  Kota Bandung" in err
    assert not (tmp_path / "b").exists()

    assert main(["init", str(tmp_path / "c"), "--kode", "32.04.05"]) == 2
    assert "bukan kode provinsi atau kabupaten/kota" in capsys.readouterr().err


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "catatan.txt").write_text("milik pengguna", encoding="utf-8")
    assert main(["init", str(tmp_path), "--kode", "64.71"]) == 2
    assert "tidak kosong" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["catatan.txt"]
    assert main(["init", str(tmp_path), "--kode", "64.71", "--timpa"]) == 0
    assert (tmp_path / "catatan.txt").read_text(encoding="utf-8") == "milik pengguna"


def test_this_repositorys_forge_files_are_the_ones_init_writes():
    """Medan is one instance: its workflows and hooks are the engine's, byte for byte."""
    from conftest import REPO_ROOT
    from satudata.onboarding.init import COPIED, TEMPLATE

    for source, target in COPIED.items():
        if source in ("gitignore", "site-README.md"):
            continue  # the engine's own checkout ignores and documents more
        packaged, own = TEMPLATE / source, REPO_ROOT / target
        files = sorted(p.relative_to(packaged) for p in packaged.rglob("*") if p.is_file())
        if packaged.is_file():
            assert packaged.read_bytes() == own.read_bytes(), target
            continue
        assert files == sorted(p.relative_to(own) for p in own.rglob("*") if p.is_file())
        for name in files:
            assert (packaged / name).read_bytes() == (own / name).read_bytes(), name


def test_init_writes_the_theme_table_the_region_can_edit(tmp_path):
    from satudata.catalog.feeds.common import default_themes

    folder = tmp_path / "repo"
    assert main(["init", str(folder), "--kode", "64.71"]) == 0
    text = (folder / "metadata/tema-dcat.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/tema-dcat.json\n")
    repo = Repository.load(folder)
    assert not repo.problems
    assert repo.tema_dcat == default_themes()
