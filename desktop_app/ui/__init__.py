"""Shared Qt pieces: main window, background operations, lazy tables, messages, styles."""
