"""Region codes and names recognised by value against the national Kemendagri table."""

import pytest

from satudata.onboarding import regions


@pytest.mark.parametrize(
    "written,code",
    [
        ("32. 04. 05", "32.04.05"),
        ("320405", "32.04.05"),
        ("3204252001", "32.04.25.2001"),
        ("32.0", "32"),
        ("3204.0", "32.04"),
        ("12.71.01.1001", "12.71.01.1001"),
        ("3204050", None),  # a BPS kecamatan code: not Kemendagri
        ("99.99", None),
    ],
)
def test_codes_in_every_common_form(written, code):
    assert regions.code_of(written) == code


def test_names_with_prefixes_and_case():
    assert regions.resolve_name("KAB. BANDUNG", "kabupaten_kota", None) == ["32.04"]
    assert regions.resolve_name("KOTA BANDUNG", "kabupaten_kota", None) == ["32.73"]
    assert regions.resolve_name("KECAMATAN CICALENGKA", "kecamatan", "32.04") == ["32.04.25"]
    assert regions.resolve_name("Medan Kota", "kecamatan", None) == ["12.71.01"]


def test_column_levels_by_value_not_header():
    assert regions.name_column_level("x", ["ARJASARI", "BALEENDAH", "CICALENGKA"]) == "kecamatan"
    assert regions.name_column_level("wilayah", ["JAWA BARAT"]) == "provinsi"
    assert regions.name_column_level("status", ["ADA", "TIDAK ADA", "ADA"]) is None
    assert regions.name_column_level("jenis_kelamin", ["LAKI-LAKI", "PEREMPUAN"]) is None
    assert regions.code_column_level("kode wilayah", ["32. 04. 05", "32. 04. 16"]) == "kecamatan"
    assert regions.code_column_level("bps_kode_kecamatan", ["3204050"]) is None
    assert regions.code_column_level("jumlah", [11, 12, 13]) is None  # counts, not provinces


def test_scope_includes_parents():
    assert regions.within("12.71.01", "12.71") and regions.within("12", "12.71")
    assert not regions.within("32.04", "12.71")


def test_agreement_of_name_and_code_tolerates_spelling_not_other_places():
    assert regions.same_place("BOJONG SOANG", "32.04.08") or regions.same_place(
        "Bojongsoang", "32.04.08"
    )
    assert not regions.same_place("Cilengkrang", "32.04.05")


def test_the_table_is_cached_on_disk_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    regions.national.cache_clear()
    built = regions.national()
    (cached,) = (tmp_path / "satudata").glob("wilayah-*.marshal")
    regions.national.cache_clear()
    loaded = regions.national()
    assert loaded == built and loaded.named("kecamatan", "cicalengka") == ["32.04.25"]
    cached.write_bytes(b"damaged")
    regions.national.cache_clear()
    assert regions.national() == built
    regions.national.cache_clear()


def test_short_categories_are_not_region_names():
    assert not regions.same_place("L", "32.04.08.2001")  # Lengkong
    assert regions.same_place("CIPAYUNG DATAR", "32.01.26.2006")  # renamed Cipayung
