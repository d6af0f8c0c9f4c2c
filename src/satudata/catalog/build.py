"""`satudata build`: load → validate → render → `mkdocs build`, atomically and reproducibly.

A failed build leaves the previous output untouched: everything is written to a staging folder
next to the output and swapped in by rename at the end. Dates come from git, never the clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata as package_metadata
from pathlib import Path

import yaml

from satudata import __version__
from satudata.audit.git import GitInfo, read_blobs, read_git
from satudata.catalog import mkdocs_hooks
from satudata.catalog.downloads import write_downloads, write_file, write_lembar
from satudata.catalog.feeds import bps
from satudata.catalog.feeds.atom import atom_feed
from satudata.catalog.feeds.common import license_url
from satudata.catalog.feeds.datapackage import (
    PackageError,
    catalog_package,
    dataset_package,
    validate_package,
)
from satudata.catalog.feeds.dcat import dcat_catalog
from satudata.catalog.feeds.pod import pod_catalog
from satudata.catalog.names import named_columns
from satudata.catalog.pages import Pages
from satudata.catalog.past_versions import history_document, history_rows, withdrawn_versions
from satudata.catalog.sources import base_config, merge_layer
from satudata.catalog.text import html_text
from satudata.catalog.views import Download, PublishedDataset, Site, build_model
from satudata.checks.runner import validate
from satudata.findings import Report
from satudata.load.repository import Repository
from satudata.util.json_text import indented_json
from satudata.util.language import localized
from satudata.util.parallel import fork_map

MARKER = "satudata-build.json"
DOWNLOADS = "unduh"  # every dataset file under docs/unduh/<opd>/<dataset>/


class BuildError(Exception):
    """The build cannot go on; `report` is set when validation found errors."""

    def __init__(self, message: str, report: Report | None = None):
        super().__init__(message)
        self.report = report


@dataclass
class BuildResult:
    output: Path
    situs: Site
    pages: int
    phases: dict[str, float]  # seconds per phase, for the benchmark


def site_date(git: GitInfo) -> dt.date:
    """The date the site speaks for: HEAD's commit date; outside git, SOURCE_DATE_EPOCH or
    today (the only case where the clock is used)."""
    if git.head is not None:
        return git.head.date.date()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def build(
    root: Path, output: Path, *, timpa: bool = False, jobs: int = 1, strict: bool = True
) -> BuildResult:
    root, output = root.resolve(), output.resolve()
    _check_output(output, timpa)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".satudata-build-", dir=output.parent))
    phases: dict[str, float] = {}
    try:
        situs = render(root, staging, jobs=jobs, phases=phases)
        aside = _set_aside(staging / "docs", staging / "aside")
        with _timed(phases, "mkdocs"):
            _run_mkdocs_parts(situs, staging, strict, jobs)
        _prune(staging / "site")
        for path in aside:
            target = staging / "site" / path.relative_to(staging / "aside")
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
        _write_marker(situs, staging / "site")
        pages = sum(1 for _ in (staging / "docs").rglob("*.md"))
        _swap(staging / "site", output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(output, situs, pages, phases)


# Written for readers and machines, linked from HTML only: MkDocs need not see them, and its
# copy of them (a gigabyte in ~36,000 files at 2,000 datasets × 20 versions) doubled what the
# build wrote. bps/katalog.json stays: a Markdown page links it.
SET_ASIDE = (DOWNLOADS, "bps/*/")


def _set_aside(docs: Path, aside: Path) -> list[Path]:
    """Move what `SET_ASIDE` names from docs to `aside` (renames, no copies); returns the
    moved paths, to be renamed into the site after MkDocs."""
    moved = []
    for pattern in SET_ASIDE:
        for path in sorted(docs.glob(pattern)):
            target = aside / path.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            path.rename(target)
            moved.append(target)
    return moved


@contextlib.contextmanager
def _timed(phases: dict[str, float] | None, name: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        if phases is not None:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - started


def render(
    root: Path,
    staging: Path,
    *,
    jobs: int = 1,
    allow_errors: bool = False,
    phases: dict[str, float] | None = None,
) -> Site:
    """Validate and write every page, download and feed into staging/docs. With
    `allow_errors` (live preview) datasets with errors are left out instead of stopping."""
    with _timed(phases, "muat"):
        repo = Repository.load(root, jobs)
        git = read_git(root)
    if repo.portal is None:
        raise BuildError(
            localized(
                "metadata/portal.yaml tidak ada atau tidak sah; jalankan `satudata validate`.",
                "metadata/portal.yaml is missing or invalid; run `satudata validate`.",
            )
        )
    tanggal = site_date(git)
    with _timed(phases, "validasi"):
        report = validate(repo, jobs=jobs, today=tanggal)
    if not report.ok and not allow_errors:
        raise BuildError(
            localized(
                "Validasi menemukan galat; katalog tidak dibangun.",
                "Validation found errors; the catalog was not built.",
            ),
            report,
        )
    situs = build_model(repo, report, git, tanggal)
    docs = staging / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    when = _when(situs)
    pages = Pages(situs, docs)  # before the workers fork: they inherit it
    with _timed(phases, "dataset"):
        row_counts = _render_datasets(situs, pages, docs, when, jobs)
    with _timed(phases, "halaman"):
        # Independent of each other: side by side in `jobs` processes, the longest first.
        tasks = [
            *_catalog_package_tasks(situs, docs, jobs),
            *_feed_writers(situs, docs, pages.kinerja),
            lambda: pages.site_pages(row_counts),
        ]
        fork_map(lambda i: tasks[i](), range(len(tasks)), jobs, minimum=2)
    return situs


def _downloads(t, situs: Site, docs: Path, when: dt.datetime):
    """Write one dataset's files (CSV, XLSX, JSON, datapackage.json, the OPD workbook):
    (berkas, tambahan, typed rows)."""
    data = write_downloads(t, docs, when, named_columns(situs.repo, t.meta))
    write_lembar(t, situs.repo, docs)
    descriptor = dataset_package(situs, t)
    path = f"unduh/{t.id}/datapackage.json"
    _checked(descriptor, path, schemas=False)  # the catalogue's package checks every schema
    t.berkas["datapackage"] = write_file(docs, path, indented_json(descriptor), "datapackage")
    return t.berkas, t.tambahan, data


def _checked(descriptor: dict, path: str, *, schemas: bool = True) -> None:
    try:
        validate_package(descriptor, path, schemas=schemas)
    except PackageError as exc:
        raise BuildError(str(exc)) from exc


def _check_output(output: Path, timpa: bool) -> None:
    if output.exists() and any(output.iterdir()) and not (output / MARKER).exists() and not timpa:
        raise BuildError(
            localized(
                f"Folder {output} sudah berisi berkas lain dan bukan hasil `satudata "
                "build`; pilih folder lain atau tambahkan --timpa untuk menimpanya.",
                f"Folder {output} already holds other files and was not written by `satudata "
                "build`; choose another folder or add --timpa to overwrite it.",
            )
        )


def _when(situs: Site) -> dt.datetime:
    head = situs.git.head
    if head is not None:
        return head.date.astimezone(dt.UTC)
    return dt.datetime.combine(situs.tanggal, dt.time(), dt.UTC)


@dataclass
class _Written:
    """What a worker wrote for one dataset, for the parent's catalog, feeds and build log."""

    berkas: dict[str, Download]
    tambahan: dict[str, Download]
    berkas_versi: dict[str, Download]
    baris_versi: dict[str, tuple[int, int]]
    versi_ditarik: dict
    jumlah_baris: int
    cakupan: dict[str, list[str]]


