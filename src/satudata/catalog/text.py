"""Jinja2 environment and filters for the site's Markdown templates, and the escaping helpers.

One helper per output context; every value from metadata, CSV cells or git history passes one
of them on its way out:

- `md`: Markdown body (and the HTML inside it): HTML-escaped, Markdown punctuation as entities,
  so a `[x](javascript:…)` in a description is never a link. Autoescape covers the rest.
- `html_text`: text that MkDocs or the theme prints into HTML *without* escaping (site name,
  nav titles, page titles and descriptions in front matter): HTML-escaped once; the MkDocs
  hooks (`catalog/mkdocs_hooks.py`) mark it as such so the theme's own `| e` does not escape it
  again (a visible `&amp;`).
- `feeds.formats.script_json`: JSON inside `<script type="application/ld+json">`.
- XML (Atom) and JSON files are written by ElementTree and `json`, which escape for their format.

`{% filter blok_html %}…{% endfilter %}` wraps a finished HTML block that Markdown must not
parse and the search index must not hold (`mkdocs_hooks.html_block`); `{% filter halaman_html %}`
a page body of `#` headings and HTML only (`mkdocs_hooks.html_page`).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import jinja2
from markupsafe import Markup

from satudata.catalog.mkdocs_hooks import html_block, html_page
from satudata.util.numbers import number

# One entity table for HTML and Markdown syntax, applied in one pass (two passes would
# re-escape each other's ampersands and hashes).
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]()#!|~=&<>\"'"}
BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def md(value: object) -> Markup:
    """Text safe in Markdown and HTML: escaped, Markdown punctuation as entities, one line."""
    text = " ".join(("" if value is None else str(value)).split())
    return Markup(text.translate(_ENTITIES))


def html_text(value: object) -> str:
    """Plain text for a place where MkDocs or the theme prints it raw into HTML (also inside
    attributes): one line, with &, <, >, " and ' escaped."""
    return html.escape(" ".join(("" if value is None else str(value)).split()), quote=True)


def angka(value: float | str | None) -> str:
    if value is None:
        return "-"
    return number(float(value))


def persen(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%".replace(".", ",")


def tanggal(value: dt.date | dt.datetime | str | None) -> str:
    if value is None:
        return "tidak diketahui"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def ukuran_berkas(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}".replace(".", ",")
        size /= 1024
    return str(size)


def front_matter(value: object) -> Markup:
    """A front-matter value. MkDocs themes print page meta without escaping (also inside
    attributes such as <meta content="…">), so the text is HTML-escaped here, then written as a
    JSON string, which is valid YAML."""
    return Markup(json.dumps(html_text(value), ensure_ascii=False))


def raw_front_matter(value: str) -> Markup:
    """A front-matter value already safe for its place (the JSON-LD script body)."""
    return Markup(json.dumps(value, ensure_ascii=False))


def environment(templates: list[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in templates]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=md,
        angka=angka,
        persen=persen,
        tanggal=tanggal,
        ukuran_berkas=ukuran_berkas,
        front_matter=front_matter,
        raw_front_matter=raw_front_matter,
        blok_html=html_block,
        halaman_html=html_page,
    )
    # Data in attributes (`data-grafik`, `data-pratinjau`) without the spaces after , and :
    # that json.dumps adds by default: bytes on every dataset page, read only by scripts.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    return env
