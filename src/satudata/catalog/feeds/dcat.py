"""DCAT-AP 3.0.1 catalogue (`dcat.jsonld`) for European-style and CKAN harvesters.

Checked against the official SEMICeu shapes (shapes, range, recommended, deprecated URIs):
every vocabulary IRI carries the class DCAT-AP expects for its property, because the shapes
check `sh:class` on the data graph, which has no other way to know it. Checked as well with
ckanext-dcat's `euro_dcat_ap_3` parser (tests/catalog/feeds/test_ckan.py): some choices below
exist only so a stock CKAN reads a field (said where they are made).
"""

from __future__ import annotations

from satudata.catalog.feeds import common as u
from satudata.catalog.feeds.datapackage import DATAPACKAGE_STANDARD, catalog_description
from satudata.catalog.views import Download, PublishedDataset, Site

IANA = "https://www.iana.org/assignments/media-types/"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
# Files stay at their address as long as the dataset is published (DESIGN: stable URLs).
AVAILABILITY = f"{u.EU}planned-availability/STABLE"
LANGUAGE = f"{u.EU}language/IND"

# Official English labels of the vocabulary terms used (the shapes require a skos:prefLabel on
# every skos:Concept and a title on the scheme), with Indonesian ones for the data themes.
THEME_LABELS = {
    "AGRI": (
        "Agriculture, fisheries, forestry and food",
        "Pertanian, perikanan, kehutanan, pangan",
    ),
    "ECON": ("Economy and finance", "Ekonomi dan keuangan"),
    "EDUC": ("Education, culture and sport", "Pendidikan, kebudayaan, dan olahraga"),
    "ENER": ("Energy", "Energi"),
    "ENVI": ("Environment", "Lingkungan"),
    "GOVE": ("Government and public sector", "Pemerintahan dan sektor publik"),
    "HEAL": ("Health", "Kesehatan"),
    "INTR": ("International issues", "Isu internasional"),
    "JUST": ("Justice, legal system and public safety", "Hukum, peradilan, dan keamanan publik"),
    "REGI": ("Regions and cities", "Wilayah dan kota"),
    "SOCI": ("Population and society", "Kependudukan dan masyarakat"),
    "TECH": ("Science and technology", "Ilmu pengetahuan dan teknologi"),
    "TRAN": ("Transport", "Transportasi"),
}
CONCEPT_LABELS = {
    AVAILABILITY: "stable",
    ADMS_PUBLISHER_TYPE + "LocalAuthority": "Local Authority",
    u.ADMS_LICENCE_TYPE + "Attribution": "Attribution",
    u.ADMS_LICENCE_TYPE + "PublicDomain": "Public domain",
    u.ADMS_LICENCE_TYPE + "ViralEffect-ShareAlike": "Viral effect (a.k.a. Share-alike)",
}

