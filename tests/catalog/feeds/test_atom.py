"""Atom feed of dataset updates."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from satudata.catalog.feeds.atom import atom_feed


def test_atom_feed(situs):
    text = atom_feed(situs)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.findtext("a:id", namespaces=ns) == "https://data.contoh.go.id/feed.xml"
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(situs.terbitan) == 2
    # the commit at 09:30 +07:00 is older than the site date 00:00 UTC
    assert [e.findtext("a:id", namespaces=ns) for e in entries] == [
        "https://data.contoh.go.id/dataset/diskominfo/menara/",
        "https://data.contoh.go.id/dataset/dinkes/puskesmas/",
    ]
    assert [e.findtext("a:updated", namespaces=ns) for e in entries] == [
        "2026-03-02T00:00:00Z",
        "2026-02-20T09:30:00+07:00",
    ]
    assert root.findtext("a:updated", namespaces=ns) == "2026-03-02T00:00:00Z"
    assert entries[0].findtext("a:author/a:name", namespaces=ns) == (
        "Dinas Komunikasi dan Informatika Kota Contoh"
    )
    assert "&amp; BTS" in text  # escaped by ElementTree
