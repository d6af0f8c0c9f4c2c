"""`satudata serve`: live preview for an OPD editor; pages are regenerated whenever data,
metadata or site templates change (an MkDocs hook re-renders before each rebuild)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from satudata.util.language import localized

ROOT_ENV, STAGING_ENV = "SATUDATA_PRATINJAU_ROOT", "SATUDATA_PRATINJAU_STAGING"


def on_pre_build(config, **kwargs) -> None:  # MkDocs hook
    # MkDocs loads this file as a module of its own (not as part of the package), hence the
    # absolute import.
    from satudata.catalog.build import render

    situs = render(Path(os.environ[ROOT_ENV]), Path(os.environ[STAGING_ENV]), allow_errors=True)
    if not situs.report.ok:
        errors = situs.report.totals["error"]
        print(
            localized(
                f"Peringatan: {errors} galat validasi; dataset bergalat tidak ditampilkan. "
                "Jalankan `satudata validate` untuk rinciannya.",
                f"Warning: {errors} validation errors; datasets with errors are not shown. "
                "Run `satudata validate` for the details.",
            )
        )


def on_serve(server, config, builder):  # MkDocs hook: the first build is done, serving starts
    url = config["site_url"]
    print(
        localized(
            f"Pratinjau siap di {url} (tekan Ctrl+C untuk berhenti).",
            f"Preview ready at {url} (press Ctrl+C to stop).",
        ),
        flush=True,
    )
    return server


class PreviewError(Exception):
    """Why the preview cannot start (in the language in use)."""


def check_address(address: str) -> None:
    """Refuse a malformed address or a busy port before MkDocs tries (and dumps a traceback)."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        raise PreviewError(
            localized(
                f"Alamat '{address}' tidak sah; tulis HOST:PORT, mis. 127.0.0.1:8000.",
                f"Address '{address}' is not valid; write HOST:PORT, e.g. 127.0.0.1:8000.",
            )
        )
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host.strip("[]"), int(port)))
        except OSError:
            other = f"`satudata serve --alamat {host}:{int(port) + 1}`"
            raise PreviewError(
                localized(
                    f"Port {port} di {host} sedang dipakai program lain (mungkin pratinjau yang "
                    f"masih berjalan). Hentikan program itu, atau pilih port lain, mis. {other}.",
                    f"Port {port} on {host} is used by another program (perhaps a preview still "
                    f"running). Stop that program, or choose another port, e.g. {other}.",
                )
            ) from None


def serve(root: Path, address: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    check_address(address)

    from satudata.catalog.build import _mkdocs_config, render
    from satudata.catalog.sources import watched

    root = root.resolve()
    staging = root / ".cache" / "pratinjau"
    staging.mkdir(parents=True, exist_ok=True)
    os.environ[ROOT_ENV], os.environ[STAGING_ENV] = str(root), str(staging)
    situs = render(root, staging, allow_errors=True)
    config = _mkdocs_config(
        situs,
        staging,
        {
            "hooks": [str(Path(__file__).resolve())],
            "watch": [str(path) for path in watched(root) if path.exists()],
            "site_url": f"http://{address}/",
        },
    )
    mkdocs_serve(config_file=str(config), livereload=True, dev_addr=address)
