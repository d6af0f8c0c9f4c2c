"""The report the renderers are tested on: one fixture with findings of every severity."""

from __future__ import annotations

import pytest

from satudata.checks.runner import validate
from satudata.findings import Report
from satudata.load.repository import Repository


@pytest.fixture
def report(repo) -> Report:
    repo.write(
        "data/dinkes/puskesmas.csv",
        "tahun,kode_kecamatan,jumlah_puskesmas\n2024,12.71.01,3\n2024,12.71.09,tiga\n"
        "2025,12.71.01,1.250\n",
    )
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "frekuensi: tahunan",
        "frekuensi: tahunan\nlisensi: Hak-Cipta",
    )
    return validate(Repository.load(repo.root))
