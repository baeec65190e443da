"""The home page (the only place PySide6 appears in the dashboard)."""
