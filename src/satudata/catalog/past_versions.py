"""Which past versions of a published dataset the site may publish, and why the others not.

A past version's CSV is published only when it passes the privacy checks the current version
must pass (`satudata.checks.privasi.csv_findings`) and the Walidata has not withdrawn it in
`metadata/penarikan.yaml`. Versions of a dataset that is not `terbuka` now are never published,
whatever it was then.

Speed: a history of 2,000 datasets × 51 versions has 102,000 past CSVs; reading and checking
each one costs ~1 ms (measured: read_tabel + personal_values on 500 rows, 1.06 ms), ~108 s in
all. The privasi value checks judge every cell on its own (with its column), so a version
fails exactly when one of its rows or its header fails: the distinct rows of all versions
sharing a header are checked together, once, and each blob takes the verdict of its rows.
A blob whose rows cannot be split by line (a quoted cell spanning lines) is checked whole.
Rows the current CSV holds under the same header are not checked again: the site publishes
that CSV whatever the past versions hold, so such a row reveals nothing new (and it passed the
same checks, or the dataset would not be published). With 20 versions differing in a few rows
each, that leaves a few rows a dataset to check instead of all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from satudata.audit.history import Version, versions_matching
from satudata.catalog.views import PublishedDataset, Site
from satudata.checks.privasi import csv_findings
from satudata.findings import REGISTRY, Finding
from satudata.load.repository import DatasetFiles, Repository
from satudata.model import Dataset, Klasifikasi
from satudata.rules.personal_data import mask_personal

_SHOWN_LINES = 5  # row numbers named per finding code in a reason


@dataclass(frozen=True)
class Withdrawn:
    """Why one past version is not published (Bahasa Indonesia, shown on the dataset page and
    printed by the build)."""

    alasan: tuple[str, ...]

    @property
    def teks(self) -> str:
        return "; ".join(self.alasan)


def withdrawn_versions(
    repo: Repository,
    entry: DatasetFiles,
    meta: Dataset,
    history: list[Version],
    contents: dict[str, bytes],
    lines: dict[str, list[bytes]],
    current: bytes | None = None,
) -> dict[str, Withdrawn]:
    """Commit sha → why that version of the dataset is not published; a version not in the
    result may be published. `contents` and `lines` hold the CSV of each data blob (from one
    `git cat-file --batch`) and its lines (split once by the caller); `current`, the CSV the
    site publishes as the dataset's current data."""
    if meta.klasifikasi is not Klasifikasi.TERBUKA:
        closed = Withdrawn((f"dataset kini berklasifikasi {meta.klasifikasi.value}",))
        return {v.commit.sha: closed for v in history}
    reasons: dict[str, list[str]] = {}
    for entri in repo.penarikan.penarikan if repo.penarikan else []:
        if entri.dataset != entry.id:
            continue
        when = f" pada {entri.tanggal.isoformat()}" if entri.tanggal else ""
        for v in versions_matching(history, entri.versi):
            reasons.setdefault(v.commit.sha, []).append(f"ditarik Walidata{when}: {entri.alasan}")
    failing = failing_blobs(repo, entry, contents, lines, _public_rows(current))
    for v in history:
        blob = v.data.blob if v.data else None
        if blob in failing:
            reasons.setdefault(v.commit.sha, []).append(failing[blob])
    return {sha: Withdrawn(tuple(texts)) for sha, texts in reasons.items()}


def failing_blobs(
    repo: Repository,
    entry: DatasetFiles,
    contents: dict[str, bytes],
    lines: dict[str, list[bytes]],
    public: tuple[bytes, set[bytes]] | None = None,
) -> dict[str, str]:
    """Blob id → why its CSV fails the privacy checks; every blob is judged once, and every
    distinct row of blobs sharing a header is checked once, except the rows `public` (a
    header and the rows published under it) holds."""
    groups: dict[bytes, list[str]] = {}
    alone: list[str] = []
    for blob in contents:
        rows = lines[blob]
        (groups.setdefault(rows[0], []) if rows else alone).append(blob)
    failing: dict[str, str] = {}
    for header, group in groups.items():
        known = public[1] if public is not None and public[0] == header else set()
        alone += _check_group(repo, entry, header, group, contents, lines, known, failing)
    for blob in alone:
        _, found = csv_findings(repo, entry, contents[blob])
        reason = _reason([(f.line, f) for f in found])
        if reason:
            failing[blob] = reason
    return failing


