"""Small-N smoke run of the benchmark script: it must run end to end and print its table.
The targets themselves are measured by running the script, never asserted in a unit test."""

import subprocess
import sys

from conftest import REPO_ROOT


def test_benchmark_script_runs_on_a_tiny_repository():
    result = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "benchmark.py"),
            "--datasets",
            "6",
            "--big-rows",
            "200",
            "--jobs",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "satudata validate (1 jobs)" in out and "frictionless validate (sequential)" in out
    assert "ratio frictionless/satudata, 6 datasets" in out
    assert "--changed-since HEAD" in out
    # the planted cells make the full run fail (with 6 datasets, the changed one has one too);
    # the big file passes
    assert "errors found, as planted; big file 0 = clean): 1, 1, 0" in out
    assert "planted bad cells: 6; satudata reports 6" in out
    assert "frictionless reports 6; identical cells: True" in out


def test_benchmark_times_the_opd_workbook():
    result = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "benchmark.py"),
            "--lembar",
            "--datasets",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "lembar: 3 workbooks in" in result.stdout and "ms CPU each" in result.stdout
