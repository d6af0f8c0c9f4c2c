"""`satudata pengingat`: overdue and soon-due datasets per OPD, for the weekly reminder issue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from satudata.checks.runner import default_jobs, validate
from satudata.cli.base import command, format_option, hari_ini_option, repo_option
from satudata.load.repository import Repository
from satudata.rules.timeliness import SEGERA, TERLAMBAT
from satudata.util.language import localized


def reminders(repo: Repository, today: dt.date) -> dict[str, list[dict]]:
    """OPD slug → datasets that are late or due soon, latest deadline first."""
    report = validate(repo, jobs=default_jobs(), today=today)
    per_opd: dict[str, list[dict]] = {}
    for dataset_id, facts in sorted(report.facts.items()):
        kebaruan = facts.kebaruan
        if kebaruan is not None and kebaruan.status in (TERLAMBAT, SEGERA):
            entry = repo.datasets[dataset_id]
            per_opd.setdefault(entry.opd, []).append(
                {
                    "id": dataset_id,
                    "judul": entry.meta.judul if entry.meta else None,
                    **kebaruan.to_dict(),
                }
            )
    return per_opd


def render_markdown(repo: Repository, per_opd: dict[str, list[dict]], today: dt.date) -> str:
    opds = repo.organisasi.by_slug() if repo.organisasi else {}
    title = localized("Pengingat pembaruan data", "Data update reminder")
    lines = [f"## {title} — {today.isoformat()}", ""]
    if not per_opd:
        done = localized(
            "Semua dataset tepat waktu. Terima kasih!", "All datasets are on time. Thank you!"
        )
        return "\n".join([*lines, done, ""])
    lines += [
        localized(
            "Dataset berikut terlambat atau segera jatuh tempo menurut `frekuensi` dan "
            "`jadwal_rilis` metadatanya. Serahkan data periode berikutnya melalui pull request.",
            "The following datasets are late or due soon according to the `frekuensi` and "
            "`jadwal_rilis` of their metadata. Submit the next period's data by pull request.",
        ),
        "",
    ]
    for slug, items in per_opd.items():
        opd = opds.get(slug)
        lines += [
            f"### {opd.nama if opd else slug} {opd.tim if opd else ''}".rstrip(),
            "",
            localized(
                "| Dataset | Periode terakhir | Tenggat | Status |",
                "| Dataset | Latest period | Due date | Status |",
            ),
            "|---|---|---|---|",
        ]
        for item in items:
            days = item["hari"]
            status = (
                localized(f"terlambat {days} hari", f"{days} days late")
                if item["status"] == TERLAMBAT
                else localized(f"{days} hari lagi", f"due in {days} days")
            )
            lines.append(
                f"| `{item['id']}` {item['judul']} | {item['periode_terakhir']} | "
                f"{item['tenggat']} | {status} |"
            )
        lines.append("")
    return "\n".join(lines)


@command(
    "pengingat",
    english="Datasets that are late or due soon, per OPD (for the weekly reminder issue).",
)
@repo_option
@hari_ini_option
@format_option("markdown", "text")
def pengingat_command(repo_root: Path, hari_ini: dt.date | None, fmt: str) -> int:
    """Dataset yang terlambat atau segera jatuh tempo, per OPD (untuk isu pengingat mingguan)."""
    repo = Repository.load(repo_root, default_jobs())
    today = hari_ini or dt.date.today()
    per_opd = reminders(repo, today)
    text = render_markdown(repo, per_opd, today)
    if fmt == "text":
        text = text.replace("`", "").replace("### ", "").replace("## ", "")
    click.echo(text, nl=False)
    return 0