def _render_datasets(
    situs: Site, pages: Pages, docs: Path, when: dt.datetime, jobs: int
) -> dict[str, int]:
    """Everything of each dataset, in one pass over it: downloads, past versions (the CSV as of
    each version, from git, the rows each version added and removed, and which versions may
    not be published: `past_versions`; those are never written) and its page, so its rows are
    read once and never sent between processes. Datasets go in chunks, each with one
    `cat-file --batch` (memory stays bounded on long histories), spread over `jobs` processes;
    the output does not depend on `jobs`. Returns the number of rows of each dataset."""
    published = situs.terbitan
    chunks = [
        range(start, min(start + _HISTORY_CHUNK, len(published)))
        for start in range(0, len(published), _HISTORY_CHUNK)
    ]
    # One chunk a task: with a few large tasks one worker was left alone with the last one.
    results = fork_map(
        lambda c: _render_chunk(situs, pages, c, docs, when),
        chunks,
        jobs,
        minimum=2,
        chunks_per_job=len(chunks),
    )
    row_counts = {}
    for chunk, written in zip(chunks, results, strict=True):
        for index, w in zip(chunk, written, strict=True):
            t = published[index]
            t.berkas, t.tambahan = w.berkas, w.tambahan
            t.berkas_versi, t.baris_versi, t.versi_ditarik = (
                w.berkas_versi,
                w.baris_versi,
                w.versi_ditarik,
            )
            row_counts[t.id] = w.jumlah_baris
            pages.add_coverage(t.id, w.cakupan)
    return row_counts


