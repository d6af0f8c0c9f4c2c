"""Click's own messages speak Indonesian; `--lang en` switches everything to English."""

from __future__ import annotations

import pytest

from satudata.cli import main
from satudata.cli.i18n import MESSAGES, PLURALS, use_language


@pytest.fixture(autouse=True)
def _back_to_indonesian(monkeypatch):
    monkeypatch.setenv("SATUDATA_LANG", "id")  # restored after the test, like Click's tables
    yield
    use_language("id")


def test_usage_errors_and_help_boilerplate_are_indonesian(repo, capsys):
    assert main(["validate", "--repo", str(repo.root), "--tidak-ada"]) == 2
    err = capsys.readouterr().err
    assert "Tidak ada opsi '--tidak-ada'" in err
    assert "Coba 'satudata validate --help' untuk bantuan." in err
    assert "No such option" not in err and "Try " not in err

    assert main(["validasi"]) == 2
    assert "Tidak ada perintah 'validasi'. Maksud Anda 'validate'?" in capsys.readouterr().err

    assert main(["impor"]) == 2
    assert "Argumen belum diberikan" in capsys.readouterr().err

    assert main(["validate", "--help"]) == 0
    out = capsys.readouterr().out
    assert "[bawaan: text]" in out and "Penggunaan:" in out and "default:" not in out


def test_lang_en_gives_click_in_english(repo, capsys):
    assert main(["--lang", "en", "validate", "--repo", str(repo.root), "--nope"]) == 2
    err = capsys.readouterr().err
    assert "No such option '--nope'" in err and "Usage:" in err and "Tidak ada" not in err


def test_every_translation_keeps_its_placeholders():
    import re

    for english, indonesian in {**MESSAGES, **PLURALS}.items():
        fields = sorted(re.findall(r"\{[^}]*\}", english))
        assert sorted(re.findall(r"\{[^}]*\}", indonesian)) == fields, english
