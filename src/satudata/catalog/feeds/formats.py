"""Machine-readable descriptions of the catalog, all from the one metadata model.

Data Package v2 (per dataset and for the catalog), DCAT-AP 3 JSON-LD, Project Open Data v1.1
`data.json` (read by CKAN harvesters), schema.org `Dataset` and Atom. Pure functions: dates come
from git via `Site`, never from the clock, so two builds of one commit are identical.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

from satudata.catalog.feeds import common as u
from satudata.catalog.views import Download, PublishedDataset, Site
from satudata.model.tableschema import table_schema

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DATAPACKAGE_STANDARD = "https://datapackage.org/standard/data-package/"
POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"
IANA = "https://www.iana.org/assignments/media-types/"
ATOM = "http://www.w3.org/2005/Atom"

DCAT_CONTEXT = {
    "adms": "http://www.w3.org/ns/adms#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


# --- Frictionless Data Package v2 ---------------------------------------------------------


def dataset_package(situs: Site, t: PublishedDataset) -> dict:
    """`unduh/<opd>/<slug>/datapackage.json`: the CSV beside it, described by its metadata."""
    meta = t.meta
    package: dict[str, Any] = {
        "$schema": DATAPACKAGE_PROFILE,
        "name": meta.id.replace("/", "-"),
        "id": situs.url(t.url_path),
        "title": meta.judul,
        "description": u.deskripsi(meta),
        "keywords": u.kata_kunci(meta),
        "homepage": situs.url(t.url_path),
        "licenses": [u.license_descriptor(u.lisensi(situs, meta))],
        "contributors": [_opd_contributor(situs, t), _walidata_contributor(situs)],
        "sources": [{"title": meta.sumber}],
        "resources": [_resource(situs, t, t.berkas["csv"], meta.slug, name_only=True)],
    }
    if t.diubah is not None:
        moment = u.waktu_diubah(situs, t)
        package["version"] = f"{moment.year}.{moment.month}.{moment.day}"  # calendar, semver-shaped
        package["created"] = u.rfc3339(moment)
    if meta.data_contoh:
        package["satudata:data_contoh"] = True
    return package


def catalog_package(situs: Site) -> dict:
    """One Data Package over every published CSV, paths relative to the site root."""
    resources: list[dict[str, Any]] = []
    names: set[str] = set()
    for t in u.terbitan(situs):
        if "csv" not in t.berkas:
            continue
        name = _unique(t.id.replace("/", "-"), names)
        resources.append(_resource(situs, t, t.berkas["csv"], name, name_only=False))
    portal = situs.portal
    return {
        "$schema": DATAPACKAGE_PROFILE,
        "name": u.slug(portal.nama_portal),
        "id": situs.base_url,
        "title": portal.nama_portal,
        "description": _catalog_description(situs),
        "homepage": situs.base_url,
        "created": u.rfc3339(u.tanggal_situs(situs)),
        "licenses": [u.license_descriptor(portal.lisensi_bawaan)],
        "contributors": [_walidata_contributor(situs)],
        "resources": resources,
    }


def _resource(situs: Site, t: PublishedDataset, b: Download, name: str, name_only: bool) -> dict:
    meta = t.meta
    resource = {
        "name": name,
        "path": b.path.rsplit("/", 1)[-1] if name_only else b.path,
        "title": meta.judul,
        "type": "table",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": b.bytes,
        "hash": f"sha256:{b.sha256}",
        "schema": table_schema(meta),
    }
    if not name_only:  # in the catalog each resource keeps its own terms and page
        resource["description"] = u.deskripsi(meta)
        resource["licenses"] = [u.license_descriptor(u.lisensi(situs, meta))]
        resource["homepage"] = situs.url(t.url_path)
        if meta.data_contoh:
            resource["satudata:data_contoh"] = True
    return resource


def _opd_contributor(situs: Site, t: PublishedDataset) -> dict:
    contributor: dict[str, Any] = {
        "title": u.nama_opd(t),
        "roles": ["creator", "publisher"],
        "organization": situs.portal.nama,
    }
    if mail := u.email(t.opd.kontak if t.opd else None):
        contributor["email"] = mail
    if t.opd and t.opd.situs:
        contributor["path"] = str(t.opd.situs)
    return contributor


def _walidata_contributor(situs: Site) -> dict:
    contributor: dict[str, Any] = {
        "title": u.nama_walidata(situs),
        "roles": ["dataCurator", "distributor"],
        "organization": situs.portal.nama,
    }
    if u.email(situs.portal.kontak):
        contributor["email"] = u.email(situs.portal.kontak)
    return contributor


def _unique(name: str, taken: set[str]) -> str:
    # 'a-b/c' and 'a/b-c' flatten to the same name; ids are sorted, so the suffix is stable.
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate


def _catalog_description(situs: Site) -> str:
    return (
        f"Katalog data terbuka {situs.portal.nama}: dataset perangkat daerah yang telah "
        f"diperiksa Walidata dan dipublikasikan menurut prinsip Satu Data Indonesia."
    )


# --- DCAT-AP 3 (JSON-LD) ------------------------------------------------------------------


def dcat_catalog(situs: Site) -> dict:
    portal = situs.portal
    return {
        "@context": DCAT_CONTEXT,
        "@id": situs.base_url,
        "@type": "dcat:Catalog",
        "dct:title": _id(portal.nama_portal),
        "dct:description": _id(_catalog_description(situs)),
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": portal.nama},
        "foaf:homepage": {"@id": situs.base_url},
        "dct:language": {"@id": f"{u.EU}language/IND"},
        "dct:modified": _date(situs.tanggal.isoformat()),
        "dct:license": _license_node(portal.lisensi_bawaan),
        "dct:spatial": _location(situs, portal.nama),
        "dcat:dataset": [_dcat_dataset(situs, t) for t in u.terbitan(situs)],
    }


def _dcat_dataset(situs: Site, t: PublishedDataset) -> dict:
    meta, page = t.meta, situs.url(t.url_path)
    name, mail = u.kontak(situs, t)
    contact: dict[str, Any] = {"@type": "vcard:Organization", "vcard:fn": name}
    if mail:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{mail}"}
    node: dict[str, Any] = {
        "@id": page,
        "@type": "dcat:Dataset",
        "dct:identifier": meta.id,
        "dct:title": _id(meta.judul),
        "dct:description": _id(u.deskripsi(meta)),
        "dcat:keyword": [_id(k) for k in u.kata_kunci(meta)],
        "dcat:theme": [{"@id": uri} for uri in u.tema_eu(meta)],
        "dct:subject": [{"@type": "skos:Concept", "skos:prefLabel": _id(x)} for x in meta.topik],
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": u.nama_opd(t)},
        "dcat:contactPoint": contact,
        "dct:accrualPeriodicity": {"@id": u.frekuensi_eu(meta)},
        "dct:spatial": _location(situs, meta.cakupan_wilayah),
        "dct:provenance": {"@type": "dct:ProvenanceStatement", "rdfs:label": _id(meta.sumber)},
        "dct:license": _license_node(u.lisensi(situs, meta)),
        "dct:accessRights": {"@id": f"{u.EU}access-right/PUBLIC"},
        "dcat:landingPage": {"@id": page},
        "dcat:distribution": [_dcat_distribution(situs, t, b) for b in u.berkas(t)],
    }
    if meta.daftar_data:
        node["adms:identifier"] = {
            "@type": "adms:Identifier",
            "skos:notation": meta.daftar_data,
            "dct:creator": situs.portal.nama,
            "rdfs:label": "Daftar Data",
        }
    start, end = u.rentang_tanggal(t)
    if end:
        node["dct:temporal"] = {"@type": "dct:PeriodOfTime", "dcat:endDate": _date(end.isoformat())}
        if start:
            node["dct:temporal"]["dcat:startDate"] = _date(start.isoformat())
    if t.tanggal_diubah:
        node["dct:modified"] = _date(t.tanggal_diubah.isoformat())
    return {k: v for k, v in node.items() if v != []}


def _dcat_distribution(situs: Site, t: PublishedDataset, b: Download) -> dict:
    node: dict[str, Any] = {
        "@id": f"{situs.url(t.url_path)}#unduh-{b.jenis}",
        "@type": "dcat:Distribution",
        "dct:title": _id(f"{t.meta.judul} ({u.format_label(b)})"),
        "dcat:accessURL": {"@id": situs.url(t.url_path)},
        "dcat:downloadURL": {"@id": situs.url(b.path)},
        "dcat:mediaType": {"@id": IANA + b.mediatype},
        "dct:format": {"@id": u.file_type_uri(b)},
        "dcat:byteSize": {"@value": str(b.bytes), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": {"@value": b.sha256, "@type": "xsd:hexBinary"},
        },
        "dct:license": _license_node(u.lisensi(situs, t.meta)),
    }
    if b.jenis == "datapackage":
        node["dct:conformsTo"] = {"@id": DATAPACKAGE_STANDARD}
    return node


def _location(situs: Site, label: str) -> dict:
    """The region, with its codes side by side: Kemendagri always, BPS when known."""
    portal = situs.portal
    codes = [
        {
            "@type": "adms:Identifier",
            "skos:notation": portal.kode_wilayah,
            "adms:schemaAgency": "Kementerian Dalam Negeri",
        }
    ]
    if portal.kode_bps:
        codes.append(
            {
                "@type": "adms:Identifier",
                "skos:notation": portal.kode_bps,
                "adms:schemaAgency": "Badan Pusat Statistik",
            }
        )
    return {
        "@type": "dct:Location",
        "dct:identifier": portal.kode_wilayah,
        "locn:geographicName": _id(label),
        "skos:prefLabel": _id(label),
        "adms:identifier": codes,
    }


def _license_node(spdx_id: str) -> dict:
    return {
        "@id": u.license_url(spdx_id),
        "@type": "dct:LicenseDocument",
        "dct:identifier": spdx_id,
    }


def _id(text: str) -> dict:
    """An Indonesian-language literal."""
    return {"@value": text, "@language": "id"}


def _date(value: str) -> dict:
    return {"@value": value, "@type": "xsd:date"}


# --- Project Open Data v1.1 data.json ----------------------------------------------------


def pod_catalog(situs: Site) -> dict:
    return {
        "@context": f"{POD_SCHEMA}/catalog.jsonld",
        "@id": situs.url("data.json"),
        "@type": "dcat:Catalog",
        "conformsTo": POD_SCHEMA,
        "describedBy": f"{POD_SCHEMA}/catalog.json",
        "dataset": [_pod_dataset(situs, t) for t in u.terbitan(situs)],
    }


def _pod_dataset(situs: Site, t: PublishedDataset) -> dict:
    meta, page = t.meta, situs.url(t.url_path)
    name, mail = u.kontak(situs, t)
    contact = {"@type": "vcard:Contact", "fn": name}
    if mail:  # required by POD, but no contact in the model is guaranteed to be an e-mail
        contact["hasEmail"] = f"mailto:{mail}"
    entry = {
        "@type": "dcat:Dataset",
        "title": meta.judul,
        "description": u.deskripsi(meta),
        "keyword": u.kata_kunci(meta),
        "modified": (t.tanggal_diubah or situs.tanggal).isoformat(),
        "publisher": {
            "@type": "org:Organization",
            "name": u.nama_opd(t),
            "subOrganizationOf": {"@type": "org:Organization", "name": situs.portal.nama},
        },
        "contactPoint": contact,
        "identifier": page,
        "accessLevel": "public",
        "license": u.license_url(u.lisensi(situs, meta)),
        "spatial": meta.cakupan_wilayah,
        "accrualPeriodicity": u.frekuensi_iso(meta),
        "landingPage": page,
        "language": ["id"],
        "theme": list(meta.topik),
        "distribution": [_pod_distribution(situs, t, b) for b in u.berkas(t)],
    }
    start, end = u.rentang_tanggal(t)
    if start and end:  # POD wants a closed interval; an end alone is not expressible
        entry["temporal"] = f"{start.isoformat()}/{end.isoformat()}"
    if "datapackage" in t.berkas:
        entry["describedBy"] = situs.url(t.berkas["datapackage"].path)
        entry["describedByType"] = "application/json"
    return entry


def _pod_distribution(situs: Site, t: PublishedDataset, b: Download) -> dict:
    entry = {
        "@type": "dcat:Distribution",
        "downloadURL": situs.url(b.path),
        "mediaType": b.mediatype,
        "format": u.format_label(b),
        "title": f"{t.meta.judul} ({u.format_label(b)})",
    }
    if b.jenis == "datapackage":
        entry["conformsTo"] = DATAPACKAGE_STANDARD
    return entry


# --- schema.org Dataset -------------------------------------------------------------------


def schema_org(situs: Site, t: PublishedDataset) -> dict:
    meta, portal = t.meta, situs.portal
    pemda = {"@type": "GovernmentOrganization", "name": portal.nama, "url": situs.base_url}
    creator = {
        "@type": "GovernmentOrganization",
        "name": u.nama_opd(t),
        "parentOrganization": pemda,
    }
    if t.opd:
        creator["alternateName"] = t.opd.singkatan
        if t.opd.situs:
            creator["url"] = str(t.opd.situs)
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": meta.judul,
        "description": u.deskripsi(meta),
        "url": situs.url(t.url_path),
        "identifier": meta.id,
        "keywords": u.kata_kunci(meta),
        "inLanguage": "id",
        "license": u.license_url(u.lisensi(situs, meta)),
        "isAccessibleForFree": True,
        "creator": creator,
        "publisher": pemda,
        "includedInDataCatalog": {
            "@type": "DataCatalog",
            "name": portal.nama_portal,
            "url": situs.base_url,
        },
        "spatialCoverage": {
            "@type": "Place",
            "name": meta.cakupan_wilayah,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": "kode wilayah Kemendagri",
                "value": portal.kode_wilayah,
            },
        },
        "distribution": [_data_download(situs, b) for b in u.berkas(t)],
        "variableMeasured": [_variable(k) for k in meta.kolom],
    }
    if t.tanggal_diubah:
        data["dateModified"] = t.tanggal_diubah.isoformat()
    if u.temporal_coverage(t):
        data["temporalCoverage"] = u.temporal_coverage(t)
    return data


def _data_download(situs: Site, b: Download) -> dict:
    return {
        "@type": "DataDownload",
        "name": u.format_label(b),
        "encodingFormat": b.mediatype,
        "contentUrl": situs.url(b.path),
        "contentSize": f"{b.bytes} B",
        "sha256": b.sha256,
    }


def _variable(kolom) -> dict:
    variable = {"@type": "PropertyValue", "name": kolom.nama, "alternateName": kolom.judul}
    if kolom.definisi:
        variable["description"] = kolom.definisi
    if kolom.satuan:
        variable["unitText"] = kolom.satuan
    return variable


def script_json(data: dict) -> str:
    """JSON safe inside <script type="application/ld+json">: metadata cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# --- Atom ---------------------------------------------------------------------------------


