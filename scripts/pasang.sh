#!/usr/bin/env bash
# Create the project's virtual environment (.venv) and install the engine into it, editable.
# Usage: bash scripts/pasang.sh [EXTRA]   e.g. `bash scripts/pasang.sh test`.
# A venv is needed because Debian 12 and Ubuntu 24.04 refuse `pip install` into the system
# Python (PEP 668, "externally-managed-environment").
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  if ! "$python" -m venv .venv > /dev/null 2>&1; then
    rm -rf .venv
    # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) in a separate package.
    if command -v apt-get > /dev/null; then
      echo "Memasang python3-venv (Debian/Ubuntu) agar lingkungan virtual dapat dibuat ..." >&2
      if [ "$(id -u)" = 0 ]; then apt=(apt-get); else apt=(sudo apt-get); fi
      "${apt[@]}" update -qq
      DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq python3-venv > /dev/null
      "$python" -m venv .venv
    else
      echo "Gagal membuat lingkungan virtual .venv dengan $python: pasang modul venv-nya." >&2
      exit 1
    fi
  fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${1:+[$1]}"
