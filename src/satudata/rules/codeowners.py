"""CODEOWNERS generated from metadata/organisasi.yaml: each OPD reviews its own folders together
with the Walidata; everything else belongs to the Walidata.

The file lives at the repository root, where both GitHub and GitLab read it.
"""

from __future__ import annotations

from satudata.load import paths
from satudata.load.repository import Repository

FILENAME = paths.CODEOWNERS_FILE
HEADER = (
    "# Dibuat oleh `satudata codeowners` dari metadata/organisasi.yaml; jangan diubah dengan\n"
    "# tangan. Baris terakhir yang cocok menentukan peninjau.\n"
)


def render_codeowners(repo: Repository) -> str | None:
    if repo.portal is None or repo.organisasi is None:
        return None
    walidata = repo.portal.walidata.tim
    lines = [HEADER, f"*  {walidata}", ""]
    for opd in repo.organisasi.organisasi:
        owners = opd.tim if opd.tim == walidata else f"{opd.tim} {walidata}"
        lines.append(f"/{paths.DATA_DIR}/{opd.slug}/  {owners}")
        lines.append(f"/{paths.METADATA_DIR}/{opd.slug}/  {owners}")
    return "\n".join(lines) + "\n"


def codeowners_in_sync(repo: Repository) -> bool | None:
    """True/False when it can be decided; None when governance metadata is missing."""
    expected = render_codeowners(repo)
    if expected is None:
        return None
    path = repo.root / FILENAME
    return path.exists() and path.read_text(encoding="utf-8") == expected
