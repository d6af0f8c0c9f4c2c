"""Read a `satudata lembar` workbook back into the dataset's CSV and YAML.

Round trip is exact: a row whose values the team did not change keeps its original bytes, a
metadata field they did not change is not rewritten (ruamel.yaml keeps comments and order),
and an untouched workbook changes nothing at all. Every row is accounted for in the report:
unchanged, changed (old → new), added or removed.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from ruamel.yaml import YAML

from satudata.load.repository import Repository
from satudata.model import Kolom, Tipe
from satudata.onboarding.metadata_form import (
    FormField,
    dataset_fields,
    from_cell,
    get_path,
    kolom_fields,
    same,
    to_cell,
)
from satudata.onboarding.workbook import (
    DATA,
    FORMAT,
    INFO,
    KOLOM,
    METADATA,
    NUMERIC,
    form_values,
)
from satudata.util.language import localized


class WorkbookError(Exception):
    """Why the workbook cannot be read back (in Bahasa Indonesia, with sheet and row)."""


@dataclass
class WorkbookImport:
    dataset: str
    csv_text: str
    yaml_text: str
    data_path: Path | None = None
    metadata_path: Path | None = None
    new: bool = False  # a dataset the repository does not have yet
    unchanged: int = 0
    changed: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # name, old, new
    stale: bool = False  # the CSV changed in the repository since the workbook was made

    @property
    def any(self) -> bool:
        return bool(self.new or self.changed or self.added or self.removed or self.fields)


def is_dataset_workbook(path: Path) -> bool:
    if not zipfile.is_zipfile(path):
        return False
    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # not a workbook openpyxl can read: not ours either
        return False
    try:
        return INFO in book.sheetnames and _info(book).get("format", [""])[0] == FORMAT
    finally:
        book.close()


def read_workbook(repo: Repository, path: Path) -> WorkbookImport:
    book = load_workbook(path, data_only=False)
    info = _info(book)
    dataset_id = info.get("dataset", [""])[0]
    entry = repo.datasets.get(dataset_id)
    if info.get("baru", ["tidak"])[0] == "ya" and (entry is None or entry.meta is None):
        return _read_new(repo, book, dataset_id, info)
    if entry is None or entry.meta is None or entry.metadata_path is None or not entry.data_path:
        named = dataset_id or _empty()
        raise WorkbookError(
            localized(
                f"dataset {named} tidak ada di repositori ini",
                f"dataset {named} does not exist in this repository",
            )
        )
    yaml = _yaml()
    original_yaml = entry.metadata_path.read_text(encoding="utf-8")
    raw = yaml.load(original_yaml)
    # The form shows the validated model (YAML 1.1: `wajib: yes` is true), ruamel reads
    # YAML 1.2 (`yes` is text): a cell matching either is untouched.
    shown = form_values(entry.meta)
    result = WorkbookImport(dataset_id, "", original_yaml, entry.data_path, entry.metadata_path)
    result.fields = _apply_metadata(book, raw, shown) + _apply_columns(book, raw, shown)
    if result.fields:
        buffer = io.StringIO()
        yaml.dump(raw, buffer)
        result.yaml_text = buffer.getvalue()
    original = entry.data_path.read_bytes()
    result.stale = hashlib.sha256(original).hexdigest() != info.get("sha256_csv", [""])[0]
    kolom = {k.nama: k for k in entry.meta.kolom}
    helpers = set(info.get("kolom_nama", []))
    _merge_rows(book, kolom, entry.meta.kunci, helpers, original.decode("utf-8-sig"), result)
    return result


def _read_new(repo: Repository, book, dataset_id: str, info: dict) -> WorkbookImport:
    """A workbook made with `satudata lembar --baru`: the form becomes the metadata file."""
    from satudata.model import DATASET_ID_PATTERN
    from satudata.onboarding.scaffold import render_metadata

    if not re.match(DATASET_ID_PATTERN, dataset_id):
        raise WorkbookError(
            localized(
                f"nama dataset '{dataset_id}' tidak sah",
                f"dataset name '{dataset_id}' is not valid",
            )
        )
    opd, slug = dataset_id.split("/")
    data_path = repo.root / "data" / opd / f"{slug}.csv"
    metadata_path = repo.root / "metadata" / opd / f"{slug}.yaml"
    if data_path.exists() or metadata_path.exists():
        raise WorkbookError(
            localized(
                f"{dataset_id} sudah ada di repositori; unduh lembar kerjanya yang baru",
                f"{dataset_id} already exists in the repository; download its new workbook",
            )
        )
    raw: dict = {"kolom": []}
    result = WorkbookImport(dataset_id, "", "", data_path, metadata_path, new=True)
    result.fields = _apply_metadata(book, raw) + _apply_columns(book, raw)
    result.yaml_text = render_metadata(_plain(raw))
    kolom = {}
    for item in raw["kolom"]:
        with contextlib.suppress(ValueError):
            kolom[item["nama"]] = Kolom.model_validate(_plain(item))
    _merge_rows(
        book, kolom, list(raw.get("kunci") or []), set(info.get("kolom_nama", [])), "", result
    )
    return result


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _info(book) -> dict[str, list[str]]:
    sheet = book[INFO]
    info: dict[str, list[str]] = {}
    for row in sheet.iter_rows(values_only=True):
        if row and row[0]:
            info[str(row[0])] = [str(v) for v in row[1:] if v is not None]
    return info


# --- metadata ----------------------------------------------------------------------------------
def _apply_metadata(book, raw: Any, shown: Any = None) -> list[tuple[str, str, str]]:
    fields = {f.name: f for f in dataset_fields()}
    changes = []
    for number, row in enumerate(book[METADATA].iter_rows(min_row=2, values_only=True), start=2):
        name = str(row[0]).strip() if row and row[0] else ""
        if not name:
            continue
        if name not in fields:
            raise WorkbookError(
                _where(METADATA, number)
                + localized(f": isian '{name}' tidak dikenal", f": unknown field '{name}'")
            )
        existing_id = raw.get("id")
        change = _set_field(raw, fields[name], row[1], _where(METADATA, number), shown)
        if change and name == "id" and existing_id is not None:
            raise WorkbookError(
                _where(METADATA, number)
                + localized(": `id` tidak boleh diubah", ": `id` may not be changed")
            )
        if change:
            changes.append(change)
    return changes


def _apply_columns(book, raw: Any, shown: Any = None) -> list[tuple[str, str, str]]:
    sheet = book[KOLOM]
    names = [str(c.value).strip() if c.value else "" for c in sheet[1]]
    fields = {f.name: f for f in kolom_fields()}
    unknown = [n for n in names if n and n not in fields]
    if unknown:
        raise WorkbookError(
            localized(
                f"lembar {KOLOM}: judul kolom tidak dikenal: {', '.join(unknown)}",
                f"sheet {KOLOM}: unknown column headings: {', '.join(unknown)}",
            )
        )
    by_name = {str(k.get("nama")): k for k in raw.get("kolom") or []}
    shown_by_name = {
        str(k.get("nama")): k for k in (shown or {}).get("kolom") or [] if isinstance(k, dict)
    }
    seen, changes = [], []
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = dict(zip(names, row, strict=False))
        nama = str(values.get("nama") or "").strip()
        if not nama:
            continue
        seen.append(nama)
        target = by_name.get(nama)
        if target is None:
            raw["kolom"].append({"nama": nama})
            target = raw["kolom"][-1]
            changes.append((_column(nama), "", localized("ditambahkan", "added")))
        for name, value in values.items():
            if name and name != "nama":
                where = _where(KOLOM, number)
                change = _set_field(target, fields[name], value, where, shown_by_name.get(nama))
                if change:
                    changes.append((f"{_column(nama)}: {change[0]}", change[1], change[2]))
    for nama in [n for n in by_name if n not in seen]:
        raw["kolom"].remove(by_name[nama])
        changes.append(
            (_column(nama), localized("ada", "present"), localized("dihapus", "removed"))
        )
    return changes


def _where(sheet: str, row: int) -> str:
    return localized(f"lembar {sheet} baris {row}", f"sheet {sheet} row {row}")


def _column(name: str) -> str:
    return localized(f"kolom {name}", f"column {name}")


def _empty() -> str:
    return localized("(kosong)", "(empty)")


def _set_field(
    raw: Any, form: FormField, cell: Any, where: str, shown: Any = None
) -> tuple[str, str, str] | None:
    try:
        value = from_cell(cell, form)
    except ValueError as exc:
        raise WorkbookError(f"{where} ({form.name}): {exc}") from exc
    current = get_path(raw, form.path)
    if same(value, current) or (shown is not None and same(value, get_path(shown, form.path))):
        return None
    parent = raw
    for key in form.path[:-1]:
        if parent.get(key) is None:
            parent[key] = {}
        parent = parent[key]
    if value is None:
        parent.pop(form.path[-1], None)
    else:
        parent[form.path[-1]] = value
    return form.name, _show(current), _show(value)


def _show(value: Any) -> str:
    return to_cell(value) if value is not None else _empty()


# --- data --------------------------------------------------------------------------------------
def _merge_rows(
    book,
    kolom: dict[str, Kolom],
    kunci: list[str],
    helpers: set[str],
    original: str,
    result: WorkbookImport,
) -> None:
    sheet = book[DATA]
    header = [str(c.value).strip() if c.value is not None else "" for c in sheet[1]]
    keep = [i for i, name in enumerate(header) if name and name not in helpers]
    columns = [header[i] for i in keep]
    lines, old_header, old_rows = _physical_rows(original)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    key_columns = [c for c in kunci if c in columns] or columns
    old_by_key = {_key(row, old_header, key_columns): (i, row) for i, row in enumerate(old_rows)}
    out = [lines[0] if columns == old_header and lines else _line(columns, newline)]
    used: set[int] = set()
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        try:
            values = [_text(row[i] if i < len(row) else None, kolom.get(header[i])) for i in keep]
        except ValueError as exc:
            raise WorkbookError(f"{_where(DATA, number)}: {exc}") from exc
        if not any(values):
            continue
        key = _key(values, columns, key_columns)
        match = old_by_key.get(key)
        if match is None:
            out.append(_line(values, newline))
            result.added.append(", ".join(key))
            continue
        index, old = match
        used.add(index)
        differences = _differences(columns, values, old_header, old, kolom)
        if differences or columns != old_header:
            out.append(_line(values, newline))
            if differences:
                result.changed.append((", ".join(key), differences))
            else:
                result.unchanged += 1
        else:
            out.append(lines[index + 1])
            result.unchanged += 1
    result.removed = [
        ", ".join(_key(row, old_header, key_columns))
        for i, row in enumerate(old_rows)
        if i not in used
    ]
    text = "".join(out)
    if (
        original
        and not original.endswith(("\n", "\r"))
        and text.endswith(newline)
        and not result.any
    ):
        text = text[: -len(newline)]
    result.csv_text = text


def _physical_rows(text: str) -> tuple[list[str], list[str], list[list[str]]]:
    """Lines as written (to keep unchanged rows byte-exact) and the rows they hold."""
    lines = text.splitlines(keepends=True)
    rows = [next(csv.reader([line]), []) for line in lines]
    return lines, rows[0] if rows else [], rows[1:]


def _line(values: list[str], newline: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow(values)
    return buffer.getvalue()


def _key(row: list[str], header: list[str], key_columns: list[str]) -> tuple[str, ...]:
    position = {name: i for i, name in enumerate(header)}
    return tuple(
        row[position[c]] if position.get(c, len(row)) < len(row) else "" for c in key_columns
    )


def _differences(
    columns: list[str], values: list[str], old_header: list[str], old: list[str], kolom
) -> list[tuple[str, str, str]]:
    before = dict(zip(old_header, old, strict=False))
    found = []
    for name, value in zip(columns, values, strict=True):
        previous = before.get(name, "")
        if not _equal(previous, value, kolom.get(name)):
            found.append((name, previous, value))
    return found


def _equal(old: str, new: str, kolom: Kolom | None) -> bool:
    if old == new:
        return True
    if kolom is not None and kolom.tipe in NUMERIC:
        try:
            return Decimal(old) == Decimal(new)
        except InvalidOperation:
            return False
    return False


def _text(value: Any, kolom: Kolom | None) -> str:
    """A cell as canonical CSV text for its column's type."""
    if value is None:
        return ""
    tipe = kolom.tipe if kolom else Tipe.TEKS
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date) and tipe is Tipe.TEKS:
        # A spreadsheet turned typed text (a code such as 12.07.01) into a date: never guess.
        name = kolom.nama if kolom else "?"
        raise ValueError(
            localized(
                f"kolom {name} berisi tanggal {value:%Y-%m-%d}, padahal kolom ini teks; Excel "
                "mengubah ketikan menjadi tanggal. Ketik ulang dengan tanda petik di depan (mis. "
                "'12.71.01) atau pilih dari daftar.",
                f"column {name} holds the date {value:%Y-%m-%d}, but this column is text; Excel "
                "turned what was typed into a date. Type it again with a quote in front (e.g. "
                "'12.71.01) or choose from the list.",
            )
        )
    if isinstance(value, dt.datetime):
        if tipe is Tipe.TAHUN_BULAN:
            return f"{value.year:04d}-{value.month:02d}"
        return value.date().isoformat() if tipe is Tipe.TANGGAL else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and tipe in (Tipe.BILANGAN_BULAT, Tipe.TAHUN):
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, int):
        return str(value)
    return str(value)


