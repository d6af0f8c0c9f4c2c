#!/usr/bin/env python3
"""Benchmark `satudata validate` against `frictionless validate` on a synthetic repository.

Generates a seeded repository (N datasets × R rows with realistic metadata, plus one large
CSV), then measures in one run, each in a fresh process: our full validation, frictionless
validating the same files sequentially, one large file, and `--changed-since` with one changed
dataset. Prints wall time, peak memory (max RSS of the measured process) and ratios.

    python scripts/benchmark.py                     # the targets of the issue: 2000 × 500, 1M rows
    python scripts/benchmark.py --datasets 50 --rows 100 --big-rows 20000   # quick look
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

KECAMATAN = [f"12.71.{i:02d}" for i in range(1, 22)]
OPDS = ["dinkes", "disdikbud", "disnaker", "dishub", "dp3a", "brida", "diskominfo", "disdukcapil"]


def governance(root: Path, datasets: list[str]) -> None:
    meta = root / "metadata"
    (meta / "referensi").mkdir(parents=True, exist_ok=True)
    (meta / "portal.yaml").write_text(
        yaml.safe_dump(
            {
                "nama": "Pemerintah Kota Uji",
                "nama_singkat": "Pemkot Uji",
                "nama_portal": "Satu Data Uji",
                "kode_wilayah": "12.71",
                "walidata": {"opd": "diskominfo", "tim": "@uji/walidata"},
                "pembina_data": "BPS",
                "url_situs": "https://data.uji.go.id",
                "forge": {"url": "https://github.com/uji/satudata"},
            }
        )
    )
    (meta / "organisasi.yaml").write_text(
        yaml.safe_dump(
            {
                "organisasi": [
                    {"slug": o, "nama": f"Dinas {o}", "singkatan": o, "tim": f"@uji/{o}"}
                    for o in OPDS
                ]
            }
        )
    )
    (meta / "daftar-data.yaml").write_text(
        yaml.safe_dump(
            {
                "tahun": 2026,
                "entri": [
                    {
                        "kode": f"DD-{i:05d}",
                        "judul": f"Dataset {i}",
                        "produsen": d.split("/")[0],
                        "pilar": "sektoral",
                        "frekuensi": "tahunan",
                    }
                    for i, d in enumerate(datasets)
                ],
            }
        )
    )
    (meta / "referensi" / "referensi.yaml").write_text(
        yaml.safe_dump(
            {"tabel": [{"nama": "wilayah", "judul": "Wilayah", "sumber": "Kepmendagri"}]}
        )
    )
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from satudata.load.repository import Repository
    from satudata.rules.codeowners import render_codeowners

    (root / "CODEOWNERS").write_text(render_codeowners(Repository.load(root)))
    rows = ["kode,nama,tingkat,kode_induk", "12.71,Kota,kabupaten_kota,12"]
    rows += [f"{k},Kecamatan {k},kecamatan,12.71" for k in KECAMATAN]
    (meta / "referensi" / "wilayah.csv").write_text("\n".join(rows) + "\n")


def dataset_metadata(dataset_id: str, index: int) -> dict:
    measure = {
        "tipe": "bilangan-bulat",
        "peran": "ukuran",
        "konsep": "Jumlah",
        "definisi": "Banyaknya kejadian.",
        "klasifikasi": "Menurut kecamatan",
        "ukuran": "Jumlah",
        "satuan": "unit",
        "min": 0,
    }
    return {
        "id": dataset_id,
        "judul": f"Dataset sintetis {index}",
        "deskripsi": "Data uji.",
        "produsen": dataset_id.split("/")[0],
        "pilar": "sektoral",
        "topik": ["uji"],
        "kata_kunci": ["uji"],
        "klasifikasi": "terbuka",
        "frekuensi": "tahunan",
        "cara_pengumpulan": "kompilasi-produk-administrasi",
        "cakupan_wilayah": "Kota Uji",
        "sumber": "Sintetis",
        "daftar_data": f"DD-{index:05d}",
        "data_contoh": True,
        "kunci": ["tahun", "kode_kecamatan", "kategori"],
        "kolom": [
            {"nama": "tahun", "judul": "Tahun", "tipe": "tahun", "peran": "periode", "wajib": True},
            {
                "nama": "kode_kecamatan",
                "judul": "Kecamatan",
                "tipe": "teks",
                "wajib": True,
                "referensi": {"tabel": "wilayah", "tingkat": "kecamatan"},
            },
            {
                "nama": "kategori",
                "judul": "Kategori",
                "tipe": "teks",
                "wajib": True,
                "pola": "^K[0-9]{4}$",
            },
            {"nama": "jumlah", "judul": "Jumlah", **measure},
            {
                "nama": "persen",
                "judul": "Persen",
                **measure,
                "tipe": "bilangan",
                "maks": 100,
                "satuan": "persen",
            },
        ],
    }


def write_csv(path: Path, rows: int, rng: random.Random) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["tahun,kode_kecamatan,kategori,jumlah,persen"]
    for i in range(rows):
        # Keys (tahun, kecamatan, kategori) stay unique up to 2.1 million rows.
        lines.append(
            f"{2025 - i // (21 * 1000)},{KECAMATAN[i % 21]},"
            f"K{(i // 21) % 1000:04d},{rng.randint(0, 5000)},{rng.uniform(0, 100):.2f}"
        )
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def generate(root: Path, datasets: int, rows: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    ids = [f"{OPDS[i % len(OPDS)]}/dataset-{i:05d}" for i in range(datasets)]
    governance(root, ids)
    for index, dataset_id in enumerate(ids):
        meta_path = root / "metadata" / f"{dataset_id}.yaml"
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta_path.write_text(
            "# yaml-language-server: $schema=../schema/dataset.json\n"
            + yaml.safe_dump(
                dataset_metadata(dataset_id, index), allow_unicode=True, sort_keys=False
            )
        )
        write_csv(root / "data" / f"{dataset_id}.csv", rows, rng)
    return ids


def datapackage(root: Path, ids: list[str]) -> Path:
    """A Data Package over the same files, for `frictionless validate`."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from satudata.model import Dataset
    from satudata.model.tableschema import table_schema

    resources = []
    for dataset_id in ids:
        meta = Dataset.model_validate(
            yaml.safe_load((root / "metadata" / f"{dataset_id}.yaml").read_text())
        )
        resources.append(
            {
                "name": dataset_id.replace("/", "--"),
                "path": f"data/{dataset_id}.csv",
                "schema": table_schema(meta),
            }
        )
    path = root / "datapackage.json"
    path.write_text(json.dumps({"name": "benchmark", "resources": resources}))
    return path