_HISTORY_CHUNK = 25


def _render_chunk(
    situs: Site, pages: Pages, chunk: range, docs: Path, when: dt.datetime
) -> list[_Written]:
    datasets = [situs.terbitan[i] for i in chunk]
    blobs = read_blobs(
        situs.repo.root, [v.data.blob for t in datasets for v in t.versi if v.data and v.data.blob]
    )
    written = []
    for t in datasets:
        t.berkas, t.tambahan, rows = _downloads(t, situs, docs, when)
        t.berkas_versi, t.baris_versi, t.versi_ditarik = _dataset_versions(situs, t, blobs, docs)
        history = history_rows(situs, t)
        if history:
            t.tambahan["riwayat"] = write_file(
                docs,
                f"unduh/{t.id}/riwayat.json",
                indented_json(history_document(t, history)),
                "riwayat",
            )
        cakupan = pages.dataset_page(t, rows, history)
        written.append(
            _Written(
                t.berkas,
                t.tambahan,
                t.berkas_versi,
                t.baris_versi,
                t.versi_ditarik,
                len(rows),
                cakupan,
            )
        )
    return written


def _dataset_versions(
    situs: Site, t: PublishedDataset, blobs: dict[str, bytes], docs: Path
) -> tuple[dict, dict, dict]:
    """(past CSV files, (+rows, -rows) per version, withdrawn versions) of one dataset."""
    contents = {
        v.data.blob: blobs[v.data.blob]
        for v in t.versi
        if v.data and v.data.blob and v.data.blob in blobs
    }
    lines = {blob: content.splitlines() for blob, content in contents.items()}  # once a blob
    current = t.berkas.get("csv")  # the committed CSV, written by write_downloads just before
    published = (docs / current.path).read_bytes() if current else None
    withdrawn = withdrawn_versions(situs.repo, t.entry, t.meta, t.versi, contents, lines, published)
    files: dict[str, Download] = {}
    counts: dict[str, tuple[int, int]] = {}
    written: dict[str, Download] = {}  # versions sharing a blob share one file
    current_blob = _blob_id(published) if published is not None else None
    older: set[bytes] = set()
    for v in reversed(t.versi):  # oldest first
        blob = v.data.blob if v.data else None
        if v.data is not None:
            rows = set(lines[blob][1:]) if blob in lines else set()
            counts[v.commit.sha] = (len(rows - older), len(older - rows))
            older = rows
        if blob is None or blob not in contents or v.commit.sha in withdrawn:
            continue
        if blob not in written:
            name = f"unduh/{t.id}/versi/{v.commit.date:%Y%m%d}-{v.commit.sha[:10]}.csv"
            if current is not None and blob == current_blob:
                written[blob] = _link(docs, current, name)
            else:
                written[blob] = write_file(docs, name, contents[blob], "csv")
        files[v.commit.sha] = written[blob]
    return files, counts, withdrawn


