"""Personal data (UU 27/2022 PDP, UU 23/2006 Adminduk): recognise it, and mask it for display.

Every cell value a report shows passes through `mask_personal`, so no output anywhere prints a
personal number in full.
"""

from __future__ import annotations

import re

# Kemendagri province codes (two leading digits of a NIK / No. KK).
PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "51",
        "52",
        "53",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "72",
        "73",
        "74",
        "75",
        "76",
        "81",
        "82",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
        "97",
    ]
)

_SIXTEEN = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")
PHONE = re.compile(r"(?<![0-9+])(?:\+62|62|0)[ -]?8[1-9][0-9](?:[ -]?[0-9]){6,9}(?![0-9])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# Cheap pre-filter for pyarrow (RE2): anything that could hold one of the above.
CANDIDATE = r"[0-9]([ -]?[0-9]){8}|@"

# Column names that signal personal data (first words of a snake_case name).
PERSONAL_COLUMN = re.compile(
    r"^(nama|nik|nkk|no_?kk|nomor_kk|no_?ktp|ktp|alamat|no_?hp|hp|handphone|nomor_hp|telepon|"
    r"telp|no_?telp|nomor_telepon|email|e_mail|surel|tanggal_lahir|tgl_lahir|tempat_lahir|"
    r"npwp|no_?rekening|rekening|paspor|no_?paspor|ibu_kandung|nama_ibu)(_|$)"
)


def is_nik(number: str) -> bool:
    """A 16-digit number with the NIK / No. KK structure: region, date (+40 for women), serial."""
    if len(number) != 16 or not number.isdigit():
        return False
    province, regency, district = number[0:2], int(number[2:4]), int(number[4:6])
    day, month, serial = int(number[6:8]), int(number[8:10]), int(number[12:16])
    if province not in PROVINCE_CODES or regency == 0 or district == 0 or serial == 0:
        return False
    return (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def niks_in(text: str) -> list[str]:
    return [m for m in _SIXTEEN.findall(text) if is_nik(m)]


def phones_in(text: str) -> list[str]:
    return PHONE.findall(text)


def emails_in(text: str) -> list[str]:
    return EMAIL.findall(text)


def mask_nik(number: str) -> str:
    return number[:4] + "*" * 8 + number[-4:]


def mask_phone(phone: str) -> str:
    digits = re.sub(r"[^0-9+]", "", phone)
    return digits[:4] + "*" * (len(digits) - 7) + digits[-3:]


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_personal(text: str) -> str:
    """`text` with every NIK/No. KK, phone number and e-mail address masked."""
    text = _SIXTEEN.sub(lambda m: mask_nik(m.group()) if is_nik(m.group()) else m.group(), text)
    text = PHONE.sub(lambda m: mask_phone(m.group()), text)
    return EMAIL.sub(lambda m: mask_email(m.group()), text)


def personal_column(name: str) -> bool:
    return PERSONAL_COLUMN.match(name) is not None
