"""The one way an import stops: a refusal whose message says what the user must do."""

from __future__ import annotations


class Refusal(Exception):
    """A table that cannot be imported faithfully as it is; the message (Indonesian) says why
    and what to do, e.g. which flag answers the question. Nothing is written."""