DCAT_CONTEXT = {
    "adms": "http://www.w3.org/ns/adms#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatap": "http://data.europa.eu/r5r/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "gsp": "http://www.opengis.net/ont/geosparql#",
    "locn": "http://www.w3.org/ns/locn#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def dcat_catalog(situs: Site) -> dict:
    portal = situs.portal
    published = u.terbitan(situs)
    datasets = [_dcat_dataset(situs, t) for t in published]
    themes = sorted({theme["@id"] for d in datasets for theme in d["dcat:theme"]})
    node = {
        "@context": DCAT_CONTEXT,
        "@id": situs.base_url,
        "@type": "dcat:Catalog",
        "dct:title": _id(portal.nama_portal),
        "dct:description": _id(catalog_description(situs)),
        "dct:publisher": _agent(portal.nama),
        "dcat:contactPoint": _contact(u.nama_walidata(situs), u.email(portal.kontak)),
        "foaf:homepage": _typed(situs.base_url, "foaf:Document"),
        "dct:language": _typed(LANGUAGE, "dct:LinguisticSystem"),
        "dct:modified": _date(situs.tanggal.isoformat()),
        "dct:license": _license_node(portal.lisensi_bawaan),
        "dct:spatial": _location(situs),
        "dcat:keyword": [_id(k) for k in ("Satu Data Indonesia", "data terbuka", portal.nama)],
        "dcat:themeTaxonomy": {
            "@id": f"{u.EU}data-theme",
            "@type": "skos:ConceptScheme",
            "dct:title": {"@value": "Data theme", "@language": "en"},
        },
        "dcat:theme": [_theme(uri) for uri in themes],
        "dcat:dataset": datasets,
    }
    # DCAT makes dcat:Catalog a subclass of dcat:Dataset, so the shapes ask a catalogue for
    # what they ask a dataset: its whole-catalogue Data Package, its issue date, its period.
    if any("csv" in t.berkas for t in published):
        node["dcat:distribution"] = [_catalog_distribution(situs)]
    first_commit = min((c.date for c in situs.git.commits.values()), default=None)
    if first_commit is not None:
        node["dct:issued"] = _date(first_commit.date().isoformat())
    ranges = [u.rentang_tanggal(t) for t in published]
    starts = [start for start, _ in ranges if start]
    ends = [end for _, end in ranges if end]
    if starts and ends:
        node["dct:temporal"] = _period(min(starts), max(ends))
    return describe_once(node, {})


def describe_once(node, described: dict[str, dict]):
    """The same tree with every named node (licence, theme, region, vocabulary term...)
    described where it first occurs and referred to by its IRI where the very same
    description recurs: the graph is the same, the file a third smaller (licences and themes
    recur in every dataset). A different description of one IRI (a dataset and its landing
    page) is kept whole."""
    if isinstance(node, list):
        return [describe_once(item, described) for item in node]
    if not isinstance(node, dict):
        return node
    iri = node.get("@id")
    if iri is not None and len(node) > 1:
        if described.get(iri) == node:
            return {"@id": iri}
        described.setdefault(iri, node)
    return {key: describe_once(value, described) for key, value in node.items()}


def _dcat_dataset(situs: Site, t: PublishedDataset) -> dict:
    meta, page = t.meta, situs.url(t.url_path)
    name, mail = u.kontak(situs, t)
    node = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": meta.id,
        "dct:title": _id(meta.judul),
        "dct:description": _id(u.deskripsi(meta)),
        "dcat:keyword": [_id(k) for k in u.kata_kunci(meta)],
        "dcat:theme": [_theme(uri) for uri in u.tema_eu(situs, meta)],
        "dct:subject": [{"@type": "skos:Concept", "skos:prefLabel": _id(x)} for x in meta.topik],
        "dct:language": _typed(LANGUAGE, "dct:LinguisticSystem"),
        "dct:publisher": _agent(u.nama_opd(t)),
        "dcat:contactPoint": _contact(name, mail),
        "dct:accrualPeriodicity": _typed(u.frekuensi_eu(meta), "dct:Frequency"),
        "dct:spatial": _location(situs),
        "dct:provenance": {"@type": "dct:ProvenanceStatement", "rdfs:label": _id(meta.sumber)},
        "dct:license": _license_node(u.lisensi(situs, meta)),
        "dct:accessRights": _typed(f"{u.EU}access-right/PUBLIC", "dct:RightsStatement"),
        "dcat:landingPage": _typed(page, "foaf:Document"),
        "dcat:distribution": [_dcat_distribution(situs, t, b) for b in u.berkas(t)],
    }
    if meta.daftar_data:
        node["adms:identifier"] = daftar_data_identifier(situs, meta.daftar_data)
    start, end = u.rentang_tanggal(t)
    if end:
        node["dct:temporal"] = _period(start, end)
    if t.tanggal_diubah:
        node["dct:modified"] = _date(t.tanggal_diubah.isoformat())
    first = u.terbit_pertama(t)
    if first:
        node["dct:issued"] = _date(first.isoformat())
    if t.diubah is not None:
        node["dcat:version"] = u.calendar_version(u.waktu_diubah(situs, t))
    return {k: v for k, v in node.items() if v != []}


def daftar_data_identifier(situs: Site, kode: str) -> dict:
    """The Daftar Data code as an `adms:Identifier`. It gets an IRI, not a blank node, because
    ckanext-dcat copies the *node* of each adms:identifier into `alternate_identifier`
    (a blank node id would be all CKAN keeps); the IRI ends with the code."""
    return {
        "@id": f"urn:satudata:{situs.portal.kode_wilayah}:daftar-data:{kode}",
        "@type": "adms:Identifier",
        "skos:notation": kode,
        "dct:creator": _agent(situs.portal.nama),
        "adms:schemaAgency": _id(f"Forum Satu Data {situs.portal.nama}"),
    }


def _dcat_distribution(situs: Site, t: PublishedDataset, b: Download) -> dict:
    label = u.format_label(b)
    node = {
        "@id": f"{situs.url(t.url_path)}#unduh-{b.jenis}",
        "@type": "dcat:Distribution",
        "dct:title": _id(f"{t.meta.judul} ({label})"),
        "dct:description": _id(_distribution_text(b.jenis, t.meta.judul)),
        "dcat:accessURL": {"@id": situs.url(t.url_path)},
        "dcat:downloadURL": {"@id": situs.url(b.path)},
        **_file_format(b),
        "dcat:byteSize": {"@value": str(b.bytes), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": {"@value": b.sha256, "@type": "xsd:hexBinary"},
        },
        "dct:license": _license_node(u.lisensi(situs, t.meta)),
        "dcatap:availability": _concept(AVAILABILITY),
    }
    if b.jenis == "datapackage":
        node["dct:conformsTo"] = _typed(DATAPACKAGE_STANDARD, "dct:Standard")
    return node


def _catalog_distribution(situs: Site) -> dict:
    url = situs.url("datapackage.json")
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _id(f"{situs.portal.nama_portal} (Data Package)"),
        "dct:description": _id(
            "Data Package (Frictionless) yang merujuk berkas CSV setiap dataset terbit."
        ),
        "dcat:accessURL": {"@id": situs.base_url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": _media_type("application/json"),
        "dct:format": _typed(f"{u.EU}file-type/JSON", "dct:MediaTypeOrExtent"),
        "dct:conformsTo": _typed(DATAPACKAGE_STANDARD, "dct:Standard"),
        "dct:license": _license_node(situs.portal.lisensi_bawaan),
        "dcatap:availability": _concept(AVAILABILITY),
    }


