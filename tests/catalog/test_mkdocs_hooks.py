"""The MkDocs hooks: HTML blocks around Markdown, compact pages, MkDocs in parts."""

from __future__ import annotations

from types import SimpleNamespace

from satudata.catalog import mkdocs_hooks as hooks


def _page(uri: str) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), meta={})


def test_compact_drops_indentation_but_keeps_verbatim_text_and_no_break_spaces():
    html = (
        "<div>\n    <p>a  b</p>  \n\n   <p>c</p>\n</div>\n"
        "<pre>  x\n\n    y  </pre>\n  <script>\n  var s = '  a\\n';\n</script>\n"
        "<p>kata\xa0\n\xa0lain</p>"
    )
    assert hooks.compact(html) == (
        "<div>\n<p>a  b</p>\n<p>c</p>\n</div>\n"
        "<pre>  x\n\n    y  </pre>\n<script>\n  var s = '  a\\n';\n</script>\n"
        "<p>kata\xa0\n\xa0lain</p>"
    )


def test_an_html_block_skips_markdown_and_comes_back_in_the_final_page():
    block = '<table>\n<tr><td class="sd-n">1</td></tr>\n</table>'
    markdown = f"# Judul\n\nTeks.\n{hooks.html_block(block)}## Bagian\n"
    page = _page("dataset/opd/a.md")
    seen = hooks.on_page_markdown(markdown, page)
    assert "<table>" not in seen and "<!--satudata-html:0-->" in seen
    themed = f"<html>\n    <article>\n{seen}\n    </article>\n</html>"
    assert block in hooks.on_post_page(themed, page)
    # A page of someone else's that happens to show the marker is left as it is.
    other = _page("panduan/index.md")
    hooks.on_page_markdown("Teks", other)
    assert hooks.on_post_page("<p><!--satudata-html:7--></p>", other) == (
        "<p><!--satudata-html:7--></p>"
    )


def test_each_part_writes_its_share_of_the_dataset_pages_and_part_0_the_rest():
    pages = ["index.md", "katalog.md", *(f"dataset/opd/{n}.md" for n in "abcde")]

    class Files(list):
        def documentation_pages(self):
            return [f for f in self if f.src_uri.endswith(".md")]

    def file(uri: str) -> SimpleNamespace:
        return SimpleNamespace(src_uri=uri, is_documentation_page=lambda: uri.endswith(".md"))

    written: dict[int, set[str]] = {}
    try:
        for part in range(2):
            hooks.on_config({"extra": {"satudata_bagian": [part, 2]}})
            files = Files([file(uri) for uri in [*pages, "assets/satudata.css"]])
            hooks.on_files(files)
            written[part] = set()
            for uri in pages:
                page = _page(uri)
                if hooks.on_page_markdown("# x\n", page):
                    written[part].add(uri)
                else:
                    assert page.meta["template"] == "satudata-kosong.html"
            assert ("assets/satudata.css" in {f.src_uri for f in files}) == (part == 0)
    finally:
        hooks.on_config({})
        hooks.on_files(Files())
    assert written[0] & written[1] == set() and written[0] | written[1] == set(pages)
    assert {"index.md", "katalog.md"} <= written[0]
    assert len(written[0] - {"index.md", "katalog.md"}) == 2 and len(written[1]) == 3


def test_an_html_page_gets_the_headings_and_contents_markdown_would_give_it():
    import markdown

    body = (
        "# Metadata\n\n"
        '<div class="x" data-search-exclude><p>a</p></div>\n\n'
        "<p>Teks.</p>\n\n"
        '## Metadata { #metadata data-search-exclude="1" }\n\n'
        "<p>b</p>\n\n"
        "## Kamus &#40;kolom&#41; &#38; lain\n\n"
        "### Kamus kolom\n"
    )
    expected = markdown.Markdown(extensions=["attr_list", "toc"])
    want = expected.convert(body)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="dataset/opd/a.md"), meta={})
    hooks.on_config({"mdx_configs": {"toc": {"permalink": False}}})
    assert hooks.on_page_markdown(str(hooks.html_page(body)), page) == ""
    got = hooks.on_page_content("", page)
    assert got.split() == want.split()  # the same up to line breaks between blocks

    def flat(items):
        return [(i.level, i.id, i.title, flat(i.children)) for i in items]

    from mkdocs.structure.toc import get_toc

    assert flat(page.toc) == flat(get_toc(expected.toc_tokens))
    assert page.toc.items[0].id == "metadata_1"  # `metadata` is taken


def test_with_a_toc_setting_it_does_not_follow_the_page_goes_through_markdown():
    body = "# Judul\n\n<p>a</p>\n"
    page = SimpleNamespace(file=SimpleNamespace(src_uri="dataset/opd/b.md"), meta={})
    try:
        hooks.on_config({"mdx_configs": {"toc": {"permalink": True}}})
        assert hooks.on_page_markdown(str(hooks.html_page(body)), page).strip() == body.strip()
    finally:
        hooks.on_config({})
