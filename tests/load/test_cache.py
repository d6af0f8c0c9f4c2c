"""The parsed-metadata cache changes speed, never findings: cached and uncached runs agree."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from satudata.checks.runner import validate
from satudata.load.cache import YamlCache
from satudata.load.repository import Repository

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SATUDATA_CACHE_DIR", str(folder))
    monkeypatch.delenv("SATUDATA_CACHE", raising=False)
    return folder


def findings(root, monkeypatch, cached: bool) -> list[dict]:
    monkeypatch.setenv("SATUDATA_CACHE", "1" if cached else "0")
    report = validate(Repository.load(root), today=TODAY)
    return [f.to_dict() for f in report.findings]


def _problem_repository(repo):
    """Datasets with a schema error (with its line), a YAML syntax error, a date value (not
    cacheable as JSON) and a clean one."""
    dataset = repo.read("metadata/dinkes/puskesmas.yaml")
    repo.write("metadata/dinkes/salah-skema.yaml", dataset.replace("id: dinkes/puskesmas", "id: 5"))
    repo.write("metadata/dinkes/salah-sintaks.yaml", dataset + "\nkolom: [\n")
    repo.write("metadata/dinkes/bertanggal.yaml", dataset + "\ncatatan_tanggal: 2024-01-31\n")
    for name in ("salah-skema", "salah-sintaks", "bertanggal"):
        repo.write(f"data/dinkes/{name}.csv", repo.read("data/dinkes/puskesmas.csv"))


def test_cached_and_uncached_runs_report_the_same_findings(repo, cache_dir, monkeypatch):
    _problem_repository(repo)
    uncached = findings(repo.root, monkeypatch, cached=False)
    assert not cache_dir.exists()  # turned off means not written either
    first = findings(repo.root, monkeypatch, cached=True)  # fills the cache
    (cache_file,) = cache_dir.glob("metadata-*.json")
    entries = json.loads(cache_file.read_text())["entries"]
    second = findings(repo.root, monkeypatch, cached=True)  # answered from it
    assert uncached == first == second
    assert {"yaml-tidak-valid", "metadata-tidak-sesuai-skema"} <= {f["code"] for f in uncached}
    # 4 governance files, the clean and the schema-error dataset; not the syntax error and
    # not the file with a date
    assert len(entries) == 4 + 2
    assert all(isinstance(data, dict) for data in entries.values())


def test_a_changed_file_is_parsed_again(repo, cache_dir, monkeypatch):
    before = findings(repo.root, monkeypatch, cached=True)
    assert not any(f["code"] == "lisensi-tidak-dikenal" for f in before)
    repo.replace("metadata/dinkes/puskesmas.yaml", "judul:", "lisensi: Bebas\njudul:")
    after = findings(repo.root, monkeypatch, cached=True)
    assert after == findings(repo.root, monkeypatch, cached=False)
    assert any(f["code"] == "lisensi-tidak-dikenal" and f["line"] for f in after)


def test_a_damaged_cache_is_ignored(repo, cache_dir, monkeypatch):
    expected = findings(repo.root, monkeypatch, cached=False)
    findings(repo.root, monkeypatch, cached=True)
    (cache_file,) = cache_dir.glob("metadata-*.json")
    cache_file.write_text("{ not json")
    assert findings(repo.root, monkeypatch, cached=True) == expected
    json.loads(cache_file.read_text())  # rewritten whole


def test_values_json_would_change_are_not_cached(cache_dir, tmp_path):
    cache = YamlCache(tmp_path)
    cache.put("tanggal", {"a": dt.date(2024, 1, 31)})
    cache.put("kunci-angka", {1: "satu"})
    cache.put("biasa", {"a": [1, 1.5, True, None, "x"]})
    assert list(cache.entries) == ["biasa"]


def test_entries_sent_as_json_text_are_written_and_read_back(cache_dir, tmp_path):
    cache = YamlCache(tmp_path)
    data = {"judul": "Ê 日本", "kolom": [{"nama": "a", "min": 0, "skala": 1.5, "wajib": True}]}
    cache.put("dari-pekerja", data, json_safe=True, json_text=json.dumps(data, ensure_ascii=False))
    cache.put("dari-sini", {"a": None}, json_safe=True)
    cache.put("diperiksa", {"b": [1, "x"]})
    cache.save()
    again = YamlCache(tmp_path)
    assert again.entries == {
        "dari-pekerja": data,
        "dari-sini": {"a": None},
        "diperiksa": {"b": [1, "x"]},
    }
