"""schema.org `Dataset` JSON-LD of the dataset pages."""

from __future__ import annotations

import dataclasses
import json

from satudata.catalog.feeds import schemaorg as feeds
from satudata.catalog.views import Site


def _by_id(situs: Site, dataset_id: str):
    return next(t for t in situs.terbitan if t.id == dataset_id)


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


def test_schema_org_version_publication_date_and_catalogue(situs):
    puskesmas = feeds.schema_org(situs, _by_id(situs, "dinkes/puskesmas"))
    assert puskesmas["version"] == "2026.2.20"  # the date of the last change, as datapackage.json
    assert puskesmas["datePublished"] == "2026-02-20"  # first version in git
    assert puskesmas["isPartOf"] == {
        "@type": "DataCatalog",
        "name": "Satu Data Kota Contoh",
        "url": "https://data.contoh.go.id/",
    }
    menara = feeds.schema_org(situs, _by_id(situs, "diskominfo/menara"))
    assert "version" not in menara and "datePublished" not in menara  # git knows no commit
    assert menara["isPartOf"]["url"] == "https://data.contoh.go.id/"


def test_date_published_is_the_oldest_version(situs):
    t = _by_id(situs, "dinkes/puskesmas")
    [only] = t.versi
    older = dataclasses.replace(
        only, commit=dataclasses.replace(only.commit, date=only.commit.date.replace(year=2024))
    )
    t.versi = [only, older]  # newest first
    assert feeds.schema_org(situs, t)["datePublished"] == "2024-02-20"
