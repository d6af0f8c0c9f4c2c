"""`satudata kode`: every finding code, as Markdown (the docs page) or JSON."""

from __future__ import annotations

import json

from satudata.cli import main
from satudata.findings import REGISTRY
from satudata.report.codes_doc import codes_markdown


def test_json_lists_every_code_with_its_params(capsys):
    assert main(["kode", "--format", "json"]) == 0
    listed = {c["code"]: c for c in json.loads(capsys.readouterr().out)}
    assert set(listed) == set(REGISTRY)
    assert listed["tipe-tidak-sesuai"]["params"] == list(REGISTRY["tipe-tidak-sesuai"].params)
    assert listed["csv-rusak"]["family"] == "struktur"


def test_markdown_is_the_docs_page(capsys):
    assert main(["kode"]) == 0
    assert capsys.readouterr().out == codes_markdown()


def test_markdown_in_english(capsys):
    assert main(["--lang", "en", "kode"]) == 0
    out = capsys.readouterr().out
    assert out == codes_markdown("en")
    assert out.startswith("# What the validation messages mean")
    assert "## Data quality" in out and "How to fix:" in out and "Cara memperbaiki" not in out
