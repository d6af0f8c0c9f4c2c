"""What the dataset chart shows, decided at build time; Chart.js draws it in the browser.

The chart itself is drawn by Chart.js (vendored in `site/assets/vendor/`, loaded from the site,
no outside request) from a small JSON spec written into the page, so the build pays nothing per
chart and the reader can switch measure, breakdown and filters (the rows come from the JSON
download). The default series is also computed here, for the data table beside the chart (the
text alternative, and what a reader without JavaScript gets).

Which measure and breakdown (documented in the Panduan Kontributor):
1. `grafik.ukuran` / `grafik.rincian` in the metadata, when the OPD named them;
2. else the indicator's own measure (the left side of `indikator.rumus`, e.g. `tpt = …`);
3. else the measure whose title shares most words with the dataset's title, leaving out
   denominators (names after `/` in `indikator.rumus`) and components (named in another
   column's `jumlah_dari`); ties go to the first such measure.
A rate (persentase, rasio, indeks, rata-rata, …) is never summed or averaged across categories:
every dimension is either the breakdown (one line per category) or fixed to one category.
Counts are summed over the dimensions that are not fixed.
"""

from __future__ import annotations

import re

from satudata.catalog.names import NamedColumn
from satudata.model import Dataset, Kolom, Peran
from satudata.rules.periods import ordered_periods

MAX_LINES = 12  # more lines than this cannot be told apart: such a dimension is a filter only
MAX_FILTER = 400  # a dimension with more categories than this gets no filter list
RATE_WORDS = ("persen", "%", "rasio", "rata", "indeks", "proporsi", "tingkat", "per ")
_STOP = {"jumlah", "menurut", "dan", "yang", "di", "ke", "dari", "pada", "per", "kota", "data"}
BULAN_SINGKAT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
ROMAWI = ["I", "II", "III", "IV"]


def is_rate(kolom: Kolom) -> bool:
    """A measure that must not be added up: a percentage, ratio, index, average…"""
    text = " ".join(filter(None, [kolom.ukuran, kolom.satuan])).lower()
    return any(word in text for word in RATE_WORDS)


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^0-9a-z]+", text.lower()) if w and w not in _STOP}


def headline_measure(meta: Dataset) -> Kolom | None:
    """The measure the chart shows first (rule in the module docstring)."""
    measures = meta.ukuran_kolom
    by_name = {k.nama.lower(): k for k in measures}
    if meta.grafik and meta.grafik.ukuran and meta.grafik.ukuran.lower() in by_name:
        return by_name[meta.grafik.ukuran.lower()]
    rumus = (meta.indikator.rumus if meta.indikator else None) or ""
    left, _, right = rumus.partition("=")
    if left.strip().lower() in by_name:
        return by_name[left.strip().lower()]
    excluded = {name for k in meta.kolom for name in (k.jumlah_dari or [])}
    for part in right.split("/")[1:]:
        excluded |= {w for w in re.split(r"[^0-9a-z_]+", part.lower()) if w in by_name}
    candidates = [k for k in measures if k.nama.lower() not in excluded] or measures
    title = _words(meta.judul)
    scores = [len(title & (_words(k.judul) | _words(k.nama.replace("_", " ")))) for k in candidates]
    return candidates[scores.index(max(scores))] if candidates else None


def period_label(value: str) -> str:
    """2025-01 → Jan 2025, 2024-Q1 → Triwulan I 2024, 2024-S2 → Semester II 2024."""
    month = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if month and 1 <= int(month.group(2)) <= 12:
        return f"{BULAN_SINGKAT[int(month.group(2)) - 1]} {month.group(1)}"
    part = re.fullmatch(r"(\d{4})-([QS])([1-4])", value)
    if part:
        kind = "Triwulan" if part.group(2) == "Q" else "Semester"
        return f"{kind} {ROMAWI[int(part.group(3)) - 1]} {part.group(1)}"
    return value


def dimension_title(kolom: Kolom) -> str:
    """`Kode kecamatan` → `Kecamatan`: the reader sees names, not codes."""
    title = kolom.judul
    if kolom.referensi is not None and title.lower().startswith("kode "):
        title = title[5:]
    return title[:1].upper() + title[1:]


def caption(
    measure: dict, periode: str, breakdown: dict | None, fixed: list[str], summed: list[str]
) -> str:
    """The chart's title, the same words as grafik.js builds after a switch."""
    text = f"{measure['judul']} menurut {periode.lower()}"
    if breakdown:
        text += f", per {breakdown['judul'].lower()}"
    if fixed:
        text += ": " + ", ".join(fixed)
    if summed:
        text += " (jumlah seluruh " + ", ".join(s.lower() for s in summed) + ")"
    return text


