"""The archive store and search engine. Never imports Textual."""
