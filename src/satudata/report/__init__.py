"""Renderers of a validation Report: terminal text, JSON, Markdown (PR comment), GitHub."""

from satudata.report.github import render_github
from satudata.report.json import render_json
from satudata.report.markdown import render_markdown
from satudata.report.text import render_text

RENDERERS = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "github": render_github,
}

__all__ = ["RENDERERS", "render_github", "render_json", "render_markdown", "render_text"]
