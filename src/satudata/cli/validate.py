"""`satudata validate`: check data and metadata; exit 0 clean, 1 errors, 2 usage/internal."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from satudata.audit.changes import datasets_for_paths, parse_shard, shard_of
from satudata.audit.git import GitError, changed_files
from satudata.checks.runner import default_jobs, validate
from satudata.cli.base import HelpText, argument, command, hari_ini_option, option, repo_option
from satudata.load.repository import Repository
from satudata.report import RENDERERS, render_markdown
from satudata.util.language import language, localized


@command(
    "validate",
    english="Check data and metadata against the Satu Data principles and the BPS metadata "
    "standard.",
)
@argument(
    "paths",
    nargs=-1,
    type=click.Path(path_type=str),
    metavar=HelpText("[JALUR]...", "[PATH]..."),
)
@repo_option
@option(
    "--changed-since",
    "changed_since",
    metavar="REF",
    help=HelpText(
        "Hanya dataset yang berubah sejak REF git (mis. origin/main), ditambah "
        "pemeriksaan tingkat repositori.",
        "Only the datasets changed since git REF (e.g. origin/main), plus the "
        "repository-level checks.",
    ),
)
@option(
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help=HelpText("Bentuk laporan.", "Report format."),
)
@option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    default=None,
    help=HelpText(
        "Jumlah proses paralel (bawaan: jumlah inti CPU).",
        "Number of parallel processes (default: number of CPU cores).",
    ),
)
@option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help=HelpText(
        "Bahasa pesan (bawaan: id; juga lewat SATUDATA_LANG).",
        "Message language (default: id; also via SATUDATA_LANG).",
    ),
)
@option(
    "--semua-sel",
    is_flag=True,
    help=HelpText(
        "Tampilkan setiap sel bermasalah (bawaan: 20 contoh per kolom dan kode).",
        "Show every problem cell (default: 20 examples per column and code).",
    ),
)
@option(
    "--shard",
    metavar="i/N",
    help=HelpText(
        "Periksa bagian ke-i dari N (pembagian tetap per dataset), untuk matriks CI; "
        "pemeriksaan tingkat repositori hanya di bagian 1.",
        "Check part i of N (a fixed split by dataset), for a CI matrix; repository-level "
        "checks only in part 1.",
    ),
)
@option(
    "--markdown",
    "markdown_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=HelpText(
        "Tulis juga laporan Markdown ke berkas ini (komentar PR, ringkasan job).",
        "Also write the Markdown report to this file (PR comment, job summary).",
    ),
)
@hari_ini_option
@option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help=HelpText(
        "Tulis laporan ke berkas ini (selain ke layar untuk format text).",
        "Write the report to this file (as well as to the screen for the text format).",
    ),
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
        task = progress.add_task(localized("Memeriksa dataset", "Checking datasets"), total=total)
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
        hint = localized(" Mungkin maksud Anda: {}.", " Did you mean: {}?").format(", ".join(close))
        raise click.UsageError(
            localized(
                f"Tidak ada dataset yang cocok dengan {path}: berkas atau folder itu tidak ada.",
                f"No dataset matches {path}: that file or folder does not exist.",
            )
            + (hint if close else "")
        )


def _in_repo(repo: Repository, path: str) -> str:
    target, root = Path(path).resolve(), repo.root.resolve()
    return target.relative_to(root).as_posix() if target.is_relative_to(root) else path
