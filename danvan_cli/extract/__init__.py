"""Extractors: pure functions from normalized text (and its matching view) to records."""
