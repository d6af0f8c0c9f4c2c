"""Findings: the one result of validation that every output renders.

A `Finding` carries a stable code and the facts (file, line, column, parameters); the words come
from the code's entry in the registry (`satudata.findings.codes`), in Bahasa Indonesia or English.
"""

from __future__ import annotations

import os
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

    def text(self, lang: str, params: dict[str, Any]) -> tuple[str, str]:
        template, fix = (self.message, self.hint) if lang == "en" else (self.pesan, self.saran)
        return _format(template, params), _format(fix, params)


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def _format(template: str, params: dict[str, Any]) -> str:
    # Checks already mask the cell values they quote; masking every text parameter again also
    # covers text they pass through whole (a CSV parser's error quotes the offending row).
    masked = {k: mask_personal(v) if isinstance(v, str) else v for k, v in params.items()}
    return template.format_map(_Params(masked))


REGISTRY: dict[str, Code] = {}


def register(*codes: Code) -> None:
    for code in codes:
        if code.code in REGISTRY:
            raise ValueError(f"duplicate finding code {code.code}")
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


def language(explicit: str | None = None) -> str:
    """`id` unless English is asked for (`--lang en` or SATUDATA_LANG=en). The system locale
    is not consulted: OPD staff often run an English Windows but read Indonesian."""
    chosen = explicit or os.environ.get("SATUDATA_LANG", "")
    return "en" if chosen.lower().startswith("en") else "id"


def count(findings: list[Finding]) -> dict[str, int]:
    totals = {s.value: 0 for s in Severity}
    for finding in findings:
        totals[finding.severity.value] += 1
    return totals


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
