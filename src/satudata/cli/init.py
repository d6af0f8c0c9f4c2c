"""`satudata init`: a new region's Satu Data repository from the national code table."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import HelpText, argument, command, option, print_error
from satudata.onboarding.init import InitError, RegionSettings, create_repository
from satudata.reference import Region, find_regions, national_regions
from satudata.util.language import localized


@command(
    "init",
    english="Create a complete Satu Data repository for one province or regency/city.",
)
@argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@option(
    "--kode",
    metavar=HelpText("KODE", "CODE"),
    help=HelpText(
        "Kode wilayah Kemendagri provinsi atau kabupaten/kota, mis. 64.71.",
        "Kemendagri region code of the province or regency/city, e.g. 64.71.",
    ),
)
@option(
    "--nama",
    metavar=HelpText("NAMA", "NAME"),
    help=HelpText(
        'Nama wilayah, mis. "Kota Balikpapan" (bila kode tidak diketahui).',
        'Region name, e.g. "Kota Balikpapan" (when the code is not known).',
    ),
)
@option(
    "--url-situs",
    metavar="URL",
    help=HelpText(
        "Alamat publik katalog, mis. https://satudata.example.go.id.",
        "Public address of the catalog, e.g. https://satudata.example.go.id.",
    ),
)
@option(
    "--forge-url",
    metavar="URL",
    help=HelpText(
        "Alamat repositori di GitHub/GitLab.", "Address of the repository on GitHub/GitLab."
    ),
)
@option(
    "--mesin",
    metavar=HelpText("PAKET", "PACKAGE"),
    help=HelpText(
        "Paket mesin satudata untuk requirements.txt (bawaan: versi ini).",
        "The satudata engine package for requirements.txt (default: this version).",
    ),
)
@option(
    "--timpa",
    is_flag=True,
    help=HelpText(
        "Boleh menulis ke folder yang tidak kosong.", "May write into a folder that is not empty."
    ),
)
def init_command(
    folder: Path,
    kode: str | None,
    nama: str | None,
    url_situs: str | None,
    forge_url: str | None,
    mesin: str | None,
    timpa: bool,
) -> int:
    """Buat repositori Satu Data lengkap untuk satu provinsi atau kabupaten/kota."""
    region = _region(kode, nama)
    if region is None:
        return 2
    settings = RegionSettings(region, url_situs, forge_url, mesin)
    try:
        written = create_repository(folder, settings, overwrite=timpa)
    except InitError as exc:
        print_error(exc)
        return 2
    readme = folder / "README.md"
    click.echo(
        localized(
            f"Repositori Satu Data {region.nama} ({region.kode}) dibuat di {folder}: ",
            f"Satu Data repository of {region.nama} ({region.kode}) created in {folder}: ",
        )
    )
    click.echo(
        localized(
            f"{len(written)} berkas. Langkah berikutnya ada di {readme}.",
            f"{len(written)} files. The next steps are in {readme}.",
        )
    )
    return 0


def _region(kode: str | None, nama: str | None) -> Region | None:
    if bool(kode) == bool(nama):
        print_error(
            localized("sebutkan salah satu, --kode atau --nama.", "give one of --kode or --nama.")
        )
        return None
    if kode:
        region = national_regions().get(kode.strip())
        if region is None or region.tingkat not in ("provinsi", "kabupaten_kota"):
            print_error(
                localized(
                    f"kode {kode} bukan kode provinsi atau kabupaten/kota Kemendagri "
                    "(contoh: 64 untuk Kalimantan Timur, 64.71 untuk Kota Balikpapan).",
                    f"code {kode} is not a Kemendagri province or regency/city code "
                    "(examples: 64 for Kalimantan Timur, 64.71 for Kota Balikpapan).",
                )
            )
            return None
        return region
    found = find_regions(nama or "")
    if len(found) == 1:
        return found[0]
    if not found:
        print_error(
            localized(
                f'tidak ada provinsi atau kabupaten/kota bernama "{nama}".',
                f'no province or regency/city is named "{nama}".',
            )
        )
    else:
        print_error(
            localized(
                f'"{nama}" cocok dengan beberapa wilayah; pilih dengan --kode:',
                f'"{nama}" matches several regions; choose one with --kode:',
            )
        )
        for r in found[:30]:
            click.echo(f"  {r.kode}  {r.nama}", err=True)
    return None
