"""Frictionless Data Package v2: one per dataset (beside its CSV) and one for the catalogue.

The build checks each descriptor with frictionless' own validator (`validate_package`): the
profile and the descriptor's consistency, not the rows, which the checks already read.
"""

from __future__ import annotations

import frictionless

from satudata.catalog.feeds import common as u
from satudata.catalog.views import Download, PublishedDataset, Site
from satudata.model.tableschema import table_schema

DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
DATAPACKAGE_STANDARD = "https://datapackage.org/standard/data-package/"


def dataset_package(situs: Site, t: PublishedDataset) -> dict:
    """`unduh/<opd>/<slug>/datapackage.json`: the CSV beside it, described by its metadata."""
    meta = t.meta
    package: dict[str, object] = {
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
        package["version"] = u.calendar_version(moment)
        package["created"] = u.rfc3339(moment)
    if meta.data_contoh:
        package["satudata:data_contoh"] = True
    return package


def catalog_package(situs: Site) -> dict:
    """One Data Package over every published CSV, paths relative to the site root."""
    resources: list[dict] = []
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
        "description": catalog_description(situs),
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
    contributor: dict[str, object] = {
        "title": u.nama_opd(t),
        "roles": ["creator", "publisher"],
        "organization": situs.portal.nama,
    }
    mail = u.email(t.opd.kontak if t.opd else None)
    if mail:
        contributor["email"] = mail
    if t.opd and t.opd.situs:
        contributor["path"] = str(t.opd.situs)
    return contributor


def _walidata_contributor(situs: Site) -> dict:
    contributor: dict[str, object] = {
        "title": u.nama_walidata(situs),
        "roles": ["dataCurator", "distributor"],
        "organization": situs.portal.nama,
    }
    mail = u.email(situs.portal.kontak)
    if mail:
        contributor["email"] = mail
    return contributor


def _unique(name: str, taken: set[str]) -> str:
    # 'a-b/c' and 'a/b-c' flatten to the same name; ids are sorted, so the suffix is stable.
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    taken.add(candidate)
    return candidate


def catalog_description(situs: Site) -> str:
    return (
        f"Katalog data terbuka {situs.portal.nama}: dataset perangkat daerah yang telah "
        f"diperiksa Walidata dan dipublikasikan menurut prinsip Satu Data Indonesia."
    )


class PackageError(ValueError):
    """A descriptor the build wrote that frictionless rejects; the message is Indonesian."""


def validate_package(descriptor: dict, where: str, *, schemas: bool = True) -> None:
    """Check a descriptor against the Data Package profile with frictionless' own validator
    (descriptor and profile only: the rows were read by the checks already). `schemas=False`
    leaves the resources' Table Schemas out, for a dataset's own package: the catalogue's
    package carries the same schema of every dataset (`table_schema`) and is checked whole,
    and the schema was three quarters of each dataset's check (2.5 of 3.3 ms)."""
    if not schemas:
        descriptor = {
            **descriptor,
            "resources": [
                {k: v for k, v in r.items() if k != "schema"} for r in descriptor["resources"]
            ],
        }
    report = frictionless.Package.validate_descriptor(descriptor)
    if report.valid:
        return
    problems = "; ".join(f"{kind}: {note}" for kind, note in report.flatten(["type", "note"]))
    raise PackageError(
        f"{where} tidak sah menurut frictionless (profil Data Package v2): {problems}. "
        "Ini kesalahan satudata, bukan data Anda; laporkan bersama metadata dataset ini."
    )
