"""The real format from the bytes, whatever the extension says."""

import pytest

from onboarding.tables import biff_xls, html_xls, portal_workbook
from satudata.onboarding.refusal import Refusal
from satudata.onboarding.sniff import sniff


def test_formats_from_bytes(tmp_path):
    assert sniff(portal_workbook(tmp_path / "a.xls").read_bytes()).kind == "xlsx"
    assert sniff(biff_xls(tmp_path / "b.xlsx").read_bytes()).kind == "xls"
    assert sniff(html_xls(tmp_path / "c.xls").read_bytes()).kind == "html"


@pytest.mark.parametrize(
    "data,encoding,delimiter",
    [
        (b"a,b\n1,2\n", "UTF-8", ","),
        (b"\xef\xbb\xbf;;;\nNama;2020;2019;2018\nJABAR;1;2;3\n", "UTF-8 dengan BOM", ";"),
        ("Kecamatan;Rasio (‰)\nMedan Kota;12,5\n".encode("cp1252"), "Windows-1252", ";"),
        (b"a\tb\n1\t2\n", "UTF-8", "\t"),
        (b'"No";"Wilayah"\n"1";"Arjasari"\n', "UTF-8", ";"),
    ],
)
def test_csv_encoding_and_delimiter(data, encoding, delimiter):
    found = sniff(data)
    assert (found.kind, found.encoding, found.delimiter) == ("csv", encoding, delimiter)


def test_binary_that_is_no_table_is_refused():
    with pytest.raises(Refusal, match="bukan tabel"):
        sniff(b"\x00\x01\x02garbage\x00")
