"""`satudata impor FILE --ke <opd>/<dataset>`: a table as OPDs have it → canonical data, a
drafted metadata file and the import report, or a refusal that says what to do."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import click

from satudata.cli.base import command, print_next_steps, repo_option
from satudata.load import paths
from satudata.load.repository import Repository
from satudata.model import DATASET_ID_PATTERN
from satudata.onboarding.draft import column_entries, metadata_text
from satudata.onboarding.importer import Imported, Options, import_table
from satudata.onboarding.refusal import Refusal
from satudata.onboarding.report import ReconciliationError, markdown, summary
from satudata.onboarding.scaffold import region_name, render_metadata
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
@click.option("--lembar", help="Nama lembar (sheet) bila berkas berisi beberapa lembar data.")
@click.option(
    "--baris-judul",
    "header_row",
    type=int,
    help="Nomor baris judul kolom (terbawah bila 2–4 baris); bawaan: dikenali otomatis.",
)
@click.option(
    "--angka",
    "locale",
    type=click.Choice(["id", "en"]),
    help="Cara menulis angka bila tidak dapat dipastikan: id = 1.234,5; en = 1,234.5.",
)
@click.option(
    "--tanda-strip",
    "dash",
    type=click.Choice(["nol", "kosong"]),
    help="Arti '-' di kolom angka: nol (konvensi BPS) atau kosong (data tidak ada).",
)
@click.option(
    "--nama-nilai",
    "value_name",
    help="Nama kolom nilai saat tahun/bulan sebagai kolom diubah ke format panjang.",
)
@click.option(
    "--nama-dimensi",
    "dimension_name",
    default="kategori",
    show_default=True,
    help="Nama kolom untuk tingkat judul kolom kedua (mis. jenjang di atas tahun).",
)
@click.option(
    "--tahun", "year", type=int, help="Tahun data bila kolomnya nama bulan (Januari … Desember)."
)
@click.option("--timpa", is_flag=True, help="Boleh menimpa CSV dan laporan impor yang sudah ada.")
def impor_command(
    berkas: Path,
    dataset: str | None,
    repo_root: Path,
    lembar: str | None,
    header_row: int | None,
    locale: str | None,
    dash: str | None,
    value_name: str | None,
    dimension_name: str,
    year: int | None,
    timpa: bool,
) -> int:
    """Impor tabel Excel/ODS/HTML/CSV: setiap sel sumber tercatat, atau impor ditolak."""
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
    report_path = repo.root / paths.import_report_file(dataset)
    for path in (csv_path, report_path):
        if path.exists() and not timpa:
            click.echo(
                f"Galat: {repo.rel(path)} sudah ada; tambahkan --timpa untuk menggantinya "
                "(versi lama tetap ada di riwayat git).",
                err=True,
            )
            return 1
    options = Options(
        sheet=lembar,
        header_row=header_row,
        locale=locale,
        dash=dash,
        value_name=value_name,
        dimension_name=dimension_name,
        year=year,
        scope=repo.portal.kode_wilayah if repo.portal else None,
        scope_name=_coverage(repo),
        aliases=_aliases(repo.root / paths.reference_file("alias-wilayah")),
    )
    try:
        imported = import_table(berkas, options)
    except Refusal as exc:
        click.echo(f"Galat: {berkas.name}: {exc}. Tidak ada berkas yang ditulis.", err=True)
        return 1
    except ReconciliationError as exc:
        click.echo(
            f"Galat: {berkas.name}: rekonsiliasi gagal ({exc}); tidak ada berkas yang ditulis. "
            "Ini kekurangan satudata, bukan kesalahan Anda: laporkan bersama berkasnya.",
            err=True,
        )
        return 1
    levels = _referenced_levels(repo)
    meta_text = None if meta_path.exists() else _draft(repo, dataset, imported, levels)
    write_atomic(csv_path, imported.csv_text)
    if meta_text is not None:
        write_atomic(meta_path, meta_text)
    write_atomic(
        report_path,
        markdown(imported.ledger, berkas.name, dataset, len(imported.rows), imported.header),
    )
    click.echo(
        f"ditulis: {repo.rel(csv_path)} ({len(imported.rows)} baris, kolom: "
        f"{', '.join(imported.header)})"
    )
    for line in imported.ledger.notes:
        click.echo(f"  - {line}")
    for line in summary(imported.ledger, len(imported.rows), imported.header):
        click.echo(f"  {line}")
    click.echo(f"ditulis: {repo.rel(report_path)} (laporan impor lengkap, sel demi sel)")
    if meta_text is not None:
        click.echo(
            f"ditulis: {repo.rel(meta_path)} (rancangan metadata; lengkapi judul, deskripsi, "
            "sumber, dan Standar Data kolom ukuran)"
        )
    else:
        _existing_metadata(repo, dataset, meta_path, imported, levels)
    print_next_steps(
        repo_root,
        dataset,
        "Data dan metadata sah. Langkah berikutnya: commit dan buka pull request.",
    )
    return 0


def _coverage(repo: Repository) -> str:
    return region_name(repo.portal)


def _aliases(path: Path) -> dict[str, str]:
    """Known spelling variants (`alias,kode`), maintained by the Walidata."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["alias"]: row["kode"] for row in csv.DictReader(handle)}


def _referenced_levels(repo: Repository) -> set[str]:
    table = repo.reference_table("wilayah")
    return {row.get("tingkat", "") for row in table.rows} if table else set()


def _draft(repo: Repository, dataset: str, imported: Imported, levels: set[str]) -> str:
    opd = dataset.split("/")[0]
    opds = repo.organisasi.by_slug() if repo.organisasi else {}
    contact = opds[opd].kontak if opd in opds else None
    return metadata_text(imported, dataset, _coverage(repo), contact, levels)


def _existing_metadata(repo, dataset, meta_path, imported: Imported, levels) -> None:
    entry = repo.datasets.get(dataset)
    described = [k.nama for k in entry.meta.kolom] if entry and entry.meta else None
    if described != imported.header:
        click.echo(
            f"Metadata {repo.rel(meta_path)} sudah ada dan tidak diubah; kolomnya "
            f"({', '.join(described or [])}) berbeda dari CSV. Rancangan `kolom` untuk ditempel:"
        )
        click.echo(render_metadata({"kolom": column_entries(imported, levels)}).split("\n", 1)[1])
