"""DCAT-AP 3.0.1 JSON-LD catalogue."""

from __future__ import annotations

import json
import re

from satudata.catalog.feeds import dcat as feeds
from satudata.catalog.views import Site


def _by_id(situs: Site, dataset_id: str):
    return next(t for t in situs.terbitan if t.id == dataset_id)


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
                and not value.startswith(("mailto:", "urn:"))
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
    region = catalog["dct:spatial"]  # described once, referred to by every dataset
    assert region["dct:identifier"] == "12.71"
    assert first["dct:spatial"] == second["dct:spatial"] == {"@id": region["@id"]}
    assert [theme["@id"] for theme in first["dcat:theme"]] == [
        "http://publications.europa.eu/resource/authority/data-theme/HEAL"
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


EU = "http://publications.europa.eu/resource/authority/"


def _descriptions(node, found: dict | None = None) -> dict[str, dict]:
    """IRI → the fullest description of that node anywhere in the JSON-LD tree."""
    found = {} if found is None else found
    if isinstance(node, list):
        for item in node:
            _descriptions(item, found)
    elif isinstance(node, dict):
        if "@id" in node and len(node) > len(found.get(node["@id"], {})):
            found[node["@id"]] = node
        for value in node.values():
            _descriptions(value, found)
    return found


def test_every_dataset_has_a_theme_from_the_default_mapping(situs):
    catalog = feeds.dcat_catalog(situs)
    puskesmas, menara = catalog["dcat:dataset"]
    # menara: topik [komunikasi, Teknologi]; 'teknologi' is mapped whatever its case
    assert [t["@id"] for t in menara["dcat:theme"]] == [f"{EU}data-theme/TECH"]
    assert _descriptions(catalog)[f"{EU}data-theme/TECH"]["skos:prefLabel"] == [
        {"@value": "Science and technology", "@language": "en"},
        {"@value": "Ilmu pengetahuan dan teknologi", "@language": "id"},
    ]
    assert puskesmas["dct:language"] == {"@id": f"{EU}language/IND"}
    assert _descriptions(catalog)[f"{EU}language/IND"]["@type"] == "dct:LinguisticSystem"


def _reload(repo, situs) -> Site:
    from satudata.catalog.views import build_model
    from satudata.checks.runner import validate
    from satudata.load.repository import Repository

    loaded = Repository.load(repo.root)
    model = build_model(loaded, validate(loaded, today=situs.tanggal), situs.git, situs.tanggal)
    for t in model.terbitan:
        t.berkas = _by_id(situs, t.id).berkas
    return model


def test_a_region_maps_its_own_topics_and_default_theme(repo, situs):
    repo.write(
        "metadata/tema-dcat.yaml",
        "padanan:\n  Kesehatan: [HEAL, SOCI]\nbawaan: [REGI]\n",
    )
    model = _reload(repo, situs)
    assert model.repo.problems == []
    puskesmas, menara = feeds.dcat_catalog(model)["dcat:dataset"]
    assert [t["@id"] for t in puskesmas["dcat:theme"]] == [
        f"{EU}data-theme/HEAL",
        f"{EU}data-theme/SOCI",
    ]
    assert [t["@id"] for t in menara["dcat:theme"]] == [f"{EU}data-theme/REGI"]  # unmapped


def test_an_unknown_theme_code_is_a_finding_with_file_and_line(repo):
    from satudata.load.repository import Repository

    repo.write("metadata/tema-dcat.yaml", "padanan:\n  kesehatan: [HEALTH]\n")
    problems = Repository.load(repo.root).problems
    [problem] = problems
    assert problem.file == "metadata/tema-dcat.yaml" and problem.line == 2
    assert problem.code == "metadata-tidak-sesuai-skema" and "'HEAL'" in problem.message()


def test_vocabulary_iris_carry_the_class_dcat_ap_expects(situs):
    dataset = feeds.dcat_catalog(situs)["dcat:dataset"][0]
    assert dataset["dct:accrualPeriodicity"]["@type"] == "dct:Frequency"
    assert dataset["dct:accessRights"]["@type"] == "dct:RightsStatement"
    assert dataset["dcat:landingPage"]["@type"] == "foaf:Document"
    assert dataset["dct:publisher"]["dct:type"]["@id"].endswith("/publishertype/LocalAuthority")
    csv = dataset["dcat:distribution"][0]
    assert csv["dct:format"] == {"@id": f"{EU}file-type/CSV", "@type": "dct:MediaTypeOrExtent"}
    assert csv["dcat:mediaType"]["@type"] == "dct:MediaType"
    assert csv["dcat:mediaType"]["rdfs:label"] == "text/csv"
    assert csv["dcatap:availability"]["@id"] == f"{EU}planned-availability/STABLE"
    assert csv["dct:description"]["@value"].startswith("Seluruh baris dataset")


def test_licence_keeps_spdx_and_carries_the_title_ckan_knows(situs):
    catalog = feeds.dcat_catalog(situs)
    iri = catalog["dcat:dataset"][0]["dct:license"]["@id"]
    assert iri == "https://spdx.org/licenses/CC-BY-4.0.html"
    licence = _descriptions(catalog)[iri]
    assert licence["dct:identifier"] == "CC-BY-4.0"
    assert licence["dct:title"] == "Creative Commons Attribution"
    assert licence["rdfs:label"] == "Creative Commons Attribution 4.0 International"
    assert [t["@id"] for t in licence["dct:type"]] == [
        "http://purl.org/adms/licencetype/Attribution"
    ]


def test_daftar_data_code_is_an_identifier_with_an_iri(situs):
    puskesmas, menara = feeds.dcat_catalog(situs)["dcat:dataset"]
    identifier = puskesmas["adms:identifier"]
    assert identifier["skos:notation"] == "DD-DINKES-001"
    assert identifier["@id"] == "urn:satudata:12.71:daftar-data:DD-DINKES-001"
    assert "adms:identifier" not in menara  # fulfils no Daftar Data entry


def test_region_centroid_only_from_coordinates_in_wilayah_csv(repo, situs):
    region = feeds.dcat_catalog(situs)["dct:spatial"]
    assert region["@id"] == "https://data.contoh.go.id/referensi/wilayah/#12.71"
    assert region["skos:prefLabel"]["@value"] == "Kota Medan"  # the name in wilayah.csv
    assert "dcat:centroid" not in region
    repo.write(
        "metadata/referensi/wilayah.csv",
        "kode,nama,tingkat,kode_induk,lintang,bujur\n"
        "12.71,Kota Medan,kabupaten_kota,12,3.5952,98.6722\n"
        "12.71.01,Medan Kota,kecamatan,12.71,,\n"
        "12.71.02,Medan Sunggal,kecamatan,12.71,,\n",
    )
    region = feeds.dcat_catalog(_reload(repo, situs))["dct:spatial"]
    assert region["dcat:centroid"] == {"@value": "POINT(98.6722 3.5952)", "@type": "gsp:wktLiteral"}
    repo.replace("metadata/referensi/wilayah.csv", "3.5952,98.6722", "91,98.6722")
    assert "dcat:centroid" not in feeds.dcat_catalog(_reload(repo, situs))["dct:spatial"]


def test_without_a_wilayah_table_the_region_is_a_blank_node(repo, situs):
    repo.delete("metadata/referensi/wilayah.csv")
    model = _reload(repo, situs)
    catalog = feeds.dcat_catalog(model)
    assert "@id" not in catalog["dct:spatial"]
    assert catalog["dcat:dataset"][0]["dct:spatial"]["dct:identifier"] == "12.71"
    assert catalog["dcat:dataset"][0]["dct:spatial"]["skos:prefLabel"]["@value"] == (
        "Pemerintah Kota Contoh"
    )


def test_each_shared_node_is_described_once_and_referred_to_after(situs):
    catalog = feeds.dcat_catalog(situs)
    text = json.dumps(catalog)
    assert text.count('"Creative Commons Attribution 4.0 International"') == 1
    assert text.count('"Health"') == 1
    puskesmas = catalog["dcat:dataset"][0]
    assert [d["dct:license"] for d in puskesmas["dcat:distribution"]] == [
        {"@id": "https://spdx.org/licenses/CC-BY-4.0.html"}
    ] * 2
    # a node described differently where it recurs keeps its description: the dataset page
    # is the dataset and, as landing page, a foaf:Document
    assert puskesmas["dcat:landingPage"] == {"@id": puskesmas["@id"], "@type": "foaf:Document"}


def test_describe_once_keeps_the_graph():
    tree = {
        "@id": "a",
        "x": [{"@id": "b", "p": 1}, {"@id": "b", "p": 1}, {"@id": "b", "p": 2}, {"@id": "c"}],
    }
    assert feeds.describe_once(tree, {}) == {
        "@id": "a",
        "x": [{"@id": "b", "p": 1}, {"@id": "b"}, {"@id": "b", "p": 2}, {"@id": "c"}],
    }
