"""`satudata diff BASE [HEAD]`: what a pull request changes, for the reviewer."""

from __future__ import annotations

from pathlib import Path

import click

from satudata.audit.diff import DiffError, diff_revisions
from satudata.cli.base import command, format_option, repo_option
from satudata.report.diff import render_diff_markdown, render_diff_text


@command(
    "diff",
    english="Summary of changes per dataset between BASE and HEAD (default: the working tree).",
)
@click.argument("base")
@click.argument("head", required=False)
@repo_option
@format_option("text", "markdown")
def diff_command(base: str, head: str | None, repo_root: Path, fmt: str) -> int:
    """Ringkasan perubahan per dataset antara BASE dan HEAD (bawaan: direktori kerja)."""
    try:
        review = diff_revisions(repo_root, base, head)
    except DiffError as exc:
        raise click.UsageError(f"git: {exc}") from exc
    render = render_diff_markdown if fmt == "markdown" else render_diff_text
    click.echo(render(review), nl=False)
    return 0 if review.ok else 1
