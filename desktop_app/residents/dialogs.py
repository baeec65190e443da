"""Add / edit a resident. Personal numbers stay masked until revealed (audited) by an allowed role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.db import session_scope
from desktop_app.core.errors import SmileDeskError, ValidationError
from desktop_app.core.validation import clean_date, mask_id_number, mask_phone
from desktop_app.residents import service
from desktop_app.residents.models import TAGS, Resident, ResidentCreate
from desktop_app.ui.context import AppContext


class DuplicateBox:
    """Asks what to do about a possible duplicate: open the existing record, save anyway, or go back."""

    OPEN, SAVE, BACK = "open", "save", "back"

    @classmethod
    def ask(cls, parent, exc: service.DuplicateResident) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Possible duplicate"), exc.text(), parent=parent)
        open_btn = box.addButton(parent.tr("Open existing"), QMessageBox.ButtonRole.AcceptRole)
        save_btn = None if exc.hard else box.addButton(parent.tr("Save anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(parent.tr("Back"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_btn:
            return cls.OPEN
        if save_btn is not None and clicked is save_btn:
            return cls.SAVE
        return cls.BACK


class ResidentDialog(QDialog):
    open_existing = Signal(int)

    def __init__(self, ctx: AppContext, resident_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id = resident_id
        self.saved_id: int | None = None
        self.original: Resident | None = None
        self.revealed: set[str] = set()
        self.setWindowTitle(self.tr("Edit resident") if resident_id else self.tr("Add resident"))
        self.fields: dict[str, QWidget] = {}

        def line(name: str, placeholder: str = "") -> QLineEdit:
            w = QLineEdit()
            w.setObjectName(name)
            if placeholder:
                w.setPlaceholderText(placeholder)
            self.fields[name] = w
            return w

        self.name = line("name")
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        self.gender.addItem(self.tr("(from ID number)"), "")
        self.gender.addItem(self.tr("male"), "M")
        self.gender.addItem(self.tr("female"), "F")
        self.fields["gender"] = self.gender
        self.id_number = line("id_number", self.tr("18 characters; birth date and gender are read from it"))
        self.birth_date = line("birth_date", self.tr("e.g. 1948-03-05 (only without ID number)"))
        self.phone = line("phone", self.tr("mobile or landline, e.g. 13812345678"))
        self.reveal_id = QPushButton(self.tr("Show"))
        self.reveal_id.setObjectName("revealId")
        self.reveal_phone = QPushButton(self.tr("Show"))
        self.reveal_phone.setObjectName("revealPhone")
        self.community = line("community")
        self.compound = line("compound")
        self.building = line("building")
        self.unit = line("unit")
        self.room = line("room")
        self.grid = line("grid")
        self.emergency_contact = line("emergency_contact")
        self.emergency_phone = line("emergency_phone")
        self.consent_date = line("consent_date", self.tr("date the resident agreed to data use, e.g. 2026-11-22"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(80)
        self.fields["notes"] = self.notes
        self.tags: dict[str, QCheckBox] = {}
        tag_box = QGroupBox(self.tr("Tags (60+ and 80+ follow from the birth date)"))
        tag_grid = QGridLayout(tag_box)
        for i, tag in enumerate(TAGS):
            cb = QCheckBox(QCoreApplication.translate("Tags", service.TAG_LABELS[tag]))
            cb.setObjectName(f"tag_{tag}")
            self.tags[tag] = cb
            tag_grid.addWidget(cb, i // 3, i % 3)

        def with_button(w: QWidget, b: QPushButton) -> QWidget:
            holder = QWidget()
            h = QHBoxLayout(holder)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(w, 1)
            h.addWidget(b)
            return holder

        address = QWidget()
        a = QHBoxLayout(address)
        a.setContentsMargins(0, 0, 0, 0)
        for w, ph in ((self.compound, self.tr("compound")), (self.building, self.tr("building")),
                      (self.unit, self.tr("unit")), (self.room, self.tr("room"))):
            w.setPlaceholderText(ph)
            a.addWidget(w, 3 if w is self.compound else 1)
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("ID number"), with_button(self.id_number, self.reveal_id))
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow(self.tr("Phone"), with_button(self.phone, self.reveal_phone))
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Address"), address)
        form.addRow(self.tr("Grid"), self.grid)
        form.addRow(self.tr("Emergency contact"), self.emergency_contact)
        form.addRow(self.tr("Emergency phone"), self.emergency_phone)
        form.addRow(self.tr("Consent date"), self.consent_date)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(tag_box)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(620)
        self.reveal_id.clicked.connect(lambda: self.reveal("id_number"))
        self.reveal_phone.clicked.connect(lambda: self.reveal("phone"))
        can_reveal = ctx.can(service.REVEAL_PERSONAL)
        self.reveal_id.setVisible(resident_id is not None and can_reveal)
        self.reveal_phone.setVisible(resident_id is not None and can_reveal)
        if resident_id is not None:
            self._load(resident_id)
        self.name.setFocus()

    def _load(self, resident_id: int) -> None:
        with session_scope(self.ctx.engine, write=False) as s:
            r = service.get_resident(s, actor=self.ctx.actor, resident_id=resident_id)
        self.original = r
        self.name.setText(r.name)
        self.gender.setCurrentIndex({"": 0, "M": 1, "F": 2}.get(r.gender, 0))
        self.id_number.setText(mask_id_number(r.id_number))
        self.id_number.setReadOnly(bool(r.id_number))
        self.phone.setText(mask_phone(r.phone))
        self.phone.setReadOnly(bool(r.phone))
        self.birth_date.setText(r.birth_date.isoformat() if r.birth_date else "")
        for key in ("community", "compound", "building", "unit", "room", "grid", "emergency_contact", "emergency_phone"):
            self.fields[key].setText(getattr(r, key))
        self.emergency_phone.setText(r.emergency_phone)
        self.consent_date.setText(r.consent_date.isoformat() if r.consent_date else "")
        self.notes.setPlainText(r.notes)
        for tag, cb in self.tags.items():
            cb.setChecked(bool(getattr(r, tag)))

    def reveal(self, field: str) -> None:
        try:
            with session_scope(self.ctx.engine) as s:
                value = service.reveal(s, actor=self.ctx.actor, resident_id=self.resident_id, field=field)
        except SmileDeskError as exc:
            self.show_error(exc)
            return
        widget = self.fields[field]
        widget.setText(value)
        widget.setReadOnly(False)
        self.revealed.add(field)
        (self.reveal_id if field == "id_number" else self.reveal_phone).setEnabled(False)

    def data(self) -> ResidentCreate:
        def text(name: str) -> str:
            return self.fields[name].text()

        id_number = text("id_number")
        phone = text("phone")
        if self.original is not None:
            # masked values the user has not revealed stay as stored
            if "id_number" not in self.revealed and self.original.id_number:
                id_number = self.original.id_number
            if "phone" not in self.revealed and self.original.phone:
                phone = self.original.phone
        # Text → date conversion only; the service checks the values (future, match with the ID).
        birth = clean_date(text("birth_date"), service.F["birth_date"])
        consent = clean_date(text("consent_date"), service.F["consent_date"])
        if self.original is not None and self.original.id_number and id_number == self.original.id_number:
            birth = None  # derived from the ID again
        return ResidentCreate(
            name=text("name"), gender=self.gender.currentData() or "", birth_date=birth, id_number=id_number,
            phone=phone, community=text("community"), compound=text("compound"), building=text("building"),
            unit=text("unit"), room=text("room"), grid=text("grid"), emergency_contact=text("emergency_contact"),
            emergency_phone=text("emergency_phone"), notes=self.notes.toPlainText(),
            consent_date=consent,
            **{tag: cb.isChecked() for tag, cb in self.tags.items()},
        )

    def show_error(self, exc: BaseException) -> None:
        self.error.setText(exc.text() if isinstance(exc, SmileDeskError) else str(exc))
        self.error.show()
        if isinstance(exc, ValidationError):
            labels = {label: key for key, label in service.F.items()}
            key = labels.get(exc.field)
            widget = self.fields.get(key) if key else None
            if widget is not None:
                widget.setFocus()

    def save(self, allow_similar: bool = False) -> None:
        try:
            data = self.data()
            with session_scope(self.ctx.engine) as s:
                if self.resident_id is None:
                    r = service.create_resident(s, actor=self.ctx.actor, data=data, allow_similar=allow_similar)
                else:
                    r = service.update_resident(s, actor=self.ctx.actor, resident_id=self.resident_id, data=data)
                self.saved_id = r.id
        except service.DuplicateResident as exc:
            choice = DuplicateBox.ask(self, exc)
            if choice == DuplicateBox.OPEN:
                self.open_existing.emit(exc.existing_id)
                self.reject()
            elif choice == DuplicateBox.SAVE:
                self.save(allow_similar=True)
            return
        except SmileDeskError as exc:
            self.show_error(exc)
            return
        self.accept()