def measure(label: str, command: list[str], cwd: Path) -> dict:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{label} failed (exit {code}): {stderr[-2000:]}")
    return {"label": label, "wall": wall, "peak_mb": usage.ru_maxrss / 1024, "exit": code}


def validation_exit_codes(results: list[dict]) -> str:
    return ", ".join(f"{r['exit']}" for r in results if r["label"].startswith("satudata"))


def git(root: Path, *args: str) -> None:
    subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.invalid",
            *args,
        ],
        check=True,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--big-rows", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-frictionless", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate here and keep it")
    parser.add_argument(
        "--riwayat",
        type=int,
        default=0,
        metavar="COMMITS",
        help="also make COMMITS commits touching every dataset and time the "
        "audit trail over all of them",
    )
    parser.add_argument(
        "--situs",
        action="store_true",
        help="also build the catalog site of the synthetic repository",
    )
    parser.add_argument(
        "--impor",
        type=Path,
        metavar="FOLDER",
        help="only benchmark `satudata impor`: every file in FOLDER (e.g. the development "
        "set), then a generated 10,000-row workbook",
    )
    args = parser.parse_args()
    if args.impor:
        impor_benchmark(args.impor)
        return

    root = args.keep or Path(tempfile.mkdtemp(prefix="satudata-bench-"))
    satudata = [sys.executable, "-m", "satudata"]
    try:
        t0 = time.perf_counter()
        ids = generate(root, args.datasets, args.rows, args.seed)
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "bench")
        print(
            f"generated {len(ids)} datasets × {args.rows} rows in "
            f"{time.perf_counter() - t0:.1f} s at {root}"
        )
        results = [
            measure(
                f"satudata validate ({args.jobs} jobs)",
                [*satudata, "validate", "--format", "json", "--jobs", str(args.jobs)],
                root,
            )
        ]
        if not args.skip_frictionless:
            package = datapackage(root, ids)
            results.append(
                measure(
                    "frictionless validate (sequential)",
                    [shutil.which("frictionless") or "frictionless", "validate", str(package)],
                    root,
                )
            )
        changed = root / "data" / f"{ids[0]}.csv"
        changed.write_text(changed.read_text() + "2025,12.71.01,K9999,1,1.0\n")
        results.append(
            measure(
                "satudata validate --changed-since HEAD (1 changed)",
                [*satudata, "validate", "--format", "json", "--changed-since", "HEAD"],
                root,
            )
        )
        results += big_file(root, args, satudata)
        changed.write_text(changed.read_text().rsplit("\n", 2)[0] + "\n")
        history_report = history(root, ids, args.riwayat) if args.riwayat else ""
        if args.situs:
            site_report = build_site(root)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    report(results, args)
    if args.riwayat:
        print(history_report)
    if args.situs:
        print(site_report)


