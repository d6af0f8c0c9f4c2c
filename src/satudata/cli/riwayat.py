"""`satudata riwayat <opd>/<dataset>`: every version with author, pull request and approvers."""

from __future__ import annotations

import json
from pathlib import Path

import click

from satudata.audit.git import read_git
from satudata.audit.history import ShallowClone, versions
from satudata.cli.base import command, format_option, repo_option


@command("riwayat")
@click.argument("dataset")
@repo_option
@click.option(
    "--diff",
    "with_diff",
    is_flag=True,
    help="Sertakan perubahan baris setiap versi (menurut kunci utama).",
)
@format_option("text", "json")
def riwayat_command(dataset: str, repo_root: Path, with_diff: bool, fmt: str) -> int:
    """Riwayat perubahan satu dataset: tanggal, penulis, pull request, penyetuju."""
    root = repo_root.resolve()
    git = read_git(root)
    if not git.available:
        raise click.UsageError(f"{root} bukan repositori git (atau belum ada commit).")
    try:
        found = versions(git, dataset)
    except ShallowClone as exc:
        click.echo(f"Galat: {exc}", err=True)
        return 2
    if not found:
        raise click.UsageError(f"tidak ada riwayat untuk dataset '{dataset}'.")
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
        approvers = f"; disetujui oleh {', '.join(c.approvers)}" if c.approvers else ""
        click.echo(
            f"{c.date.date()} {c.sha[:10]} {v.jenis}{pr} — {', '.join(v.penulis)}"
            f"{approvers}\n    {c.subject}"
        )
        if d is not None:
            click.echo(
                f"    +{d['baris_ditambah']} -{d['baris_dihapus']} "
                f"~{d['baris_diubah']} baris; {len(d['metadata'])} isian metadata"
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
