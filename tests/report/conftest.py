"""The report the renderers are tested on: one fixture with findings of every severity."""

from __future__ import annotations

import pytest

from satudata.checks.runner import validate
from satudata.findings import Report
from satudata.load.repository import Repository


@pytest.fixture
def report(repo) -> Report:
    # One warning among the errors: the column order (an unknown licence is an error now).
    repo.write(
        "data/dinkes/puskesmas.csv",
        "kode_kecamatan,tahun,jumlah_puskesmas\n12.71.01,2024,3\n12.71.09,2024,tiga\n"
        "12.71.01,2025,1.250\n",
    )
    return validate(Repository.load(repo.root))
