"""MkDocs hooks of every build.

1. Text that `satudata` already HTML-escaped stays escaped once. `satudata build` writes the site
   name, description and nav titles into the generated mkdocs.yml, and titles and descriptions
   into each page's front matter, already HTML-escaped (`catalog.text.html_text`), because
   MkDocs and Material print them raw into HTML. Material also prints some of them through its
   own `| e` (e.g. the logo's `title="…"`), which would escape them a second time and show
   `&amp;lt;` to the reader. Marking them `Markup` tells Jinja they are HTML already: printed
   raw they stay as they are, and `| e` leaves them alone.
2. Finished HTML blocks skip Markdown (`html_block`): Python-Markdown reads raw HTML tag by tag
   and Material's search plugin parses every page's HTML again, which was most of the build's
   time on 2,000 dataset pages full of tables. A block is taken out of the page's Markdown
   (`on_page_markdown`), travels through MkDocs as a short HTML comment, and is put back into
   the page's final HTML (`on_post_page`), after the search plugin read the page: such a block
   is never indexed, so it may only hold what the index must not hold anyway (tables, buttons,
   charts: all `data-search-exclude`). Without this hook the Markdown renders the same, only
   slower: the block is plain raw HTML between two comments.
3. A page of headings and HTML only (`html_page`: the dataset pages) skips Markdown as a
   whole: Python-Markdown took ~3 ms a page for eight headings and a few paragraphs, 6 s of
   the build at 2,000 dataset pages. The hook turns its `#` heading lines into HTML headings
   with the ids and table of contents Python-Markdown's `toc` extension would give them (its
   own `slugify`, `unique` and `nest_toc_tokens`), and the page goes on as if Markdown had
   written it (search index, theme). With a `toc` setting it does not know (e.g. permalinks)
   the page goes through Markdown, which renders it the same. A page the hook writes also
   skips MkDocs' `Page.render`, which would make a Python-Markdown instance (~0.5 ms) for an
   empty text.
4. The theme's indentation is dropped from every page (`compact`): a third of each page's bytes.
5. The primary navigation and the tabs are rendered once for all dataset pages
   (`satudata_sekali`, called by the engine's `partials/nav.html` and `partials/tabs.html`,
   which wrap the theme's own): the pages are outside the nav and at one depth, so the theme
   writes the same menu, with the same relative links, on each of them (a fifth of MkDocs'
   time at 2,000 dataset pages).
6. One MkDocs process of several (`extra.satudata_bagian: [part, parts]`, set by
   `catalog.build._run_mkdocs_parts`) writes only its share of the dataset pages, and part 0
   every other page and file: the other pages are read as empty with an empty template, so
   MkDocs neither converts, renders, indexes nor writes them.

MkDocs loads this file by path as a module of its own, so it imports nothing from the package.
"""

from __future__ import annotations

import html
import re

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markupsafe import Markup
from mkdocs.structure.toc import get_toc

CONFIG_TEXT = ("site_name", "site_description", "site_author")
PAGE_TEXT = ("title", "description")
_OPEN, _CLOSE = "<!--satudata-html-->", "<!--/satudata-html-->"
_BLOCK = re.compile(re.escape(_OPEN) + r"\n(.*?)\n" + re.escape(_CLOSE), re.DOTALL)
_PLACE = re.compile(r"<!--satudata-html:(\d+)-->")
# The blocks of each page between on_page_markdown and on_post_page, by source path.
_blocks: dict[str, list[str]] = {}
_PAGE_OPEN, _PAGE_CLOSE = "<!--satudata-halaman-->", "<!--/satudata-halaman-->"
_HEADING = re.compile(
    r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+\{:?[ \t]*([^}]*?)[ \t]*\})?[ \t]*$", re.MULTILINE
)
_ATTRIBUTE = re.compile(r'#([\w-]+)|\.([\w-]+)|([\w-]+)="([^"]*)"')
_pages: dict[str, tuple[str, object]] = {}  # HTML and table of contents of html_page pages
_markdown_toc = False  # a toc setting html_page does not follow: Markdown does the headings
_DATASETS = "dataset/"  # where the dataset pages are, shared among the parts
_EMPTY = "satudata-kosong.html"  # an empty template (site/overrides)
_part = (0, 1)
_elsewhere: set[str] = set()  # source paths of the pages another part writes
# Whitespace is meaningful inside these: left exactly as the theme wrote it.
_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1>", re.DOTALL)
_SPACE = " \t\r\f\v"  # ASCII only: a no-break space is text


