"""The administration page (administrators only): one tab per file."""
