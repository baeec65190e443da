"""Small dialogs of the passports page: an activity, a reward, a reason, a number. Each has ``ask`` for tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.passports.models import ActivityCreate, RewardCreate


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ActivityDialog(QDialog):
    """Name, category, once / every day / every week, dates, stamps, limits, places, organiser."""

    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New activity"))
        today = today or date.today()
        self.name = QLineEdit(self)
        self.name.setObjectName("activityName")
        self.category = QLineEdit(self)
        self.kind = QComboBox(self)
        for key, text in (("once", self.tr("Once")), ("daily", self.tr("Every day")), ("weekly", self.tr("Every week"))):
            self.kind.addItem(text, key)
        self.start = QDateEdit(_qdate(today), self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(_qdate(today), self)
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        self.weekday_boxes: list[QCheckBox] = []
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        for i, text in enumerate([self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                                  self.tr("Sat"), self.tr("Sun")], start=1):
            box = QCheckBox(text, days)
            box.setProperty("weekday", i)
            row.addWidget(box)
            self.weekday_boxes.append(box)
        self.stamps = QSpinBox(self)
        self.stamps.setRange(1, 20)
        self.stamps.setValue(1)
        self.max_visits = QSpinBox(self)
        self.max_visits.setRange(0, 1000)
        self.max_visits.setSpecialValueText(self.tr("no limit"))
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 100000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self.organiser = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Activity name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Repeats"), self.kind)
        form.addRow(self.tr("Date"), self.start)
        form.addRow(self.tr("Last date"), self.end)
        form.addRow(self.tr("Weekdays"), days)
        form.addRow(self.tr("Stamps per visit"), self.stamps)
        form.addRow(self.tr("Visits per person"), self.max_visits)
        form.addRow(self.tr("Places"), self.capacity)
        form.addRow(self.tr("Organiser"), self.organiser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        kind = self.kind.currentData()
        self.end.setEnabled(kind != "once")
        for box in self.weekday_boxes:
            box.setEnabled(kind == "weekly")

    def data(self) -> ActivityCreate:
        kind = self.kind.currentData()
        return ActivityCreate(
            name=self.name.text(), category=self.category.text(), kind=kind, start_date=_pydate(self.start.date()),
            end_date=None if kind == "once" else _pydate(self.end.date()),
            weekdays="".join(str(b.property("weekday")) for b in self.weekday_boxes if b.isChecked()),
            stamps=self.stamps.value(), max_visits=self.max_visits.value() or None,
            capacity=self.capacity.value() or None, organiser=self.organiser.text(),
        )

    @classmethod
    def ask(cls, parent, today: date | None = None) -> ActivityCreate | None:
        dlg = cls(parent, today)
        return dlg.data() if dlg.exec() == QDialog.DialogCode.Accepted else None


class RewardDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New reward"))
        self.name = QLineEdit(self)
        self.cost = QSpinBox(self)
        self.cost.setRange(1, 10000)
        self.stock = QSpinBox(self)
        self.stock.setRange(0, 100000)
        self.notes = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Reward"), self.name)
        form.addRow(self.tr("Cost in stamps"), self.cost)
        form.addRow(self.tr("Stock"), self.stock)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def data(self) -> RewardCreate:
        return RewardCreate(name=self.name.text(), cost=self.cost.value(), stock=self.stock.value(), notes=self.notes.text())

    @classmethod
    def ask(cls, parent) -> RewardCreate | None:
        dlg = cls(parent)
        return dlg.data() if dlg.exec() == QDialog.DialogCode.Accepted else None


class Ask:
    """One-line questions (a reason, a number, a PIN). Tests monkeypatch these classmethods."""

    @classmethod
    def text(cls, parent, title: str, label: str, password: bool = False) -> str | None:
        mode = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, mode)
        return value if ok else None

    @classmethod
    def number(cls, parent, title: str, label: str, value: int, low: int, high: int) -> int | None:
        got, ok = QInputDialog.getInt(parent, title, label, value, low, high)
        return got if ok else None

    @classmethod
    def save_path(cls, parent, title: str, suggested: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
        return path or None
