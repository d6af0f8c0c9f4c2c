"""`satudata baru <opd>/<dataset>`: scaffold metadata and CSV, interactively or with flags."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from satudata.cli.base import (
    HelpText,
    command,
    dataset_id_advice,
    option,
    print_error,
    print_next_steps,
    repo_option,
)
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
from satudata.util.language import localized

# The metadata fields `baru` asks for, as an English prompt names them (Indonesian: the key).
_FIELDS_IN_ENGLISH = {
    "judul": "Title",
    "deskripsi": "Description",
    "pilar": "Pillar",
    "klasifikasi": "Classification",
    "frekuensi": "Frequency",
    "cara_pengumpulan": "Collection method",
    "sumber": "Source",
}
_CHOICES = {
    "pilar": Pilar,
    "klasifikasi": Klasifikasi,
    "frekuensi": Frekuensi,
    "cara_pengumpulan": CaraPengumpulan,
}


@command(
    "baru",
    english="Create metadata (with an explanation of every field) and an empty CSV for a new "
    "dataset.",
)
@click.argument("dataset")
@repo_option
@option("--judul", help=HelpText("Judul dataset.", "Title of the dataset."))
@option(
    "--deskripsi",
    help=HelpText("Isi dataset, untuk publik.", "What the dataset holds, for the public."),
)
@option("--pilar", type=click.Choice([p.value for p in Pilar]))
@option("--klasifikasi", type=click.Choice([k.value for k in Klasifikasi]))
@option("--frekuensi", type=click.Choice([f.value for f in Frekuensi]))
@option(
    "--cara-pengumpulan", "cara_pengumpulan", type=click.Choice([c.value for c in CaraPengumpulan])
)
@option(
    "--topik",
    multiple=True,
    help=HelpText("Topik (boleh berulang).", "Topic (may be repeated)."),
)
@option(
    "--sumber",
    help=HelpText(
        "Asal angka (dokumen, sistem, survei).",
        "Where the numbers come from (document, system, survey).",
    ),
)
@option(
    "--kolom",
    "kolom",
    multiple=True,
    metavar=HelpText("NAMA:TIPE[:PERAN[:SATUAN]]", "NAME:TYPE[:ROLE[:UNIT]]"),
    help=HelpText(
        "Kolom CSV, berurutan (boleh berulang), mis. tahun:tahun:periode.",
        "CSV columns, in order (may be repeated), e.g. tahun:tahun:periode.",
    ),
)
@option(
    "--daftar-data",
    "daftar_data",
    metavar=HelpText("KODE", "CODE"),
    help=HelpText(
        "Kode entri Daftar Data yang dipenuhi.", "Code of the Data List entry it fulfils."
    ),
)
@option(
    "--ya",
    is_flag=True,
    help=HelpText(
        "Jangan bertanya; pakai nilai bawaan untuk yang kosong.",
        "Do not ask; use the defaults for whatever is not given.",
    ),
)
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
            dataset_id_advice()
            + localized(" (huruf kecil, tanda hubung)", " (lower case, hyphens)"),
            param_hint="DATASET",
        )
    repo = Repository.load(repo_root)
    opd = dataset.split("/")[0]
    if repo.organisasi and opd not in repo.organisasi.by_slug():
        raise click.BadParameter(
            localized(
                f"OPD '{opd}' tidak ada di metadata/organisasi.yaml",
                f"OPD '{opd}' is not in metadata/organisasi.yaml",
            ),
            param_hint="DATASET",
        )
    interactive = not ya and _is_terminal()
    answers = _answers(repo, opd, values, list(topik), interactive)
    columns = list(kolom) or (_ask_columns() if interactive else list(DEFAULT_COLUMNS))
    try:
        specs = [kolom_from_spec(spec) for spec in columns]
        _check_types(specs)
        meta_path, csv_path = scaffold(repo.root, dataset, answers, specs)
    except ScaffoldError as exc:
        print_error(exc)
        return 1
    created = localized("dibuat", "created")
    for path in (meta_path, csv_path):
        click.echo(f"{created}: {path.relative_to(repo.root)}")
    print_next_steps(
        repo_root,
        dataset,
        localized(
            "Metadata sah. Isi CSV dengan data lalu jalankan `satudata validate`.",
            "The metadata are valid. Fill the CSV with data, then run `satudata validate`.",
        ),
    )
    return 0


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _answers(repo: Repository, opd: str, values: dict, topik: list[str], interactive: bool) -> dict:
    answers = {}
    for name, english in _FIELDS_IN_ENGLISH.items():
        default = str(NEW_DATASET_DEFAULTS[name])
        value = values.get(name)
        if value is None and interactive:
            choice = _CHOICES.get(name)
            value = click.prompt(
                localized(name.replace("_", " ").capitalize(), english),
                default=default,
                type=click.Choice([c.value for c in choice]) if choice else str,
            )
        answers[name] = value if value is not None else default
    answers["topik"] = topik or (
        [click.prompt(localized("Topik", "Topic"), default=DEFAULT_TOPIC)]
        if interactive
        else [DEFAULT_TOPIC]
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
        localized(
            "Kode Daftar Data yang dipenuhi (kosongkan bila tidak ada)",
            "Code of the Data List entry it fulfils (leave empty if none)",
        ),
        default="",
        show_default=False,
    )
    return code or None


def _ask_columns() -> list[str]:
    types = ", ".join(t.value for t in Tipe)
    click.echo(
        localized(
            "Kolom CSV, satu per baris sebagai nama:tipe:peran[:satuan] "
            f"(tipe: {types}; peran: periode, dimensi, ukuran, atribut). Kosongkan untuk selesai.",
            "CSV columns, one per line as name:type:role[:unit] "
            f"(type: {types}; role: periode, dimensi, ukuran, atribut). Leave empty to finish.",
        )
    )
    columns: list[str] = []
    while True:
        spec = click.prompt(localized("Kolom", "Column"), default="", show_default=False)
        if not spec:
            return columns or list(DEFAULT_COLUMNS)
        columns.append(spec)


def _check_types(specs: list[dict]) -> None:
    valid = {t.value for t in Tipe}
    for spec in specs:
        if spec["tipe"] not in valid:
            raise ScaffoldError(
                localized(
                    f"tipe '{spec['tipe']}' tidak dikenal; pilih {', '.join(valid)}",
                    f"type '{spec['tipe']}' is unknown; choose {', '.join(valid)}",
                )
            )
