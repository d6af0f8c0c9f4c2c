"""Project Open Data v1.1 `data.json`."""

from __future__ import annotations

import datetime as dt
import re

from satudata.audit.git import GitInfo
from satudata.catalog.feeds import pod as feeds
from satudata.catalog.views import build_model
from satudata.checks.runner import validate
from satudata.load.repository import Repository

TODAY = dt.date(2026, 3, 2)


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
