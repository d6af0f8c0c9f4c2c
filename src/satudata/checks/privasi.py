"""privasi: personal data must never be published (UU 27/2022 PDP, UU 23/2006 Adminduk).

Findings show only masked values (`satudata.rules.personal_data.mask_personal`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from satudata.checks import DATASET_CHECKS, DatasetContext, dataset_check
from satudata.checks.scan import text_pattern
from satudata.findings import Finding
from satudata.load.repository import DatasetFiles, Repository
from satudata.load.table import read_tabel
from satudata.model import Klasifikasi
from satudata.rules.personal_data import (
    CANDIDATE,
    emails_in,
    mask_email,
    mask_nik,
    mask_phone,
    niks_in,
    personal_column,
    phones_in,
)

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    "email-terdeteksi",
    "kolom-data-pribadi",
    "nik-terdeteksi",
    "telepon-terdeteksi",
)


_DETECTORS: list[tuple[str, Callable[[str], list[str]], Callable[[str], str]]] = [
    ("nik-terdeteksi", niks_in, mask_nik),
    ("telepon-terdeteksi", phones_in, mask_phone),
    ("email-terdeteksi", emails_in, mask_email),
]


def _may_hold_personal_data(values) -> bool:
    """Cheap test before the regex: an '@', or a cell long enough for a phone number."""
    if pc.any(pc.match_substring(values, "@")).as_py():
        return True
    longest = pc.max(pc.utf8_length(values)).as_py()
    return longest is not None and longest >= 9


@text_pattern
def candidates(values: pa.Array, batch: Sequence[DatasetContext]) -> pa.Array:
    return pc.match_substring_regex(values, CANDIDATE)


def _ruled_out(ctx: DatasetContext) -> bool:
    """No candidate among the other cells, and no plain number long enough for a NIK or a
    phone number (`CANDIDATE` needs nine digits at least)."""
    scan = ctx.scan
    return scan is not None and scan.rules_out(candidates) and scan.longest_number < 9


@dataset_check
def personal_values(ctx: DatasetContext) -> Iterator[Finding]:
    """NIK / No. KK (also written in groups or inside text), mobile and landline phone
    numbers and e-mail addresses in any cell of any dataset, whatever the column declares:
    a NIK is never legitimate in open data."""
    tabel = ctx.tabel
    if tabel is None or tabel.num_rows == 0 or _ruled_out(ctx):
        return
    for position, name in enumerate(tabel.header):
        values = tabel.table.column(position)
        if not _may_hold_personal_data(values):
            continue
        candidates = pc.match_substring_regex(values, CANDIDATE)
        if not pc.any(candidates).as_py():
            continue
        rows = pc.indices_nonzero(candidates).to_pylist()
        texts = pc.take(values, rows).to_pylist()
        for code, find, mask in _DETECTORS:
            hits = [
                (row, found[0])
                for row, text in zip(rows, texts, strict=False)
                if (found := find(text))
            ]
            if hits:
                by_row = dict(hits)
                yield from ctx.cells_at(
                    list(by_row), name, code, lambda i, m=mask, b=by_row: {"nilai": m(b[i])}
                )


@dataset_check
def personal_columns(ctx: DatasetContext) -> Iterator[Finding]:
    """Columns named like personal data, or declared personal, in an open dataset."""
    meta = ctx.meta
    if meta is None or meta.klasifikasi is not Klasifikasi.TERBUKA:
        return
    for index, kolom in enumerate(meta.kolom):
        reason = _column_reason(kolom.nama, kolom.data_pribadi)
        if reason is None:
            continue
        yield ctx.meta_finding(
            "kolom-data-pribadi",
            ("kolom", index, "nama"),
            f"kolom[{index}].nama",
            kolom=kolom.nama,
            alasan=reason[0],
            reason=reason[1],
        )


def _column_reason(name: str, data_pribadi: bool | None) -> tuple[str, str] | None:
    """Why a column is personal data (Indonesian, English), or None when it is not."""
    if data_pribadi is True:
        return ("ditandai sebagai data pribadi", "is declared personal data")
    if data_pribadi is None and personal_column(name):
        return ("bernama seperti data pribadi", "is named like personal data")
    return None


def personal_header(ctx: DatasetContext) -> Iterator[Finding]:
    """Header columns named like personal data or declared personal. Not registered: the
    current file is judged by its metadata (`personal_columns`); a past version's header may
    name columns the metadata no longer describes."""
    for name in ctx.tabel.header if ctx.tabel else []:
        kolom = ctx.meta.column(name) if ctx.meta else None
        reason = _column_reason(name, kolom.data_pribadi if kolom else None)
        if reason is not None:
            yield ctx.data_finding(
                "kolom-data-pribadi", 1, name, kolom=name, alasan=reason[0], reason=reason[1]
            )


def csv_findings(repo: Repository, entry: DatasetFiles, data: bytes) -> tuple[bool, list[Finding]]:
    """(read, findings): what every privasi check finds in CSV bytes `data` read as `entry`'s
    data file (a past version from git), plus personal column names in its header. Rows that
    could not be read could not be checked, so their findings come back too; when nothing
    could be read, `read` is False and the finding says why."""
    ctx = DatasetContext(repo, entry, cell_limit=None)
    result = read_tabel(data, dataset=entry.id, file=ctx.data_file or "")
    if result.tabel is None:
        return False, result.findings[-1:]  # read_tabel puts the reason it stopped last
    ctx._read = result
    skipped = set(result.tabel.skipped_rows)
    found = [f for f in result.findings if f.line in skipped]
    found += personal_header(ctx)
    for name, check in DATASET_CHECKS:
        if name.startswith("privasi."):  # the family as registered, new checks included
            # Findings about the metadata concern the current version, which validated.
            found += [f for f in check(ctx) if f.file == ctx.data_file]
    return True, found
