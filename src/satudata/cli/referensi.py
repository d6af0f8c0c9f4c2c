"""`satudata referensi perbarui`: bring metadata/referensi/wilayah.csv up to date."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import IndonesianCommand, IndonesianGroup, repo_option
from satudata.load.repository import Repository
from satudata.reference.update import compare, wilayah_path
from satudata.util.fs import write_atomic
from satudata.util.numbers import number


@click.group("referensi", cls=IndonesianGroup, options_metavar="[OPSI]")
def referensi_command() -> None:
    """Kelola tabel kode referensi di metadata/referensi/."""


@referensi_command.command("perbarui", cls=IndonesianCommand, options_metavar="[OPSI]")
@repo_option
@click.option("--tulis", is_flag=True, help="Tulis perubahan ke wilayah.csv (bawaan: hanya lapor).")
def perbarui_command(repo_root: Path, tulis: bool) -> int:
    """Bandingkan wilayah.csv dengan tabel kode wilayah Kemendagri yang dibawa mesin."""
    repo = Repository.load(repo_root)
    path = wilayah_path(repo.root)
    if repo.portal is None or not path.is_file():
        click.echo(f"Galat: perlu metadata/portal.yaml yang sah dan {repo.rel(path)}.", err=True)
        return 2
    changes, text = compare(repo, repo.portal.kode_wilayah)
    _print(changes)
    if not changes.any:
        click.echo(f"{repo.rel(path)} sudah sama dengan tabel Kemendagri.")
        return 0
    if tulis:
        write_atomic(path, text)
        click.echo(f"Ditulis: {repo.rel(path)}. Ajukan sebagai pull request untuk ditinjau.")
    else:
        click.echo("Belum ada yang ditulis; jalankan lagi dengan --tulis untuk memperbarui.")
    return 1 if changes.users else 0


def _print(changes) -> None:
    click.echo(
        f"Kode baru: {number(len(changes.added))}, berganti nama: "
        f"{number(len(changes.renamed))}, dihapus: {number(len(changes.removed))}."
    )
    for region in changes.added[:50]:
        click.echo(f"  + {region.kode} {region.nama} ({region.tingkat})")
    for kode, old, new in changes.renamed[:50]:
        click.echo(f"  ~ {kode} {old} → {new}")
    for kode, nama in changes.removed[:50]:
        click.echo(f"  - {kode} {nama}")
    for dataset, codes in changes.users.items():
        click.echo(
            f"Dataset {dataset} masih memakai kode yang dihapus: {', '.join(codes)}; "
            "perbaiki datanya sebelum menggabungkan pembaruan ini."
        )
