from __future__ import annotations

import re
import subprocess
import sys

import pytest

from satudata.load import paths


def test_dataset_files_by_id():
    assert paths.data_file("dinkes/puskesmas") == "data/dinkes/puskesmas.csv"
    assert paths.metadata_file("dinkes/puskesmas") == "metadata/dinkes/puskesmas.yaml"
    assert paths.metadata_files("dinkes/puskesmas") == (
        "metadata/dinkes/puskesmas.yaml",
        "metadata/dinkes/puskesmas.yml",
    )
    assert paths.reference_file("wilayah") == "metadata/referensi/wilayah.csv"


@pytest.mark.parametrize(
    "path,placed",
    [
        ("data/dinkes/puskesmas.csv", ("data", "dinkes/puskesmas")),
        ("metadata/dinkes/puskesmas.yaml", ("metadata", "dinkes/puskesmas")),
        ("metadata/dinkes/puskesmas.yml", ("metadata", "dinkes/puskesmas")),
        ("metadata/referensi/wilayah.csv", None),
        ("metadata/referensi/alias.yaml", None),
        ("metadata/schema/dataset.yaml", None),
        ("metadata/portal.yaml", None),
        ("data/dinkes/puskesmas.yaml", None),
        ("metadata/dinkes/puskesmas.csv", None),
        ("data/Dinkes/puskesmas.csv", None),
        ("data/dinkes/sub/puskesmas.csv", None),
        ("site/dinkes/puskesmas.csv", None),
    ],
)
def test_dataset_of_accepts_only_the_canonical_layout(path, placed):
    assert paths.dataset_of(path) == placed


def test_dataset_id_pattern_is_two_slugs():
    assert re.match(paths.DATASET_ID_PATTERN, "dinas-kesehatan/jumlah-puskesmas-2024")
    assert not re.match(paths.DATASET_ID_PATTERN, "dinkes/Puskesmas")
    assert not re.match(paths.SLUG_PATTERN, "a--b")


def test_imports_nothing_beyond_the_standard_library():
    code = (
        "import sys; import satudata.load.paths; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pydantic', 'pyarrow', 'yaml', 'ruamel', 'click') or m.startswith('satudata.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['satudata.load', 'satudata.load.paths']"
