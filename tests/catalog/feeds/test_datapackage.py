"""Data Package v2 descriptors, and the frictionless check the build runs on them."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pytest

from satudata.catalog.feeds import datapackage as feeds
from satudata.catalog.feeds.schemaorg import schema_org
from satudata.catalog.views import Site

TUTUP = "dinkes/rahasia"


def _write_package(site: Path, t, package: dict) -> Path:
    folder = site / t.berkas["csv"].path.rsplit("/", 1)[0]
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _by_id(situs: Site, dataset_id: str):
    return next(t for t in situs.terbitan if t.id == dataset_id)


def _valid(path: Path) -> None:
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["type", "note"])


def test_fixture_publishes_two_and_withholds_the_closed_one(situs):
    assert sorted(t.id for t in situs.terbitan) == ["dinkes/puskesmas", "diskominfo/menara"]
    assert [t.meta.id for t in situs.tertahan] == [TUTUP]


def test_dataset_package_is_a_valid_data_package_v2(situs, site):
    t = _by_id(situs, "dinkes/puskesmas")
    package = feeds.dataset_package(situs, t)
    assert package["$schema"] == feeds.DATAPACKAGE_PROFILE
    assert package["name"] == "dinkes-puskesmas"
    assert package["homepage"] == "https://data.contoh.go.id/dataset/dinkes/puskesmas/"
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://spdx.org/licenses/CC-BY-4.0.html",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert package["contributors"][0]["title"] == "Dinas Kesehatan Kota Contoh"
    assert package["contributors"][1]["title"] == "Dinas Komunikasi dan Informatika Kota Contoh"
    assert package["sources"] == [{"title": "Profil Kesehatan"}]
    assert (package["version"], package["created"]) == ("2026.2.20", "2026-02-20T09:30:00+07:00")
    assert "satudata:data_contoh" not in package
    [resource] = package["resources"]
    assert resource["path"] == "puskesmas.csv" and resource["hash"].startswith("sha256:")
    assert isinstance(resource["bytes"], int)
    assert [f["name"] for f in resource["schema"]["fields"]] == [
        "tahun",
        "kode_kecamatan",
        "jumlah_puskesmas",
    ]
    _valid(_write_package(site, t, package))


def test_illustrative_data_stays_marked(situs, site):
    t = _by_id(situs, "diskominfo/menara")
    package = feeds.dataset_package(situs, t)
    assert package["satudata:data_contoh"] is True
    assert "hanya contoh" in package["description"]
    assert "version" not in package  # no commit known for this dataset
    assert package["licenses"][0]["name"] == "CC0-1.0"
    _valid(_write_package(site, t, package))
    assert "hanya contoh" in schema_org(situs, t)["description"]


def test_a_broken_hash_fails_frictionless(situs, site):
    t = _by_id(situs, "dinkes/puskesmas")
    package = feeds.dataset_package(situs, t)
    package["resources"][0]["hash"] = "sha256:" + "0" * 64
    assert not frictionless.validate(str(_write_package(site, t, package))).valid


def test_catalog_package_at_the_site_root(situs, site):
    package = feeds.catalog_package(situs)
    names = [r["name"] for r in package["resources"]]
    assert names == ["dinkes-puskesmas", "diskominfo-menara"]
    assert len(set(names)) == len(names)
    assert package["resources"][0]["path"] == "unduh/dinkes/puskesmas/puskesmas.csv"
    assert package["resources"][1]["satudata:data_contoh"] is True
    path = site / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    _valid(path)


def test_validate_package_accepts_what_the_build_writes(situs):
    for t in situs.terbitan:
        feeds.validate_package(feeds.dataset_package(situs, t), f"unduh/{t.id}/datapackage.json")
    feeds.validate_package(feeds.catalog_package(situs), "datapackage.json")


def test_validate_package_rejects_a_broken_descriptor_in_indonesian(situs):
    package = feeds.dataset_package(situs, _by_id(situs, "dinkes/puskesmas"))
    package["resources"][0]["bytes"] = "banyak"  # the profile wants an integer
    with pytest.raises(feeds.PackageError) as caught:
        feeds.validate_package(package, "unduh/dinkes/puskesmas/datapackage.json")
    message = str(caught.value)
    assert message.startswith("unduh/dinkes/puskesmas/datapackage.json tidak sah menurut")
    assert "'banyak' is not of type 'integer'" in message
    assert "bukan data Anda" in message  # the metadata passed the checks: satudata is at fault
    package = feeds.dataset_package(situs, _by_id(situs, "dinkes/puskesmas"))
    package["licenses"] = [{"title": "tanpa nama"}]  # a licence needs a name or a path
    with pytest.raises(feeds.PackageError, match='license requires "path" or "name"'):
        feeds.validate_package(package, "datapackage.json")


def test_a_schema_the_dataset_check_skips_is_caught_by_the_catalogue_check(situs, monkeypatch):
    """A dataset's own package is checked without its Table Schema (`schemas=False`): the
    catalogue's package carries the same schema and is checked whole, so a broken schema still
    stops the build."""
    t = _by_id(situs, "dinkes/puskesmas")
    package = feeds.dataset_package(situs, t)
    package["resources"][0]["schema"]["fields"][0]["type"] = "bukan-tipe"
    feeds.validate_package(package, "unduh/dinkes/puskesmas/datapackage.json", schemas=False)
    with pytest.raises(feeds.PackageError):
        feeds.validate_package(package, "unduh/dinkes/puskesmas/datapackage.json")

    broken = feeds.table_schema

    def with_bad_type(meta):
        schema = broken(meta)
        schema["fields"][0]["type"] = "bukan-tipe"
        return schema

    monkeypatch.setattr(feeds, "table_schema", with_bad_type)
    with pytest.raises(feeds.PackageError, match=r"datapackage\.json tidak sah"):
        feeds.validate_package(feeds.catalog_package(situs), "datapackage.json")