def chart_spec(
    meta: Dataset,
    header: list[str],
    rows: list[list],
    named: list[NamedColumn],
    data_url: str | None,
) -> dict | None:
    """The page's chart: measures, dimensions with their categories (names beside codes), the
    default choice and its series. None when the dataset has no period or no measure."""
    periode, measure = meta.periode, headline_measure(meta)
    if periode is None or measure is None or periode.nama not in header:
        return None
    names = {n.kode: n for n in named}
    p = header.index(periode.nama)
    periods = ordered_periods([str(r[p]) for r in rows if r[p] is not None])
    if not periods:
        return None
    dims = []
    for kolom in meta.kolom:
        if kolom.peran is not Peran.DIMENSI or kolom.nama not in header:
            continue
        i = header.index(kolom.nama)
        seen = dict.fromkeys(str(r[i]) for r in rows if r[i] is not None)
        label = names[kolom.nama].names if kolom.nama in names else {}
        dims.append(
            {
                "kolom": kolom.nama,
                "judul": dimension_title(kolom),
                "kategori": [[code, label.get(code, code)] for code in seen],
            }
        )
    measures = [
        {"kolom": k.nama, "judul": k.judul, "satuan": k.satuan or "", "rasio": is_rate(k)}
        for k in meta.ukuran_kolom
        if k.nama in header
    ]
    chosen = next(m for m in measures if m["kolom"] == measure.nama)
    state = default_state(meta, chosen, dims)
    spec = {
        "periode": {"kolom": periode.nama, "judul": periode.judul},
        "label_periode": {v: period_label(v) for v in periods},
        "ukuran": measures,
        "dimensi": [d for d in dims if len(d["kategori"]) <= MAX_FILTER],
        "batas_garis": MAX_LINES,
        "awal": state,
        "data": data_url,
    }
    spec["seri"] = series(spec, header, rows, state)
    return spec


def default_state(meta: Dataset, measure: dict, dims: list[dict]) -> dict:
    wanted = meta.grafik.rincian if meta.grafik else None
    lines = [d for d in dims if 1 < len(d["kategori"]) <= MAX_LINES]
    breakdown = next((d["kolom"] for d in dims if d["kolom"] == wanted), "")
    if not breakdown and measure["rasio"] and lines:
        breakdown = lines[0]["kolom"]
    fixed = {
        d["kolom"]: (d["kategori"][0][0] if measure["rasio"] else "")
        for d in dims
        if d["kolom"] != breakdown
    }
    return {"ukuran": measure["kolom"], "rincian": breakdown, "saring": fixed}


def series(spec: dict, header: list[str], rows: list[list], state: dict) -> dict | None:
    """Labels and one line per category for `state`; None when a rate would have to be
    combined across rows (then the chart shows nothing rather than a wrong number)."""
    measure = next(m for m in spec["ukuran"] if m["kolom"] == state["ukuran"])
    dims = {d["kolom"]: d for d in spec["dimensi"]}
    p, m = header.index(spec["periode"]["kolom"]), header.index(measure["kolom"])
    b = header.index(state["rincian"]) if state["rincian"] else None
    fixed = {header.index(k): v for k, v in state["saring"].items() if v and k in header}
    cells: dict[tuple[str, str], list[float]] = {}
    for row in rows:
        value = row[m]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or row[p] is None:
            continue
        if any(str(row[i]) != v for i, v in fixed.items()):
            continue
        key = (str(row[p]), "" if b is None else str(row[b]))
        cells.setdefault(key, []).append(value)
    if measure["rasio"] and any(len(v) > 1 for v in cells.values()):
        return None
    periods = [
        v for v in spec["label_periode"] if any((v, c) in cells for c in _categories(spec, state))
    ]
    categories = _categories(spec, state)
    names = dict(dims[state["rincian"]]["kategori"]) if state["rincian"] in dims else {}
    lines = []
    for category in categories:
        values = [(sum(cells[(x, category)]) if (x, category) in cells else None) for x in periods]
        if any(v is not None for v in values):
            lines.append(
                {"label": names.get(category, category) or measure["judul"], "nilai": values}
            )
    fixed_names = [
        dict(dims[k]["kategori"]).get(v, v) for k, v in state["saring"].items() if v and k in dims
    ]
    summed = [dims[k]["judul"] for k, v in state["saring"].items() if not v and k in dims]
    return {
        "judul": caption(
            measure, spec["periode"]["judul"], dims.get(state["rincian"]), fixed_names, summed
        ),
        "sumbu_y": f"{measure['judul']} ({measure['satuan']})"
        if measure["satuan"]
        else measure["judul"],
        "satuan": measure["satuan"],
        "periode": periods,
        "label": [spec["label_periode"][x] for x in periods],
        "garis": lines,
    }


def _categories(spec: dict, state: dict) -> list[str]:
    if not state["rincian"]:
        return [""]
    dim = next((d for d in spec["dimensi"] if d["kolom"] == state["rincian"]), None)
    return [code for code, _ in dim["kategori"]] if dim else [""]


def bar_spec(labels: list[str], values: list[float | None], title: str, unit: str) -> dict:
    """A horizontal bar chart (Kinerja: Daftar Data fulfilled per OPD, in percent)."""
    return {"jenis": "batang", "judul": title, "satuan": unit, "label": labels, "nilai": values}
