from conftest import REPO_ROOT
from satudata.findings import REGISTRY
from satudata.report.codes_doc import codes_markdown


def test_committed_code_documentation_is_generated_from_the_registry():
    committed = (REPO_ROOT / "docs" / "kode-temuan.md").read_text(encoding="utf-8")
    assert committed == codes_markdown(), "run `satudata kode > docs/kode-temuan.md`"


def test_every_code_is_documented_with_a_fix():
    text = codes_markdown()
    for code in REGISTRY.values():
        assert f"### `{code.code}`" in text
        assert code.saran.strip() and code.hint.strip() and code.message.strip()


def test_placeholders_are_shown_by_name_never_as_raw_braces():
    text = codes_markdown()
    assert "{" not in text and "}" not in text
    for code in REGISTRY.values():
        entry = text.split(f"### `{code.code}`", 1)[1].split("\n### ", 1)[0]
        for name in code.placeholders("id"):
            assert f"‹{name}›" in entry, (code.code, name)
