"""metadata: id/path agreement, column dictionary, Standar Data fields, licences.

Schema conformance itself (types, vocabularies, required fields) is found while loading, with
YAML line numbers; see `satudata.model.errors`.
"""

from __future__ import annotations

from collections.abc import Iterator

from satudata.checks import DatasetContext, dataset_check, repository_check
from satudata.findings import Finding
from satudata.load.repository import LOAD_CODES, Repository
from satudata.model import STANDAR_DATA
from satudata.model.governance import known_licences

# The finding codes this family's checks emit (besides CONTEXT_CODES, open to every check).
CODES = (
    "id-tidak-sesuai-jalur",
    "kolom-metadata-ganda",
    "kolom-rujukan-tidak-dikenal",
    "kunci-tidak-dikenal",
    "lisensi-tidak-dikenal",
    "metadata-belum-diisi",
    "produsen-tidak-sesuai-jalur",
    "standar-data-tidak-lengkap",
    "tabel-referensi-tidak-ada",
    *LOAD_CODES,
)


@repository_check
def load_problems(repo: Repository) -> Iterator[Finding]:
    """YAML syntax and schema errors found while loading."""
    yield from repo.problems


@dataset_check
def identity(ctx: DatasetContext) -> Iterator[Finding]:
    meta = ctx.meta
    if meta is None:
        return
    if meta.id != ctx.entry.id:
        yield ctx.meta_finding(
            "id-tidak-sesuai-jalur", ("id",), "id", nilai=meta.id, harapan=ctx.entry.id
        )
    if meta.produsen != ctx.entry.opd:
        yield ctx.meta_finding(
            "produsen-tidak-sesuai-jalur",
            ("produsen",),
            "produsen",
            nilai=meta.produsen,
            harapan=ctx.entry.opd,
        )


@dataset_check
def column_dictionary(ctx: DatasetContext) -> Iterator[Finding]:
    meta = ctx.meta
    if meta is None:
        return
    seen: set[str] = set()
    for index, kolom in enumerate(meta.kolom):
        if kolom.nama in seen:
            yield ctx.meta_finding(
                "kolom-metadata-ganda",
                ("kolom", index, "nama"),
                f"kolom[{index}].nama",
                kolom=kolom.nama,
            )
        seen.add(kolom.nama)
    for index, name in enumerate(meta.kunci):
        if name not in seen:
            yield ctx.meta_finding(
                "kunci-tidak-dikenal", ("kunci", index), f"kunci[{index}]", kolom=name
            )
    if meta.grafik is not None:
        for field in ("ukuran", "rincian"):
            name = getattr(meta.grafik, field)
            if name is not None and name not in seen:
                yield ctx.meta_finding(
                    "kolom-rujukan-tidak-dikenal",
                    ("grafik", field),
                    f"grafik.{field}",
                    isian=f"grafik.{field}",
                    kolom=name,
                )
    for index, kolom in enumerate(meta.kolom):
        for part, name in enumerate(kolom.jumlah_dari or []):
            if name not in seen:
                where = f"kolom[{index}].jumlah_dari[{part}]"
                yield ctx.meta_finding(
                    "kolom-rujukan-tidak-dikenal",
                    ("kolom", index, "jumlah_dari", part),
                    where,
                    isian=where,
                    kolom=name,
                )


@dataset_check
def standar_data(ctx: DatasetContext) -> Iterator[Finding]:
    """Every measure carries konsep, definisi, klasifikasi, ukuran and satuan."""
    meta = ctx.meta
    if meta is None:
        return
    for index, kolom in enumerate(meta.kolom):
        if kolom.peran.value != "ukuran":
            continue
        missing = [name for name in STANDAR_DATA if getattr(kolom, name) is None]
        if missing:
            yield ctx.meta_finding(
                "standar-data-tidak-lengkap",
                ("kolom", index),
                f"kolom[{index}]",
                kolom=kolom.nama,
                kurang=", ".join(missing),
            )


@dataset_check
def reference_tables_exist(ctx: DatasetContext) -> Iterator[Finding]:
    meta = ctx.meta
    if meta is None:
        return
    available = ctx.repo.reference_names
    for index, kolom in enumerate(meta.kolom):
        if kolom.referensi is not None and kolom.referensi.tabel not in available:
            yield ctx.meta_finding(
                "tabel-referensi-tidak-ada",
                ("kolom", index, "referensi", "tabel"),
                f"kolom[{index}].referensi.tabel",
                kolom=kolom.nama,
                tabel=kolom.referensi.tabel,
                tersedia=", ".join(available) or "-",
            )


@dataset_check
def licence(ctx: DatasetContext) -> Iterator[Finding]:
    """Only the model's open licences (`Lisensi`) or those the portal declares."""
    meta, portal = ctx.meta, ctx.repo.portal
    if meta is None or meta.lisensi is None:
        return
    allowed = portal.allows_licence(meta.lisensi) if portal else meta.lisensi in known_licences([])
    if not allowed:
        yield ctx.meta_finding("lisensi-tidak-dikenal", ("lisensi",), "lisensi", nilai=meta.lisensi)


@dataset_check
def draft_texts(ctx: DatasetContext) -> Iterator[Finding]:
    """Fields still holding the text `satudata impor` drafted for a person to replace."""
    from satudata.rules.drafts import DRAFT_FIELDS, is_draft_text

    meta = ctx.meta
    if meta is None:
        return
    for name in DRAFT_FIELDS:
        value = getattr(meta, name, None)
        if is_draft_text(value):
            yield ctx.meta_finding("metadata-belum-diisi", (name,), name, isian=name, nilai=value)
