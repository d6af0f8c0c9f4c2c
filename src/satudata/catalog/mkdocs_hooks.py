"""MkDocs hooks of every build: text that `satudata` already HTML-escaped stays escaped once.

`satudata build` writes the site name, description and nav titles into the generated
mkdocs.yml, and titles and descriptions into each page's front matter, already HTML-escaped
(`catalog.text.html_text`), because MkDocs and Material print them raw into HTML. Material also
prints some of them through its own `| e` (e.g. the logo's `title="…"`), which would escape them a
second time and show `&amp;lt;` to the reader. Marking them `Markup` tells Jinja they are
HTML already: printed raw they stay as they are, and `| e` leaves them alone.

MkDocs loads this file by path as a module of its own, so it imports nothing from the package.
"""

from __future__ import annotations

from markupsafe import Markup

CONFIG_TEXT = ("site_name", "site_description", "site_author")
PAGE_TEXT = ("title", "description")


def on_config(config, **kwargs):
    for key in CONFIG_TEXT:
        if isinstance(config.get(key), str):
            config[key] = Markup(config[key])
    if config.get("nav"):
        config["nav"] = _mark_titles(config["nav"])
    return config


def on_page_markdown(markdown, page, **kwargs):
    for key in PAGE_TEXT:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = Markup(page.meta[key])
    return markdown


def _mark_titles(items):
    """The nav with every title (a mapping key) marked as HTML text."""
    if isinstance(items, list):
        return [_mark_titles(item) for item in items]
    if isinstance(items, dict):
        return {Markup(title): _mark_titles(value) for title, value in items.items()}
    return items
