import json
import math

import pytest

from satudata.util.json_text import indented_json


def standard(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        {"b": [1, 2.5, None, True, False], "a": {"z": 'é <&> \u2028 \\ "', "y": []}, "c": {}},
        {"angka": [0.1, -0.0, 123456789.125, 2**63 - 1, -(2**63)]},
        {"emoji": "Kota 🏙️ Medan", "kontrol": "\x00\x1f\t\n"},
    ],
)
def test_writes_the_bytes_the_standard_library_writes(data):
    assert indented_json(data) == standard(data)


def test_every_float_reads_back_as_the_same_number():
    # Very small and very large floats are spelled differently (0.00001 for 1e-05, 1e16 for
    # 1e+16), the same number either way.
    numbers = [1e-05, 1e16, 1e22, 5e-324, 1.7976931348623157e308, 0.000123, -2.5e-8]
    assert json.loads(indented_json({"x": numbers}))["x"] == numbers


@pytest.mark.parametrize(
    "data",
    [
        {"besar": 2**70},  # beyond 64 bits: orjson refuses it
        {1: "kunci bukan teks"},
        {"nan": None, "tidak_hingga": [math.inf]},  # orjson would write null for it
        {"dalam": [{"x": None}, {"y": (1.0, math.nan)}]},
    ],
)
def test_values_orjson_cannot_write_exactly_go_to_the_standard_library(data):
    assert indented_json(data) == standard(data)


def test_a_null_alone_stays_null():
    assert json.loads(indented_json({"a": None, "b": [1.5]})) == {"a": None, "b": [1.5]}
