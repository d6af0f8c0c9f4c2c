"""Live preview: the MkDocs hook regenerates the pages from the repository before each build."""

from __future__ import annotations

import importlib.util

from satudata.catalog import preview as pratinjau


def test_hook_loaded_as_mkdocs_does_regenerates_pages(repo, tmp_path, monkeypatch):
    staging = tmp_path / "pratinjau"
    monkeypatch.setenv(pratinjau.ROOT_ENV, str(repo.root))
    monkeypatch.setenv(pratinjau.STAGING_ENV, str(staging))
    # MkDocs imports a hook file as a module of its own, outside the package.
    spec = importlib.util.spec_from_file_location("hook", pratinjau.__file__)
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    hook.on_pre_build(None)
    page = staging / "docs/dataset/dinkes/puskesmas.md"
    assert "Jumlah Puskesmas per Kecamatan" in page.read_text()
    repo.replace(
        "metadata/dinkes/puskesmas.yaml",
        "judul: Jumlah Puskesmas per Kecamatan",
        "judul: Puskesmas Diperbarui",
    )
    hook.on_pre_build(None)
    assert "Puskesmas Diperbarui" in page.read_text()


def test_a_busy_port_is_a_plain_message_with_the_fix(repo, capsys):
    import socket

    from satudata.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--repo", str(repo.root), "--alamat", f"127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert f"Port {port}" in err and "sedang dipakai" in err and "--alamat" in err
    assert "kesalahan program" not in err


def test_the_preview_says_where_it_is_once_it_serves(capsys):
    server = object()
    assert pratinjau.on_serve(server, {"site_url": "http://127.0.0.1:8123/"}, None) is server
    assert "Pratinjau siap di http://127.0.0.1:8123/" in capsys.readouterr().out
