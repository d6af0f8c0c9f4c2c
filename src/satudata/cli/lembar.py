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
def lembar_command(dataset: str, repo_root: Path, output: Path | None, timpa: bool) -> int:
    """Buat lembar kerja Excel (Data, Metadata, Kolom) untuk disunting OPD lalu diimpor lagi."""
    repo = Repository.load(repo_root)
    entry = repo.datasets.get(dataset)
    if entry is None or entry.meta is None or entry.data_path is None:
        click.echo(
            f"Galat: dataset {dataset} tidak ada, atau metadata/datanya belum sah; "
            "periksa dengan `satudata validate`.",
            err=True,
        )
        return 2
    target = output or Path(f"{dataset.replace('/', '-')}.xlsx")
    if target.exists() and not timpa:
        click.echo(f"Galat: {target} sudah ada; tambahkan --timpa untuk menimpanya.", err=True)
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
    entry = repo.datasets[result.dataset]
    if entry.data_path is None or entry.metadata_path is None:
        return 1
    if result.csv_text != entry.data_path.read_text(encoding="utf-8-sig"):
        write_atomic(entry.data_path, result.csv_text)
    if result.yaml_text != entry.metadata_path.read_text(encoding="utf-8"):
        write_atomic(entry.metadata_path, result.yaml_text)
    return 0
