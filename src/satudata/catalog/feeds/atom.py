"""Atom 1.0 feed of dataset updates (`feed.xml`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from satudata.catalog.feeds import common as u
from satudata.catalog.views import PublishedDataset, Site

ATOM = "http://www.w3.org/2005/Atom"


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