def atom_feed(situs: Site) -> str:
    """Atom 1.0 feed of dataset updates, newest first."""
    entries = sorted(u.terbitan(situs), key=lambda t: (-u.waktu_diubah(situs, t).timestamp(), t.id))
    times = [u.waktu_diubah(situs, t) for t in entries]
    # Plain tags under a literal xmlns: ElementTree's default_namespace rejects plain attributes.
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "id"})
    _atom(feed, "id", situs.url("feed.xml"))
    _atom(feed, "title", f"Pembaruan dataset {situs.portal.nama_portal}")
    _atom(feed, "updated", u.rfc3339(max(times) if times else u.tanggal_situs(situs)))
    _atom(feed, "link", rel="self", href=situs.url("feed.xml"), type="application/atom+xml")
    _atom(feed, "link", rel="alternate", href=situs.base_url, type="text/html")
    _atom(_atom(feed, "author"), "name", situs.portal.nama)
    _atom(feed, "generator", "satudata")
    for t, moment in zip(entries, times, strict=False):
        _atom_entry(feed, situs, t, moment)
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _atom_entry(feed: ET.Element, situs: Site, t: PublishedDataset, moment) -> None:
    entry = _atom(feed, "entry")
    _atom(entry, "id", situs.url(t.url_path))
    _atom(entry, "title", t.meta.judul)
    _atom(entry, "updated", u.rfc3339(moment))
    _atom(entry, "link", rel="alternate", href=situs.url(t.url_path), type="text/html")
    _atom(entry, "summary", u.deskripsi(t.meta))
    _atom(_atom(entry, "author"), "name", u.nama_opd(t))
    for topik in t.meta.topik:
        _atom(entry, "category", term=topik)


def _atom(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, dict(sorted(attrs.items())))
    element.text = text
    return element
