"""Kinerja Data per OPD: Daftar Data delivered against planned, timeliness, cleanliness,
metadata completeness and openness. One function computes it; the CLI and the site render it."""

from __future__ import annotations

from dataclasses import dataclass

from satudata.findings import Report, Severity
from satudata.load.repository import Repository
from satudata.model import STANDAR_DATA, Dataset, Klasifikasi, Peran
from satudata.rules.timeliness import on_time

_MEASURE_FIELDS = (*STANDAR_DATA, "referensi_waktu")


def metadata_completeness(meta: Dataset) -> float:
    """Share of the recommended (beyond required) metadata that is filled in."""
    checks = [
        bool(meta.kata_kunci),
        meta.kontak is not None,
        meta.daftar_data is not None,
        meta.jadwal_rilis.keterangan is not None,
    ]
    for kolom in meta.kolom:
        checks.append(kolom.definisi is not None)
        if kolom.peran is Peran.UKURAN:
            checks += [getattr(kolom, name) is not None for name in _MEASURE_FIELDS]
    return sum(checks) / len(checks)


@dataclass
class _Tally:
    direncanakan: int = 0
    terpenuhi: int = 0
    dataset: int = 0
    berjadwal: int = 0
    tepat_waktu: int = 0
    tanpa_galat: int = 0
    tanpa_peringatan: int = 0
    terbuka: int = 0
    kelengkapan: float = 0.0

    def add(self, other: _Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict:
        def share(part: float, whole: int) -> float | None:
            return round(100 * part / whole, 1) if whole else None

        return {
            "direncanakan": self.direncanakan,
            "terpenuhi": self.terpenuhi,
            "persen_terpenuhi": share(self.terpenuhi, self.direncanakan),
            "dataset": self.dataset,
            "berjadwal": self.berjadwal,
            "tepat_waktu": self.tepat_waktu,
            "persen_tepat_waktu": share(self.tepat_waktu, self.berjadwal),
            "persen_tanpa_galat": share(self.tanpa_galat, self.dataset),
            "persen_tanpa_peringatan": share(self.tanpa_peringatan, self.dataset),
            "persen_kelengkapan_metadata": share(self.kelengkapan, self.dataset),
            "persen_terbuka": share(self.terbuka, self.dataset),
        }


def performance(repo: Repository, report: Report) -> dict:
    severities: dict[str, set[Severity]] = {}
    for finding in report.findings:
        if finding.dataset:
            severities.setdefault(finding.dataset, set()).add(finding.severity)
    fulfilled = repo.fulfilment()
    rows, total = [], _Tally()
    for opd in repo.organisasi.organisasi if repo.organisasi else []:
        tally = _opd_tally(repo, report, opd.slug, severities, fulfilled)
        total.add(tally)
        rows.append(
            {"opd": opd.slug, "nama": opd.nama, "singkatan": opd.singkatan, **tally.to_dict()}
        )
    return {
        "tanggal": report.today.isoformat() if report.today else None,
        "pemerintah": repo.portal.nama if repo.portal else None,
        "ringkasan": total.to_dict(),
        "opd": rows,
    }


def _opd_tally(
    repo: Repository, report: Report, slug: str, severities: dict, fulfilled: dict[str, list[str]]
) -> _Tally:
    tally = _Tally()
    planned = [
        e for e in (repo.daftar_data.entri if repo.daftar_data else []) if e.produsen == slug
    ]
    tally.direncanakan = len(planned)
    tally.terpenuhi = sum(1 for e in planned if e.kode in fulfilled)
    for entry in repo.datasets.values():
        if entry.opd != slug or entry.meta is None:
            continue
        tally.dataset += 1
        found = severities.get(entry.id, set())
        tally.tanpa_galat += Severity.ERROR not in found
        tally.tanpa_peringatan += not ({Severity.ERROR, Severity.WARNING} & found)
        tally.terbuka += entry.meta.klasifikasi is Klasifikasi.TERBUKA
        tally.kelengkapan += metadata_completeness(entry.meta)
        facts = report.facts.get(entry.id)
        kept = on_time(facts.kebaruan.status) if facts and facts.kebaruan else None
        if kept is not None:
            tally.berjadwal += 1
            tally.tepat_waktu += kept
    return tally
