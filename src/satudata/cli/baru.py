"""`satudata baru <opd>/<dataset>`: scaffold metadata and CSV, interactively or with flags."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from satudata.cli.base import command, print_next_steps, repo_option
from satudata.load.repository import Repository
from satudata.model import (
    DATASET_ID_PATTERN,
    CaraPengumpulan,
    Frekuensi,
    Klasifikasi,
    Pilar,
    Tipe,
)
from satudata.onboarding.scaffold import (
    DEFAULT_COLUMNS,
    DEFAULT_TOPIC,
    NEW_DATASET_DEFAULTS,
    ScaffoldError,
    default_release,
    kolom_from_spec,
    region_name,
    scaffold,
)

_CHOICES = {
    "pilar": Pilar,
    "klasifikasi": Klasifikasi,
    "frekuensi": Frekuensi,
    "cara_pengumpulan": CaraPengumpulan,
}


@command("baru")
@click.argument("dataset")
@repo_option
@click.option("--judul", help="Judul dataset.")
@click.option("--deskripsi", help="Isi dataset, untuk publik.")
@click.option("--pilar", type=click.Choice([p.value for p in Pilar]))
@click.option("--klasifikasi", type=click.Choice([k.value for k in Klasifikasi]))
@click.option("--frekuensi", type=click.Choice([f.value for f in Frekuensi]))
@click.option(
    "--cara-pengumpulan", "cara_pengumpulan", type=click.Choice([c.value for c in CaraPengumpulan])
)
@click.option("--topik", multiple=True, help="Topik (boleh berulang).")
@click.option("--sumber", help="Asal angka (dokumen, sistem, survei).")
@click.option(
    "--kolom",
    "kolom",
    multiple=True,
    metavar="NAMA:TIPE[:PERAN[:SATUAN]]",
    help="Kolom CSV, berurutan (boleh berulang), mis. tahun:tahun:periode.",
)
@click.option("--daftar-data", "daftar_data", help="Kode entri Daftar Data yang dipenuhi.")
@click.option("--ya", is_flag=True, help="Jangan bertanya; pakai nilai bawaan untuk yang kosong.")
def baru_command(
    dataset: str,
    repo_root: Path,
    ya: bool,
    kolom: tuple[str, ...],
    topik: tuple[str, ...],
    **values,
) -> int:
    """Buat metadata (dengan penjelasan setiap isian) dan CSV kosong untuk dataset baru."""
    import re

    if not re.match(DATASET_ID_PATTERN, dataset):
        raise click.BadParameter(
            "tulis sebagai opd/nama-dataset (huruf kecil, tanda hubung)", param_hint="DATASET"
        )
    repo = Repository.load(repo_root)
    opd = dataset.split("/")[0]
    if repo.organisasi and opd not in repo.organisasi.by_slug():
        raise click.BadParameter(
            f"OPD '{opd}' tidak ada di metadata/organisasi.yaml", param_hint="DATASET"
        )
    interactive = not ya and _is_terminal()
    answers = _answers(repo, opd, values, list(topik), interactive)
    columns = list(kolom) or (_ask_columns() if interactive else list(DEFAULT_COLUMNS))
    try:
        specs = [kolom_from_spec(spec) for spec in columns]
        _check_types(specs)
        meta_path, csv_path = scaffold(repo.root, dataset, answers, specs)
    except ScaffoldError as exc:
        click.echo(f"Galat: {exc}", err=True)
        return 1
    click.echo(
        f"dibuat: {meta_path.relative_to(repo.root)}\ndibuat: {csv_path.relative_to(repo.root)}"
    )
    print_next_steps(
        repo_root, dataset, "Metadata sah. Isi CSV dengan data lalu jalankan `satudata validate`."
    )
    return 0


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _answers(repo: Repository, opd: str, values: dict, topik: list[str], interactive: bool) -> dict:
    asked = (
        "judul",
        "deskripsi",
        "pilar",
        "klasifikasi",
        "frekuensi",
        "cara_pengumpulan",
        "sumber",
    )
    answers = {}
    for name in asked:
        default = str(NEW_DATASET_DEFAULTS[name])
        value = values.get(name)
        if value is None and interactive:
            choice = _CHOICES.get(name)
            value = click.prompt(
                name.replace("_", " ").capitalize(),
                default=default,
                type=click.Choice([c.value for c in choice]) if choice else str,
            )
        answers[name] = value if value is not None else default
    answers["topik"] = topik or (
        [click.prompt("Topik", default=DEFAULT_TOPIC)] if interactive else [DEFAULT_TOPIC]
    )
    answers["kata_kunci"] = []
    answers["cakupan_wilayah"] = region_name(repo.portal)
    opds = repo.organisasi.by_slug() if repo.organisasi else {}
    if opd in opds and opds[opd].kontak:
        answers["kontak"] = opds[opd].kontak
    answers["daftar_data"] = values.get("daftar_data") or _pick_daftar(repo, opd, interactive)
    answers["jadwal_rilis"] = default_release(answers["frekuensi"])
    return {k: v for k, v in answers.items() if v is not None}


def _pick_daftar(repo: Repository, opd: str, interactive: bool) -> str | None:
    fulfilled = repo.fulfilment()
    open_entries = [
        e
        for e in (repo.daftar_data.entri if repo.daftar_data else [])
        if e.produsen == opd and e.kode not in fulfilled
    ]
    if not open_entries or not interactive:
        return None
    for entry in open_entries:
        click.echo(f"  {entry.kode}: {entry.judul}")
    code = click.prompt(
        "Kode Daftar Data yang dipenuhi (kosongkan bila tidak ada)", default="", show_default=False
    )
    return code or None


def _ask_columns() -> list[str]:
    click.echo(
        "Kolom CSV, satu per baris sebagai nama:tipe:peran[:satuan] "
        f"(tipe: {', '.join(t.value for t in Tipe)}; peran: periode, dimensi, ukuran, "
        "atribut). Kosongkan untuk selesai."
    )
    columns: list[str] = []
    while True:
        spec = click.prompt("Kolom", default="", show_default=False)
        if not spec:
            return columns or list(DEFAULT_COLUMNS)
        columns.append(spec)


def _check_types(specs: list[dict]) -> None:
    valid = {t.value for t in Tipe}
    for spec in specs:
        if spec["tipe"] not in valid:
            raise ScaffoldError(f"tipe '{spec['tipe']}' tidak dikenal; pilih {', '.join(valid)}")