def _blob_id(data: bytes) -> str:
    """The id git gives these bytes as a blob (SHA-1 repositories)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def _link(docs: Path, source: Download, relative: str) -> Download:
    """`source`'s file under a second name, without writing its bytes again: a version that
    is the current CSV keeps its own stable address (a reader cites it) by a hard link, or a
    copy where the file system has none."""
    path = docs / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # written by an earlier render into the same folder
    try:
        os.link(docs / source.path, path)
    except OSError:
        shutil.copyfile(docs / source.path, path)
    return Download(source.jenis, relative, source.sha256, source.bytes, source.mediatype)


def _write_marker(situs: Site, site: Path) -> None:
    """Record what was built from which commit (checked by `satudata verifikasi`)."""
    marker = {
        "commit": situs.git.head.sha if situs.git.head else None,
        "tanggal": situs.tanggal.isoformat(),
        "generator": f"satudata {__version__}",
        "perangkat": tool_versions(),
        "dataset": [t.id for t in situs.terbitan],
    }
    (site / MARKER).write_bytes(indented_json(marker))


def tool_versions() -> dict[str, str]:
    """The versions that decide the bytes of a build (`satudata verifikasi` compares them):
    isal deflates the workbooks."""
    versions = {"satudata": __version__}
    for name in ("mkdocs", "mkdocs-material", "isal"):
        try:
            versions[name] = package_metadata.version(name)
        except package_metadata.PackageNotFoundError:
            versions[name] = "tidak terpasang"
    return versions


def _catalog_package_tasks(situs: Site, docs: Path, parts: int) -> list:
    """Write the catalogue's Data Package, and check it with frictionless in `parts` shares of
    its resources, one task each: checked whole it took ~3.8 s at 2,000 datasets, the longest
    task of its phase, on one core. Its resource names are unique by construction
    (`catalog_package`), the one rule that spans resources."""
    descriptor = catalog_package(situs)
    (docs / "datapackage.json").write_bytes(indented_json(descriptor))
    resources = descriptor["resources"]
    size = max(1, -(-len(resources) // max(1, parts)))
    shares = [resources[i : i + size] for i in range(0, len(resources), size)] or [[]]
    return [
        lambda share=share: _checked({**descriptor, "resources": share}, "datapackage.json")
        for share in shares
    ]


def _feed_writers(situs: Site, docs: Path, kinerja: dict) -> list:
    """One function a feed file (or set of files), each writing into docs."""

    def others() -> None:
        (docs / "data.json").write_bytes(indented_json(pod_catalog(situs)))
        (docs / "feed.xml").write_text(atom_feed(situs), encoding="utf-8")
        for path, content in bps.files(situs).items():
            write_file(docs, path, indented_json(content), "json")
        (docs / "kinerja.json").write_bytes(indented_json(kinerja))  # the numbers the page shows

    return [
        lambda: (docs / "dcat.jsonld").write_bytes(indented_json(dcat_catalog(situs))),
        others,
    ]


# From this many dataset pages on, MkDocs runs in `jobs` processes (below, starting a second
# MkDocs costs more than it saves).
MKDOCS_PARTS_MINIMUM = 300


def _run_mkdocs_parts(situs: Site, staging: Path, strict: bool, jobs: int) -> None:
    """`mkdocs build` into staging/site. MkDocs renders one page after another, which at
    2,000 dataset pages was the longest part of the build left on one core: with `jobs` > 1
    there are as many MkDocs processes over the same docs, each writing its share of the
    dataset pages (part 0 also every other page, the assets, sitemap and 404 page; the hooks
    skip the rest, `mkdocs_hooks.on_files`), and their search indexes are merged in page
    order. Every page is rendered by the same theme from the same nav, so the site is the
    same byte for byte as from one process."""
    parts = max(1, jobs) if len(situs.terbitan) >= MKDOCS_PARTS_MINIMUM else 1
    configs = [_mkdocs_config(situs, staging, part=(k, parts)) for k in range(parts)]
    when = _when(situs)
    fork_map(
        lambda k: _run_mkdocs(configs[k], strict, when),
        range(parts),
        jobs,
        minimum=2,
        chunks_per_job=parts,
    )
    if parts > 1:
        others = [_part_site(staging, k) for k in range(1, parts)]
        _merge_parts(staging / "site", others, situs.base_url)


def _part_site(staging: Path, part: int) -> Path:
    return staging / ("site" if part == 0 else f"site-{part}")


def _merge_parts(site: Path, others: list[Path], base_url: str) -> None:
    """Move the pages the other MkDocs processes wrote into `site` and put their search
    entries among `site`'s in the order one process would have written them: the order of
    the pages (as in sitemap.xml), each page's entries as they come."""
    import xml.etree.ElementTree as ET

    urls = [
        loc.text or ""
        for loc in ET.parse(site / "sitemap.xml").getroot().iter(f"{{{_SITEMAP_NS}}}loc")
    ]
    order = {url.removeprefix(base_url): i for i, url in enumerate(urls)}
    index_path = site / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for other in others:
        index["docs"] += json.loads(
            (other / "search" / "search_index.json").read_text(encoding="utf-8")
        )["docs"]
        for page in sorted((other / "dataset").rglob("*.html")):
            target = site / page.relative_to(other)
            target.parent.mkdir(parents=True, exist_ok=True)
            page.rename(target)
    index["docs"].sort(key=lambda e: order.get(e["location"].split("#")[0], len(order)))
    # The search plugin's own serialisation (material/plugins/search/plugin.py).
    index_path.write_text(json.dumps(index, separators=(",", ":"), default=str), "utf-8")


