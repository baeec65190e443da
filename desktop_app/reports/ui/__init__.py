"""The reports page and its dialogs (the only place PySide6 appears in the reports)."""
