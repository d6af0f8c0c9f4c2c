"""Feeds generated from the one metadata model: Data Package, DCAT-AP, POD, schema.org, Atom."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import frictionless
import pytest

from satudata.audit.git import Commit, FileChange, GitInfo
from satudata.catalog.feeds import formats as feeds
from satudata.catalog.feeds.common import frekuensi_eu, frekuensi_iso
from satudata.catalog.views import Download, Site, build_model
from satudata.checks.runner import validate
from satudata.load.repository import Repository
from satudata.model import Frekuensi

TODAY = dt.date(2026, 3, 2)
CHANGED = dt.datetime(2026, 2, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
TUTUP = "dinkes/rahasia"
MENARA = """\
id: diskominfo/menara
judul: Menara Telekomunikasi
deskripsi: Jumlah menara telekomunikasi & BTS menurut kecamatan.
produsen: diskominfo
pilar: sektoral
topik: [komunikasi, Teknologi]
kata_kunci: [menara, bts]
klasifikasi: terbuka
lisensi: CC0-1.0
frekuensi: semesteran
cara_pengumpulan: kompilasi-produk-administrasi
cakupan_wilayah: Kota Contoh
sumber: Perizinan
kontak: "Bidang TIK, tik@contoh.go.id"
data_contoh: true
kolom:
  - {nama: periode, judul: Semester, tipe: teks, peran: periode, wajib: true}
  - nama: jumlah
    judul: Jumlah menara
    tipe: bilangan-bulat
    peran: ukuran
    konsep: Menara telekomunikasi
    definisi: Bangunan untuk antena telekomunikasi.
    klasifikasi: Menurut kecamatan
    ukuran: Jumlah
    satuan: unit
