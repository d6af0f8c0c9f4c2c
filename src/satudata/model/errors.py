"""Turn pydantic validation errors into findings with a YAML line and Indonesian words."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from satudata.findings import Finding
from satudata.load.yaml_file import LoadedYaml
from satudata.model.base import LABEL_PATTERN, LICENCE_ID_PATTERN

_DETAIL_ID = {
    "missing": "wajib diisi tetapi tidak ada",
    "extra_forbidden": "bukan isian yang dikenal",
    "string_type": "harus berupa teks",
    "string_too_short": "tidak boleh kosong",
    "string_pattern_mismatch": "tidak sesuai format yang ditentukan ({pattern})",
    "int_type": "harus bilangan bulat",
    "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "finite_number": "harus bilangan terhingga (bukan .nan atau .inf)",
    "bool_type": "harus true atau false",
    "bool_parsing": "harus true atau false",
    "list_type": "harus berupa daftar (baris-baris diawali '- ')",
    "dict_type": "harus berupa kumpulan isian (kunci: nilai)",
    "model_type": "harus berupa kumpulan isian (kunci: nilai)",
    "too_short": "minimal berisi {min_length} butir",
    "url_parsing": "bukan URL yang sah",
    "url_scheme": "URL harus diawali http:// atau https://",
    "date_type": "harus tanggal dengan format TTTT-BB-HH",
    "date_parsing": "harus tanggal dengan format TTTT-BB-HH",
    "date_from_datetime_parsing": "harus tanggal dengan format TTTT-BB-HH",
    "greater_than_equal": "minimal {ge}",
    "less_than_equal": "maksimal {le}",
    "value_error": "{error}",
    "enum": "harus salah satu dari: {expected}",
    "literal_error": "harus salah satu dari: {expected}",
}


# Patterns that deserve their own words: (detail, saran, hint) instead of the raw regex.
_PATTERN_TEXT = {
    LABEL_PATTERN: (
        "label harus teks biasa satu baris, tanpa tag HTML (mis. <b>, <script>), tautan "
        "Markdown (`](`), ganti baris, atau karakter kendali",
        "Tulis nama/judul apa adanya sebagai teks biasa: hapus tag HTML, tautan Markdown, dan "
        "ganti baris (mis. `singkatan: Dinkes`). Tanda < sebagai perbandingan boleh bila diikuti "
        "spasi atau angka (mis. 'Usia < 5 tahun').",
        "Write the name/title as plain text: remove HTML tags, Markdown links and line breaks "
        "(e.g. `singkatan: Dinkes`). A comparison '<' followed by a space or digit is fine "
        "(e.g. 'Usia < 5 tahun').",
    ),
    LICENCE_ID_PATTERN: (
        "bukan kode lisensi SPDX (huruf, angka, titik, tanda hubung; mis. CC-BY-4.0)",
        "Tulis kode SPDX lisensi terbuka, mis. `lisensi: CC-BY-4.0` (juga CC0-1.0, ODbL-1.0), "
        "atau hapus baris ini untuk memakai lisensi bawaan portal.",
        "Write the SPDX id of an open licence, e.g. `lisensi: CC-BY-4.0` (or CC0-1.0, "
        "ODbL-1.0), or remove the line to use the portal default.",
    ),
}


def _known_pattern(error: ErrorDetails) -> str | None:
    pattern = (error.get("ctx") or {}).get("pattern")
    return pattern if pattern in _PATTERN_TEXT else None


def field_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(berkas)"


def _yaml_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the union-branch labels pydantic inserts (e.g. 'str', 'int', 'date')."""
    return tuple(p for p in loc if isinstance(p, int) or not _is_branch_label(p))


def _is_branch_label(part: str) -> bool:
    return part in {"str", "constrained-str", "int", "float", "date", "bool", "none"} or (
        "[" in part
    )


def _detail(error: ErrorDetails) -> str:
    pattern = _known_pattern(error)
    if pattern is not None:
        return _PATTERN_TEXT[pattern][0]
    template = _DETAIL_ID.get(error["type"])
    if template is None:
        return error["msg"]
    ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**ctx)
    except KeyError:
        return error["msg"]


def _fix(error: ErrorDetails, model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    name = str(loc[-1]) if loc else ""
    pattern = _known_pattern(error)
    if pattern is not None:
        _, saran, hint = _PATTERN_TEXT[pattern]
        return saran, hint
    if error["type"] == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(name, known, n=1)
        if close:
            return (
                f"Mungkin maksudnya '{close[0]}'? Perbaiki ejaan nama isian.",
                f"Did you mean '{close[0]}'? Fix the field name.",
            )
        return (
            "Hapus isian ini; isian yang dikenal tercantum di metadata/schema/.",
            "Remove this field; known fields are listed in metadata/schema/.",
        )
    if error["type"] == "missing":
        return (
            f"Tambahkan baris `{name}: ...` (lihat metadata/schema/ untuk penjelasannya).",
            f"Add a line `{name}: ...` (see metadata/schema/).",
        )
    if error["type"] == "string_type":
        return (
            'Tulis nilai di antara tanda kutip, mis. "12.71", agar dibaca sebagai teks.',
            'Put the value in quotes, e.g. "12.71", so it is read as text.',
        )
    return ("Perbaiki nilai sesuai keterangan di atas.", "Fix the value as described above.")


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the (sub)model found by following `loc` from `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validation_findings(
    exc: ValidationError,
    model: type[BaseModel],
    source: LoadedYaml,
    file: str,
    dataset: str | None = None,
) -> list[Finding]:
    findings = []
    # A union field (`lisensi: Lisensi | LicenceId`) fails once per branch; the branch with its
    # own words comes first so that it is the one kept by `_dedupe`.
    errors = sorted(exc.errors(include_url=False), key=lambda e: _known_pattern(e) is None)
    for error in errors:
        loc = _yaml_loc(tuple(error["loc"]))
        saran, hint = _fix(error, model, loc)
        findings.append(
            Finding(
                "metadata-tidak-sesuai-skema",
                dataset=dataset,
                file=file,
                line=source.line_of(loc),
                field=field_path(loc),
                params={
                    "field": field_path(loc),
                    "detail": _detail(error),
                    "detail_en": error["msg"],  # pydantic's own words are English
                    "saran_isian": saran,
                    "hint_field": hint,
                },
            )
        )
    return _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """A union field (e.g. `min: int | float | date`) fails once per branch; report it once."""
    seen, unique = set(), []
    for f in findings:
        key = (f.field, f.line)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique
