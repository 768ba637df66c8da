"""Exports: plain text, Markdown and JSON renderings, vCards, archive bundles, safe file names."""