"""


def _berkas(site: Path, rel: str, jenis: str, mediatype: str, content: bytes) -> Download:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return Download(jenis, rel, hashlib.sha256(content).hexdigest(), len(content), mediatype)


def _git(repo) -> GitInfo:
    commit = Commit("a" * 40, CHANGED, "Tim Dinkes", "dinkes@contoh.go.id", "Data 2025")
    return GitInfo(
        head=commit,
        commits={commit.sha: commit},
        history={
            "data/dinkes/puskesmas.csv": [
                (commit.sha, FileChange("data/dinkes/puskesmas.csv", "M", "b" * 40))
            ]
        },
    )


@pytest.fixture
def site(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("site")


@pytest.fixture
def situs(repo, site) -> Site:
    repo.replace(
        "metadata/portal.yaml", "pembina_data:", "kontak: walidata@contoh.go.id\npembina_data:"
    )
    repo.write("metadata/diskominfo/menara.yaml", MENARA)
    repo.write("data/diskominfo/menara.csv", "periode,jumlah\n2024-S2,40\n2025-S1,42\n")
    repo.write(
        f"metadata/{TUTUP}.yaml",
        repo.read("metadata/dinkes/puskesmas.yaml")
        .replace("dinkes/puskesmas", TUTUP)
        .replace("daftar_data: DD-DINKES-001\n", "")
        .replace("Jumlah Puskesmas per Kecamatan", "Daftar Rahasia")
        .replace("klasifikasi: terbuka", "klasifikasi: tertutup"),
    )
    repo.write(f"data/{TUTUP}.csv", repo.read("data/dinkes/puskesmas.csv"))
    loaded = Repository.load(repo.root)
    model = build_model(loaded, validate(loaded, today=TODAY), _git(repo), TODAY)
    for t in model.terbitan:
        folder = f"unduh/{t.meta.opd}/{t.meta.slug}"
        data = t.entry.data_path.read_bytes()
        t.berkas["csv"] = _berkas(site, f"{folder}/{t.meta.slug}.csv", "csv", "text/csv", data)
        t.berkas["json"] = _berkas(
            site, f"{folder}/{t.meta.slug}.json", "json", "application/json", b"[]\n"
        )
    return model


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
    assert "hanya contoh" in feeds.schema_org(situs, t)["description"]


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


def _compact_iris(node, found: set[str]) -> None:
    """Every 'prefix:term' used as a key, @type or @id prefix in a JSON-LD tree."""
    if isinstance(node, list):
        for item in node:
            _compact_iris(item, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                continue
            if not key.startswith("@"):
                found.add(key)
            if key == "@type" or (
                key == "@id"
                and ":" in value
                and "//" not in value
                and not value.startswith("mailto:")
            ):
                found.add(value)
            _compact_iris(value, found)


def test_dcat_catalog_is_json_ld_with_declared_prefixes(situs):
    catalog = json.loads(json.dumps(feeds.dcat_catalog(situs)))
    terms: set[str] = set()
    _compact_iris(catalog, terms)
    assert {t.split(":", 1)[0] for t in terms} <= set(catalog["@context"])
    assert {"dcat", "dct", "foaf", "vcard", "xsd", "spdx", "adms"} <= set(catalog["@context"])
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["dct:title"]["@value"] == "Satu Data Kota Contoh"
    assert catalog["dct:language"]["@id"].endswith("/language/IND")
    assert catalog["dct:modified"] == {"@value": "2026-03-02", "@type": "xsd:date"}
    first, second = catalog["dcat:dataset"]
    assert first["@id"] == "https://data.contoh.go.id/dataset/dinkes/puskesmas/"
    assert first["dct:identifier"] == "dinkes/puskesmas"
    assert first["dct:accrualPeriodicity"]["@id"].endswith("/frequency/ANNUAL")
    assert second["dct:accrualPeriodicity"]["@id"].endswith("/frequency/ANNUAL_2")
    assert first["dct:temporal"]["dcat:endDate"]["@value"] == "2025-12-31"
    assert first["dct:modified"]["@value"] == "2026-02-20"
    assert "dct:modified" not in second
    assert first["dct:spatial"]["dct:identifier"] == "12.71"
    assert first["dcat:theme"] == [
        {"@id": "http://publications.europa.eu/resource/authority/data-theme/HEAL"}
    ]
    assert second["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:tik@contoh.go.id"}
    assert first["dcat:contactPoint"]["vcard:hasEmail"] == {"@id": "mailto:walidata@contoh.go.id"}
    csv, js = first["dcat:distribution"]
    assert csv["dcat:downloadURL"]["@id"].endswith("unduh/dinkes/puskesmas/puskesmas.csv")
    assert csv["dcat:mediaType"]["@id"] == "https://www.iana.org/assignments/media-types/text/csv"
    assert csv["dcat:byteSize"]["@type"] == "xsd:nonNegativeInteger"
    csv_berkas = _by_id(situs, "dinkes/puskesmas").berkas["csv"]
    assert int(csv["dcat:byteSize"]["@value"]) == csv_berkas.bytes
    assert re.fullmatch(r"[0-9a-f]{64}", csv["spdx:checksum"]["spdx:checksumValue"]["@value"])
    assert js["dct:format"]["@id"].endswith("/file-type/JSON")


POD_REQUIRED = (
    "title",
    "description",
    "keyword",
    "modified",
    "publisher",
    "contactPoint",
    "identifier",
    "accessLevel",
    "license",
    "spatial",
    "accrualPeriodicity",
    "landingPage",
    "distribution",
)


def test_pod_data_json_has_every_required_field(situs):
    pod = feeds.pod_catalog(situs)
    assert pod["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert pod["@context"].endswith("/v1.1/schema/catalog.jsonld")
    assert pod["describedBy"].endswith("/v1.1/schema/catalog.json")
    assert len(pod["dataset"]) == 2
    for entry in pod["dataset"]:
        assert all(entry.get(field) for field in POD_REQUIRED), entry
        assert isinstance(entry["keyword"], list)
        assert all(isinstance(k, str) for k in entry["keyword"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["modified"])
        assert entry["publisher"]["@type"] == "org:Organization" and entry["publisher"]["name"]
        assert entry["contactPoint"]["@type"] == "vcard:Contact" and entry["contactPoint"]["fn"]
        assert re.fullmatch(r"mailto:[^@\s]+@[\w.-]+\.\w+", entry["contactPoint"]["hasEmail"])
        assert entry["accessLevel"] == "public"
        assert entry["identifier"].startswith("https://")
        for dist in entry["distribution"]:
            assert dist["@type"] == "dcat:Distribution"
            assert dist["downloadURL"].startswith("https://")
            assert re.fullmatch(r"[-\w]+/[-\w]+(\.[-\w]+)*([+][-\w]+)?", dist["mediaType"])
    puskesmas, menara = pod["dataset"]
    assert (puskesmas["modified"], menara["modified"]) == ("2026-02-20", "2026-03-02")
    assert puskesmas["accrualPeriodicity"] == "R/P1Y" and menara["accrualPeriodicity"] == "R/P6M"
    assert menara["keyword"] == ["menara", "bts", "komunikasi", "Teknologi"]
    assert puskesmas["temporal"] == "2024-01-01/2025-12-31"  # first and last period


def test_pod_contact_without_any_e_mail(repo):
    loaded = Repository.load(repo.root)
    model = build_model(loaded, validate(loaded, today=TODAY), GitInfo(), TODAY)
    [entry] = feeds.pod_catalog(model)["dataset"]
    assert entry["contactPoint"] == {"@type": "vcard:Contact", "fn": "Dinas Kesehatan Kota Contoh"}


def test_period_range_when_the_first_period_is_known(situs):
    t = _by_id(situs, "dinkes/puskesmas")
    t.facts = dataclasses.replace(
        t.facts, periode_pertama=None
    )  # only the latest known: an open interval
    assert feeds.schema_org(situs, t)["temporalCoverage"] == "../2025"
    t.facts = dataclasses.replace(t.facts, periode_pertama="2024")
    assert feeds.schema_org(situs, t)["temporalCoverage"] == "2024/2025"
    pod = next(d for d in feeds.pod_catalog(situs)["dataset"] if d["title"] == t.meta.judul)
    assert pod["temporal"] == "2024-01-01/2025-12-31"
    menara = _by_id(situs, "diskominfo/menara")
    menara.facts = dataclasses.replace(menara.facts, periode_pertama="2024-S2")
    assert feeds.schema_org(situs, menara)["temporalCoverage"] == "2024-07-01/2025-06-30"


def test_schema_org_dataset(situs):
    t = _by_id(situs, "dinkes/puskesmas")
    data = feeds.schema_org(situs, t)
    assert (data["@context"], data["@type"]) == ("https://schema.org", "Dataset")
    assert data["url"] == "https://data.contoh.go.id/dataset/dinkes/puskesmas/"
    assert data["isAccessibleForFree"] is True
    assert data["creator"]["@type"] == "GovernmentOrganization"
    assert data["creator"]["parentOrganization"]["name"] == "Pemerintah Kota Contoh"
    assert data["dateModified"] == "2026-02-20"
    assert data["spatialCoverage"] == {
        "@type": "Place",
        "name": "Kota Contoh",
        "identifier": {
            "@type": "PropertyValue",
            "propertyID": "kode wilayah Kemendagri",
            "value": "12.71",
        },
    }
    assert [d["encodingFormat"] for d in data["distribution"]] == ["text/csv", "application/json"]
    measured = {v["name"]: v for v in data["variableMeasured"]}
    assert measured["jumlah_puskesmas"]["unitText"] == "unit"
    assert measured["jumlah_puskesmas"]["description"].startswith("Fasilitas")
    assert len(measured) == 3


def test_script_json_cannot_close_the_script_tag(situs):
    t = _by_id(situs, "dinkes/puskesmas")
    evil = "A & B </script><script>alert(1)</script>"
    t = dataclasses.replace(t, meta=t.meta.model_copy(update={"deskripsi": evil}))
    text = feeds.script_json(feeds.schema_org(situs, t))
    assert "</script" not in text.lower() and "<" not in text and ">" not in text
    assert json.loads(text)["description"] == evil


def test_atom_feed(situs):
    text = feeds.atom_feed(situs)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.findtext("a:id", namespaces=ns) == "https://data.contoh.go.id/feed.xml"
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(situs.terbitan) == 2
    # the commit at 09:30 +07:00 is older than the site date 00:00 UTC
    assert [e.findtext("a:id", namespaces=ns) for e in entries] == [
        "https://data.contoh.go.id/dataset/diskominfo/menara/",
        "https://data.contoh.go.id/dataset/dinkes/puskesmas/",
    ]
    assert [e.findtext("a:updated", namespaces=ns) for e in entries] == [
        "2026-03-02T00:00:00Z",
        "2026-02-20T09:30:00+07:00",
    ]
    assert root.findtext("a:updated", namespaces=ns) == "2026-03-02T00:00:00Z"
    assert entries[0].findtext("a:author/a:name", namespaces=ns) == (
        "Dinas Komunikasi dan Informatika Kota Contoh"
    )
    assert "&amp; BTS" in text  # escaped by ElementTree


def _everything(situs: Site) -> str:
    parts = [feeds.catalog_package(situs), feeds.dcat_catalog(situs), feeds.pod_catalog(situs)]
    for t in sorted(situs.terbitan, key=lambda t: t.id):
        parts += [feeds.dataset_package(situs, t), feeds.schema_org(situs, t)]
    return json.dumps(parts, ensure_ascii=False, sort_keys=True) + feeds.atom_feed(situs)


def test_outputs_are_deterministic(situs):
    first = _everything(situs)
    situs.terbitan.reverse()  # input order must not matter either
    assert _everything(situs) == first


def test_closed_dataset_is_in_no_feed(situs):
    text = _everything(situs)
    assert TUTUP not in text and "rahasia" not in text and "Daftar Rahasia" not in text


def test_every_frequency_is_mapped():
    for frekuensi in Frekuensi:
        meta = type("M", (), {"frekuensi": frekuensi})()
        assert frekuensi_eu(meta).startswith("http://publications.europa.eu/resource/authority/")
        assert re.fullmatch(r"R/P\d+[DWMY]|irregular", frekuensi_iso(meta))
