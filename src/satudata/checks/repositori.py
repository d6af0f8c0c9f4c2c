"""repositori: layout, orphans, duplicate ids, unknown OPDs, Daftar Data links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from satudata.checks import DatasetContext, dataset_check, repository_check
from satudata.findings import Finding
from satudata.load import paths
from satudata.load.repository import LAYOUT_CODES, Repository

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    *LAYOUT_CODES,
    "codeowners-tidak-sinkron",
    "daftar-data-belum-terpenuhi",
    "daftar-data-ganda",
    "daftar-data-kode-ganda",
    "daftar-data-opd-tidak-dikenal",
    "daftar-data-produsen-berbeda",
    "daftar-data-tidak-dikenal",
    "data-tanpa-metadata",
    "id-ganda",
    "metadata-tanpa-data",
    "opd-tidak-dikenal",
    "penarikan-dataset-tidak-dikenal",
    "penarikan-tidak-dapat-diperiksa",
    "penarikan-versi-tidak-dikenal",
    "portal-belum-lengkap",
    "walidata-tidak-dikenal",
)


@repository_check
def stray_files(repo: Repository) -> Iterator[Finding]:
    yield from repo.stray_files


@dataset_check
def orphans(ctx: DatasetContext) -> Iterator[Finding]:
    entry = ctx.entry
    if entry.metadata_path is None:
        yield ctx.data_finding(
            "data-tanpa-metadata", harapan=paths.metadata_file(entry.id), dataset=entry.id
        )
    if entry.data_path is None:
        yield ctx.meta_finding("metadata-tanpa-data", harapan=paths.data_file(entry.id))


@dataset_check
def known_opd(ctx: DatasetContext) -> Iterator[Finding]:
    organisasi = ctx.repo.organisasi
    if organisasi is not None and ctx.entry.opd not in organisasi.by_slug():
        finding = ctx.meta_finding if ctx.entry.metadata_path else ctx.data_finding
        yield finding("opd-tidak-dikenal", opd=ctx.entry.opd)


@repository_check
def duplicate_ids(repo: Repository) -> Iterator[Finding]:
    claimed: dict[str, list[str]] = defaultdict(list)
    for entry in repo.datasets.values():
        if entry.meta is not None and entry.metadata_path is not None:
            claimed[entry.meta.id].append(repo.rel(entry.metadata_path))
    for dataset_id, files in claimed.items():
        for index, file in enumerate(files):
            if len(files) > 1:
                others = ", ".join(f for j, f in enumerate(files) if j != index)
                yield Finding(
                    "id-ganda",
                    dataset=dataset_id,
                    file=file,
                    params={"nilai": dataset_id, "lain": others},
                )


@repository_check
def walidata_known(repo: Repository) -> Iterator[Finding]:
    if repo.portal is None or repo.organisasi is None:
        return
    if repo.portal.walidata.opd not in repo.organisasi.by_slug():
        yield Finding(
            "walidata-tidak-dikenal",
            file=paths.PORTAL_FILE,
            line=_line(repo, paths.PORTAL_FILE, ("walidata", "opd")),
            params={"opd": repo.portal.walidata.opd},
        )


@repository_check
def daftar_data_entries(repo: Repository) -> Iterator[Finding]:
    if repo.daftar_data is None:
        return
    file = paths.DAFTAR_DATA_FILE
    opds = repo.organisasi.by_slug() if repo.organisasi else None
    fulfilled = repo.fulfilment()
    seen: set[str] = set()
    for index, entri in enumerate(repo.daftar_data.entri):

        def line(i=index):  # computing YAML lines is only worth it for a finding
            return _line(repo, file, ("entri", i))

        if entri.kode in seen:
            yield Finding(
                "daftar-data-kode-ganda", file=file, line=line(), params={"kode": entri.kode}
            )
        seen.add(entri.kode)
        if opds is not None and entri.produsen not in opds:
            yield Finding(
                "daftar-data-opd-tidak-dikenal",
                file=file,
                line=line(),
                params={"kode": entri.kode, "opd": entri.produsen},
            )
        if entri.kode not in fulfilled:
            yield Finding(
                "daftar-data-belum-terpenuhi",
                file=file,
                line=line(),
                params={"kode": entri.kode, "judul": entri.judul, "opd": entri.produsen},
            )
    for kode, datasets in fulfilled.items():
        if len(datasets) > 1:
            for dataset_id in datasets:
                path = repo.datasets[dataset_id].metadata_path
                yield Finding(
                    "daftar-data-ganda",
                    dataset=dataset_id,
                    file=repo.rel(path) if path else None,
                    params={"kode": kode, "lain": ", ".join(datasets)},
                )


@dataset_check
def daftar_data_link(ctx: DatasetContext) -> Iterator[Finding]:
    meta, daftar = ctx.meta, ctx.repo.daftar_data
    if meta is None or meta.daftar_data is None or daftar is None:
        return
    entri = ctx.repo.daftar_index.get(meta.daftar_data)
    if entri is None:
        yield ctx.meta_finding(
            "daftar-data-tidak-dikenal", ("daftar_data",), "daftar_data", nilai=meta.daftar_data
        )
    elif entri.produsen != meta.produsen:
        yield ctx.meta_finding(
            "daftar-data-produsen-berbeda",
            ("daftar_data",),
            "daftar_data",
            kode=entri.kode,
            harapan=entri.produsen,
            nilai=meta.produsen,
        )


def _line(repo: Repository, file: str, path: tuple) -> int | None:
    source = repo.sources.get(file)
    return source.line_of(path) if source else None


@repository_check
def codeowners(repo: Repository) -> Iterator[Finding]:
    from satudata.rules.codeowners import FILENAME, codeowners_in_sync

    if codeowners_in_sync(repo) is False:
        exists = (repo.root / FILENAME).exists()
        yield Finding(
            "codeowners-tidak-sinkron",
            file=FILENAME,
            params={
                "keadaan": "berbeda dari hasil organisasi.yaml" if exists else "tidak ada",
                "state": "differs from organisasi.yaml" if exists else "is missing",
            },
        )


# Placeholders `satudata init` writes for what only the region can fill in.
_PLACEHOLDER_MARKS = (".invalid/", ".invalid", "@org-belum-diisi/")


@repository_check
def portal_placeholders(repo: Repository) -> Iterator[Finding]:
    if repo.portal is None:
        return
    fields = {
        ("url_situs",): str(repo.portal.url_situs),
        ("forge", "url"): str(repo.portal.forge.url),
        ("walidata", "tim"): repo.portal.walidata.tim,
    }
    for path, value in fields.items():
        if any(mark in value for mark in _PLACEHOLDER_MARKS):
            yield Finding(
                "portal-belum-lengkap",
                file=paths.PORTAL_FILE,
                line=_line(repo, paths.PORTAL_FILE, path),
                field=".".join(path),
                params={"isian": ".".join(path), "nilai": value},
            )


@repository_check
def withdrawals(repo: Repository) -> Iterator[Finding]:
    """Every entry of metadata/penarikan.yaml names a dataset and one of its versions. The
    findings name the file, not the dataset, so `--changed-since` shows them when only the
    file changed."""
    from satudata.audit.git import read_git
    from satudata.audit.history import versions, versions_matching

    if repo.penarikan is None or not repo.penarikan.penarikan:
        return
    git = read_git(repo.root)  # one `git log` pass, only when there is something to match
    for index, entri in enumerate(repo.penarikan.penarikan):
        params = {"dataset": entri.dataset, "versi": entri.versi}
        if entri.dataset not in repo.datasets:
            line = _line(repo, paths.WITHDRAWALS_FILE, ("penarikan", index, "dataset"))
            yield Finding(
                "penarikan-dataset-tidak-dikenal",
                file=paths.WITHDRAWALS_FILE,
                line=line,
                params=params,
            )
            continue
        line = _line(repo, paths.WITHDRAWALS_FILE, ("penarikan", index, "versi"))
        if not git.available or git.shallow:
            reason = (
                ("riwayat git tidak lengkap (clone dangkal)", "the git history is shallow")
                if git.shallow
                else ("repositori ini bukan repositori git", "this is not a git repository")
            )
            yield Finding(
                "penarikan-tidak-dapat-diperiksa",
                file=paths.WITHDRAWALS_FILE,
                line=line,
                params={**params, "alasan": reason[0], "reason": reason[1]},
            )
            continue
        # A prefix matching several versions withdraws each of them (each is then shown as
        # withdrawn on the page); with 7+ characters that is a one-in-millions coincidence.
        if not versions_matching(versions(git, entri.dataset), entri.versi):
            yield Finding(
                "penarikan-versi-tidak-dikenal",
                file=paths.WITHDRAWALS_FILE,
                line=line,
                params=params,
            )
