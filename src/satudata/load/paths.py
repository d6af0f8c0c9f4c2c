"""The repository layout, in one place: where a Satu Data repository keeps what.

    data/<opd>/<slug>.csv              a dataset's data
    metadata/<opd>/<slug>.yaml         its metadata (the dataset id is `<opd>/<slug>`)
    metadata/portal.yaml, organisasi.yaml, daftar-data.yaml   governance files
    metadata/penarikan.yaml            past versions the Walidata withdrew (optional)
    metadata/referensi/<nama>.csv      reference tables (index: referensi.yaml)
    metadata/schema/                   JSON Schemas for editors
    masukan/<opd>/                     uploads waiting to be imported (never on main)

Paths here are repository-relative POSIX strings (as git names them). This module imports
nothing from satudata and no third-party package, so every layer (the model included) may use it.
"""

from __future__ import annotations

import re

_SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
SLUG_PATTERN = f"^{_SLUG}$"  # OPD folders and dataset files; also in the JSON Schemas
DATASET_ID_PATTERN = f"^{_SLUG}/{_SLUG}$"  # `<opd>/<slug>`: a dataset id is its path

DATA_DIR = "data"
METADATA_DIR = "metadata"
REFERENCE_DIR = f"{METADATA_DIR}/referensi"
SCHEMA_DIR = f"{METADATA_DIR}/schema"
SITE_DIR = "site"  # the repository's own site templates, overrides and assets
INBOX_DIR = "masukan"  # uploads from the browser, masukan/<opd>/, imported into data/metadata

# Folders under metadata/ that hold no dataset.
RESERVED_METADATA_DIRS = ("schema", "referensi")

PORTAL_FILE = f"{METADATA_DIR}/portal.yaml"
ORGANISATION_FILE = f"{METADATA_DIR}/organisasi.yaml"
DAFTAR_DATA_FILE = f"{METADATA_DIR}/daftar-data.yaml"
THEMES_FILE = f"{METADATA_DIR}/tema-dcat.yaml"  # topik → EU data theme, for DCAT-AP
WITHDRAWALS_FILE = f"{METADATA_DIR}/penarikan.yaml"  # optional: past versions withdrawn
GOVERNANCE_FILES = (
    PORTAL_FILE,
    ORGANISATION_FILE,
    DAFTAR_DATA_FILE,
    THEMES_FILE,
    WITHDRAWALS_FILE,
)
REFERENCE_INDEX_FILE = f"{REFERENCE_DIR}/referensi.yaml"
CODEOWNERS_FILE = "CODEOWNERS"

# The report `satudata impor` writes next to a drafted metadata file, for the reviewer; not a
# dataset file and not a stray one.
IMPORT_REPORT_SUFFIX = ".impor.md"

DATA_SUFFIXES = (".csv",)
METADATA_SUFFIXES = (".yaml", ".yml")  # .yaml is the canonical spelling

_DATASET_FILE = re.compile(
    rf"^(?P<top>{DATA_DIR}|{METADATA_DIR})/(?P<opd>{_SLUG})/(?P<slug>{_SLUG})"
    rf"(?P<suffix>\.csv|\.ya?ml)$"
)


def data_file(dataset_id: str) -> str:
    """`data/<opd>/<slug>.csv`"""
    return f"{DATA_DIR}/{dataset_id}{DATA_SUFFIXES[0]}"


def metadata_file(dataset_id: str, suffix: str = METADATA_SUFFIXES[0]) -> str:
    """`metadata/<opd>/<slug>.yaml` (or `.yml` when asked)."""
    return f"{METADATA_DIR}/{dataset_id}{suffix}"


def import_report_file(dataset_id: str) -> str:
    """`metadata/<opd>/<slug>.impor.md`"""
    return f"{METADATA_DIR}/{dataset_id}{IMPORT_REPORT_SUFFIX}"


def metadata_files(dataset_id: str) -> tuple[str, ...]:
    """Every spelling the metadata of `dataset_id` may have."""
    return tuple(metadata_file(dataset_id, suffix) for suffix in METADATA_SUFFIXES)


def reference_file(name: str) -> str:
    """`metadata/referensi/<name>.csv`"""
    return f"{REFERENCE_DIR}/{name}.csv"


def dataset_of(path: str) -> tuple[str, str] | None:
    """(`data` or `metadata`, dataset id) of a well-placed dataset file, else None."""
    match = _DATASET_FILE.match(path)
    if match is None:
        return None
    top = match["top"]
    if top == DATA_DIR and match["suffix"] != ".csv":
        return None
    if top == METADATA_DIR and (
        match["suffix"] == ".csv" or match["opd"] in RESERVED_METADATA_DIRS
    ):
        return None
    return top, f"{match['opd']}/{match['slug']}"
