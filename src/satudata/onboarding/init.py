"""`satudata init`: a complete, valid Satu Data repository for any province or kabupaten/kota,
from the national Kemendagri table shipped with the engine.

Only what the table says is written as fact (name, code, kecamatan and kelurahan/desa); what
only the region can know (its catalog's address, its forge, its review teams) is written as a
placeholder on the reserved `.invalid` domain, which validation reports until it is filled.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import jinja2

from satudata.catalog.feeds.common import default_themes_text
from satudata.load import paths
from satudata.model.schema import write_schemas
from satudata.reference import COLUMNS, Region, region_tree
from satudata.util.fs import write_atomic
from satudata.util.language import localized

TEMPLATE = Path(__file__).parent / "repository"
PLACEHOLDER_DOMAIN = "invalid"  # RFC 2606: never a real address
PLACEHOLDER_ORG = "org-belum-diisi"
# Reference tables every region uses, copied from the engine's defaults.
COMMON_TABLES = ("jenis-kelamin", "jenjang-pendidikan", "kelompok-umur")
# Files copied as they are; dot-files are stored without their dot so that packaging keeps them.
COPIED = {
    "github": ".github",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "gitignore": ".gitignore",
    "site-README.md": "site/README.md",
    "masukan-README.md": "masukan/README.md",
}


class InitError(Exception):
    """Why no repository was written (in Bahasa Indonesia)."""


@dataclass(frozen=True)
class RegionSettings:
    region: Region
    url_situs: str | None = None
    forge_url: str | None = None
    engine: str | None = None

    @property
    def government(self) -> str:
        return f"Pemerintah {self._full_name}"

    @property
    def _full_name(self) -> str:
        r = self.region
        return f"Provinsi {r.nama}" if r.tingkat == "provinsi" else r.nama

    @property
    def short_government(self) -> str:
        r = self.region
        if r.tingkat == "provinsi":
            return f"Pemprov {r.nama}"
        kind, _, rest = r.nama.partition(" ")
        return f"{'Pemkot' if kind == 'Kota' else 'Pemkab'} {rest}"

    @property
    def organisation(self) -> str:
        """The forge organisation: from the forge URL, else a placeholder."""
        if self.forge_url:
            parts = self.forge_url.rstrip("/").split("/")
            if len(parts) >= 5:
                return parts[3]
        return PLACEHOLDER_ORG

    @property
    def slug(self) -> str:
        return "-".join(self._full_name.lower().replace(".", "").split())


def create_repository(
    folder: Path, settings: RegionSettings, overwrite: bool = False
) -> list[Path]:
    """Write the repository into `folder`; returns the files written."""
    if folder.exists() and any(folder.iterdir()) and not overwrite:
        raise InitError(
            localized(
                f"Folder {folder} tidak kosong. Pilih folder baru, atau tambahkan --timpa bila "
                "isinya memang boleh ditimpa.",
                f"Folder {folder} is not empty. Choose a new folder, or add --timpa if its "
                "content may be overwritten.",
            )
        )
    written: list[Path] = []
    for name, target in COPIED.items():
        written += _copy(TEMPLATE / name, folder / target)
    for relative, text in _rendered_files(settings).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
        written.append(path)
    written += _reference_tables(folder / paths.REFERENCE_DIR, settings.region)
    (folder / paths.DATA_DIR).mkdir(exist_ok=True)
    written += [folder / paths.DATA_DIR / ".gitkeep"]
    write_atomic(folder / paths.DATA_DIR / ".gitkeep", "")
    written += write_schemas(folder / paths.SCHEMA_DIR)
    written.append(_themes(folder / paths.THEMES_FILE))
    written.append(_codeowners(folder))
    return written


def _themes(path: Path) -> Path:
    """The default topik → EU data theme table of the DCAT-AP feed, for the region to adapt."""
    header = "# yaml-language-server: $schema=schema/tema-dcat.json\n"
    write_atomic(path, header + default_themes_text())
    return path


def _copy(source: Path, target: Path) -> list[Path]:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
        return sorted(p for p in target.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return [target]


def _rendered_files(settings: RegionSettings) -> dict[str, str]:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE / "templates")),
        autoescape=False,  # YAML and Markdown, not HTML; values go through the `yaml` filter
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    organisation = settings.organisation
    context = {
        "s": settings,
        "region": settings.region,
        "url_situs": settings.url_situs or f"https://satudata.{settings.slug}.{PLACEHOLDER_DOMAIN}",
        "forge_url": settings.forge_url
        or f"https://github.{PLACEHOLDER_DOMAIN}/{organisation}/satudata",
        "organisation": organisation,
        "placeholder": organisation == PLACEHOLDER_ORG or not settings.url_situs,
        "year": dt.date.today().year,
        "engine": settings.engine or engine_requirement(),
        "counts": _counts(settings.region),
    }
    names = {
        "portal.yaml.j2": paths.PORTAL_FILE,
        "organisasi.yaml.j2": paths.ORGANISATION_FILE,
        "daftar-data.yaml.j2": paths.DAFTAR_DATA_FILE,
        "referensi.yaml.j2": paths.REFERENCE_INDEX_FILE,
        "mkdocs.yml.j2": "mkdocs.yml",
        "requirements.txt.j2": "requirements.txt",
        "pre-commit-config.yaml.j2": ".pre-commit-config.yaml",
        "README.md.j2": "README.md",
    }
    return {target: env.get_template(name).render(**context) for name, target in names.items()}


def _reference_tables(folder: Path, region: Region) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(r.row() for r in region_tree(region.kode))
    write_atomic(folder / "wilayah.csv", buffer.getvalue())
    written = [folder / "wilayah.csv"]
    for name in COMMON_TABLES:
        shutil.copyfile(TEMPLATE / "referensi" / f"{name}.csv", folder / f"{name}.csv")
        written.append(folder / f"{name}.csv")
    return written


def _codeowners(folder: Path) -> Path:
    from satudata.load.repository import Repository
    from satudata.rules.codeowners import FILENAME, render_codeowners

    text = render_codeowners(Repository.load(folder))
    if text is None:  # the files just written are the engine's own: a defect, not bad input
        raise InitError(
            localized(
                "CODEOWNERS tidak dapat disusun dari metadata yang baru ditulis.",
                "CODEOWNERS cannot be written from the metadata just written.",
            )
        )
    write_atomic(folder / FILENAME, text)
    return folder / FILENAME


def _counts(region: Region) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in region_tree(region.kode):
        counts[r.tingkat] = counts.get(r.tingkat, 0) + 1
    return counts


def engine_requirement() -> str:
    """How CI installs the engine: where this one came from if it was a VCS URL (PEP 610),
    else this version by name."""
    try:
        dist = metadata.distribution("satudata")
    except metadata.PackageNotFoundError:
        return "satudata"
    direct = dist.read_text("direct_url.json")
    if direct:
        info = json.loads(direct)
        vcs = info.get("vcs_info")
        if vcs and info.get("url"):
            return f"satudata @ git+{info['url']}@{vcs.get('commit_id', '')}".rstrip("@")
    return f"satudata=={dist.version}"
