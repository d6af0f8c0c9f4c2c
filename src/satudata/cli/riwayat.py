"""`satudata riwayat <opd>/<dataset>`: every version with author, pull request and approvers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from satudata.audit.git import read_git
from satudata.audit.history import ShallowClone, versions
from satudata.cli.base import HelpText, command, format_option, option, print_error, repo_option
from satudata.util.language import localized

# A version's `jenis` (a data word, as in the JSON) as the English text output says it.
_KINDS_IN_ENGLISH = {
    "ditambah": "added",
    "diubah": "changed",
    "dipindah": "moved",
    "dihapus": "deleted",
}


@command(
    "riwayat",
    english="Change history of one dataset: date, author, pull request, approvers.",
)
@click.argument("dataset")
@repo_option
@option(
    "--diff",
    "with_diff",
    is_flag=True,
    help=HelpText(
        "Sertakan perubahan baris setiap versi (menurut kunci utama).",
        "Include the row changes of every version (by primary key).",
    ),
)
@format_option("text", "json")
def riwayat_command(dataset: str, repo_root: Path, with_diff: bool, fmt: str) -> int:
    """Riwayat perubahan satu dataset: tanggal, penulis, pull request, penyetuju."""
    root = repo_root.resolve()
    git = read_git(root)
    if not git.available:
        raise click.UsageError(
            localized(
                f"{root} bukan repositori git (atau belum ada commit).",
                f"{root} is not a git repository (or has no commit yet).",
            )
        )
    try:
        found = versions(git, dataset)
    except ShallowClone as exc:
        print_error(exc)
        return 2
    if not found:
        raise click.UsageError(
            localized(
                f"tidak ada riwayat untuk dataset '{dataset}'.",
                f"no history for dataset '{dataset}'.",
            )
        )
    diffs = [_diff(root, v, dataset) for v in found] if with_diff else [None] * len(found)
    if fmt == "json":
        items = [
            {**v.to_dict(), **({"selisih": d} if d is not None else {})}
            for v, d in zip(found, diffs, strict=False)
        ]
        click.echo(json.dumps({"dataset": dataset, "versi": items}, ensure_ascii=False, indent=2))
        return 0
    for v, d in zip(found, diffs, strict=False):
        c = v.commit
        pr = f" PR #{c.pr}" if c.pr else ""
        approved = localized("disetujui oleh", "approved by")
        approvers = f"; {approved} {', '.join(c.approvers)}" if c.approvers else ""
        click.echo(
            f"{c.date.date()} {c.sha[:10]} {localized(v.jenis, _KINDS_IN_ENGLISH[v.jenis])}{pr} "
            f"— {', '.join(v.penulis)}"
            f"{approvers}\n    {c.subject}"
        )
        if d is not None:
            changes = f"+{d['baris_ditambah']} -{d['baris_dihapus']} ~{d['baris_diubah']}"
            fields = len(d["metadata"])
            click.echo(
                "    "
                + localized(
                    f"{changes} baris; {fields} isian metadata",
                    f"{changes} rows; {fields} metadata fields",
                )
            )
            for path, old, new in d["metadata"][:10]:
                click.echo(f"      {path}: {old} → {new}")
    return 0


def _diff(root: Path, version, dataset: str) -> dict:
    """Row-level changes of one version, by the review-summary diff (`satudata diff`)."""
    from satudata.audit.diff import diff_dataset

    parent = version.commit.parents[0] if version.commit.parents else None
    d = diff_dataset(root, parent, version.commit.sha, dataset)
    return {
        "baris_ditambah": d.added,
        "baris_dihapus": d.removed,
        "baris_diubah": d.changed,
        "contoh_ditambah": d.added_examples,
        "contoh_dihapus": d.removed_examples,
        "contoh_diubah": [{"kunci": c.key, "kolom": c.columns} for c in d.changed_examples],
        "metadata": d.fields,
    }
