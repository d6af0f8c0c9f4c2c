"""`satudata verifikasi`: a built site's files match the repository at the commit it claims."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from satudata.audit.git import read_blobs
from satudata.catalog.build import MARKER
from satudata.load import paths


def verify(root: Path, site: Path) -> tuple[str | None, list[str]]:
    """(commit the site claims, problems in Bahasa Indonesia); no problems means verified."""
    marker_path = site / MARKER
    if not marker_path.exists():
        return None, [f"{MARKER} tidak ada: {site} bukan hasil `satudata build`"]
    marker = json.loads(marker_path.read_text(encoding="utf-8"))
    commit = marker.get("commit")
    if not commit:
        return None, ["hasil bangun tidak mencatat commit (dibangun di luar git)"]
    problems = _data_files(root, site, commit, marker.get("dataset", []))
    problems += _packages(site)
    return commit, problems


def _data_files(root: Path, site: Path, commit: str, datasets: list[str]) -> list[str]:
    """Published CSVs (current and past versions) equal the blobs in git."""
    expected: dict[str, str] = {}
    for dataset_id in datasets:
        slug = dataset_id.split("/", 1)[1]
        data = paths.data_file(dataset_id)
        expected[f"unduh/{dataset_id}/{slug}.csv"] = f"{commit}:{data}"
        for past in sorted((site / "unduh" / dataset_id / "versi").glob("*.csv")):
            sha = past.stem.split("-", 1)[1]
            expected[past.relative_to(site).as_posix()] = f"{sha}:{data}"
    blobs = read_blobs(root, list(expected.values()))
    problems = []
    for relative, name in expected.items():
        published = site / relative
        if name not in blobs:
            problems.append(f"{relative}: {name} tidak ada di repositori")
        elif not published.exists():
            problems.append(f"{relative}: berkas hilang dari situs")
        elif published.read_bytes() != blobs[name]:
            problems.append(f"{relative}: isi berbeda dari {name}")
    return problems


def _packages(site: Path) -> list[str]:
    """Every resource listed in a datapackage.json has the bytes and sha256 it claims."""
    problems = []
    for package in sorted(site.rglob("datapackage.json")):
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        for resource in descriptor.get("resources", []):
            path = package.parent / resource["path"]
            relative = path.relative_to(site).as_posix() if path.is_relative_to(site) else path
            if not path.exists():
                problems.append(f"{relative}: berkas hilang (disebut di {package.name})")
                continue
            data = path.read_bytes()
            digest = "sha256:" + hashlib.sha256(data).hexdigest()
            if resource.get("hash") and resource["hash"] != digest:
                problems.append(f"{relative}: sha256 tidak sama dengan {package.relative_to(site)}")
            elif resource.get("bytes") is not None and resource["bytes"] != len(data):
                problems.append(f"{relative}: ukuran tidak sama dengan {package.relative_to(site)}")
    return problems
