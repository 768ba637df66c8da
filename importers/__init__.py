"""Importers: raw scraped pages (bytes + file name) to clean releases. Pure; never imports Textual."""
