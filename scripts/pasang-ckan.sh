#!/usr/bin/env bash
# CKAN and ckanext-dcat for the harvester test (pytest marker `ckan`), in their own venv at
# .ci/ckan: CKAN pins Flask, SQLAlchemy, click, lxml, PyYAML... to exact versions that differ
# from the engine's, so they cannot share one environment. Skipped when already installed.
# Only the RDF parser is used: no server, database, Solr or Redis. psycopg2 (the PostgreSQL
# driver) is left out because it compiles against libpq and the parser never opens a database.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.ci/ckan
CKAN=ckan==2.12.0
DCAT=ckanext-dcat==2.4.4

if "$venv/bin/python" -c "import ckanext.dcat.processors" 2> /dev/null; then
  exit 0
fi
rm -rf "$venv"
if ! python3 -m venv "$venv"; then
  echo "python3 -m venv gagal: pasang modul venv (mis. apt-get install python3-venv)." >&2
  exit 1
fi
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
"${pip[@]}" "$CKAN" "$DCAT"
# CKAN's own pinned requirements (its `requirements` extra), without psycopg2.
"$venv/bin/python" - > "$venv/requirements.txt" << 'PY'
import importlib.metadata
import re

for requirement in importlib.metadata.requires("ckan") or []:
    spec, _, marker = requirement.partition(";")
    if 'extra == "requirements"' in marker and not spec.lower().startswith("psycopg2"):
        print(re.sub(r"\s+", "", spec))
PY
"${pip[@]}" -r "$venv/requirements.txt"
"$venv/bin/python" -c "import ckanext.dcat.processors"