_THEME = "tema"  # the theme's own templates by this prefix (`on_env`), e.g. to wrap one
_once: dict[str, str] = {}  # rendered once per build: the dataset pages' navigation and tabs
_in_nav: set[str] = set()  # source paths of the pages in the nav


def on_config(config, **kwargs):
    global _part, _markdown_toc
    _once.clear()
    _part = tuple((config.get("extra") or {}).get("satudata_bagian") or (0, 1))
    _markdown_toc = any(((config.get("mdx_configs") or {}).get("toc") or {}).values())
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = Markup(config[key])
    if config.get("nav"):
        config["nav"] = _mark_titles(config["nav"])
    return config


def on_files(files, **kwargs):
    part, parts = _part
    _elsewhere.clear()
    if parts == 1:
        return files
    pages = [f.src_uri for f in files.documentation_pages()]
    datasets = sorted(uri for uri in pages if uri.startswith(_DATASETS))
    # Part 0 also writes every other page, the assets and the search index: it takes four
    # dataset pages for every nine of each other part. Measured at 2,000 dataset pages, each
    # part alone: 6.7/5.3 s against 6.2/5.5 s (two runs); with two for every three, part 0
    # took 6.3 s against 5.6 s.
    bounds = [0] + [
        round(len(datasets) * (4 + 9 * k) / (4 + 9 * (parts - 1))) for k in range(parts)
    ]
    mine = set(datasets[bounds[part] : bounds[part + 1]])
    _elsewhere.update(
        uri for uri in pages if uri not in mine and (part > 0 or uri.startswith(_DATASETS))
    )
    if part > 0:  # assets and downloads are part 0's to copy
        for file in [f for f in files if not f.is_documentation_page()]:
            files.remove(file)
    return files


def on_nav(nav, **kwargs):
    _in_nav.clear()
    _in_nav.update(page.file.src_uri for page in nav.pages)
    return nav


def on_env(env, config, **kwargs):
    """The theme's templates are also reachable as `tema/<name>` (so that an override can wrap
    the template it replaces), and `satudata_sekali` is a global."""
    theme = [d for d in config.theme.dirs if d != config.theme.custom_dir]
    env.loader = ChoiceLoader([env.loader, PrefixLoader({_THEME: FileSystemLoader(theme)})])
    env.globals["satudata_sekali"] = _rendered_once
    return env


def _rendered_once(name: str, page, base_url: str, caller) -> str:
    """`caller()` (the theme's partial `name`, which depends on the page only through which
    nav item is current), rendered once for all dataset pages at `base_url`: the pages
    outside the nav, where no item is current."""
    uri = getattr(getattr(page, "file", None), "src_uri", "")
    if not uri.startswith(_DATASETS) or uri in _in_nav:
        return caller()
    key = f"{name}:{base_url}"
    if key not in _once:
        _once[key] = caller()
    return _once[key]


def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri in _elsewhere:
        page.meta["template"] = _EMPTY
        _blocks[page.file.src_uri] = []
        return ""
    for key in PAGE_TEXT:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = Markup(page.meta[key])
    blocks: list[str] = []

    def set_aside(match: re.Match) -> str:
        blocks.append(match.group(1))
        return f"<!--satudata-html:{len(blocks) - 1}-->"

    markdown = _BLOCK.sub(set_aside, markdown)
    _blocks[page.file.src_uri] = blocks
    before, opened, rest = markdown.partition(_PAGE_OPEN)
    body, closed, after = rest.partition(_PAGE_CLOSE)
    if not (opened and closed):
        return markdown
    if _markdown_toc or (before + after).strip():
        return before + body + after
    _pages[page.file.src_uri] = _headings(body)
    page.render = _render_nothing(page)  # on_page_content puts the page's HTML in
    return ""


def _render_nothing(page):
    """What `Page.render` gives a page of empty Markdown, without making a Markdown instance
    for it; the anchors are those of the page's headings."""

    def render(config, files) -> None:
        _, toc = _pages[page.file.src_uri]
        page.content, page.toc = "", get_toc([])
        page.present_anchor_ids = set(_anchor_ids(toc))

    return render


