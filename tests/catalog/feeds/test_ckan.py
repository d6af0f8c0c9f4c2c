"""A stock CKAN harvester reads every field of `dcat.jsonld`: ckanext-dcat's RDF parser with the
`euro_dcat_ap_3` profile, from PyPI, in its own venv (.ci/ckan, made by scripts/pasang-ckan.sh
because CKAN pins Flask, SQLAlchemy, click... to versions of its own). Marked `ckan` so it
can be run or left out on its own (`-m ckan`); the README's test command runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from satudata.catalog.feeds import common as u
from satudata.catalog.feeds.dcat import daftar_data_identifier

pytestmark = pytest.mark.ckan

CKAN_PYTHON = REPO_ROOT / ".ci/ckan/bin/python"
PARSER = Path(__file__).with_name("ckan_parse.py")
EU = "http://publications.europa.eu/resource/authority/"


def parse_with_ckan(path: Path) -> list[dict]:
    assert CKAN_PYTHON.exists(), "CKAN belum terpasang: jalankan scripts/pasang-uji.sh"
    done = subprocess.run(
        [str(CKAN_PYTHON), str(PARSER), str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def harvested(example) -> dict[str, dict]:
    _, docs = example
    return {d["url"]: d for d in parse_with_ckan(docs / "dcat.jsonld")}


def _extras(dataset: dict) -> dict:
    return {e["key"]: e["value"] for e in dataset["extras"]}


def test_ckan_harvests_every_published_dataset(example, harvested):
    situs, _ = example
    assert sorted(harvested) == sorted(situs.url(t.url_path) for t in situs.terbitan)
    assert len(harvested) == 34


def test_every_field_arrives_in_ckan(example, harvested):
    situs, _ = example
    region = situs.url(f"referensi/wilayah/#{situs.portal.kode_wilayah}")
    for t in situs.terbitan:
        meta, got = t.meta, harvested[situs.url(t.url_path)]
        extras = _extras(got)
        where = t.id
        assert got["title"] == meta.judul, where
        assert got["notes"] == u.deskripsi(meta), where
        assert sorted(tag["name"] for tag in got["tags"]) == sorted(u.kata_kunci(meta)), where
        ckan_licence = u.ckan_license(u.lisensi(situs, meta))
        assert ckan_licence is not None and got["license_id"] == ckan_licence[0], where
        assert extras["identifier"] == meta.id, where
        assert extras["spatial_uri"] == region and extras["spatial_text"] == "Kota Medan", where
        assert json.loads(extras["language"]) == [f"{EU}language/IND"], where
        themes = json.loads(extras["theme"])
        assert themes and themes == u.tema_eu(situs, meta), where
        assert extras["frequency"] == u.frekuensi_eu(meta), where
        name, mail = u.kontak(situs, t)
        assert (extras["contact_name"], extras.get("contact_email")) == (name, mail), where
        assert extras["publisher_name"] == u.nama_opd(t), where
        assert extras["publisher_type"].endswith("/publishertype/LocalAuthority"), where
        start, end = u.rentang_tanggal(t)
        assert extras.get("temporal_end") == (end.isoformat() if end else None), where
        assert extras.get("temporal_start") == (start.isoformat() if start else None), where
        if meta.daftar_data:
            code = daftar_data_identifier(situs, meta.daftar_data)["@id"]
            assert json.loads(extras["alternate_identifier"]) == [code], where
            assert code.endswith(f":{meta.daftar_data}"), where
        else:
            assert "alternate_identifier" not in extras, where
        resources = {r["url"]: r for r in got["resources"]}
        for b in u.berkas(t):
            resource = resources[situs.url(b.path)]
            assert resource["mimetype"] == b.mediatype, (where, b.jenis)
            expected = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON", "datapackage": "JSON"}
            assert resource["format"] == expected[b.jenis], (where, b.jenis)
            assert resource["size"] == b.bytes and resource["hash"] == b.sha256, where
        assert len(resources) == len(t.berkas), where


def test_every_example_dataset_has_period_theme_and_daftar_data_somewhere(example, harvested):
    """The field-by-field test above compares with the model; this one checks that the model
    gives CKAN real values to compare (not None == None throughout)."""
    extras = [_extras(d) for d in harvested.values()]
    assert all(e.get("temporal_end") for e in extras)
    assert sum("alternate_identifier" in e for e in extras) >= 20
    assert all(e.get("contact_email") for e in extras)
    assert {d["license_id"] for d in harvested.values()} == {"cc-by"}
