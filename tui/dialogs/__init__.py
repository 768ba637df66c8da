"""Modal dialogs of the browser."""