EXAMPLES = 20


def render_report(result: WorkbookImport, source: str) -> str:
    """The import report in Markdown: every row and field accounted for."""
    title = localized("Impor lembar kerja", "Workbook import")
    lines = [f"## {title} `{source}` → `{result.dataset}`", ""]
    if result.stale:
        lines += [
            localized(
                "> **Perhatian:** data di repositori berubah sejak lembar ini dibuat; baris yang "
                "diubah orang lain sejak itu tampil di bawah sebagai perubahan. Periksa dengan "
                "teliti.",
                "> **Attention:** the data in the repository changed since this workbook was "
                "made; rows others changed since then show below as changes. Check carefully.",
            ),
            "",
        ]
    unchanged, changed, added = result.unchanged, len(result.changed), len(result.added)
    removed, fields = len(result.removed), len(result.fields)
    lines.append(
        localized(
            f"Baris: {unchanged} tetap, {changed} diubah, {added} ditambah, {removed} dihapus. "
            f"Isian metadata diubah: {fields}.",
            f"Rows: {unchanged} unchanged, {changed} changed, {added} added, {removed} removed. "
            f"Metadata fields changed: {fields}.",
        )
    )
    if not result.any:
        nothing = localized(
            "Tidak ada yang berubah; tidak ada berkas yang ditulis.",
            "Nothing changed; no file was written.",
        )
        return "\n".join([*lines, "", nothing, ""])
    lines += _section(
        localized("Baris ditambah (kunci)", "Rows added (key)"), [f"`{k}`" for k in result.added]
    )
    lines += _section(
        localized("Baris diubah", "Rows changed"),
        [
            f"`{key}`: " + "; ".join(f"{c}: {old or '∅'} → {new or '∅'}" for c, old, new in diff)
            for key, diff in result.changed
        ],
    )
    lines += _section(
        localized("Baris dihapus (kunci)", "Rows removed (key)"),
        [f"`{k}`" for k in result.removed],
    )
    lines += _section("Metadata", [f"`{name}`: {old} → {new}" for name, old, new in result.fields])
    return "\n".join([*lines, ""])


def _section(title: str, items: list[str]) -> list[str]:
    if not items:
        return []
    shown = [f"- {item}" for item in items[:EXAMPLES]]
    if len(items) > EXAMPLES:
        others = len(items) - EXAMPLES
        shown.append("- … " + localized(f"dan {others} lainnya", f"and {others} more"))
    return ["", f"### {title}", "", *shown]
