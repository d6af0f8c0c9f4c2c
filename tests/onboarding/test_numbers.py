"""The number locale is decided per column from evidence, or asked."""

import pytest

from satudata.onboarding.numbers import (
    EN,
    ID,
    AmbiguousColumn,
    decide,
    evidence,
    read,
    shape,
    total_locale,
)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("686", "plain"),
        (686, "plain"),
        ("2019.0", "plain"),
        ("1.474", "both"),
        ("1.170.759", ID),
        ("12,5", ID),
        ("1.250,75", ID),
        ("1,474", "both"),
        ("1,250.75", EN),
        ("1.13", EN),
        ("0.5", EN),
        (52.419, "both"),
        (1.5, EN),
        ("12,5%", "bad"),
        ("n/a", "bad"),
    ],
)
def test_shape_says_which_locales_can_read_a_cell(value, expected):
    assert shape(value) == expected


@pytest.mark.parametrize(
    "value,locale,text,conversion",
    [
        ("1.474", ID, "1474", "titik ribuan dihapus"),
        ("-1.170.759", ID, "-1170759", "titik ribuan dihapus"),
        ("12,50", ID, "12.5", "koma desimal menjadi titik"),
        (52.419, ID, "52419", "angka Excel berisi titik ribuan"),
        ("1.13", ID, "1130", "titik ribuan, nol akhir hilang"),
        ("1,250.75", EN, "1250.75", "koma ribuan dihapus"),
        ("1.474", EN, "1.474", ""),
        ("2019.0", None, "2019", "pecahan .0 dihapus"),
        (686, None, "686", ""),
        ("1 250 300", None, "1250300", "spasi ribuan dihapus"),
    ],
)
def test_read_under_a_locale(value, locale, text, conversion):
    reading = read(value, locale)
    assert (reading.text, reading.conversion) == (text, conversion)


def test_cells_a_locale_cannot_read_are_none():
    assert read("12,5", EN) is None
    assert read("1.170.759", EN) is None
    assert read("0.5", ID) is None


def test_decisions_from_evidence():
    assert decide(evidence(["686", "1.474"]), None) == ID  # groups of three among counts
    assert decide(evidence(["1.170.759", 52.419]), None) == ID
    assert decide(evidence(["12.5", "3.25"]), None) == EN
    assert decide(evidence(["686", "12"]), None) is None
    with pytest.raises(AmbiguousColumn):
        decide(evidence(["1.474", "686", "1.13"]), None)  # the example
    with pytest.raises(AmbiguousColumn):
        decide(evidence(["1.474", "2.333"]), None)
    assert decide(evidence(["1.474", "2.333"]), ID) == ID  # a total row settles it


def test_the_total_row_decides_when_it_distinguishes():
    assert total_locale(["1.474", "686"], ["2.160"]) == ID
    assert total_locale(["1.5", "2.5"], ["4"]) == EN
    assert total_locale(["1.5", "2.25"], ["3.75"]) is None  # 1500 + 2250 = 3750 as well
    assert total_locale(["36.581", "57.003"], ["93.584"]) is None  # both readings add up