def history(root: Path, ids: list[str], commits: int) -> str:
    """`commits` commits that each append a row to every dataset, then the audit trail of all
    datasets from one git log pass (target ≤ 10 s for 2,000 × 50)."""
    started = time.perf_counter()
    for n in range(commits):
        for dataset_id in ids:
            with open(root / "data" / f"{dataset_id}.csv", "a", encoding="utf-8") as handle:
                handle.write(f"{2030 + n},12.71.01,K9{n:03d},{n},1.0\n")
        git(root, "commit", "-qam", f"Pembaruan {n} (#{n + 1})\n\nDisetujui-oleh: Walidata")
    made = time.perf_counter() - started
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from satudata.audit.git import read_git
    from satudata.audit.history import versions

    started = time.perf_counter()
    info = read_git(root)
    total = sum(len(versions(info, dataset_id)) for dataset_id in ids)
    elapsed = time.perf_counter() - started
    return (
        f"\naudit trail: {len(ids)} datasets × {commits + 1} versions ({total} versions) "
        f"read in {elapsed:.2f} s (target ≤ 10 s); making the commits took {made:.0f} s"
    )


def build_site(root: Path) -> str:
    """Build the catalog of the synthetic repository in-process and report each phase."""
    project = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(project / "src"))
    from satudata.catalog.build import build
    from satudata.checks.runner import default_jobs

    started = time.perf_counter()
    result = build(root, root / "public", jobs=default_jobs())
    total = time.perf_counter() - started
    site = result.output
    html = [p for p in site.rglob("*.html")]
    pages = [p.stat().st_size for p in site.glob("dataset/*/*/index.html")]
    index = (site / "search" / "search_index.json").stat().st_size
    lines = [
        f"\nsite build: {len(result.situs.terbitan)} datasets, {result.pages} pages, "
        f"{total:.1f} s total (target ≤ 45 s)"
    ]
    lines += [f"  phase {name:10} {seconds:6.1f} s" for name, seconds in result.phases.items()]
    lines.append(
        f"  HTML {sum(p.stat().st_size for p in html) / 1e6:.1f} MB in {len(html)} "
        f"files (target ≤ 80 MB); largest dataset page {max(pages) / 1e3:.1f} KB, "
        f"median {sorted(pages)[len(pages) // 2] / 1e3:.1f} KB (target ≤ 60 KB)"
    )
    lines.append(f"  search index {index / 1e6:.2f} MB (target ≤ 3 MB)")
    return "\n".join(lines)


