"""`satudata list`: the datasets of the repository, grouped by OPD."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from satudata.cli.base import command, format_option, repo_option
from satudata.load.repository import Repository
from satudata.rules.periods import latest_period
from satudata.util.language import localized

_HEADERS = (
    ("Pilar", "Pillar"),
    ("Frekuensi", "Frequency"),
    ("Klasifikasi", "Classification"),
    ("Periode terakhir", "Latest period"),
)


def dataset_rows(repo: Repository) -> list[dict]:
    rows = []
    for entry in repo.datasets.values():
        meta = entry.meta
        periode = meta.periode if meta else None
        latest = (
            latest_period(entry.data_path, periode.nama)
            if periode is not None and entry.data_path is not None
            else None
        )
        rows.append(
            {
                "id": entry.id,
                "opd": entry.opd,
                "judul": meta.judul if meta else None,
                "pilar": meta.pilar.value if meta else None,
                "frekuensi": meta.frekuensi.value if meta else None,
                "klasifikasi": meta.klasifikasi.value if meta else None,
                "periode_terakhir": latest,
                "data_contoh": meta.data_contoh if meta else None,
                "metadata": repo.rel(entry.metadata_path) if entry.metadata_path else None,
                "data": repo.rel(entry.data_path) if entry.data_path else None,
            }
        )
    return rows


@command("list", english="Datasets per OPD: pillar, frequency, classification and latest period.")
@repo_option
@format_option("text", "json")
def list_command(repo_root: Path, fmt: str) -> int:
    """Daftar dataset per OPD: pilar, frekuensi, klasifikasi, dan periode terakhir."""
    repo = Repository.load(repo_root)
    rows = dataset_rows(repo)
    if fmt == "json":
        click.echo(json.dumps({"jumlah": len(rows), "dataset": rows}, ensure_ascii=False, indent=2))
        return 0
    _print_text(repo, rows)
    return 0


def _print_text(repo: Repository, rows: list[dict]) -> None:
    console = Console()
    names = repo.organisasi.by_slug() if repo.organisasi else {}
    by_opd: dict[str, list[dict]] = {}
    for row in rows:
        by_opd.setdefault(row["opd"], []).append(row)
    for opd, items in by_opd.items():
        title = f"{names[opd].nama} ({opd})" if opd in names else opd
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column("Dataset", overflow="fold", ratio=3)
        for header in _HEADERS:
            table.add_column(localized(*header), ratio=1)
        for row in items:
            table.add_row(
                row["id"].split("/", 1)[1],
                row["pilar"] or "?",
                row["frekuensi"] or "?",
                row["klasifikasi"] or "?",
                row["periode_terakhir"] or "-",
            )
        console.print(table)
    console.print(
        localized(
            f"{len(rows)} dataset dari {len(by_opd)} OPD.",
            f"{len(rows)} datasets from {len(by_opd)} OPDs.",
        )
    )
    if repo.problems:
        problems = len(repo.problems)
        console.print(
            "[yellow]"
            + localized(
                f"{problems} berkas metadata bermasalah; jalankan `satudata validate` untuk "
                "rinciannya.",
                f"{problems} metadata files have problems; run `satudata validate` for the "
                "details.",
            )
            + "[/yellow]"
        )
