"""Small workbooks and files reproducing each layout class real OPD files have (written here,
never copied from the development set)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def bps_two_level_xlsx(path: Path) -> Path:
    """A BPS table: title, a two-level header (jenjang over tahun, merged), column numbers,
    a 'Jumlah' row, a footnote and a signature block."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tabel 4.1.2"
    sheet.append(["Jumlah Sekolah Menurut Kecamatan dan Jenjang Pendidikan di Kota Contoh"])
    sheet.append([])
    sheet.append(["Kecamatan", "SD", None, "SMP", None])
    sheet.append([None, 2017, 2018, 2017, 2018])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:C3")
    sheet.merge_cells("D3:E3")
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    sheet.append(["Medan Kota", 12, 13, 5, 5])
    sheet.append(["Medan Sunggal", 20, 21, 7, 8])
    sheet.append(["Jumlah", 32, 34, 12, 13])
    sheet.append(["Sumber: Dinas Pendidikan Kota Contoh"])
    sheet.append(["*) angka sementara"])
    sheet.append([None, None, None, "Kepala Dinas Pendidikan,"])
    sheet.append([None, None, None, "NIP. 19700101 199001 1 001"])
    book.save(path)
    return path


def home_made_band_xlsx(path: Path, years: int = 3) -> Path:
    """A home-made table: 'Tahun' merged over the years, a row counter, text-for-numbers and
    floats that are really Indonesian text (52.419 meaning 52419)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Kecamatan", "Tahun"] + [None] * (years - 1))
    sheet.append([None, None, *range(2020, 2020 + years)])
    sheet.merge_cells(start_row=1, start_column=3, end_row=1, end_column=2 + years)
    sheet.append([1, "Medan Kota", "1.170.759", 52.419, 686][: 2 + years])
    sheet.append([2, "Medan Sunggal", 1_200, "1.004.001", 7][: 2 + years])
    book.save(path)
    return path


def html_xls(path: Path) -> Path:
    """BPS's website 'Excel' download: an HTML table saved as .xls."""
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body><table border='1'>"
        "<tr><td colspan='3'>Jumlah Penduduk Menurut Kecamatan, 2023</td></tr>"
        "<tr><td rowspan='2'>Kecamatan</td><td colspan='2'>Jenis Kelamin</td></tr>"
        "<tr><td>Laki-laki</td><td>Perempuan</td></tr>"
        "<tr><td>Medan Kota</td><td>36.581</td><td>38.102</td></tr>"
        "<tr><td>Medan Sunggal</td><td>957</td><td>59.440</td></tr>"
        "<tr><td>Jumlah</td><td>37.538</td><td>97.542</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    return path


def biff_xls(path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    rows = [["Kecamatan", "Tahun", "Jumlah"], ["Medan Kota", 2024, 15], ["Medan Sunggal", 2024, 9]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))
    return path


def portal_workbook(path: Path, second_data_sheet: bool = False) -> Path:
    """A portal export whose first sheet is 'Metadata'."""
    book = Workbook()
    meta = book.active
    meta.title = "Metadata"
    meta.append(["Judul", "Jumlah Posyandu"])
    meta.append(["Satuan", "unit"])
    data = book.create_sheet("Data")
    data.append(["kode_kecamatan", "tahun", "jumlah_posyandu"])
    data.append(["12.71.01", 2024, 4])
    data.append(["12.71.02", 2024, 6])
    if second_data_sheet:
        other = book.create_sheet("Data 2023")
        other.append(["kode_kecamatan", "tahun", "jumlah_posyandu"])
        other.append(["12.71.01", 2023, 3])
    book.save(path)
    return path


def ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet (LibreOffice's format), every cell a string."""
    import zipfile
    from xml.sax.saxutils import escape

    table = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p>'
            "</table:table-cell>"
            for v in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Data">{table}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path