def big_file(root: Path, args, satudata: list[str]) -> list[dict]:
    big_root = root / "besar"
    governance(big_root, ["dinkes/besar"])
    meta = dataset_metadata("dinkes/besar", 0)
    (big_root / "metadata" / "dinkes").mkdir(parents=True)
    (big_root / "metadata" / "dinkes" / "besar.yaml").write_text(yaml.safe_dump(meta))
    write_csv(big_root / "data" / "dinkes" / "besar.csv", args.big_rows, random.Random(1))
    size = (big_root / "data" / "dinkes" / "besar.csv").stat().st_size / 1e6
    results = [
        measure(
            f"satudata validate, one {args.big_rows:,}-row CSV ({size:.0f} MB)",
            [*satudata, "validate", "--format", "json"],
            big_root,
        )
    ]
    if not args.skip_frictionless:
        package = datapackage(big_root, ["dinkes/besar"])
        results.append(
            measure(
                "frictionless validate, same CSV",
                [shutil.which("frictionless") or "frictionless", "validate", str(package)],
                big_root,
            )
        )
    return results


def report(results: list[dict], args) -> None:
    print(
        f"satudata exit codes (0 = synthetic data validated clean): "
        f"{validation_exit_codes(results)}"
    )
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"{'measurement':62} {'wall s':>8} {'peak MB':>8}")
    for r in results:
        print(f"{r['label']:62} {r['wall']:8.2f} {r['peak_mb']:8.0f}")
    ours = results[0]
    fl = next((r for r in results if r["label"].startswith("frictionless validate (")), None)
    if fl:
        print(
            f"ratio frictionless/satudata, {args.datasets} datasets: "
            f"{fl['wall'] / ours['wall']:.1f}×"
        )
    big = [r for r in results if "CSV" in r["label"]]
    if len(big) == 2:
        print(f"ratio frictionless/satudata, one large CSV: {big[1]['wall'] / big[0]['wall']:.1f}×")


# --- satudata impor ------------------------------------------------------------------------
# The region each development file belongs to (from its README); a repository of that region
# is generated for it, so the import is judged where it would really be run.
SAMPLE_REGIONS = {"jabar_": "32", "kabbandung_": "32.04", "kotabandung_": "32.73"}


