"""`satudata lembar OPD/DATASET`: the dataset as a workbook to edit in Excel or LibreOffice."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import command, repo_option
from satudata.load.repository import Repository
from satudata.onboarding.workbook import write_workbook


@command("lembar")
@click.argument("dataset", metavar="OPD/DATASET")
@repo_option
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Berkas .xlsx hasil."
)
@click.option("--timpa", is_flag=True, help="Boleh menimpa berkas yang sudah ada.")
@click.option("--baru", is_flag=True, help="Lembar kerja untuk dataset yang belum ada.")
@click.option("--daftar", metavar="KODE", help="Entri Daftar Data yang dipenuhi (untuk --baru).")
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
        click.echo(f"Galat: {target} sudah ada; tambahkan --timpa untuk menimpanya.", err=True)
        return 2
    if baru:
        return _new_workbook(repo, dataset, target, daftar)
    entry = repo.datasets.get(dataset)
    if entry is None or entry.meta is None or entry.data_path is None:
        click.echo(
            f"Galat: dataset {dataset} tidak ada, atau metadata/datanya belum sah; "
            "periksa dengan `satudata validate`.",
            err=True,
        )
        return 2
    write_workbook(repo, entry, target)
    click.echo(f"Lembar kerja ditulis: {target}")
    click.echo("Sunting lembar Data dan Metadata, lalu unggah atau jalankan `satudata impor`.")
    return 0


def import_workbook(path: Path, repo_root: Path, report: Path | None = None) -> int:
    """`satudata impor LEMBAR.xlsx`: write back what the team changed, and say what it was."""
    from satudata.onboarding.workbook_import import WorkbookError, read_workbook, render_report
    from satudata.util.fs import write_atomic

    repo = Repository.load(repo_root)
    try:
        result = read_workbook(repo, path)
    except WorkbookError as exc:
        click.echo(f"Galat: {path.name}: {exc}", err=True)
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
        raise click.BadParameter("tulis sebagai opd/nama-dataset", param_hint="OPD/DATASET")
    if dataset in repo.datasets:
        click.echo(f"Galat: {dataset} sudah ada; buat lembarnya tanpa --baru.", err=True)
        return 2
    planned = repo.daftar_index.get(daftar) if daftar else _planned_for(repo, dataset)
    if daftar and planned is None:
        click.echo(f"Galat: entri Daftar Data {daftar} tidak ada.", err=True)
        return 2
    write_new_workbook(repo, dataset, target, planned)
    click.echo(f"Lembar kerja dataset baru ditulis: {target}")
    if planned is not None:
        click.echo(f"Diisi dari Daftar Data {planned.kode}: {planned.judul}")
    return 0


def _planned_for(repo: Repository, dataset: str):
    """The OPD's only Daftar Data entry not yet fulfilled, if there is exactly one."""
    opd = dataset.split("/")[0]
    fulfilled = repo.fulfilment()
    open_entries = [
        e for e in repo.daftar_index.values() if e.produsen == opd and e.kode not in fulfilled
    ]
    return open_entries[0] if len(open_entries) == 1 else None
