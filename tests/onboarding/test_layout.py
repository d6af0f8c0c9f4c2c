"""Finding the table in a sheet laid out for printing."""

import pytest

from satudata.onboarding.layout import counter_column, find_layout, slug
from satudata.onboarding.refusal import Refusal
from satudata.onboarding.sheets import Sheet


def _reasons(layout):
    return {(d.row, d.column): d.reason for d in layout.dropped}


def test_title_header_data_footnote_signature():
    sheet = Sheet(
        "x",
        [
            ["Jumlah Posyandu Menurut Kecamatan di Kota Contoh", None, None],
            ["Tahun 2024", None, None],
            [None, None, None],
            ["Kecamatan", "2024", "2025"],
            ["Medan Kota", "12", "13"],
            ["Medan Sunggal", "20", "22"],
            ["Total", "32", "35"],
            ["Catatan: angka sementara", None, None],
            [None, "Medan, 2 Januari 2026", None],
            [None, "Kepala Dinas Kesehatan", None],
        ],
    )
    layout = find_layout(sheet)
    assert layout.header_rows == [3] and layout.data_rows == [4, 5]
    assert layout.total_rows == [6]
    assert layout.names == ["kecamatan", "k_2024", "k_2025"]
    reasons = _reasons(layout)
    assert reasons[(0, 0)] == reasons[(1, 0)] == "judul tabel"
    assert reasons[(7, 0)] == "catatan kaki"
    assert reasons[(8, 1)] == reasons[(9, 1)] == "tanda tangan"


def test_merged_two_row_header_composes_one_name_per_column():
    sheet = Sheet(
        "x",
        [
            ["Kecamatan", "SD", None, "SMP", None],
            [None, 2017, 2018, 2017, 2018],
            ["Medan Kota", 1, 2, 3, 4],
        ],
        merged=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)],
    )
    layout = find_layout(sheet)
    assert layout.names == ["kecamatan", "sd_2017", "sd_2018", "smp_2017", "smp_2018"]


def test_band_written_once_without_merge_is_carried_right():
    sheet = Sheet(
        "csv",
        [["Kecamatan", "Tahun", None, None], [None, "2019", "2020", "2021"], ["A", "1", "2", "3"]],
    )
    assert find_layout(sheet).names == ["kecamatan", "tahun_2019", "tahun_2020", "tahun_2021"]


def test_unlabelled_header_column_and_counter():
    sheet = Sheet(
        "x",
        [["No", "Kecamatan", "Jumlah"], [1, "A", 5], [2, "B", 6], [3, "C", 7]],
    )
    layout = find_layout(sheet)
    assert counter_column(layout) == 0
    not_a_counter = Sheet("x", [["No", "Jumlah"], [4, 5], [9, 6]])
    assert counter_column(find_layout(not_a_counter)) is None


def test_numbers_after_the_footer_are_refused():
    sheet = Sheet(
        "x",
        [["Kecamatan", "Jumlah"], ["A", "1"], ["Sumber: BPS", None], ["B", "2"]],
    )
    with pytest.raises(Refusal, match="di bawah catatan kaki"):
        find_layout(sheet)


def test_empty_sheet_is_refused():
    with pytest.raises(Refusal, match="kosong"):
        find_layout(Sheet("x", [[None, None]]))


def test_slug_names():
    assert slug("Jumlah Prioritas RTLH ") == "jumlah_prioritas_rtlh"
    assert slug("2017") == "k_2017"
    assert slug("Laki-laki") == "laki_laki"
