"""`satudata impor FILE --ke <opd>/<dataset>`: a table as OPDs have it → canonical data, a
drafted metadata file and the import report, or a refusal that says what to do."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import click

from satudata.cli.base import (
    HelpText,
    argument,
    command,
    dataset_id_advice,
    option,
    print_error,
    print_next_steps,
    repo_option,
)
from satudata.load import paths
from satudata.load.repository import Repository
from satudata.model import DATASET_ID_PATTERN
from satudata.onboarding.draft import column_entries, metadata_text
from satudata.onboarding.importer import Imported, Options, import_table
from satudata.onboarding.refusal import Refusal
from satudata.onboarding.report import ReconciliationError, markdown, summary
from satudata.onboarding.scaffold import region_name, render_metadata
from satudata.util.fs import write_atomic
from satudata.util.language import language, localized
from satudata.util.numbers import number


@command(
    "impor",
    english="Import an Excel/ODS/HTML/CSV table: every source cell is accounted for, or the "
    "import is refused.",
)
@argument(
    "berkas",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar=HelpText("BERKAS", "FILE"),
)
@option(
    "--ke",
    "dataset",
    metavar="OPD/DATASET",
    help=HelpText(
        "Dataset tujuan (tidak perlu untuk lembar kerja dari `satudata lembar`).",
        "Target dataset (not needed for a workbook from `satudata lembar`).",
    ),
)
@repo_option
@option(
    "--lembar",
    help=HelpText(
        "Nama lembar (sheet) bila berkas berisi beberapa lembar data.",
        "Name of the sheet when the file holds several data sheets.",
    ),
)
@option(
    "--baris-judul",
    "header_row",
    type=int,
    help=HelpText(
        "Nomor baris judul kolom (terbawah bila 2–4 baris); bawaan: dikenali otomatis.",
        "Row number of the column headings (the lowest if 2–4 rows); default: detected.",
    ),
)
@option(
    "--angka",
    "locale",
    type=click.Choice(["id", "en"]),
    help=HelpText(
        "Cara menulis angka bila tidak dapat dipastikan: id = 1.234,5; en = 1,234.5.",
        "How numbers are written when it cannot be told: id = 1.234,5; en = 1,234.5.",
    ),
)
@option(
    "--tanda-strip",
    "dash",
    type=click.Choice(["nol", "kosong"]),
    help=HelpText(
        "Arti '-' di kolom angka: nol (konvensi BPS) atau kosong (data tidak ada).",
        "Meaning of '-' in a number column: nol, zero (BPS convention), or kosong, empty "
        "(no data).",
    ),
)
@option(
    "--nama-nilai",
    "value_name",
    help=HelpText(
        "Nama kolom nilai saat tahun/bulan sebagai kolom diubah ke format panjang.",
        "Name of the value column when years/months as columns are turned into long format.",
    ),
)
@option(
    "--nama-dimensi",
    "dimension_name",
    default="kategori",
    show_default=True,
    help=HelpText(
        "Nama kolom untuk tingkat judul kolom kedua (mis. jenjang di atas tahun).",
        "Name of the column for a second heading level (e.g. school level above year).",
    ),
)
@option(
    "--tahun",
    "year",
    type=int,
    help=HelpText(
        "Tahun data bila kolomnya nama bulan (Januari … Desember).",
        "Year of the data when its columns are month names (Januari … Desember).",
    ),
)
@option(
    "--timpa",
    is_flag=True,
    help=HelpText(
        "Boleh menimpa CSV dan laporan impor yang sudah ada.",
        "May overwrite an existing CSV and import report.",
    ),
)
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
        raise click.UsageError(
            localized(
                "sebutkan dataset tujuan dengan --ke OPD/DATASET",
                "name the target dataset with --ke OPD/DATASET",
            )
        )
    if not re.match(DATASET_ID_PATTERN, dataset):
        raise click.BadParameter(dataset_id_advice(), param_hint="--ke")
    repo = Repository.load(repo_root)
    csv_path = repo.root / paths.data_file(dataset)
    meta_path = repo.root / paths.metadata_file(dataset)
    report_path = repo.root / paths.import_report_file(dataset)
    for path in (csv_path, report_path):
        if path.exists() and not timpa:
            print_error(
                localized(
                    f"{repo.rel(path)} sudah ada; tambahkan --timpa untuk menggantinya "
                    "(versi lama tetap ada di riwayat git).",
                    f"{repo.rel(path)} already exists; add --timpa to replace it "
                    "(the old version stays in the git history).",
                )
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
        print_error(
            f"{berkas.name}: {exc}. "
            + localized("Tidak ada berkas yang ditulis.", "No file was written.")
        )
        return 1
    except ReconciliationError as exc:
        print_error(
            f"{berkas.name}: "
            + localized(
                f"rekonsiliasi gagal ({exc}); tidak ada berkas yang ditulis. Ini kekurangan "
                "satudata, bukan kesalahan Anda: laporkan bersama berkasnya.",
                f"reconciliation failed ({exc}); no file was written. This is a shortcoming "
                "of satudata, not your mistake: please report it with the file.",
            )
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
    _print_written(
        repo, csv_path, report_path, meta_path if meta_text is not None else None, imported
    )
    if meta_text is None:
        _existing_metadata(repo, dataset, meta_path, imported, levels)
    print_next_steps(
        repo_root,
        dataset,
        localized(
            "Data dan metadata sah. Langkah berikutnya: commit dan buka pull request.",
            "Data and metadata are valid. Next: commit and open a pull request.",
        ),
    )
    return 0


def _print_written(repo, csv_path, report_path, meta_path, imported: Imported) -> None:
    """What the import wrote, with the counts of its report (`meta_path`: a drafted file)."""
    written = localized("ditulis", "written")
    rows, columns = number(len(imported.rows), language()), ", ".join(imported.header)
    click.echo(
        f"{written}: {repo.rel(csv_path)} "
        + localized(f"({rows} baris, kolom: {columns})", f"({rows} rows, columns: {columns})")
    )
    for line in imported.ledger.notes:
        click.echo(f"  - {line}")
    for line in summary(imported.ledger, len(imported.rows), imported.header):
        click.echo(f"  {line}")
    click.echo(
        f"{written}: {repo.rel(report_path)} "
        + localized("(laporan impor lengkap, sel demi sel)", "(full import report, cell by cell)")
    )
    if meta_path is not None:
        click.echo(
            f"{written}: {repo.rel(meta_path)} "
            + localized(
                "(rancangan metadata; lengkapi judul, deskripsi, sumber, dan Standar Data "
                "kolom ukuran)",
                "(draft metadata; complete judul, deskripsi, sumber and the Standar Data of "
                "the measure columns)",
            )
        )


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
        columns = ", ".join(described or [])
        click.echo(
            localized(
                f"Metadata {repo.rel(meta_path)} sudah ada dan tidak diubah; kolomnya "
                f"({columns}) berbeda dari CSV. Rancangan `kolom` untuk ditempel:",
                f"Metadata {repo.rel(meta_path)} already exists and was not changed; its columns "
                f"({columns}) differ from the CSV. A draft `kolom` to paste:",
            )
        )
        click.echo(render_metadata({"kolom": column_entries(imported, levels)}).split("\n", 1)[1])
