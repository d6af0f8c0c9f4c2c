"""Personal data (UU 27/2022 PDP, UU 23/2006 Adminduk): recognise it, and mask it for display.

Every cell value a report shows passes through `mask_personal`, so no output anywhere prints a
personal number in full.
"""

from __future__ import annotations

import calendar
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

# NIK / No. KK: province, regency, district, day of birth (+40 for women), month, year, serial.
# A separator (space, dot or hyphen) may stand only between these fields, which is how people
# write them (`1271 0541 0790 0003`, `12.71.05.410790.0003`); thousands grouping
# (`1.271.054.107.900.003`) cuts elsewhere and so never matches.
_SEP = "[ .-]?"
_TWO = "(?:0[1-9]|[1-9][0-9])"
_NIK_BODY = (
    f"(?:{'|'.join(sorted(PROVINCE_CODES))}){_SEP}{_TWO}{_SEP}{_TWO}{_SEP}"
    f"(?:0[1-9]|[12][0-9]|3[01]|4[1-9]|[56][0-9]|7[01]){_SEP}(?:0[1-9]|1[0-2]){_SEP}"
    f"[0-9]{{2}}{_SEP}[0-9]{{4}}"
)
# Not part of a longer number, a decimal (`…,5`) or a dotted/hyphenated code.
_BEFORE = r"(?<![0-9+])(?<![0-9][.,-])"
_AFTER = r"(?![0-9])(?![.,-][0-9])"
NIK = re.compile(_BEFORE + _NIK_BODY + _AFTER)

# Mobile numbers: 08xx / +628xx / 628xx, 10-13 digits.
_MOBILE_BODY = r"(?:\+62|62|0)[ -]?8[1-9][0-9](?:[ -]?[0-9]){6,9}"
# Landlines: area code (2-3 digits after the 0, never 8 which is mobile) and 5-8 subscriber
# digits. The area code must be marked off, by brackets, a space or hyphen, or +62, so that
# a bare run of digits with a leading zero (an id, a code) is not taken for a phone number.
_AREA = "[2-79][0-9]{1,2}"
_LANDLINE_BODY = (
    rf"(?:\(0{_AREA}\)[ -]?|0{_AREA}[ -]|\+62[ -]?(?:\({_AREA}\)|{_AREA})[ -]?)"
    r"[0-9](?:[ -]?[0-9]){4,7}"
)
PHONE = re.compile(rf"{_BEFORE}(?:{_MOBILE_BODY}|{_LANDLINE_BODY}){_AFTER}")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# Pre-filter for pyarrow (RE2): keeps every cell a detector above could match, and little else.
# Kept deliberately loose: the exact patterns in one RE2 expression took ~20 ms a call on 500
# cells (the optional separators multiply its states) against ~0.6 ms for this one.
# Nine digits joined by spaces, hyphens or brackets (phones, grouped NIKs), sixteen digits
# joined by dots (`12.71.05.410790.0003`; a Kemendagri code has only ten), or an '@'.
CANDIDATE = r"[0-9](?:[ ()\-]{0,2}[0-9]){8}|[0-9](?:\.?[0-9]){15}|@"

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
    return NIK.fullmatch(number) is not None and _plausible_nik(number)


def _plausible_nik(digits: str) -> bool:
    """The parts a regular expression cannot check: a real calendar day, a non-zero serial."""
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    day = day - 40 if day > 40 else day
    # Two-digit year: 2000+yy is a leap year whenever 1900+yy is, so it accepts both centuries.
    return digits[12:] != "0000" and 1 <= day <= calendar.monthrange(2000 + year, month)[1]


def _nik_written(text: str) -> bool:
    """A NIK match as people write one: one kind of separator throughout (`12-01-2024
    05-03-2024`, two dates, mixes them), and not a single dot (`1271054107.900003` is a
    decimal number)."""
    separators = [c for c in text if not c.isdigit()]
    if len(set(separators)) > 1 or separators == ["."]:
        return False
    return _plausible_nik(_digits(text))


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def niks_in(text: str) -> list[str]:
    return [m.group() for m in NIK.finditer(text) if _nik_written(m.group())]


def phones_in(text: str) -> list[str]:
    """Phone numbers, not counting the digit groups of a NIK (`1271 0541 0790 0003` holds
    `0541 0790 0003`, which looks like a landline)."""
    return [m.group() for m in PHONE.finditer(_without_niks(text))]


def _without_niks(text: str) -> str:
    return NIK.sub(lambda m: "#" * len(m.group()) if _nik_written(m.group()) else m.group(), text)


def emails_in(text: str) -> list[str]:
    return EMAIL.findall(text)


def mask_nik(number: str) -> str:
    digits = _digits(number)
    return digits[:4] + "*" * 8 + digits[-4:]


def mask_phone(phone: str) -> str:
    digits = re.sub(r"[^0-9+]", "", phone)
    return digits[:4] + "*" * (len(digits) - 7) + digits[-3:]


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


def mask_personal(text: str) -> str:
    """`text` with every NIK/No. KK, phone number and e-mail address masked."""
    text = NIK.sub(lambda m: mask_nik(m.group()) if _nik_written(m.group()) else m.group(), text)
    text = PHONE.sub(lambda m: mask_phone(m.group()), text)
    return EMAIL.sub(lambda m: mask_email(m.group()), text)


def personal_column(name: str) -> bool:
    return PERSONAL_COLUMN.match(name) is not None
