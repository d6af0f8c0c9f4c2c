"""Satu Data sebagai kode — engine for a government's Satu Data repository."""

__version__ = "0.1.0"
