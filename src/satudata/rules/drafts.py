"""Texts that `satudata impor` writes where only a person knows the answer. A metadata field
still holding one of them is a finding (`metadata-belum-diisi`) until someone replaces it."""

from __future__ import annotations

DRAFT_TEXTS = {
    "judul": "Judul dataset",
    "deskripsi": "Isi dataset untuk publik.",
    "sumber": "Dokumen sumber",
}
DRAFT_FIELDS = ("judul", "deskripsi", "sumber", "cakupan_wilayah", "kontak", "catatan")


def is_draft_text(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() in {
        text.lower() for text in DRAFT_TEXTS.values()
    }