_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _mkdocs_config(
    situs: Site, staging: Path, extra: dict | None = None, part: tuple[int, int] = (0, 1)
) -> Path:
    """The mkdocs.yml of one build (of part `part[0]` of `part[1]`, `_run_mkdocs_parts`).
    MkDocs and Material print site_name, site_description and nav titles raw into HTML, so
    every value from metadata goes in HTML-escaped (`html_text`); the hooks keep Material from
    escaping it twice."""
    root, portal = situs.repo.root, situs.portal
    base = base_config(root)
    theme = dict(base.get("theme") or {"name": "material"})
    theme["custom_dir"] = str(merge_layer("overrides", root, staging / "overrides"))
    extra = dict(extra or {})
    hooks = [*base.get("hooks", []), str(Path(mkdocs_hooks.__file__).resolve())]
    config = {
        **base,
        "site_name": html_text(portal.nama_portal),
        "site_url": str(portal.url_situs),
        "site_description": html_text(f"Katalog data {portal.nama}"),
        "docs_dir": str(staging / "docs"),
        "site_dir": str(_part_site(staging, part[0])),
        "theme": theme,
        "nav": [
            {"Beranda": "index.md"},
            {"Katalog": "katalog.md"},
            # One page listing the OPDs: 40 of them in the menu of every page were a tenth of
            # each page's bytes and of MkDocs' time.
            {"OPD": "opd/index.md"},
            {"Kinerja Data": "kinerja.md"},
            {"Kode Referensi": "referensi.md"},
            {
                "Panduan": [
                    {"Cara kerja": "panduan/index.md"},
                    {"Panduan Kontributor": "panduan/kontributor.md"},
                    {"Panduan Walidata": "panduan/walidata.md"},
                    {"Arti pesan validasi": "panduan/kode-temuan.md"},
                ]
            },
        ],
        # Dataset pages stay out of the navigation tree: listing 2,000 of them in `nav`
        # multiplies every page's size (DESIGN §5).
        "not_in_nav": "/dataset/\n/referensi/*.md\n/opd/*.md\n",
        "extra": {
            **(base.get("extra") or {}),
            "satudata": _identity(situs),
            **({"satudata_bagian": list(part)} if part[1] > 1 else {}),
        },
        **extra,
        "hooks": [*hooks, *extra.get("hooks", [])],
    }
    path = staging / ("mkdocs.yml" if part[0] == 0 else f"mkdocs-{part[0]}.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _identity(situs: Site) -> dict:
    """What every page's footer says about the portal (site/overrides/partials/copyright.html)."""
    portal = situs.portal
    opds = situs.repo.organisasi.by_slug() if situs.repo.organisasi else {}
    walidata = opds.get(portal.walidata.opd)
    return {
        "pemerintah": portal.nama,
        "walidata": walidata.nama if walidata else portal.walidata.opd,
        "email": portal.kontak or (walidata.kontak if walidata else None),
        "lisensi": str(portal.lisensi_bawaan),  # plain text: the config is dumped as YAML
        "lisensi_url": license_url(str(portal.lisensi_bawaan)),
    }


def _prune(site: Path) -> None:
    """Leave out what the theme ships but no page loads: source maps, and search-language
    files (lunr.<lang>.min.js) for languages the search index does not use."""
    for path in site.rglob("*.map"):
        path.unlink()
    lunr = site / "assets" / "javascripts" / "lunr"
    index = site / "search" / "search_index.json"
    if not lunr.is_dir():
        return
    langs = ["en"]
    if index.exists():
        langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", langs)
    keep = {f"lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if keep:
        keep.add("lunr.stemmer.support.min.js")
    if len(langs) > 1:
        keep.add("lunr.multi.min.js")
    for path in (lunr / "min").glob("*.js"):
        if path.name not in keep:
            path.unlink()
    for name, needed_by in (("tinyseg.js", {"ja"}), ("wordcut.js", {"th", "hi"})):
        if not needed_by & set(langs) and (lunr / name).exists():
            (lunr / name).unlink()
    if not any(lunr.rglob("*.js")):
        shutil.rmtree(lunr)


@contextlib.contextmanager
def _source_date(when: dt.datetime):
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _run_mkdocs(config_file: Path, strict: bool, when: dt.datetime) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with _source_date(when):  # MkDocs dates sitemap.xml from it: reproducible builds
            mkdocs_build(load_config(config_file=str(config_file), strict=strict))
    except (Abort, ConfigurationError) as exc:
        raise BuildError(
            localized(
                f"MkDocs gagal membangun situs: {exc}", f"MkDocs failed to build the site: {exc}"
            )
        ) from exc
    finally:
        logger.setLevel(level)


def _swap(new: Path, output: Path) -> None:
    """Replace `output` by `new` with renames, so readers never see a half-written site."""
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.lama-{os.getpid()}")
        output.rename(old)
    try:
        new.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
