"""`satudata init`: a new region's Satu Data repository from the national code table."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.cli.base import command
from satudata.onboarding.init import InitError, RegionSettings, create_repository
from satudata.reference import Region, find_regions, national_regions


@command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--kode", help="Kode wilayah Kemendagri provinsi atau kabupaten/kota, mis. 64.71.")
@click.option("--nama", help='Nama wilayah, mis. "Kota Balikpapan" (bila kode tidak diketahui).')
@click.option("--url-situs", help="Alamat publik katalog, mis. https://satudata.example.go.id.")
@click.option("--forge-url", help="Alamat repositori di GitHub/GitLab.")
@click.option("--mesin", help="Paket mesin satudata untuk requirements.txt (bawaan: versi ini).")
@click.option("--timpa", is_flag=True, help="Boleh menulis ke folder yang tidak kosong.")
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
        click.echo(f"Galat: {exc}", err=True)
        return 2
    click.echo(f"Repositori Satu Data {region.nama} ({region.kode}) dibuat di {folder}: ")
    click.echo(f"{len(written)} berkas. Langkah berikutnya ada di {folder / 'README.md'}.")
    return 0


def _region(kode: str | None, nama: str | None) -> Region | None:
    if bool(kode) == bool(nama):
        click.echo("Galat: sebutkan salah satu, --kode atau --nama.", err=True)
        return None
    if kode:
        region = national_regions().get(kode.strip())
        if region is None or region.tingkat not in ("provinsi", "kabupaten_kota"):
            click.echo(
                f"Galat: kode {kode} bukan kode provinsi atau kabupaten/kota Kemendagri "
                "(contoh: 64 untuk Kalimantan Timur, 64.71 untuk Kota Balikpapan).",
                err=True,
            )
            return None
        return region
    found = find_regions(nama or "")
    if len(found) == 1:
        return found[0]
    if not found:
        click.echo(f'Galat: tidak ada provinsi atau kabupaten/kota bernama "{nama}".', err=True)
    else:
        click.echo(f'Galat: "{nama}" cocok dengan beberapa wilayah; pilih dengan --kode:', err=True)
        for r in found[:30]:
            click.echo(f"  {r.kode}  {r.nama}", err=True)
    return None
