"""The reconciliation refuses a ledger that lost or changed a cell."""

import pytest

from satudata.onboarding.report import Ledger, ReconciliationError, reconcile, summary
from satudata.onboarding.reshape import OutCell

CELLS = [["kecamatan", "jumlah"], ["Medan Kota", "1.234"]]


def _ledger(output="1234", conversion="titik ribuan dihapus"):
    ledger = Ledger()
    ledger.drop(0, 0, "kecamatan", "judul kolom")
    ledger.drop(0, 1, "jumlah", "judul kolom")
    ledger.keep(1, 0, "Medan Kota", "Medan Kota", "", "kecamatan")
    ledger.keep(1, 1, "1.234", output, conversion, "jumlah")
    return ledger


ROWS = [[OutCell("Medan Kota", (1, 0)), OutCell("1234", (1, 1), "titik ribuan dihapus")]]


def test_a_complete_ledger_reconciles_and_summarises():
    ledger = _ledger()
    reconcile(CELLS, ledger, ["kecamatan", "jumlah"], ROWS, "kecamatan,jumlah\nMedan Kota,1234\n")
    lines = summary(ledger, 1, ["kecamatan", "jumlah"])
    assert lines[0].startswith("4 sel sumber terisi: 2 masuk data, 2 dibuang")
    assert any("titik ribuan dihapus: 1 sel (mis. B2 '1.234' → 1234)" in x for x in lines)


def test_a_lost_cell_a_changed_digit_or_a_different_csv_is_refused():
    ledger = _ledger()
    del ledger.dropped[(0, 0)]
    with pytest.raises(ReconciliationError, match="tidak tercatat"):
        reconcile(CELLS, ledger, ["kecamatan", "jumlah"], ROWS, "")
    with pytest.raises(ReconciliationError, match="berubah"):
        reconcile(CELLS, _ledger("1243"), ["kecamatan", "jumlah"], ROWS, "")
    with pytest.raises(ReconciliationError, match="terbaca kembali"):
        reconcile(CELLS, _ledger(), ["kecamatan", "jumlah"], ROWS, "kecamatan,jumlah\nX,1\n")
