"""The search engine: accent folding, the word index, its saved copy, and ranking."""
