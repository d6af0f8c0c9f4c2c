"""Read a data CSV into an all-string pyarrow table that still knows each row's number.

Every cell is read as text so that the checks, not the reader, decide what a bad cell is and
can name its row and column (a typed `read_csv` stops at the first bad cell without saying
where). Row numbers count the header as row 1, like frictionless' `rowNumber`.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pacsv

from satudata.findings import Finding

# The finding codes reading a CSV file can report (the struktur family passes them on).
READ_CODES = (
    "berkas-biner",
    "berkas-kosong",
    "berkas-lfs-belum-diunduh",
    "bom-utf8",
    "csv-rusak",
    "encoding-bukan-utf8",
    "jumlah-sel-tidak-sesuai",
    "pemisah-bukan-koma",
)
_HEAD_BYTES = 65_536


@dataclass
class Tabel:
    header: list[str]
    table: pa.Table  # columns named by position: f0, f1, ...
    skipped_rows: list[int] = field(default_factory=list)  # row numbers dropped as ragged

    @property
    def num_rows(self) -> int:
        return self.table.num_rows

    def column(self, name: str) -> pa.ChunkedArray | None:
        if name not in self.header:
            return None
        return self.table.column(self.header.index(name))

    def row_number(self, index: int) -> int:
        """File row number (header = 1) of table row `index`, skipping dropped rows."""
        number = index + 2
        if not self.skipped_rows:
            return number
        # Each skipped row before this one shifts it down by one; iterate to a fixed point.
        shift = 0
        while True:
            new_shift = bisect.bisect_right(self.skipped_rows, number + shift)
            if new_shift == shift:
                return number + shift
            shift = new_shift


@dataclass
class ReadResult:
    tabel: Tabel | None
    findings: list[Finding]


def read_tabel(data: bytes, *, dataset: str | None, file: str) -> ReadResult:
    """Parse canonical CSV bytes; problems that stop parsing come back as findings."""
    return read_tabels([(data, dataset, file)])[0]


def read_tabels(files: Sequence[tuple[bytes, str | None, str]]) -> list[ReadResult]:
    """`read_tabel` of each (bytes, dataset, file). Plain files (no quotes, no carriage
    returns) of the same width are parsed in one call and sliced apart: on thousands of small
    files, each parser call's set-up costs more than its rows."""
    prepared: list[_Prepared | ReadResult] = [_prepare(*file) for file in files]
    tables: dict[int, pa.Table] = {}
    groups: dict[int, dict[int, _Prepared]] = {}
    for index, item in enumerate(prepared):
        if isinstance(item, _Prepared) and item.plain:
            groups.setdefault(len(item.header), {})[index] = item
    for width, members in groups.items():
        if len(members) > 1:
            tables.update(_parse_together(members, width))
    return [
        item if isinstance(item, ReadResult) else _finish(item, tables.get(index))
        for index, item in enumerate(prepared)
    ]


@dataclass
class _Prepared:
    """A file that passed the byte-level checks and awaits parsing."""

    data: bytes  # without a BOM
    header: list[str]
    findings: list[Finding]
    finding: Callable[..., Finding]
    quoted: bool

    @property
    def plain(self) -> bool:
        """One line per row, for certain: no quote can hold a line break, no lone CR."""
        return not self.quoted and b"\r" not in self.data and b"\n" in self.data


def _prepare(data: bytes, dataset: str | None, file: str) -> _Prepared | ReadResult:
    def finding(code: str, line: int | None = None, **params) -> Finding:
        return Finding(code, dataset=dataset, file=file, line=line, params=params)

    if not data:
        return ReadResult(None, [finding("berkas-kosong")])
    if data.startswith(b"version https://git-lfs.github.com/spec/"):
        return ReadResult(None, [finding("berkas-lfs-belum-diunduh", 1)])
    if b"\x00" in data[:_HEAD_BYTES]:
        return ReadResult(None, [finding("berkas-biner", 1)])
    findings: list[Finding] = []
    if data.startswith(b"\xef\xbb\xbf"):
        findings.append(finding("bom-utf8", 1))
        data = data[3:]
    encoding_problem = _encoding_finding(data, finding)
    if encoding_problem is not None:
        return ReadResult(None, [*findings, encoding_problem])
    if data.count(b'"') % 2:
        # An unclosed quote swallows the rest of the file into one cell; say so precisely.
        line = data.count(b"\n", 0, data.rfind(b'"')) + 1
        return ReadResult(
            None,
            [
                *findings,
                finding(
                    "csv-rusak",
                    line,
                    detail='tanda kutip ganda (") yang dibuka tidak ditutup',
                    detail_en='a double quote (") is opened but never closed',
                ),
            ],
        )
    header = _header(data)
    separator = _foreign_separator(data)
    if separator is not None:
        return ReadResult(None, [*findings, finding("pemisah-bukan-koma", 1, **separator)])
    if not header:
        return ReadResult(None, [*findings, finding("berkas-kosong")])
    return _Prepared(data, header, findings, finding, quoted=b'"' in data)


