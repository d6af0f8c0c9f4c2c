"""The one metadata model: every loader, check, schema and export reads these classes."""

from pydantic import BaseModel

from satudata.model.base import (
    COLUMN_NAME_PATTERN,
    DATASET_ID_PATTERN,
    LABEL_PATTERN,
    LICENCE_ID_PATTERN,
    SLUG_PATTERN,
)
from satudata.model.dataset import (
    STANDAR_DATA,
    Dataset,
    Grafik,
    Indikator,
    JadwalRilis,
    Kolom,
    ReferensiKolom,
)
from satudata.model.governance import (
    DaftarData,
    EntriDaftarData,
    Forge,
    Opd,
    Organisasi,
    Pemeriksaan,
    Portal,
    Referensi,
    TabelReferensi,
    TemaDcat,
    Walidata,
)
from satudata.model.vocab import (
    CaraPengumpulan,
    Frekuensi,
    Klasifikasi,
    Lisensi,
    Peran,
    Pilar,
    TemaEu,
    Tipe,
)
from satudata.model.withdrawal import EntriPenarikan, Penarikan

# File kinds: the schema name (metadata/schema/<name>.json) and the model that validates it.
SCHEMAS: dict[str, type[BaseModel]] = {
    "dataset": Dataset,
    "portal": Portal,
    "organisasi": Organisasi,
    "daftar-data": DaftarData,
    "referensi": Referensi,
    "tema-dcat": TemaDcat,
    "penarikan": Penarikan,
}

__all__ = [
    "COLUMN_NAME_PATTERN",
    "DATASET_ID_PATTERN",
    "LABEL_PATTERN",
    "LICENCE_ID_PATTERN",
    "SCHEMAS",
    "SLUG_PATTERN",
    "STANDAR_DATA",
    "CaraPengumpulan",
    "DaftarData",
    "Dataset",
    "EntriDaftarData",
    "EntriPenarikan",
    "Forge",
    "Frekuensi",
    "Grafik",
    "Indikator",
    "JadwalRilis",
    "Klasifikasi",
    "Kolom",
    "Lisensi",
    "Opd",
    "Organisasi",
    "Pemeriksaan",
    "Penarikan",
    "Peran",
    "Pilar",
    "Portal",
    "Referensi",
    "ReferensiKolom",
    "TabelReferensi",
    "TemaDcat",
    "TemaEu",
    "Tipe",
    "Walidata",
]
