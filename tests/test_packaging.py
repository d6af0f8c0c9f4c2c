"""The engine as a package: a wheel installed outside any repository carries everything it
needs to create a region's repository and build its catalog."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO_ROOT


def _run(*args: str, cwd, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The engine built once as a wheel, from a copy so that the build leaves no egg-info in
    the checkout."""
    source = tmp_path_factory.mktemp("source")
    shutil.copy(REPO_ROOT / "pyproject.toml", source)
    shutil.copy(REPO_ROOT / "README.md", source)
    shutil.copytree(
        REPO_ROOT / "src" / "satudata",
        source / "src" / "satudata",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    wheels = tmp_path_factory.mktemp("wheels")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (built,) = wheels.glob("satudata-*.whl")
    return built


def _package_files() -> set[str]:
    package = REPO_ROOT / "src" / "satudata"
    return {
        f"satudata/{path.relative_to(package).as_posix()}"
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def test_the_wheel_carries_every_file_of_the_package(wheel: Path):
    """Whatever lies under src/satudata ships: a data file added there fails this test until
    [tool.setuptools.package-data] lists it."""
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = _package_files() - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert (
        "satudata = satudata.cli:entry_point" in zipfile.ZipFile(wheel).read(entry_points).decode()
    )


def test_a_wheel_installed_elsewhere_creates_and_builds_a_repository(wheel: Path, tmp_path):
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
         str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr

    # Only the installed copy on the path: not this checkout's src/.
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = _run("-c", "import satudata; print(satudata.__file__)", cwd=tmp_path, env=env)
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr

    created = _run("-m", "satudata", "init", "bpp", "--kode", "64.71", cwd=tmp_path, env=env)
    assert created.returncode == 0, created.stderr
    built = _run("-m", "satudata", "build", "--repo", "bpp", cwd=tmp_path, env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (tmp_path / "bpp/public/index.html").read_text(encoding="utf-8")
    assert "Satu Data Kota Balikpapan" in home