def _check_group(
    repo: Repository,
    entry: DatasetFiles,
    header: bytes,
    group: list[str],
    contents: dict[str, bytes],
    lines: dict[str, list[bytes]],
    known: set[bytes],
    failing: dict[str, str],
) -> list[str]:
    """Check the distinct rows of `group` (blobs with this header line) but the `known` ones
    in one table and put the blobs that fail into `failing`; returns the blobs that must be
    checked whole."""
    distinct = set().union(*(lines[blob][1:] for blob in group))
    distinct.discard(b"")  # a blank line holds no data (and would read as a ragged row)
    # A row with an odd number of quotes is part of a cell spanning lines: not line-checkable.
    quoted = any(b'"' in contents[blob] for blob in group)  # one memchr a blob, not a row
    split = {row for row in distinct if row.count(b'"') % 2} if quoted else set()
    whole = [blob for blob in group if not split.isdisjoint(lines[blob])]
    # sorted: the same table, findings and reasons every build
    rows = sorted(distinct - split - known)
    if not rows and known:
        return whole  # the header and every row are published with the current data
    read, found = csv_findings(repo, entry, b"\n".join([header, *rows]) + b"\n")
    if not read or any(f.line is None for f in found):
        return group  # the rows could not be read together: judge each blob by itself
    on_header = [f for f in found if f.line == 1]
    by_row: dict[bytes, list[Finding]] = {}
    for finding in found:
        if finding.line and finding.line > 1:
            by_row.setdefault(rows[finding.line - 2], []).append(finding)
    for blob in group:
        if blob in whole or (not on_header and by_row.keys().isdisjoint(lines[blob])):
            continue
        located: list[tuple[int | None, Finding]] = [(1, f) for f in on_header]
        for number, row in enumerate(lines[blob], 1):
            located += [(number, f) for f in by_row.get(row, ())]
        failing[blob] = _reason(located)
    return whole


def _public_rows(current: bytes | None) -> tuple[bytes, set[bytes]] | None:
    """(header, rows) of the current CSV when each of its lines is a row; None when a quoted
    cell may span lines (a line is then not a row, and nothing counts as published)."""
    if not current or b'"' in current:
        return None
    header, *rows = current.splitlines()
    return header, set(rows)


def _reason(located: list[tuple[int | None, Finding]]) -> str:
    """What the checks found and on which lines of the version (never the value itself)."""
    by_code: dict[str, list[int]] = {}
    for line, finding in located:
        numbers = by_code.setdefault(finding.code, [])
        if line is not None and line not in numbers:
            numbers.append(line)
    private: list[str] = []
    unreadable: list[str] = []
    for code, numbers in sorted(by_code.items()):
        shown = ", ".join(str(n) for n in sorted(numbers)[:_SHOWN_LINES])
        more = ", …" if len(numbers) > _SHOWN_LINES else ""
        where = f" (baris {shown}{more})" if numbers else ""
        spec = REGISTRY[code]
        (private if spec.family == "privasi" else unreadable).append(f"{spec.judul}{where}")
    parts = []
    if private:
        parts.append("memuat data pribadi: " + "; ".join(private))
    if unreadable:
        parts.append("tidak dapat diperiksa: " + "; ".join(unreadable))
    return "; ".join(parts)


def history_rows(situs: Site, t: PublishedDataset) -> list[dict]:
    """One row per version of `t`, newest first: what the dataset page's history table shows
    and its riwayat.json holds (one source, so the two never disagree). A withdrawn version
    keeps no link to its commit or pull request: the forge would show what was withdrawn."""
    forge = situs.portal.forge
    base = str(forge.url).rstrip("/")
    commit_part, pr_part = (
        ("/-/commit/", "/-/merge_requests/") if forge.jenis == "gitlab" else ("/commit/", "/pull/")
    )
    rows = []
    for v in t.versi:
        c = v.commit
        counts = t.baris_versi.get(c.sha)
        withdrawn = t.versi_ditarik.get(c.sha)
        rows.append(
            {
                "tanggal": c.date,
                "jenis": v.jenis,
                "tambah": counts[0] if counts else None,  # None: a metadata-only version
                "hapus": counts[1] if counts else None,
                "pesan": mask_personal(c.subject),  # commit messages are not validated
                "penulis": ", ".join(v.penulis),
                "penyetuju": ", ".join(c.approvers),
                "sha": c.sha[:10],
                "commit_url": None if withdrawn else base + commit_part + c.sha,
                "pr": c.pr,
                "pr_url": f"{base}{pr_part}{c.pr}" if c.pr and not withdrawn else None,
                "unduh": None if withdrawn else t.berkas_versi.get(c.sha),
                "ditarik": withdrawn.teks if withdrawn else None,
            }
        )
    return rows


def history_document(t: PublishedDataset, rows: list[dict]) -> dict:
    """riwayat.json: every version of `t` for readers and tools (the page shows the newest)."""
    return {
        "dataset": t.id,
        "judul": t.meta.judul,
        "versi": [
            {
                **row,
                "tanggal": row["tanggal"].date().isoformat(),
                "unduh": (
                    {"path": row["unduh"].path, "sha256": row["unduh"].sha256}
                    if row["unduh"]
                    else None
                ),
            }
            for row in rows
        ],
    }
