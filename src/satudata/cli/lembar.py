"""`satudata lembar OPD/DATASET`: the dataset as a workbook to edit in Excel or LibreOffice."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import (
    HelpText,
    command,
    dataset_id_advice,
    option,
    print_error,
    repo_option,
)
from satudata.load.repository import Repository
from satudata.onboarding.workbook import write_workbook
from satudata.util.language import localized


@command(
    "lembar",
    english="Create an Excel workbook (Data, Metadata, Kolom) for the OPD to edit and import "
    "again.",
)
@click.argument("dataset", metavar="OPD/DATASET")
@repo_option
@option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help=HelpText("Berkas .xlsx hasil.", "The .xlsx file to write."),
)
@option(
    "--timpa",
    is_flag=True,
    help=HelpText("Boleh menimpa berkas yang sudah ada.", "May overwrite an existing file."),
)
@option(
    "--baru",
    is_flag=True,
    help=HelpText(
        "Lembar kerja untuk dataset yang belum ada.",
        "A workbook for a dataset that does not exist yet.",
    ),
)
@option(
    "--daftar",
    metavar=HelpText("KODE", "CODE"),
    help=HelpText(
        "Entri Daftar Data yang dipenuhi (untuk --baru).",
        "The Data List entry it fulfils (for --baru).",
    ),
)
def lembar_command(
    dataset: str,
    repo_root: Path,
    output: Path | None,
    timpa: bool,
    baru: bool,
    daftar: str | None,
) -> int:
    """Buat lembar kerja Excel (Data, Metadata, Kolom) untuk disunting OPD lalu diimpor lagi."""
    repo = Repository.load(repo_root)
    target = output or Path(f"{dataset.replace('/', '-')}.xlsx")
    if target.exists() and not timpa:
        print_error(
            localized(
                f"{target} sudah ada; tambahkan --timpa untuk menimpanya.",
                f"{target} already exists; add --timpa to overwrite it.",
            )
        )
        return 2
    if baru:
        return _new_workbook(repo, dataset, target, daftar)
    entry = repo.datasets.get(dataset)
    if entry is None or entry.meta is None or entry.data_path is None:
        print_error(
            localized(
                f"dataset {dataset} tidak ada, atau metadata/datanya belum sah; "
                "periksa dengan `satudata validate`.",
                f"dataset {dataset} does not exist, or its metadata/data are not valid yet; "
                "check with `satudata validate`.",
            )
        )
        return 2
    write_workbook(repo, entry, target)
    click.echo(localized("Lembar kerja ditulis", "Workbook written") + f": {target}")
    click.echo(
        localized(
            "Sunting lembar Data dan Metadata, lalu unggah atau jalankan `satudata impor`.",
            "Edit the Data and Metadata sheets, then upload it or run `satudata impor`.",
        )
    )
    return 0


def import_workbook(path: Path, repo_root: Path, report: Path | None = None) -> int:
    """`satudata impor LEMBAR.xlsx`: write back what the team changed, and say what it was."""
    from satudata.onboarding.workbook_import import WorkbookError, read_workbook, render_report
    from satudata.util.fs import write_atomic

    repo = Repository.load(repo_root)
    try:
        result = read_workbook(repo, path)
    except WorkbookError as exc:
        print_error(f"{path.name}: {exc}")
        return 1
    text = render_report(result, path.name)
    click.echo(text, nl=False)
    if report is not None:
        write_atomic(report, text)
    for target, text in (
        (result.data_path, result.csv_text),
        (result.metadata_path, result.yaml_text),
    ):
        if target is None:
            return 1
        if not target.exists() or text != target.read_text(encoding="utf-8-sig"):
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
    return 0


def _new_workbook(repo: Repository, dataset: str, target: Path, daftar: str | None) -> int:
    import re

    from satudata.model import DATASET_ID_PATTERN
    from satudata.onboarding.workbook import write_new_workbook

    if not re.match(DATASET_ID_PATTERN, dataset):
        raise click.BadParameter(dataset_id_advice(), param_hint="OPD/DATASET")
    if dataset in repo.datasets:
        print_error(
            localized(
                f"{dataset} sudah ada; buat lembarnya tanpa --baru.",
                f"{dataset} already exists; create its workbook without --baru.",
            )
        )
        return 2
    planned = repo.daftar_index.get(daftar) if daftar else _planned_for(repo, dataset)
    if daftar and planned is None:
        print_error(
            localized(
                f"entri Daftar Data {daftar} tidak ada.",
                f"Data List entry {daftar} does not exist.",
            )
        )
        return 2
    write_new_workbook(repo, dataset, target, planned)
    click.echo(
        localized("Lembar kerja dataset baru ditulis", "New dataset workbook written")
        + f": {target}"
    )
    if planned is not None:
        click.echo(
            localized("Diisi dari Daftar Data", "Filled from Data List entry")
            + f" {planned.kode}: {planned.judul}"
        )
    return 0


def _planned_for(repo: Repository, dataset: str):
    """The OPD's only Daftar Data entry not yet fulfilled, if there is exactly one."""
    opd = dataset.split("/")[0]
    fulfilled = repo.fulfilment()
    open_entries = [
        e for e in repo.daftar_index.values() if e.produsen == opd and e.kode not in fulfilled
    ]
    return open_entries[0] if len(open_entries) == 1 else None
