"""`metadata/penarikan.yaml`: past versions of datasets that the Walidata withdraws from the site.

The site never publishes a past version that fails the privacy checks; this file is for the
other reasons (a wrong number, a court order, ...), written down so that a withdrawal is
reviewed like any other change.
"""

import datetime as dt

from pydantic import Field, field_validator

from satudata.model.base import DatasetId, Model, Text

COMMIT_PREFIX_PATTERN = r"^[0-9a-f]{7,40}$"


class EntriPenarikan(Model):
    """Satu versi lama dataset yang ditarik dari situs katalog."""

    dataset: DatasetId
    """id dataset, mis. dinkes/puskesmas."""
    versi: str = Field(pattern=COMMIT_PREFIX_PATTERN)
    """Commit versi yang ditarik: sha lengkap atau awalannya (minimal 7 karakter, huruf kecil),
    seperti di kolom Commit pada Riwayat perubahan atau `satudata riwayat`."""
    alasan: Text
    """Alasan penarikan; tampil di halaman dataset."""
    tanggal: dt.date | None = None
    """Tanggal keputusan penarikan."""

    @field_validator("versi", mode="before")
    @classmethod
    def _versi_is_text(cls, value: object) -> object:
        # YAML reads an all-digit sha such as 0123456 as a number (and drops its leading 0).
        if isinstance(value, int | float):
            raise ValueError(
                'tulis sha commit di antara tanda kutip, mis. versi: "0123456"; tanpa kutip '
                "YAML membacanya sebagai angka"
            )
        return value


class Penarikan(Model):
    """`metadata/penarikan.yaml`: versi lama dataset yang ditarik Walidata dari situs."""

    penarikan: list[EntriPenarikan] = Field(default_factory=list)
    """Versi yang ditarik; CSV-nya tidak diterbitkan, halaman dataset menyebut alasannya."""
