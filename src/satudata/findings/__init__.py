"""Findings: what validation reports (`Finding`, `Report`) and the registry of codes."""

from satudata.findings.finding import (
    REGISTRY,
    Code,
    Finding,
    Severity,
    count,
    has_errors,
    language,
    register,
)
from satudata.findings.report import Report

__all__ = [
    "REGISTRY",
    "Code",
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
