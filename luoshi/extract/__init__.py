"""Extraction: quantitative measures (and, elsewhere, headline targets) from a normalised document."""
