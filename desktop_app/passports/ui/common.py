"""What the passports page's tabs share: translated labels of the feature's states, and the table setup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.passports.models import ActivityKind, EntryKind, PassportStatus, Place

KIND_LABELS = {
    EntryKind.AWARD: QT_TRANSLATE_NOOP("Passports", "activity"),
    EntryKind.PATROL: QT_TRANSLATE_NOOP("Passports", "patrol"),
    EntryKind.REVERSAL: QT_TRANSLATE_NOOP("Passports", "correction"),
    EntryKind.REDEMPTION: QT_TRANSLATE_NOOP("Passports", "reward"),
    EntryKind.REFUND: QT_TRANSLATE_NOOP("Passports", "reward returned"),
}
PLACE_LABELS = {
    Place.DESK: QT_TRANSLATE_NOOP("Passports", "desk"),
    Place.KIOSK: QT_TRANSLATE_NOOP("Passports", "kiosk"),
    Place.PATROL_RULE: QT_TRANSLATE_NOOP("Passports", "patrol rule"),
}
STATUS_LABELS = {
    PassportStatus.ACTIVE: QT_TRANSLATE_NOOP("Passports", "active"),
    PassportStatus.LOST: QT_TRANSLATE_NOOP("Passports", "reported lost"),
    PassportStatus.REPLACED: QT_TRANSLATE_NOOP("Passports", "replaced"),
}
ACTIVITY_KIND_LABELS = {
    ActivityKind.ONCE: QT_TRANSLATE_NOOP("Passports", "once"),
    ActivityKind.DAILY: QT_TRANSLATE_NOOP("Passports", "every day"),
    ActivityKind.WEEKLY: QT_TRANSLATE_NOOP("Passports", "every week"),
}
# rosters' patrol periods (Shift.period), as the ledger shows them
PERIOD_LABELS = {
    "morning": QT_TRANSLATE_NOOP("Passports", "morning patrol"),
    "afternoon": QT_TRANSLATE_NOOP("Passports", "afternoon patrol"),
    "evening": QT_TRANSLATE_NOOP("Passports", "evening patrol"),
}


def tr_p(text: str) -> str:
    return QCoreApplication.translate("Passports", text)


def make_table(model, name: str) -> QTableView:
    """A read-only, single-row-selection table; its columns are sized from a sample (``widgets.fit_columns``)
    when rows arrive, never from every row."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view
