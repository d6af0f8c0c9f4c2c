"""Project Open Data v1.1 `data.json` (non-federal schema), read by CKAN's DCAT harvesters."""

from __future__ import annotations

from satudata.catalog.feeds import common as u
from satudata.catalog.feeds.datapackage import DATAPACKAGE_STANDARD
from satudata.catalog.views import Download, PublishedDataset, Site

POD_SCHEMA = "https://project-open-data.cio.gov/v1.1/schema"


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
