"""kualitas: each rule has a fixture that must NOT trigger it (the positives are in test_codes)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from satudata.checks.kualitas import pair_rows

from .test_codes import (
    CSV,
    DS,
    _csv,
    _min_rows,
    _with_sum_column,
    _with_total_rows,
    _years,
    codes,
)


def test_a_flat_series_that_legitimately_repeats_is_not_a_copy(repo):
    _min_rows(repo, 2)
    _csv(repo, _years({2022: [6, 8], 2023: [6, 8], 2024: [6, 8], 2025: [6, 8]}))
    assert "periode-disalin" not in codes(repo)


def test_an_updated_period_is_not_a_copy(repo):
    _min_rows(repo, 2)
    _csv(repo, _years({2023: [5, 7], 2024: [6, 8], 2025: [6, 9]}))
    assert "periode-disalin" not in codes(repo)


def test_copy_threshold_needs_enough_rows_by_default(repo):
    _csv(repo, _years({2023: [5, 7], 2024: [6, 8], 2025: [6, 8]}))  # 2 pairs < default 5
    assert "periode-disalin" not in codes(repo)


def test_small_numbers_may_change_a_lot(repo):
    _csv(repo, _years({2024: [1, 8], 2025: [40, 9]}))
    assert "lonjakan-tidak-wajar" not in codes(repo)


def test_jump_message_names_both_values_and_periods(repo):
    from .test_codes import findings

    _csv(repo, _years({2024: [150, 8], 2025: [1500, 9]}))
    (jump,) = [f for f in findings(repo) if f.code == "lonjakan-tidak-wajar"]
    assert jump.line == 4 and jump.column == "jumlah_puskesmas"
    assert "150 (2024)" in jump.message() and "1.500 (2025)" in jump.message()


def test_correct_total_rows_pass(repo):
    _with_total_rows(repo, total=7)
    assert "total-tidak-cocok" not in codes(repo)


def test_wrong_total_reports_the_difference(repo):
    from .test_codes import findings

    _with_total_rows(repo, total=9)
    (wrong,) = [f for f in findings(repo) if f.code == "total-tidak-cocok"]
    assert "selisih 2" in wrong.message() and wrong.line == 4


def test_correct_sum_column_passes(repo):
    _with_sum_column(repo, "2025,12.71.01,3,1,2\n2024,12.71.01,2,,\n")
    assert "jumlah-kolom-tidak-cocok" not in codes(repo)


def test_zero_and_ordinary_text_are_not_placeholders(repo):
    _csv(repo, "2024,12.71.01,0\n")
    assert "nilai-pengganti" not in codes(repo)


def test_placeholder_is_reported_instead_of_a_type_error(repo):
    _csv(repo, "2024,12.71.01,N/A\n")
    found = codes(repo)
    assert "nilai-pengganti" in found and "tipe-tidak-sesuai" not in found


def test_negative_values_allowed_in_non_count_measures(repo):
    repo.replace(DS, "    ukuran: Jumlah\n", "    ukuran: Selisih\n")
    repo.replace(DS, "    min: 0\n", "")
    _csv(repo, "2024,12.71.01,-3\n")
    assert "nilai-negatif" not in codes(repo)
    assert repo.read(CSV)  # the data file is untouched


def test_a_declared_category_is_never_a_placeholder(repo):
    repo.replace(DS, "    referensi: {tabel: wilayah, tingkat: kecamatan}\n", "")
    _csv(repo, "2024,TIDAK ADA,3\n2025,ADA,4\n")
    assert "nilai-pengganti" in codes(repo)
    repo.replace(
        DS,
        "    peran: dimensi\n    wajib: true\n",
        "    peran: dimensi\n    wajib: true\n    nilai: [ADA, TIDAK ADA]\n",
    )
    assert "nilai-pengganti" not in codes(repo)


def test_dash_in_a_number_column_gets_the_bps_advice(repo):
    from .test_codes import findings

    _csv(repo, "2024,12.71.01,-\n")
    (dash,) = [f for f in findings(repo) if f.code == "strip-di-kolom-angka"]
    assert "berarti nol" in dash.saran() and "nilai-pengganti" not in codes(repo)


def test_ordinary_decimals_are_not_taken_for_thousands(repo):
    repo.replace(DS, "tipe: bilangan-bulat", "tipe: bilangan")
    _csv(repo, "2024,12.71.01,12.5\n2024,12.71.02,3.25\n2025,12.71.01,7.125\n2025,12.71.02,1\n")
    assert "ribuan-terbaca-desimal" not in codes(repo)


def test_a_row_sharing_one_value_with_a_column_name_is_data(repo):
    _csv(repo, "2024,12.71.01,3\n2025,12.71.02,4\n")
    assert "judul-kolom-dalam-data" not in codes(repo)
    assert "kolom-nomor-urut" not in codes(repo)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-1, 4), st.integers(-1, 3)),  # (period rank, key); -1 = none
        max_size=40,
    )
)
def test_period_pairs_are_the_inner_join_on_key_and_previous_period(cells):
    """The NumPy pairing behind copied periods and jumps gives exactly the pairs an Arrow
    join gives, including keys repeated within a period."""
    ranks = np.array([r for r, _ in cells], dtype=np.int64)
    keys = np.array([k for _, k in cells], dtype=np.int64)
    row, previous = pair_rows(ranks, keys, 5)
    table = pa.table(
        {
            "i": pa.array(range(len(cells)), pa.int64()),
            "rank": pa.array(ranks),
            "key": pa.array(keys),
        }
    )
    table = table.filter(
        pc.and_(pc.greater_equal(table["rank"], 0), pc.greater_equal(table["key"], 0))
    )
    earlier = table.rename_columns(["j", "rank", "key"])
    earlier = earlier.set_column(1, "rank", pc.add(earlier["rank"], 1))
    joined = table.join(earlier, ["rank", "key"], join_type="inner", use_threads=False)
    expected = sorted(zip(joined["i"].to_pylist(), joined["j"].to_pylist(), strict=True))
    assert sorted(zip(row.tolist(), previous.tolist(), strict=True)) == expected
    assert row.tolist() == sorted(row.tolist())