def _finish(item: _Prepared, table: pa.Table | None) -> ReadResult:
    """The table parsed with others, or parse the file alone."""
    findings = item.findings
    if table is not None:
        return ReadResult(Tabel(item.header, table), findings)
    skipped: list[tuple[int, int]] = []
    try:
        table = _parse(item.data, len(item.header), skipped, quoted=item.quoted)
    except pa.ArrowException as exc:
        detail = str(exc).splitlines()[0][:200]
        return ReadResult(
            None, [*findings, item.finding("csv-rusak", None, detail=detail, detail_en=detail)]
        )
    for row, actual in skipped:
        findings.append(
            item.finding("jumlah-sel-tidak-sesuai", row, aktual=actual, harapan=len(item.header))
        )
    return ReadResult(Tabel(item.header, table, [row for row, _ in skipped]), findings)


def _parse_together(items: dict[int, _Prepared], width: int) -> dict[int, pa.Table]:
    """Parse the bodies of plain files of one width in one call, then slice each file's rows
    back out. Any row of the wrong width sends every file back to be parsed alone, so that
    the finding names its own file and line."""
    bodies, counts = [], []
    for item in items.values():
        body = item.data[item.data.index(b"\n") + 1 :]
        if body and not body.endswith(b"\n"):
            body += b"\n"
        bodies.append(body)
        counts.append(body.count(b"\n"))
    ragged: list[tuple[int, int]] = []
    try:
        table = _parse(b"".join(bodies), width, ragged, quoted=False, header=False)
    except pa.ArrowException:
        return {}
    if ragged or table.num_rows != sum(counts):
        return {}
    tables, start = {}, 0
    for index, count in zip(items, counts, strict=True):
        tables[index] = table.slice(start, count)
        start += count
    return tables


def _encoding_finding(data: bytes, finding) -> Finding | None:
    position = _first_invalid_utf8(data)
    if position is None:
        return None
    line = data.count(b"\n", 0, position) + 1
    try:
        data.decode("cp1252")
        guess_id, guess_en = "; tampaknya Windows-1252 dari Excel", "; it looks like Windows-1252"
    except UnicodeDecodeError:
        guess_id = guess_en = ""
    return finding("encoding-bukan-utf8", line, baris=line, dugaan=guess_id, guess=guess_en)


def _first_invalid_utf8(data: bytes, chunk: int = 1 << 20) -> int | None:
    """Offset of the first byte that is not valid UTF-8, decoding in chunks so that a large
    file is never held twice in memory."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    for start in range(0, len(data), chunk):
        try:
            decoder.decode(data[start : start + chunk], final=start + chunk >= len(data))
        except UnicodeDecodeError as exc:
            return start + exc.start
    return None


def _first_line(data: bytes) -> str:
    head = data[:_HEAD_BYTES].decode("utf-8", errors="replace")
    return head.split("\n", 1)[0].rstrip("\r")


def _header(data: bytes) -> list[str]:
    head = data[:_HEAD_BYTES].decode("utf-8", errors="replace")
    try:
        return next(csv.reader(io.StringIO(head)), [])
    except csv.Error:
        return [_first_line(data)]


def _foreign_separator(data: bytes) -> dict | None:
    line = _first_line(data)
    commas = line.count(",")
    for char, name_id, name_en in (
        (";", "titik koma (;)", "semicolons (;)"),
        ("\t", "tab", "tabs"),
        ("|", "garis tegak (|)", "pipes (|)"),
    ):
        if line.count(char) > commas:
            return {"pemisah": name_id, "separator": name_en}
    return None


def _parse(
    data: bytes, width: int, skipped: list[tuple[int, int]], quoted: bool, header: bool = True
) -> pa.Table:
    def on_invalid(row: pacsv.InvalidRow) -> str:
        skipped.append((row.number or 0, row.actual_columns))
        return "skip"

    names = [f"f{i}" for i in range(width)]
    return pacsv.read_csv(
        io.BytesIO(data),
        # Single-threaded so that pyarrow can tell the row number of a ragged row.
        read_options=pacsv.ReadOptions(
            use_threads=False, skip_rows=int(header), column_names=names, block_size=1 << 24
        ),
        parse_options=pacsv.ParseOptions(
            invalid_row_handler=on_invalid,
            ignore_empty_lines=False,
            # only a quoted cell can hold a line break
            newlines_in_values=quoted,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=False
        ),
    )


def blank_rows(tabel: Tabel) -> pa.Array:
    """Boolean mask of rows whose every cell is empty."""
    mask = None
    for column in tabel.table.columns:
        empty = pc.equal(pc.utf8_length(column), 0)
        mask = empty if mask is None else pc.and_(mask, empty)
    return mask
