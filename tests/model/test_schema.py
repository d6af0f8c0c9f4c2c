"""The JSON Schemas in metadata/schema/ are generated from the model and must stay in sync."""

from __future__ import annotations

import json

from conftest import REPO_ROOT
from satudata.cli import main
from satudata.model.schema import rendered_schemas, stale_schemas


def test_committed_schemas_equal_the_generated_ones():
    stale = stale_schemas(REPO_ROOT / "metadata" / "schema")
    assert not stale, f"run `satudata schema`; stale: {stale}"


def test_schemas_carry_indonesian_descriptions_for_editors():
    dataset = json.loads(rendered_schemas()["dataset.json"])
    assert dataset["properties"]["klasifikasi"]["description"].startswith("Klasifikasi")
    assert dataset["additionalProperties"] is False


def test_schema_command_writes_then_reports_in_sync(tmp_path, capsys):
    assert main(["schema", "--repo", str(tmp_path), "--periksa"]) == 1
    assert main(["schema", "--repo", str(tmp_path)]) == 0
    assert main(["schema", "--repo", str(tmp_path), "--periksa"]) == 0
    assert sorted(p.name for p in (tmp_path / "metadata" / "schema").iterdir()) == sorted(
        rendered_schemas()
    )


def test_every_metadata_yaml_declares_its_schema_for_editors():
    for path in (REPO_ROOT / "metadata").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.exists(), f"{path}: schema comment points at missing {target}"
