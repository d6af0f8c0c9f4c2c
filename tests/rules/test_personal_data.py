"""Personal-data detectors: the forms people write, and the numbers that only look like them."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from satudata.rules.personal_data import (
    CANDIDATE,
    is_nik,
    mask_personal,
    niks_in,
    phones_in,
)

NIK_FORMS = [
    "1271054107900003",
    "1271 0541 0790 0003",
    "1271-0541-0790-0003",
    "12.71.05.410790.0003",
    "127105-410790-0003",
    "NIK: 1271054107900003",
    "No. KK 1271 0541 0790 0003 (kepala keluarga)",
    "pemilik:1271054107900003;",
    "127105 4107900003",
]

PHONE_FORMS = [
    "061-4512345",
    "(061) 4512345",
    "(061)4512345",
    "+62 61 4512345",
    "+62-61-451-2345",
    "+62 (61) 4512345",
    "021 1234 5678",
    "021-1234-5678",
    "(0751) 123456",
    "Telp. 061 451 2345",
    "0812-3456-7890",
    "+62 812 3456 7890",
    "081234567890",
]

NOT_PERSONAL = [
    "2024",
    "2024-01-15",
    "15-01-2024",
    "15/01/2024",
    "12-01-2024 05-03-2024",  # two dates side by side
    "1.234.567",
    "Rp 1.250.000.000",
    "1.271.054.107.900.003",  # thousands grouping of a NIK-shaped amount
    "1271054107900003,5",  # decimal
    "1271054107.900003",
    "12,5",
    "3.14159265358979",
    "12.71.05.1001",  # Kemendagri kelurahan code
    "12.71.05",
    "20112",  # postal code
    "Medan 20112",
    "2546452000000000",  # statistic: province 25 does not exist
    "1234567890123456",  # day 78
    "0614512345",  # bare digits with a leading zero: an id, not a marked-off phone
    "021-025",
    "2020-2024",
    "08.00-16.00",
    "1200000000",
    "0,021 1234",
]


@pytest.mark.parametrize("text", NIK_FORMS)
def test_written_niks_are_found_and_masked(text):
    found = niks_in(text)
    assert len(found) == 1
    masked = mask_personal(text)
    assert "1271********0003" in masked
    assert "0541" not in masked and "410790" not in masked and "4107900003" not in masked
    assert phones_in(text) == []  # the NIK's digit groups are not also a landline


@pytest.mark.parametrize("text", PHONE_FORMS)
def test_phone_numbers_are_found_and_masked(text):
    assert len(phones_in(text)) == 1
    masked = mask_personal(text)
    assert "4512345" not in masked and "1234 5678" not in masked and "3456" not in masked
    assert "*" in masked


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_numbers_that_are_not_personal_data_are_left_alone(text):
    assert niks_in(text) == [] and phones_in(text) == []
    assert mask_personal(text) == text


@pytest.mark.parametrize(
    "number",
    [
        "1271053002900001",  # 30 February
        "1271057102900001",  # 31 February for a woman (day + 40)
        "1271052902010001",  # 29 February 2001 / 1901
        "1271053104900001",  # 31 April
        "1271050013900001",  # month 13, day 00
        "1271054107900000",  # serial 0000
        "1200054107900003",  # regency 00
        "1271004107900003",  # district 00
        "2071054107900003",  # province 20 does not exist
    ],
)
def test_sixteen_digits_that_cannot_be_a_nik(number):
    assert not is_nik(number) and niks_in(number) == []


def test_valid_dates_of_birth_including_leap_days_and_women():
    assert is_nik("1271052902000001")  # 29 February 2000
    assert is_nik("1271056902040001")  # 29 February 2004, a woman
    assert is_nik("1271057112990001")  # 31 December 1999, a woman


@pytest.mark.parametrize("text", NIK_FORMS + PHONE_FORMS)
def test_the_vectorised_prefilter_keeps_every_detected_cell(text):
    assert pc.match_substring_regex(pa.array([text]), CANDIDATE)[0].as_py()


def test_the_prefilter_drops_ordinary_numbers():
    values = pa.array(["2024", "1.234.567", "12.71.05.1001", "20112", "2024-01-15", "12,5"])
    assert not pc.any(pc.match_substring_regex(values, CANDIDATE)).as_py()