def _anchor_ids(items):
    for item in items:
        yield item.id
        yield from _anchor_ids(item.children)


def on_page_content(html, page, **kwargs):
    found = _pages.pop(page.file.src_uri, None)
    if found is None:
        return html
    content, page.toc = found
    return content


def html_page(body: str) -> Markup:
    """A page body of `#` heading lines (plain text, optionally `{ #id key="value" }`) and
    finished HTML, marked for `on_page_markdown`."""
    return Markup(f"\n{_PAGE_OPEN}\n{str(body).strip(chr(10))}\n{_PAGE_CLOSE}\n")


def _headings(body: str):
    """`body` with each heading line as HTML, and its table of contents, as Python-Markdown
    with `toc` and `attr_list` would write them."""
    found = [(m, dict(_attributes(m.group(3) or ""))) for m in _HEADING.finditer(body)]
    used = {attributes["id"] for _, attributes in found if "id" in attributes}
    counters: dict[str, int] = {}
    tokens, out, end = [], [], 0
    for match, attributes in found:
        level, text = len(match.group(1)), match.group(2)
        name = strip_tags(text)
        if "id" not in attributes:
            attributes = {"id": unique(slugify(html.unescape(name), "-"), used, counters)}
            attributes.update(dict(_attributes(match.group(3) or "")))
        tokens.append({"level": level, "id": attributes["id"], "name": name, "html": text})
        # In lexical order, as Python-Markdown's serializer writes them.
        tags = "".join(f' {k}="{html.escape(v)}"' for k, v in sorted(attributes.items()))
        out += [body[end : match.start()], f"<h{level}{tags}>{text}</h{level}>"]
        end = match.end()
    out.append(body[end:])
    # As Markdown's: no blank before the first heading (the search index would take it for a
    # section of its own before the page's title).
    return "".join(out).strip(), get_toc(nest_toc_tokens(tokens))


def _attributes(text: str):
    classes = []
    for match in _ATTRIBUTE.finditer(text):
        if match.group(1):
            yield "id", match.group(1)
        elif match.group(2):
            classes.append(match.group(2))
        else:
            yield match.group(3), match.group(4)
    if classes:
        yield "class", " ".join(classes)


def on_post_page(output, page, **kwargs):
    blocks = _blocks.pop(page.file.src_uri, [])

    def put_back(match: re.Match) -> str:
        number = int(match.group(1))
        return blocks[number] if number < len(blocks) else match.group(0)

    return _PLACE.sub(put_back, compact(output))


def html_block(html: str) -> Markup:
    """`html` (a finished block, escaped by the template) marked for `on_page_markdown`, with
    blank lines around it. User text cannot close the block early: it reaches the template
    escaped, so no `<!--` comes from it."""
    return Markup(f"\n{_OPEN}\n{str(html).strip(chr(10))}\n{_CLOSE}\n\n")


def compact(html: str) -> str:
    """Each run of blank lines and indentation becomes one newline, outside `<pre>`,
    `<textarea>`, `<script>` and `<style>`. A browser renders any run of whitespace between
    words or tags as one space, so the page looks and reads the same. By hand: an HTML
    minifier would be a dependency for this one substitution, and rewrites more than
    whitespace."""
    out, end = [], 0
    for verbatim in _VERBATIM.finditer(html):
        out += [_squeeze(html[end : verbatim.start()]), verbatim.group(0)]
        end = verbatim.end()
    out.append(_squeeze(html[end:]))
    return "".join(out)


def _squeeze(text: str) -> str:
    """Line by line (a regular expression over every space was three times slower)."""
    if "\n" not in text:
        return text
    first, *middle, last = text.split("\n")
    lines = [first.rstrip(_SPACE), *filter(None, (line.strip(_SPACE) for line in middle))]
    return "\n".join([*lines, last.lstrip(_SPACE)])


def _mark_titles(items):
    """The nav with every title (a mapping key) marked as HTML text."""
    if isinstance(items, list):
        return [_mark_titles(item) for item in items]
    if isinstance(items, dict):
        return {Markup(title): _mark_titles(value) for title, value in items.items()}
    return items
