"""Findings: the one result of validation that every output renders.

A `Finding` carries a stable code and the facts (file, line, column, parameters); the words come
from the code's entry in the registry (`satudata.findings.codes`), in Bahasa Indonesia or English.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from dataclasses import field as dc_field
from enum import StrEnum
from typing import Any

from satudata.rules.personal_data import mask_personal


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    @property
    def label(self) -> str:
        return {"error": "galat", "warning": "peringatan", "info": "info"}[self.value]


@dataclass(frozen=True)
class Code:
    """One entry of the registry: everything a person needs to understand and fix a finding."""

    code: str
    family: str
    severity: Severity
    judul: str
    title: str
    pesan: str
    message: str
    saran: str
    hint: str
    params: tuple[str, ...] = ()  # what a finding of this code must carry in its params

    def __post_init__(self) -> None:
        undeclared = (self.placeholders("id") | self.placeholders("en")) - set(self.params)
        if undeclared:
            raise ValueError(f"{self.code}: templates use undeclared params {sorted(undeclared)}")

    def templates(self, lang: str) -> tuple[str, str]:
        """(message, fix) templates in `lang`."""
        return (self.message, self.hint) if lang == "en" else (self.pesan, self.saran)

    def placeholders(self, lang: str) -> set[str]:
        """The `{name}`s the templates in `lang` fill in."""
        return {
            name
            for template in self.templates(lang)
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        }

    def missing(self, params: dict[str, Any]) -> set[str]:
        """Declared params a finding does not carry (they would print as '?')."""
        return set(self.params) - set(params)

    def text(self, lang: str, params: dict[str, Any]) -> tuple[str, str]:
        template, fix = self.templates(lang)
        return _format(template, params), _format(fix, params)


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def _format(template: str, params: dict[str, Any]) -> str:
    # Checks already mask the cell values they quote; masking every text parameter again also
    # covers text they pass through whole (a CSV parser's error quotes the offending row).
    masked = {k: mask_personal(v) if isinstance(v, str) else v for k, v in params.items()}
    return template.format_map(_Params(masked))


# The published check families, in report order, with their titles; each is one module
# `checks/<family>.py`.
CHECK_FAMILIES: dict[str, str] = {
    "metadata": "Metadata (standar metadata BPS dan Standar Data)",
    "struktur": "Struktur data (format CSV, tipe, batasan)",
    "referensi": "Kode referensi",
    "repositori": "Repositori (tata letak, Daftar Data)",
    "kualitas": "Kualitas data",
    "privasi": "Perlindungan data pribadi",
    "kebaruan": "Kebaruan (ketepatan waktu)",
}
# Every code belongs to a family: a check family, or one of the steps after validation.
FAMILIES: dict[str, str] = {
    **CHECK_FAMILIES,
    "penerbitan": "Penerbitan (alasan dataset tidak diterbitkan di katalog)",
    "selisih": "Tinjauan perubahan (`satudata diff`)",
}
# The same titles in English (`satudata --lang en kode`).
FAMILY_TITLES_IN_ENGLISH: dict[str, str] = {
    "metadata": "Metadata (BPS metadata standard and Standar Data)",
    "struktur": "Data structure (CSV format, types, constraints)",
    "referensi": "Reference codes",
    "repositori": "Repository (layout, Data List)",
    "kualitas": "Data quality",
    "privasi": "Personal data protection",
    "kebaruan": "Timeliness",
    "penerbitan": "Publishing (why a dataset is not published in the catalog)",
    "selisih": "Change review (`satudata diff`)",
}

REGISTRY: dict[str, Code] = {}


def register(*codes: Code) -> None:
    for code in codes:
        if code.code in REGISTRY:
            raise ValueError(f"duplicate finding code {code.code}")
        if code.family not in FAMILIES:
            raise ValueError(f"finding code {code.code}: unknown family {code.family}")
        REGISTRY[code.code] = code


@dataclass(slots=True)
class Finding:
    code: str
    dataset: str | None = None
    file: str | None = None
    line: int | None = None
    column: str | None = None
    field: str | None = None
    params: dict[str, Any] = dc_field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.code not in REGISTRY:
            raise KeyError(f"unregistered finding code {self.code!r}")

    @property
    def spec(self) -> Code:
        return REGISTRY[self.code]

    @property
    def severity(self) -> Severity:
        return self.spec.severity

    @property
    def family(self) -> str:
        return self.spec.family

    def message(self, lang: str = "id") -> str:
        return self.spec.text(lang, self.params)[0]

    def saran(self, lang: str = "id") -> str:
        return self.spec.text(lang, self.params)[1]

    @property
    def location(self) -> str:
        parts = [self.file or self.dataset or "(repositori)"]
        if self.line is not None:
            parts.append(str(self.line))
        return ":".join(parts)

    def sort_key(self) -> tuple:
        return (
            self.dataset or "",
            self.file or "",
            self.line or 0,
            self.column or "",
            self.severity.rank,
            self.code,
            self.field or "",
        )

    def to_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "family": self.family,
            "dataset": self.dataset,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message(lang),
            "saran": self.saran(lang),
        }


def count(findings: list[Finding]) -> dict[str, int]:
    totals = {s.value: 0 for s in Severity}
    for finding in findings:
        totals[finding.severity.value] += 1
    return totals


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
