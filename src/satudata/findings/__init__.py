"""Findings: what validation reports (`Finding`, `Report`) and the registry of codes."""

from satudata.findings.finding import (
    CHECK_FAMILIES,
    FAMILIES,
    FAMILY_TITLES_IN_ENGLISH,
    REGISTRY,
    Code,
    Finding,
    Severity,
    count,
    has_errors,
    register,
)
from satudata.findings.report import DatasetFacts, Report
from satudata.util.language import language

__all__ = [
    "CHECK_FAMILIES",
    "FAMILIES",
    "FAMILY_TITLES_IN_ENGLISH",
    "REGISTRY",
    "Code",
    "DatasetFacts",
    "Finding",
    "Report",
    "Severity",
    "codes",
    "count",
    "has_errors",
    "language",
    "register",
]

# Importing the package fills the registry, so every user of findings sees every code.
from satudata.findings import codes