def import_repository(root: Path, kode: str) -> None:
    """A minimal repository for region `kode` with its part of the national code table."""
    import csv as csv_module
    from importlib import resources

    (root / "metadata" / "referensi").mkdir(parents=True, exist_ok=True)
    (root / "metadata" / "portal.yaml").write_text(
        f"nama: Pemerintah Wilayah {kode}\nnama_singkat: Wilayah {kode}\n"
        f'nama_portal: Satu Data {kode}\nkode_wilayah: "{kode}"\n'
        'walidata: {opd: dinas, tim: "@contoh/walidata"}\npembina_data: BPS\n'
        "url_situs: https://data.contoh.go.id\n"
        "forge: {jenis: github, url: https://github.com/contoh/satudata}\n"
    )
    (root / "metadata" / "organisasi.yaml").write_text(
        "organisasi:\n  - slug: dinas\n    nama: Dinas Contoh\n    singkatan: Dinas\n"
        '    tim: "@contoh/dinas"\n'
    )
    (root / "metadata" / "daftar-data.yaml").write_text("tahun: 2026\nentri: []\n")
    (root / "metadata" / "referensi" / "referensi.yaml").write_text(
        "tabel:\n  - nama: wilayah\n    judul: Kode wilayah\n"
        "    sumber: Kepmendagri 300.2.2-2138 Tahun 2025\n"
    )
    source = resources.files("satudata") / "reference" / "wilayah-indonesia.csv"
    with (
        source.open(encoding="utf-8") as handle,
        (root / "metadata" / "referensi" / "wilayah.csv").open(
            "w", encoding="utf-8", newline=""
        ) as out,
    ):
        reader = csv_module.DictReader(handle)
        writer = csv_module.DictWriter(out, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        for row in reader:
            code = row["kode"]
            if code == kode or code.startswith(kode + ".") or kode.startswith(code + "."):
                writer.writerow(row)


def medan_kelurahan() -> list[tuple[str, str]]:
    """(kecamatan, kelurahan) names of Kota Medan; some kelurahan names occur twice."""
    import csv as csv_module
    from importlib import resources

    source = resources.files("satudata") / "reference" / "wilayah-indonesia.csv"
    with source.open(encoding="utf-8") as handle:
        rows = [r for r in csv_module.DictReader(handle) if r["kode"].startswith("12.71.")]
    kecamatan = {r["kode"]: r["nama"] for r in rows if r["tingkat"] == "kecamatan"}
    return [
        (kecamatan[r["kode_induk"]], r["nama"]) for r in rows if r["tingkat"] == "kelurahan_desa"
    ]


def big_workbook(path: Path, rows: int) -> None:
    """An ordinary OPD table, made long: title rows, a two-row header with a merged year band,
    Indonesian numbers stored as text, a total row, a footnote and a signature."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Jumlah Penduduk Menurut Kelurahan dan Jenis Kelamin"])
    sheet.append([])
    sheet.append(["No", "Kecamatan", "Kelurahan", "Kelompok Umur", "Tahun", None])
    sheet.append([None, None, None, None, 2024, 2025])
    sheet.merge_cells("E3:F3")
    rng = random.Random(3)
    names = medan_kelurahan()
    totals = [0, 0]
    for i in range(rows):
        values = [rng.randint(100, 99_999), rng.randint(100, 99_999)]
        totals = [t + v for t, v in zip(totals, values, strict=True)]
        group = f"Kelompok {i // len(names) + 1}"
        text = [f"{v:,}".replace(",", ".") for v in values]
        sheet.append([i + 1, *names[i % len(names)], group, *text])
    sheet.append([None, "Jumlah", None, None, *[f"{v:,}".replace(",", ".") for v in totals]])
    sheet.append(["Sumber: Dinas Kependudukan"])
    sheet.append(["Kepala Dinas,"])
    sheet.append(["NIP. 19700101 199001 1 001"])
    book.save(path)


def validation_codes(root: Path) -> str:
    """Finding codes of the imported dataset, by count (the draft's own placeholders and the
    Standar Data of its measures are the fields a person must fill in)."""
    result = subprocess.run(
        [sys.executable, "-m", "satudata", "validate", "--format", "json", "--repo", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, int] = {}
    for finding in json.loads(result.stdout).get("findings", []):
        if finding["dataset"] is not None:
            found[finding["code"]] = found.get(finding["code"], 0) + 1
    return ", ".join(f"{code} ×{n}" for code, n in sorted(found.items())) or "bersih"


def pipeline_seconds(path: Path, kode: str) -> float:
    """The reading pipeline alone, in this process (interpreter start, CLI imports and the
    validation `impor` runs afterwards are in the wall time, not here)."""
    from satudata.onboarding.importer import Options, import_table
    from satudata.onboarding.refusal import Refusal

    started = time.perf_counter()
    with contextlib.suppress(Refusal):
        import_table(path, Options(scope=kode))
    return time.perf_counter() - started


def impor_benchmark(folder: Path) -> None:
    satudata = [sys.executable, "-m", "satudata"]
    from satudata.onboarding import regions

    started = time.perf_counter()
    regions.national()
    print(f"national region table loaded in {time.perf_counter() - started:.2f} s (once)")
    print(f"{'file':58} {'wall s':>7} {'pipeline s':>10} {'result':>9}")
    work = Path(tempfile.mkdtemp(prefix="satudata-impor-"))
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md")
        big = work / "tabel-10000-baris.xlsx"
        big_workbook(big, 10_000)
        for number, path in enumerate([*files, big]):
            kode = next((k for p, k in SAMPLE_REGIONS.items() if path.name.startswith(p)), "12.71")
            root = work / f"repo{number}"
            import_repository(root, kode)
            started = time.perf_counter()
            result = subprocess.run(
                [*satudata, "impor", str(path), "--ke", "dinas/contoh", "--repo", str(root)],
                capture_output=True,
                text=True,
                check=False,
            )
            wall = time.perf_counter() - started
            outcome = "imported" if result.returncode == 0 else "refused"
            pipeline = pipeline_seconds(path, kode)
            print(f"{path.name:58} {wall:7.2f} {pipeline:10.2f} {outcome:>9}")
            text = result.stdout if result.returncode == 0 else result.stderr
            first = next((line for line in text.splitlines() if "sel sumber" in line), text.strip())
            print(f"    {first.strip()[:600]}")
            if result.returncode == 0:
                print(f"    validate: {validation_codes(root)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