_DISTRIBUTION_TEXT = {
    "csv": "Seluruh baris dataset {judul} dalam CSV (UTF-8, pemisah koma).",
    "xlsx": "Dataset {judul} dalam lembar kerja Excel, dengan lembar keterangan kolom.",
    "json": "Seluruh baris dataset {judul} dalam JSON.",
    "datapackage": "Keterangan berkas CSV dataset {judul} (Frictionless Data Package v2).",
}


def _distribution_text(jenis: str, judul: str) -> str:
    return _DISTRIBUTION_TEXT.get(jenis, "Dataset {judul}.").format(judul=judul)


def _file_format(b: Download) -> dict:
    return {
        "dcat:mediaType": _media_type(b.mediatype),
        "dct:format": _typed(u.file_type_uri(b), "dct:MediaTypeOrExtent"),
    }


def _media_type(mediatype: str) -> dict:
    # The label is the bare media type: ckanext-dcat reads a labelled IRI by its label and
    # looks that up in CKAN's format list, so the resource format becomes `CSV`, not an IRI.
    return {"@id": IANA + mediatype, "@type": "dct:MediaType", "rdfs:label": mediatype}


def _location(situs: Site) -> dict:
    """The region: Kemendagri code as identifier (BPS code beside it when known), its name,
    and its centroid when wilayah.csv gives coordinates. When the code table is published the
    IRI is the region's row in it, so harvesters (CKAN's `spatial_uri`) get one IRI for the
    region."""
    portal = situs.portal
    iri = None
    if u.wilayah(situs) is not None:
        iri = situs.url(f"referensi/wilayah/#{portal.kode_wilayah}")
    name = u.nama_wilayah(situs)
    codes = [_code(portal.kode_wilayah, "Kementerian Dalam Negeri")]
    if portal.kode_bps:
        codes.append(_code(portal.kode_bps, "Badan Pusat Statistik"))
    node = {
        **({"@id": iri} if iri else {}),
        "@type": "dct:Location",
        "dct:identifier": portal.kode_wilayah,
        "locn:geographicName": _id(name),
        "skos:prefLabel": _id(name),
        "adms:identifier": codes,
    }
    point = u.titik_wilayah(situs)
    if point is not None:
        lat, lon = point
        node["dcat:centroid"] = {"@value": f"POINT({lon} {lat})", "@type": "gsp:wktLiteral"}
    return node


def _code(value: str, agency: str) -> dict:
    return {"@type": "adms:Identifier", "skos:notation": value, "adms:schemaAgency": _id(agency)}


def _agent(name: str) -> dict:
    """A government body; all are local authorities in the ADMS publisher-type scheme."""
    return {
        "@type": "foaf:Organization",
        "foaf:name": _id(name),
        "dct:type": _concept(ADMS_PUBLISHER_TYPE + "LocalAuthority"),
    }


def _contact(name: str, mail: str | None) -> dict:
    contact: dict[str, object] = {"@type": "vcard:Organization", "vcard:fn": name}
    if mail:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{mail}"}
    return contact


def _license_node(spdx_id: str) -> dict:
    """The SPDX licence IRI; its title is the one in CKAN's licence register when the licence
    is there, since CKAN matches a harvested licence by URL or by that exact title."""
    ckan = u.ckan_license(spdx_id)
    node: dict[str, object] = {
        "@id": u.license_url(spdx_id),
        "@type": "dct:LicenseDocument",
        "dct:identifier": spdx_id,
        "rdfs:label": u.license_title(spdx_id),
        "dct:title": ckan[1] if ckan else u.license_title(spdx_id),
    }
    types = u.license_types(spdx_id)
    if types:
        node["dct:type"] = [_concept(uri) for uri in types]
    return node


def _period(start, end) -> dict:
    period = {"@type": "dct:PeriodOfTime", "dcat:endDate": _date(end.isoformat())}
    if start:
        period["dcat:startDate"] = _date(start.isoformat())
    return period


def _theme(iri: str) -> dict:
    english, indonesian = THEME_LABELS[iri.rsplit("/", 1)[-1]]
    return {
        "@id": iri,
        "@type": "skos:Concept",
        "skos:prefLabel": [
            {"@value": english, "@language": "en"},
            {"@value": indonesian, "@language": "id"},
        ],
    }


def _concept(iri: str) -> dict:
    return {
        "@id": iri,
        "@type": "skos:Concept",
        "skos:prefLabel": {"@value": CONCEPT_LABELS[iri], "@language": "en"},
    }


def _typed(iri: str, rdf_type: str) -> dict:
    return {"@id": iri, "@type": rdf_type}


def _id(text: str) -> dict:
    """An Indonesian-language literal."""
    return {"@value": text, "@language": "id"}


def _date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}
