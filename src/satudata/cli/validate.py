"""`satudata validate`: check data and metadata; exit 0 clean, 1 errors, 2 usage/internal."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from satudata.audit.changes import datasets_for_paths, parse_shard, shard_of
from satudata.audit.git import GitError, changed_files
from satudata.checks.runner import default_jobs, validate
from satudata.cli.base import command, hari_ini_option, repo_option
from satudata.findings import language
from satudata.load.repository import Repository
from satudata.report import RENDERERS, render_markdown


@command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), metavar="[JALUR]...")
@repo_option
@click.option(
    "--changed-since",
    "changed_since",
    metavar="REF",
    help="Hanya dataset yang berubah sejak REF git (mis. origin/main), ditambah "
    "pemeriksaan tingkat repositori.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Bentuk laporan.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    default=None,
    help="Jumlah proses paralel (bawaan: jumlah inti CPU).",
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Bahasa pesan (bawaan: id; juga lewat SATUDATA_LANG).",
)
@click.option(
    "--semua-sel",
    is_flag=True,
    help="Tampilkan setiap sel bermasalah (bawaan: 20 contoh per kolom dan kode).",
)
@click.option(
    "--shard",
    metavar="i/N",
    help="Periksa bagian ke-i dari N (pembagian tetap per dataset), untuk matriks CI; "
    "pemeriksaan tingkat repositori hanya di bagian 1.",
)
@click.option(
    "--markdown",
    "markdown_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis juga laporan Markdown ke berkas ini (komentar PR, ringkasan job).",
)
@hari_ini_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tulis laporan ke berkas ini (selain ke layar untuk format text).",
)
def validate_command(
    paths: tuple[str, ...],
    repo_root: Path,
    changed_since: str | None,
    fmt: str,
    jobs: int | None,
    lang: str | None,
    semua_sel: bool,
    shard: str | None,
    markdown_file: Path | None,
    hari_ini,
    output: Path | None,
) -> int:
    """Periksa data dan metadata terhadap prinsip Satu Data dan standar metadata BPS."""
    lang = language(lang)
    jobs = jobs or default_jobs()
    repo = Repository.load(repo_root, jobs)
    only = _selection(repo, paths, changed_since)
    repository_checks = True
    if shard:
        try:
            index, count = parse_shard(shard)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--shard") from exc
        only = shard_of(repo.datasets if only is None else only, index, count)
        repository_checks = index == 1
    report = _run(repo, only, jobs, None if semua_sel else 20, fmt, hari_ini, repository_checks)
    codes_url = (
        str(repo.portal.url_situs).rstrip("/") + "/panduan/kode-temuan/" if repo.portal else None
    )
    text = (
        render_markdown(report, lang, codes_url=codes_url)
        if fmt == "markdown"
        else RENDERERS[fmt](report, lang)
    )
    if markdown_file is not None:
        from satudata.util.fs import write_atomic

        write_atomic(markdown_file, render_markdown(report, lang, codes_url=codes_url))
    if output is not None:
        from satudata.util.fs import write_atomic

        write_atomic(output, text)
    if output is None or fmt == "text":
        click.echo(text, nl=False)
    return 0 if report.ok else 1


def _selection(repo: Repository, paths: tuple[str, ...], changed_since: str | None):
    selected: set[str] | None = None
    if paths:
        _refuse_missing(repo, paths)
        selected = datasets_for_paths(repo, [str(Path(p).resolve()) for p in paths])
    if changed_since:
        try:
            changed = changed_files(repo.root, changed_since)
        except GitError as exc:
            raise click.UsageError(f"--changed-since {changed_since}: {exc}") from exc
        by_change = datasets_for_paths(repo, changed) if changed else set()
        selected = by_change if selected is None else selected & by_change
    return selected


def _run(
    repo: Repository, only, jobs: int, cell_limit, fmt: str, today, repository_checks: bool = True
):
    total = len(repo.datasets) if only is None else len(only)
    options = {"today": today, "repository_checks": repository_checks}
    if fmt != "text" or total < 200 or not sys.stderr.isatty():
        return validate(repo, only, jobs, cell_limit, **options)
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("Memeriksa dataset", total=total)
        return validate(
            repo, only, jobs, cell_limit, **options, progress=lambda n: progress.advance(task, n)
        )


def _refuse_missing(repo: Repository, paths: tuple[str, ...]) -> None:
    """A path that does not exist is a typo, not "0 datasets checked": say so (exit 2)."""
    for path in paths:
        if Path(path).exists():
            continue
        known = [
            repo.rel(f)
            for e in repo.datasets.values()
            for f in (e.data_path, e.metadata_path)
            if f is not None
        ]
        close = difflib.get_close_matches(_in_repo(repo, path), known, n=3, cutoff=0.6)
        hint = f" Mungkin maksud Anda: {', '.join(close)}." if close else ""
        raise click.UsageError(
            f"Tidak ada dataset yang cocok dengan {path}: berkas atau folder itu tidak ada.{hint}"
        )


def _in_repo(repo: Repository, path: str) -> str:
    target, root = Path(path).resolve(), repo.root.resolve()
    return target.relative_to(root).as_posix() if target.is_relative_to(root) else path
