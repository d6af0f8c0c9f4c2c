"""DCAT-AP 3.0.1 catalogue against the official SEMICeu SHACL shapes, loaded as the EU validator
loads its "Full" profile (shapes, range, recommended, deprecated URIs) with the W3C vocabularies
as background. The shapes are not in this repository: they are read from
../shared/reference/dcat-ap-3.0.1 beside the clone (or $SATUDATA_DCAT_AP_SHAPES)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from satudata.catalog.feeds.dcat import dcat_catalog

pyshacl = pytest.importorskip("pyshacl")
rdflib = pytest.importorskip("rdflib")

SHAPES = Path(
    os.environ.get("SATUDATA_DCAT_AP_SHAPES", REPO_ROOT.parent / "shared/reference/dcat-ap-3.0.1")
)
SHAPE_FILES = ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "deprecateduris.ttl")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
DCAT = "http://www.w3.org/ns/dcat#"

pytestmark = pytest.mark.skipif(
    not all((SHAPES / name).exists() for name in (*SHAPE_FILES, "background-vocabularies.ttl")),
    reason=f"bentuk SHACL DCAT-AP 3.0.1 resmi tidak ada di {SHAPES} (../shared di samping klon)",
)


@pytest.fixture(scope="module")
def shapes():
    graph = rdflib.Graph()
    for name in SHAPE_FILES:
        graph.parse(SHAPES / name)
    return graph, rdflib.Graph().parse(SHAPES / "background-vocabularies.ttl")


def _results(shapes, catalog: dict):
    """(data graph, [(severity, path, focus node)]) of one validation run."""
    shacl, background = shapes
    data = rdflib.Graph().parse(data=json.dumps(catalog), format="json-ld")
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shacl, ont_graph=background, inference="none", advanced=True
    )
    results = [
        (
            str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
            str(report.value(r, SH.resultPath)),
            report.value(r, SH.focusNode),
        )
        for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)
    ]
    return data, results


def _ours(data, results, severity: str) -> Counter:
    """Results of one severity about nodes of our data graph: the background vocabularies are
    merged into the graph the shapes see and bring a warning of their own (an author of the
    OWL-Time ontology without dct:type)."""
    return Counter(
        (path, str(focus))
        for sev, path, focus in results
        if sev == severity and (focus, None, None) in data
    )


def test_example_catalogue_has_no_violation_and_warns_only_about_missing_coordinates(
    shapes, example_docs
):
    catalog = json.loads((example_docs / "dcat.jsonld").read_text(encoding="utf-8"))
    assert len(catalog["dcat:dataset"]) == 34
    data, results = _results(shapes, catalog)
    assert [r for r in results if r[0] == "Violation"] == []
    # Medan's wilayah.csv has no lintang/bujur columns: the region truly has no geometry.
    region = "https://satudata.pemkomedan.go.id/referensi/wilayah/#12.71"
    assert _ours(data, results, "Warning") == Counter(
        {(DCAT + "bbox", region): 1, (DCAT + "centroid", region): 1}
    )
    assert {sev for sev, _, _ in results} <= {"Warning"}


def test_coordinates_in_wilayah_csv_remove_the_centroid_warning(shapes, repo, situs):
    repo.replace(
        "metadata/referensi/wilayah.csv",
        "kode,nama,tingkat,kode_induk\n12.71,Kota Medan,kabupaten_kota,12\n",
        "kode,nama,tingkat,kode_induk,lintang,bujur\n12.71,Kota Medan,kabupaten_kota,12,3.59,98.67\n",
    )
    situs.repo._references.clear()  # re-read the table
    data, results = _results(shapes, dcat_catalog(situs))
    assert [r for r in results if r[0] == "Violation"] == []
    region = "https://data.contoh.go.id/referensi/wilayah/#12.71"
    assert _ours(data, results, "Warning") == Counter({(DCAT + "bbox", region): 1})


def test_the_shapes_do_catch_an_untyped_vocabulary_iri(shapes, situs):
    """The run above can fail: the same catalogue with one bare IRI is a violation."""
    catalog = dcat_catalog(situs)
    catalog["dcat:dataset"][0]["dct:accrualPeriodicity"] = {
        "@id": "http://publications.europa.eu/resource/authority/frequency/ANNUAL"
    }
    _, results = _results(shapes, catalog)
    assert [(sev, path) for sev, path, _ in results if sev == "Violation"] == [
        ("Violation", "http://purl.org/dc/terms/accrualPeriodicity")
    ]
