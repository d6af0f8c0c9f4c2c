"""`satudata referensi perbarui`: bring metadata/referensi/wilayah.csv up to date."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import HelpText, command, group, option, print_error, repo_option
from satudata.load.repository import Repository
from satudata.reference.update import compare, wilayah_path
from satudata.util.fs import write_atomic
from satudata.util.language import language, localized
from satudata.util.numbers import number


@group("referensi", english="Manage the reference code tables in metadata/referensi/.")
def referensi_command() -> None:
    """Kelola tabel kode referensi di metadata/referensi/."""


@command(
    "perbarui",
    english="Compare wilayah.csv with the Kemendagri region code table shipped with the engine.",
)
@repo_option
@option(
    "--tulis",
    is_flag=True,
    help=HelpText(
        "Tulis perubahan ke wilayah.csv (bawaan: hanya lapor).",
        "Write the changes to wilayah.csv (default: only report them).",
    ),
)
def perbarui_command(repo_root: Path, tulis: bool) -> int:
    """Bandingkan wilayah.csv dengan tabel kode wilayah Kemendagri yang dibawa mesin."""
    repo = Repository.load(repo_root)
    path = wilayah_path(repo.root)
    if repo.portal is None or not path.is_file():
        print_error(
            localized(
                f"perlu metadata/portal.yaml yang sah dan {repo.rel(path)}.",
                f"a valid metadata/portal.yaml and {repo.rel(path)} are needed.",
            )
        )
        return 2
    changes, text = compare(repo, repo.portal.kode_wilayah)
    _print(changes)
    if not changes.any:
        click.echo(
            localized(
                f"{repo.rel(path)} sudah sama dengan tabel Kemendagri.",
                f"{repo.rel(path)} already matches the Kemendagri table.",
            )
        )
        return 0
    if tulis:
        write_atomic(path, text)
        click.echo(
            localized(
                f"Ditulis: {repo.rel(path)}. Ajukan sebagai pull request untuk ditinjau.",
                f"Written: {repo.rel(path)}. Propose it as a pull request for review.",
            )
        )
    else:
        click.echo(
            localized(
                "Belum ada yang ditulis; jalankan lagi dengan --tulis untuk memperbarui.",
                "Nothing written yet; run again with --tulis to update.",
            )
        )
    return 1 if changes.users else 0


referensi_command.add_command(perbarui_command)


def _print(changes) -> None:
    lang = language()
    added, renamed = number(len(changes.added), lang), number(len(changes.renamed), lang)
    removed = number(len(changes.removed), lang)
    click.echo(
        localized(
            f"Kode baru: {added}, berganti nama: {renamed}, dihapus: {removed}.",
            f"New codes: {added}, renamed: {renamed}, removed: {removed}.",
        )
    )
    for region in changes.added[:50]:
        click.echo(f"  + {region.kode} {region.nama} ({region.tingkat})")
    for kode, old, new in changes.renamed[:50]:
        click.echo(f"  ~ {kode} {old} → {new}")
    for kode, nama in changes.removed[:50]:
        click.echo(f"  - {kode} {nama}")
    for dataset, codes in changes.users.items():
        removed_codes = ", ".join(codes)
        click.echo(
            localized(
                f"Dataset {dataset} masih memakai kode yang dihapus: {removed_codes}; "
                "perbaiki datanya sebelum menggabungkan pembaruan ini.",
                f"Dataset {dataset} still uses removed codes: {removed_codes}; "
                "fix its data before merging this update.",
            )
        )
