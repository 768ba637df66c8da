"""The Textual browser and the scripting CLI."""
