"""schema.org `Dataset` embedded in each dataset page (JSON-LD), for search engines."""

from __future__ import annotations

import json

from satudata.catalog.feeds import common as u
from satudata.catalog.views import Download, PublishedDataset, Site


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
    data["isPartOf"] = data["includedInDataCatalog"]  # the catalogue, for readers of CreativeWork
    if t.tanggal_diubah:
        data["dateModified"] = t.tanggal_diubah.isoformat()
    first = u.terbit_pertama(t)
    if first:
        data["datePublished"] = first.isoformat()
    if t.diubah is not None:
        data["version"] = u.calendar_version(u.waktu_diubah(situs, t))
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
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
