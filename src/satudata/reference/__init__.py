"""The national Kemendagri region table shipped with the engine (see README.md beside it)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

NATIONAL_TABLE = Path(__file__).parent / "wilayah-indonesia.csv"
COLUMNS = ("kode", "nama", "tingkat", "kode_induk")
LEVELS = ("provinsi", "kabupaten_kota", "kecamatan", "kelurahan_desa")


@dataclass(frozen=True)
class Region:
    kode: str
    nama: str
    tingkat: str
    kode_induk: str

    def row(self) -> list[str]:
        return [self.kode, self.nama, self.tingkat, self.kode_induk]


@functools.cache
def national_regions() -> dict[str, Region]:
    """Every region by Kemendagri code, in the table's order (parents before children)."""
    with NATIONAL_TABLE.open(encoding="utf-8", newline="") as handle:
        return {row["kode"]: Region(**row) for row in csv.DictReader(handle)}


def region_tree(kode: str) -> list[Region]:
    """The region with this code and every region below it, in code order."""
    prefix = kode + "."
    return [r for c, r in national_regions().items() if c == kode or c.startswith(prefix)]


def find_regions(name: str) -> list[Region]:
    """Provinces and kabupaten/kota whose name matches `name` (case-insensitive): an exact
    match wins; otherwise every name containing it, so that the caller can list them."""
    wanted = " ".join(name.split()).casefold()
    candidates = [
        r for r in national_regions().values() if r.tingkat in ("provinsi", "kabupaten_kota")
    ]
    exact = [r for r in candidates if r.nama.casefold() == wanted]
    return exact or [r for r in candidates if wanted in r.nama.casefold()]
