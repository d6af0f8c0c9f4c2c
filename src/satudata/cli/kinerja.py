"""`satudata kinerja`: the Kinerja Data numbers per OPD (text or JSON)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from satudata.checks.runner import default_jobs, validate
from satudata.cli.base import command, format_option, hari_ini_option, repo_option
from satudata.load.repository import Repository
from satudata.rules.performance import performance
from satudata.util.language import language, localized

_HEADERS = (
    ("OPD", "OPD"),
    ("Daftar Data", "Data List"),
    ("Tepat waktu", "On time"),
    ("Tanpa galat", "No errors"),
    ("Tanpa peringatan", "No warnings"),
    ("Metadata lengkap", "Complete metadata"),
    ("Terbuka", "Open"),
)


@command(
    "kinerja",
    english="Data performance per OPD: Data List fulfilled, timeliness, quality, openness.",
)
@repo_option
@hari_ini_option
@format_option("text", "json")
def kinerja_command(repo_root: Path, hari_ini: dt.date | None, fmt: str) -> int:
    """Kinerja Data per OPD: Daftar Data terpenuhi, ketepatan waktu, kualitas, keterbukaan."""
    repo = Repository.load(repo_root, default_jobs())
    numbers = performance(repo, validate(repo, jobs=default_jobs(), today=hari_ini))
    if fmt == "json":
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
    else:
        _print(numbers)
    return 0


def _pct(value: float | None) -> str:
    if value is None:
        return "-"
    text = f"{value:.1f}%"
    return text if language() == "en" else text.replace(".", ",")


def _print(numbers: dict) -> None:
    table = Table(
        title=localized("Kinerja Data", "Data performance")
        + f" — {numbers['pemerintah']} ({localized('per', 'as of')} {numbers['tanggal']})",
        title_justify="left",
    )
    for header in _HEADERS:
        table.add_column(localized(*header), justify="left" if header[0] == "OPD" else "right")

    def row(label: str, n: dict) -> list[str]:
        return [
            label,
            f"{n['terpenuhi']}/{n['direncanakan']} ({_pct(n['persen_terpenuhi'])})",
            f"{n['tepat_waktu']}/{n['berjadwal']} ({_pct(n['persen_tepat_waktu'])})",
            _pct(n["persen_tanpa_galat"]),
            _pct(n["persen_tanpa_peringatan"]),
            _pct(n["persen_kelengkapan_metadata"]),
            _pct(n["persen_terbuka"]),
        ]

    for opd in numbers["opd"]:
        table.add_row(*row(opd["singkatan"], opd))
    table.add_row(*row("Total", numbers["ringkasan"]), style="bold")
    Console().print(table)
    total = numbers["ringkasan"]
    done, planned = total["terpenuhi"], total["direncanakan"]
    Console().print(
        localized(
            f"{done} dari {planned} dataset Daftar Data telah diserahkan.",
            f"{done} of {planned} Data List datasets have been submitted.",
        )
    )
