"""Small questions of the reports page (tests replace them). The import dialog is reports/ui/import_dialog.py."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)


class AskFile:
    """File choosers; tests monkeypatch these classmethods."""

    @classmethod
    def open(cls, parent: QWidget | None, caption: str, filters: str) -> str:
        path, _ = QFileDialog.getOpenFileName(parent, caption, "", filters)
        return path

    @classmethod
    def save(cls, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path
