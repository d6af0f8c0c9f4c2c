"""The one metadata model: every loader, check, schema and export reads these classes."""

from pydantic import BaseModel

from satudata.model.base import COLUMN_NAME_PATTERN, DATASET_ID_PATTERN, SLUG_PATTERN
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
    Peran,
    Pilar,
    TemaEu,
    Tipe,
)

# File kinds: the schema name (metadata/schema/<name>.json) and the model that validates it.
SCHEMAS: dict[str, type[BaseModel]] = {
    "dataset": Dataset,
    "portal": Portal,
    "organisasi": Organisasi,
    "daftar-data": DaftarData,
    "referensi": Referensi,
    "tema-dcat": TemaDcat,
}

__all__ = [
    "COLUMN_NAME_PATTERN",
    "DATASET_ID_PATTERN",
    "SCHEMAS",
    "SLUG_PATTERN",
    "STANDAR_DATA",
    "CaraPengumpulan",
    "DaftarData",
    "Dataset",
    "EntriDaftarData",
    "Forge",
    "Frekuensi",
    "Grafik",
    "Indikator",
    "JadwalRilis",
    "Klasifikasi",
    "Kolom",
    "Opd",
    "Organisasi",
    "Pemeriksaan",
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
