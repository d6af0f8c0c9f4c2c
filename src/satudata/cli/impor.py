"""`satudata impor FILE --ke <opd>/<dataset>`: Excel or Indonesian-locale CSV → canonical data."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import command, print_next_steps, repo_option
from satudata.load import paths
from satudata.load.repository import Repository
from satudata.model import DATASET_ID_PATTERN
from satudata.onboarding.scaffold import (
    NEW_DATASET_DEFAULTS,
    default_release,
    region_name,
    render_metadata,
)
from satudata.onboarding.spreadsheet import (
    ImportError_,
    body,
    canonical_numbers,
    csv_text,
    draft_columns,
    find_header,
    map_regions,
    read_aliases,
    read_file,
    wide_to_long,
)
from satudata.util.fs import write_atomic


@command("impor")
@click.argument("berkas", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--ke",
    "dataset",
    metavar="OPD/DATASET",
    help="Dataset tujuan (tidak perlu untuk lembar kerja dari `satudata lembar`).",
)
@repo_option
@click.option("--lembar", help="Nama lembar (sheet) Excel; bawaan: lembar pertama.")
@click.option(
    "--baris-judul",
    "header_row",
    type=int,
    help="Nomor baris judul kolom (1 = baris pertama); bawaan: dikenali otomatis.",
)
@click.option(
    "--nama-nilai",
    "value_name",
    default="jumlah",
    show_default=True,
    help="Nama kolom nilai saat tahun/bulan sebagai kolom diubah ke format panjang.",
)
@click.option(
    "--tahun", "year", type=int, help="Tahun data bila kolomnya nama bulan (Januari … Desember)."
)
@click.option("--timpa", is_flag=True, help="Boleh menimpa CSV yang sudah ada.")
def impor_command(
    berkas: Path,
    dataset: str | None,
    repo_root: Path,
    lembar: str | None,
    header_row: int | None,
    value_name: str,
    year: int | None,
    timpa: bool,
) -> int:
    """Ubah tabel Excel/CSV (format Indonesia) menjadi CSV baku format panjang berkode wilayah."""
    import re

    from satudata.onboarding.workbook_import import is_dataset_workbook

    if is_dataset_workbook(berkas):
        from satudata.cli.lembar import import_workbook

        return import_workbook(berkas, repo_root)
    if dataset is None:
        raise click.UsageError("sebutkan dataset tujuan dengan --ke OPD/DATASET")
    if not re.match(DATASET_ID_PATTERN, dataset):
        raise click.BadParameter("tulis sebagai opd/nama-dataset", param_hint="--ke")
    repo = Repository.load(repo_root)
    csv_path = repo.root / paths.data_file(dataset)
    meta_path = repo.root / paths.metadata_file(dataset)
    if csv_path.exists() and not timpa:
        click.echo(
            f"Galat: {csv_path.relative_to(repo.root)} sudah ada; tambahkan --timpa untuk "
            "menggantinya (versi lama tetap ada di riwayat git).",
            err=True,
        )
        return 1
    try:
        table = _convert(repo, berkas, lembar, header_row, value_name, year)
    except ImportError_ as exc:
        click.echo(f"Galat: {berkas.name}: {exc}", err=True)
        return 1
    write_atomic(csv_path, csv_text(table))
    click.echo(
        f"ditulis: {csv_path.relative_to(repo.root)} ({len(table.rows)} baris, "
        f"{len(table.header)} kolom: {', '.join(table.header)})"
    )
    for note in table.notes:
        click.echo(f"  - {note}")
    _metadata(repo, dataset, meta_path, table)
    print_next_steps(
        repo_root,
        dataset,
        "Data dan metadata sah. Langkah berikutnya: commit dan buka pull request.",
    )
    return 0


def _convert(repo: Repository, path: Path, sheet, header_row, value_name, year):
    rows, notes, indonesian = read_file(path, sheet)
    if not any(any(cell for cell in row) for row in rows):
        raise ImportError_("tabel kosong")
    table = body(rows, find_header(rows, header_row), notes)
    canonical_numbers(table, indonesian)
    table = wide_to_long(table, value_name, year)
    aliases = read_aliases(repo.root / paths.reference_file("alias-wilayah"))
    unmapped = map_regions(table, repo.reference_table("wilayah"), aliases)
    if unmapped:
        listed = "; ".join(f"'{name}'" for name in unmapped)
        raise ImportError_(
            f"{len(unmapped)} nama wilayah tidak dikenal: {listed}. Perbaiki ejaannya sesuai "
            "metadata/referensi/wilayah.csv, atau minta Walidata menambahkan ejaan lain ke "
            "metadata/referensi/alias-wilayah.csv (kolom alias,kode). Tidak ada berkas yang ditulis."
        )
    return table


def _metadata(repo: Repository, dataset: str, meta_path: Path, table) -> None:
    columns = draft_columns(table)
    if meta_path.exists():
        entry = repo.datasets.get(dataset)
        described = [k.nama for k in entry.meta.kolom] if entry and entry.meta else None
        if described != table.header:
            click.echo(
                f"Metadata {meta_path.relative_to(repo.root)} sudah ada dan tidak diubah; "
                f"kolomnya ({', '.join(described or [])}) berbeda dari CSV. Rancangan "
                "`kolom` untuk ditempel:"
            )
            click.echo(render_metadata({"kolom": columns}).split("\n", 1)[1])
        return
    opds = repo.organisasi.by_slug() if repo.organisasi else {}
    opd = dataset.split("/")[0]
    values = {
        "id": dataset,
        **NEW_DATASET_DEFAULTS,
        "produsen": opd,
        "cakupan_wilayah": region_name(repo.portal),
        "jadwal_rilis": default_release(str(NEW_DATASET_DEFAULTS["frekuensi"])),
        "kunci": [c["nama"] for c in columns if c["peran"] in ("periode", "dimensi")],
        "kolom": columns,
    }
    if table.judul:
        values["judul"] = values["deskripsi"] = table.judul
    if table.sumber:
        values["sumber"] = table.sumber
    if opd in opds and opds[opd].kontak:
        values["kontak"] = opds[opd].kontak
    write_atomic(meta_path, render_metadata(values))
    click.echo(
        f"ditulis: {meta_path.relative_to(repo.root)} (rancangan metadata; periksa judul, "
        "deskripsi, pilar, frekuensi, dan lengkapi Standar Data kolom ukuran)"
    )
