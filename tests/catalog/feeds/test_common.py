"""Mappings shared by the feeds, and what holds for every feed at once."""

from __future__ import annotations

import dataclasses
import json
import re

from satudata.catalog.feeds.atom import atom_feed
from satudata.catalog.feeds.common import frekuensi_eu, frekuensi_iso
from satudata.catalog.feeds.datapackage import catalog_package, dataset_package
from satudata.catalog.feeds.dcat import dcat_catalog
from satudata.catalog.feeds.pod import pod_catalog
from satudata.catalog.feeds.schemaorg import schema_org
from satudata.catalog.views import Site
from satudata.model import Frekuensi

TUTUP = "dinkes/rahasia"


def _by_id(situs: Site, dataset_id: str):
    return next(t for t in situs.terbitan if t.id == dataset_id)


def test_period_range_when_the_first_period_is_known(situs):
    t = _by_id(situs, "dinkes/puskesmas")
    # only the latest period known: an open interval
    t.facts = dataclasses.replace(t.facts, periode_pertama=None)
    assert schema_org(situs, t)["temporalCoverage"] == "../2025"
    t.facts = dataclasses.replace(t.facts, periode_pertama="2024")
    assert schema_org(situs, t)["temporalCoverage"] == "2024/2025"
    pod = next(d for d in pod_catalog(situs)["dataset"] if d["title"] == t.meta.judul)
    assert pod["temporal"] == "2024-01-01/2025-12-31"
    menara = _by_id(situs, "diskominfo/menara")
    menara.facts = dataclasses.replace(menara.facts, periode_pertama="2024-S2")
    assert schema_org(situs, menara)["temporalCoverage"] == "2024-07-01/2025-06-30"


def _everything(situs: Site) -> str:
    parts = [catalog_package(situs), dcat_catalog(situs), pod_catalog(situs)]
    for t in sorted(situs.terbitan, key=lambda t: t.id):
        parts += [dataset_package(situs, t), schema_org(situs, t)]
    return json.dumps(parts, ensure_ascii=False, sort_keys=True) + atom_feed(situs)


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
