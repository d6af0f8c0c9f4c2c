"""The downloads' fast paths write exactly what the plain, row-by-row code writes."""

from __future__ import annotations

import json
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from satudata.catalog.downloads import json_bytes, typed
from satudata.model import Tipe

_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.sampled_from(["a, b", '"", ', "%s", "%%", "x\n, y", "1, 2"]),
)


def _dataset(columns: dict[str, Tipe] | None = None) -> SimpleNamespace:
    meta = SimpleNamespace(
        judul="Judul", data_contoh=False, column=lambda name: _column(columns or {}, name)
    )
    return SimpleNamespace(id="opd/uji", meta=meta)


def _column(columns: dict[str, Tipe], name: str):
    return SimpleNamespace(tipe=columns[name]) if name in columns else None


def _plain_json(header: list[str], rows: list[list]) -> bytes:
    """The row-by-row encoding the fast path must equal."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    head = json.dumps(
        {"dataset": "opd/uji", "judul": "Judul", "kolom": header, "data_contoh": False},
        ensure_ascii=False,
        indent=1,
    )
    data = ",\n".join("  " + encode(dict(zip(header, row, strict=False))) for row in rows)
    return (head[:-2] + ',\n "data": [\n' + data + "\n ]\n}\n").encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=4).flatmap(
        lambda width: st.tuples(
            st.lists(st.sampled_from(["a", "b%", 'c"', "d", "é"]), min_size=width, max_size=width),
            st.lists(st.lists(_VALUE, min_size=width, max_size=width), max_size=6),
        )
    )
)
def test_json_rows_are_the_bytes_of_one_encode_a_row(table):
    header, rows = table
    assert json_bytes(_dataset(), header, rows) == _plain_json(header, rows)


def test_json_with_mixed_columns_and_ragged_rows():
    header = ["n", "t"]
    for rows in ([[1, "x"], [2.5, None], [True, 3]], [[1], [2, "y"]], [[1, 1.0], [True, "1"]]):
        assert json_bytes(_dataset(), header, rows) == _plain_json(header, rows)


def test_typed_parses_each_cell_as_its_column_declares():
    columns = {"n": Tipe.BILANGAN_BULAT, "x": Tipe.BILANGAN, "t": Tipe.TEKS}
    rows = [["1", "2.5", "a"], ["", "", ""], ["1", "7", "1"], ["x", "1e3", "b"]]
    assert typed(_dataset(columns), ["n", "x", "t"], rows) == [
        [1, 2.5, "a"],
        [None, None, None],
        [1, 7.0, "1"],
        ["x", 1000.0, "b"],  # not a valid literal: the text itself
    ]
    assert typed(_dataset(columns), ["n"], []) == []


def test_downloads_a_column_at_a_time_are_the_bytes_of_the_row_functions(tmp_path):
    """write_downloads builds its files from columns; the public row functions over
    `with_names` are the reference, for every dataset of the example repository."""
    import datetime as dt

    from conftest import REPO_ROOT
    from satudata.catalog.downloads import csv_bytes, text_rows, write_downloads, xlsx_bytes
    from satudata.catalog.names import named_columns, with_names
    from satudata.catalog.views import PublishedDataset
    from satudata.findings import DatasetFacts
    from satudata.load.repository import Repository

    repo = Repository.load(REPO_ROOT, 1)
    when = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    checked = 0
    for entry in repo.datasets.values():
        if entry.meta is None or entry.data_path is None:
            continue
        t = PublishedDataset(entry, entry.meta, None, DatasetFacts(), None)
        named = named_columns(repo, t.meta)
        rows = write_downloads(t, tmp_path, when, named)
        header, texts = text_rows(t)
        assert rows == typed(t, header, texts)
        wide_header, wide_rows = with_names(header, rows, named)
        files = {b.jenis: (tmp_path / b.path).read_bytes() for b in t.berkas.values()}
        assert files["xlsx"] == xlsx_bytes(t, wide_header, wide_rows, when)
        assert files["json"] == json_bytes(t, wide_header, wide_rows)
        if named:
            named_csv = (tmp_path / t.tambahan["csv-nama"].path).read_bytes()
            assert named_csv == csv_bytes(*with_names(header, texts, named))
        checked += 1
    assert checked >= 30
