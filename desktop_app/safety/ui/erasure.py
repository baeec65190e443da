"""A resident's erasure request (PIPL art. 47), from the personal-data dialog: what will go, the walk-in
records typed with the person's name and phone to erase too, a reason, and a tick that it cannot be undone.

The rules (who may, what is anonymised, what the ledgers keep) are ``safety.personal_data.erase_resident``'s;
this dialog only asks. It was a command only (``smiledesk privacy erase``), which a station administrator on
the front-desk PC does not use."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.cli_support import feature_name
from desktop_app.safety.personal_data import Match, erase_resident, erasure_matches
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext

REASON_MAX = 200  # erase_resident refuses longer


class ErasureDialog(QDialog):
    """Erase one resident's personal data everywhere; ``erased`` (the resident's id) once it is done."""

    erased = Signal(int)

    def __init__(self, ctx: AppContext, resident_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id = resident_id
        self.name = name
        self.offered: list[Match] = []
        self.setObjectName("erasePersonalData")
        self.setWindowTitle(self.tr("Erase a resident's personal data"))
        question = QLabel(self.tr("Erase the personal data of {name}?").format(name=name), self)
        question.setObjectName("erasureQuestion")
        question.setWordWrap(True)
        bold = question.font()
        bold.setBold(True)
        question.setFont(bold)
        intro = QLabel(self.tr(
            "Name, ID number, phone, address, emergency contacts and notes are removed from every feature; the "
            "figures, volunteer hours, stamps and meal accounts keep their rows without the person, and the "
            "passport stops working. This cannot be undone. Backups made before keep the data until they are "
            "replaced: make a backup first if you may need to restore one."), self)
        intro.setObjectName("erasureIntro")
        intro.setWordWrap(True)
        self.matches_label = QLabel(self.tr("Looking for walk-in visits typed with the same name and phone…"), self)
        self.matches_label.setObjectName("erasureMatchesNote")
        self.matches_label.setWordWrap(True)
        self.matches = QListWidget(self)
        self.matches.setObjectName("erasureMatches")
        self.matches.setAccessibleName(self.tr("Walk-in visits to erase too"))
        self.matches.setVisible(False)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("erasureReason")
        self.reason.setPlaceholderText(self.tr("e.g. the resident asked in person on the day"))
        self.reason.setMaxLength(REASON_MAX)
        self.understood = QCheckBox(self.tr("I understand that this cannot be undone"), self)
        self.understood.setObjectName("erasureUnderstood")
        self.error = QLabel(self)
        self.error.setObjectName("erasureError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = buttons.addButton(self.tr("Erase"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setObjectName("confirmErasure")
        self.erase_button.setEnabled(False)
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)
        self.understood.toggled.connect(lambda _on: self._update())
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        lay = QVBoxLayout(self)
        lay.addWidget(question)
        lay.addWidget(intro)
        lay.addWidget(self.matches_label)
        lay.addWidget(self.matches, 1)
        lay.addLayout(form)
        lay.addWidget(self.understood, 0, Qt.AlignmentFlag.AlignLeft)  # as wide as its words: a click beside them is not on it
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.resize(560, 420)
        self._loaded = False
        self._busy = False
        actor = ctx.actor
        # 0.2-0.4 s on the large demo database (a million visits, no index on walk-in names): off the lane
        ops.query(self, ctx.engine, lambda s: erasure_matches(s, actor=actor, resident_id=resident_id), self._offer,
                  on_error=self._failed, slow=True)

    def _offer(self, offered: list[Match]) -> None:
        self.offered = offered
        self._loaded = True
        if offered:
            self.matches_label.setText(self.tr(
                "These walk-in visits were typed with the same name and phone but never linked to the resident. "
                "Ticked ones are erased too; untick a visit that was someone else's."))
            for m in offered:
                item = QListWidgetItem(f"{feature_name(m.feature)}  {m.at:%Y-%m-%d}  {m.summary[:60]}", self.matches)
                item.setData(Qt.ItemDataRole.UserRole, m.key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
            self.matches.setVisible(True)
        else:
            self.matches_label.setText(self.tr("No walk-in visit was typed with the same name and phone."))
        self._update()

    def chosen_matches(self) -> list[str]:
        """The keys of the offered records ticked to be erased too."""
        return [self.matches.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.matches.count())
                if self.matches.item(i).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        self.erase_button.setEnabled(self._loaded and not self._busy and self.understood.isChecked())

    def erase(self) -> None:
        if not self.erase_button.isEnabled():
            return
        actor, rid, reason, chosen = self.ctx.actor, self.resident_id, self.reason.text(), self.chosen_matches()
        self._busy = True
        self._update()
        self.error.setVisible(False)
        ops.write(self, self.ctx.engine,
                  lambda s: erase_resident(s, actor=actor, resident_id=rid, reason=reason, matches=chosen),
                  self._done, on_error=self._failed)

    def _done(self, _features: list[str]) -> None:
        self.erased.emit(self.resident_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from desktop_app.ui.messages import report_text

        self._busy = False
        self.error.setText(report_text(exc))
        self.error.setVisible(True)
        self._update()
